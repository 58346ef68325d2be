package io.selfeval.model;

/** One split line of the budget block (by source, or a 'label：amount' cell by nature). */
public record BudgetLine(String category, String label, Figure initial, Figure adjusted,
    Figure executed, Figure amount, int line) {}
