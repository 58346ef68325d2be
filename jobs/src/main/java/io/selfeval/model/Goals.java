package io.selfeval.model;

/** 年度总体目标: expected and achieved, as printed. */
public record Goals(String targetText, String actualText, int line) {}
