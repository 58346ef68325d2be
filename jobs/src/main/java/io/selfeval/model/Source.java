package io.selfeval.model;

/** Provenance of a record: file relative to the input root, its content hash, form and lines. */
public record Source(String file, String sha256, int formIndex, int lineStart, int lineEnd,
    String encoding) {}
