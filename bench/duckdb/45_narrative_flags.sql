-- int_flags, NARRATIVE_TABLE_MISMATCH (Flags.narrativeTableMismatch): a form's figure that its
-- document states in prose or the basic-data table, where no statement equals the table's.
INSERT INTO duck_flag_rules VALUES ('NARRATIVE_TABLE_MISMATCH');

INSERT INTO duck_flags
WITH stated AS (
  SELECT source_file AS fact_file, key,
    regexp_replace(label, '^[（(]?[0-9一二三四五六七八九十]+[)）、.．]', '') AS fact_project,
    value, line AS fact_line
  FROM facts
  WHERE unit = '万元' AND (period IS NULL OR period = 'final')
),
pairs AS (
  SELECT f.form_id, f.unit_id, f.fiscal_year, f.source_file, s.key, s.value, s.fact_line,
    CASE s.key
      WHEN 'budget_total' THEN f.adjusted_wan_yuan
      WHEN 'initial_budget' THEN f.initial_wan_yuan
      WHEN 'expenditure' THEN f.executed_wan_yuan
      WHEN 'project_line' THEN f.executed_wan_yuan
    END AS table_value
  FROM forms f
  JOIN stated s ON f.source_file = s.fact_file
    AND CASE WHEN f.form_kind = 'unit'
          THEN s.key IN ('budget_total', 'initial_budget', 'expenditure')
          ELSE s.key = 'project_line' AND s.fact_project = f.project_name END
  WHERE f.has_score_table
),
mismatched AS (
  SELECT form_id, unit_id, fiscal_year, source_file, key, table_value,
    min(fact_line) AS first_line
  FROM pairs
  WHERE table_value IS NOT NULL
  GROUP BY form_id, unit_id, fiscal_year, source_file, key, table_value
  HAVING NOT bool_or(abs(value - table_value) <= ${amount_tolerance_wan_yuan})
)
SELECT
  left(sha256(concat_ws('#', 'NARRATIVE_TABLE_MISMATCH', form_id, '')), 32) AS flag_id,
  'NARRATIVE_TABLE_MISMATCH' AS rule_id,
  ${severity_case_narrative} AS severity, unit_id, fiscal_year, form_id,
  NULL::VARCHAR AS indicator_id, source_file, first_line AS source_line,
  '${rule_pack}' AS rule_pack, '${thresholds_version}' AS thresholds_version
FROM mismatched;
