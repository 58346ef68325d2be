package io.selfeval.model;

/** A grade printed with the total: value 优/良/中/差, the text it was read from, its line. */
public record Grade(String value, String text, int line) {}
