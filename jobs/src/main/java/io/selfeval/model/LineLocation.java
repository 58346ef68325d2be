package io.selfeval.model;

/**
 * Where a line of the text a record was read from stands in the original document: a cell range
 * of a sheet ({@code 自评表!B9:J9}), a table row of a Word or HTML document ({@code table 1 row
 * 9}), a page line of a PDF ({@code page 2 line 14}).
 */
public record LineLocation(int line, String location) {}
