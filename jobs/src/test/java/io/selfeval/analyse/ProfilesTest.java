package io.selfeval.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.selfeval.spark.SharedSpark;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class ProfilesTest {

  private final SparkSession spark = SharedSpark.get();

  @Test
  void kindOfUnitComesFromHowItsNameEnds() {
    List<String> kinds = spark.sql("select * from values ('株洲市城市管理综合行政执法支队'), "
            + "('株洲市芦淞区城市管理综合行政执法大队'), ('株洲市芦淞区城市管理和综合执法局'), "
            + "('湘潭市林业事务中心'), ('长沙市发展和改革委员会'), ('某市城市管理学会'), (null) "
            + "as v(unit_name)")
        .select(Profiles.unitKind(FlagThresholds.load(null))).as(Encoders.STRING())
        .collectAsList();
    assertEquals(List.of("enforcement", "enforcement", "department", "service_centre",
        "department", "other", "other"), kinds);
  }
}
