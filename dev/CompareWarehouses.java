import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Compares the analysis tables (int_*) and the marts of two warehouses row for row, ignoring
 * run_id (which run published a mart): prints each table's rows and the rows only in either.
 * Used to show a refactoring of analyse changes no output. Run with the jar's classpath:
 * java -cp 'target/selfeval.jar:target/lib/*' $(cat target/jvm-opens.txt) \
 *   dev/CompareWarehouses.java WAREHOUSE_A WAREHOUSE_B
 */
public class CompareWarehouses {
  public static void main(String[] args) {
    SparkSession spark = SparkSession.builder().master("local[2]").appName("compare")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog",
            "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    int differing = 0;
    for (String t : List.of("int_indicator_deviations", "int_form_execution", "int_links",
        "int_target_changes", "int_flags", "int_unit_year_profiles")) {
      differing += compare(spark.read().format("delta").load(args[0] + "/delta/" + t),
          spark.read().format("delta").load(args[1] + "/delta/" + t), t);
    }
    for (String m : List.of("form_scorecard", "indicator_deviations", "inflation_flags",
        "unit_year_profiles")) {
      differing += compare(spark.read().parquet(args[0] + "/marts/" + m),
          spark.read().parquet(args[1] + "/marts/" + m), "mart " + m);
    }
    System.out.println(differing == 0 ? "SAME: every table and mart equal"
        : "DIFFERENT: " + differing + " tables or marts");
    spark.stop();
  }

  private static int compare(Dataset<Row> a, Dataset<Row> b, String name) {
    String[] cols = Arrays.stream(a.columns()).filter(c -> !c.equals("run_id"))
        .toArray(String[]::new);
    if (!Arrays.equals(cols, Arrays.stream(b.columns()).filter(c -> !c.equals("run_id"))
        .toArray(String[]::new))) {
      System.out.println(name + ": columns differ " + Arrays.toString(a.columns()) + " vs "
          + Arrays.toString(b.columns()));
      return 1;
    }
    // set operations take no map columns: a map is compared as its JSON, keys sorted
    String[] exprs = Arrays.stream(cols).map(c -> a.schema().apply(c).dataType()
        instanceof org.apache.spark.sql.types.MapType
            ? "to_json(map_from_entries(array_sort(map_entries(`" + c + "`)))) as `" + c + "`"
            : "`" + c + "`").toArray(String[]::new);
    Dataset<Row> x = a.selectExpr(exprs);
    Dataset<Row> y = b.selectExpr(exprs);
    long onlyA = x.exceptAll(y).count();
    long onlyB = y.exceptAll(x).count();
    System.out.printf("%-32s rows %6d / %6d  only in first %d, only in second %d%n", name,
        x.count(), y.count(), onlyA, onlyB);
    if (onlyA + onlyB > 0) {
      x.exceptAll(y).show(5, false);
      y.exceptAll(x).show(5, false);
    }
    return onlyA + onlyB > 0 ? 1 : 0;
  }
}
