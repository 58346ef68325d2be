package io.selfeval.model;

/** Something ambiguous, guessed or skipped while reading, with its line (null: whole document). */
public record Warning(String code, String message, Integer line) {}
