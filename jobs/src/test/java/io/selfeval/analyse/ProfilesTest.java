package io.selfeval.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.selfeval.model.Schemas;
import io.selfeval.spark.SharedSpark;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class ProfilesTest {

  private final SparkSession spark = SharedSpark.get();

  @Test
  void kindOfUnitComesFromHowItsNameEnds() {
    List<String> kinds = spark.sql("select * from values ('株洲市城市管理综合行政执法支队'), "
            + "('株洲市芦淞区城市管理综合行政执法大队'), ('株洲市芦淞区城市管理和综合执法局'), "
            + "('湘潭市林业事务中心'), ('长沙市发展和改革委员会'), ('某市城市管理学会'), (null) "
            + "as v(unit_name)")
        .select(Profiles.unitKind(FlagThresholds.load(null).peers().kinds())).as(Encoders.STRING())
        .collectAsList();
    assertEquals(List.of("enforcement", "enforcement", "department", "service_centre",
        "department", "other", "other"), kinds);
  }

  @Test
  void formsWithoutUnitOrYearGetNoProfile() {
    // found by the bad-input corpus: a report with no year anywhere made a profile with a null
    // key, and publish refused the marts
    StructType execution = Schemas.ddl("tables/int_form_execution.ddl");
    List<Row> forms = new ArrayList<>();
    for (Object[] key : new Object[][] {{"f1", "u1", 2023}, {"f2", "u1", null},
        {"f3", null, 2023}}) {
      Object[] values = new Object[execution.size()];
      values[execution.fieldIndex("form_id")] = key[0];
      values[execution.fieldIndex("unit_id")] = key[1];
      values[execution.fieldIndex("fiscal_year")] = key[2];
      values[execution.fieldIndex("form_kind")] = "unit";
      forms.add(RowFactory.create(values));
    }
    FlagThresholds t = FlagThresholds.load(null);
    Dataset<Row> profiles = Profiles.unitYearProfiles(spark.createDataFrame(forms, execution),
            empty("int_indicator_deviations"), empty("units"), empty("int_target_changes"),
            t.scores(), t.peers(), "national@test");
    assertEquals(List.of(RowFactory.create("u1", 2023, 1)),
        profiles.select("unit_id", "fiscal_year", "forms").collectAsList());
    // the flag counts join in afterwards: two flags of u1 in 2023 (one high), one of 2024 and
    // one population flag with no unit count nowhere
    Dataset<Row> flags = spark.sql("select * from values ('u1', 2023, 'high'), "
        + "('u1', 2023, 'low'), ('u1', 2024, 'high'), (null, 2023, 'low') "
        + "as f(unit_id, fiscal_year, severity)");
    assertEquals(List.of(RowFactory.create("u1", 2023, 1, 2, 1)),
        Profiles.withFlagCounts(profiles, flags)
            .select("unit_id", "fiscal_year", "forms", "flags", "high_flags").collectAsList());
  }

  private Dataset<Row> empty(String table) {
    return spark.createDataFrame(List.of(), Schemas.ddl("tables/" + table + ".ddl"));
  }
}
