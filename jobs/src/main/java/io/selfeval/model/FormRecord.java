package io.selfeval.model;

import java.util.List;

/**
 * The normalised record: one form of one report. Its JSON form is the contract described by
 * {@code schemas/record.schema.json}; {@link Records} writes and reads it.
 */
public record FormRecord(
    String schemaVersion,
    String recordId,
    String extractor,
    Source source,
    String unitName,
    Integer fiscalYear,
    String formKind,
    String projectName,
    boolean hasScoreTable,
    Budget budget,
    Goals goals,
    List<Indicator> indicators,
    Figure reportedTotal,
    Figure reportedTotalWeight,
    Grade reportedGrade,
    List<Fact> facts,
    Narrative narrative,
    List<Warning> warnings) {

  public static final String SCHEMA_VERSION = "1.1";
  public static final String KIND_UNIT = "unit";
  public static final String KIND_PROJECT = "project";
}
