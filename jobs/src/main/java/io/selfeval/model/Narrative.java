package io.selfeval.model;

/** What the report says of its own problems and next steps. */
public record Narrative(String problemsSection, Integer problemsLine, boolean hasProblems,
    String improvementsSection) {

  public static Narrative none() {
    return new Narrative(null, null, false, null);
  }
}
