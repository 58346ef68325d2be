package io.selfeval.warehouse;

import java.util.List;

/**
 * The names of the parquet marts and where their schemas live: what the publish stage writes
 * and the site reads, named here so neither stage imports the other.
 */
public final class MartNames {

  public static final String FORM_SCORECARD = "form_scorecard";
  public static final String INDICATOR_DEVIATIONS = "indicator_deviations";
  public static final String INFLATION_FLAGS = "inflation_flags";
  public static final String UNIT_YEAR_PROFILES = "unit_year_profiles";
  public static final List<String> NAMES = List.of(FORM_SCORECARD, INDICATOR_DEVIATIONS,
      INFLATION_FLAGS, UNIT_YEAR_PROFILES);

  /** The partition column of every mart. */
  public static final String PARTITION = "fiscal_year";

  private MartNames() {}

  /** The schema file of a mart. */
  public static String ddlFile(String mart) {
    return "marts/" + mart + ".ddl";
  }
}
