-- int_flags, the rules about one form or one indicator row (the ones that need no peers, no
-- history and no population): as Flags.flags raises them, thresholds from flags.json.
-- flag_id is Spark's: the first 32 hex digits of SHA-256 over rule_id # form_id # indicator_id.
-- The evidence text and map are not rebuilt (see bench/README.md).
CREATE OR REPLACE TABLE duck_flag_rules AS
SELECT unnest(['PERFECT_TOTAL', 'ALL_FULL_MARKS', 'FULL_MARKS_DESPITE_MISS', 'SCORE_EXCESS',
  'SCORE_ABOVE_WEIGHT', 'PARTS_NOT_TOTAL', 'GRADE_MISMATCH', 'RATE_MISMATCH',
  'BUDGET_SCORE_MISMATCH', 'WEIGHTS_NOT_STANDARD', 'DEDUCTION_WITHOUT_REASON',
  'REASON_WITHOUT_DEDUCTION', 'BUDGET_ADJUSTED_TO_SPEND', 'ALL_EXACT_HITS',
  'QUALITATIVE_HEAVY', 'PROBLEMS_BUT_HIGH_SCORE']) AS rule_id;

CREATE OR REPLACE TABLE duck_flags AS
WITH rows AS (
  SELECT *, score >= weight - ${score_tolerance} AS is_full,
    scoring_rule IN ('full_weight', 'over_achievement', 'proportional',
                     'reverse_proportional', 'exact_missed') AS quantitative
  FROM duck_indicator_deviations
  WHERE weight IS NOT NULL
),
per_form AS (
  SELECT form_id,
    count(*) FILTER (WHERE is_full) AS full_marks_count,
    count(*) FILTER (WHERE quantitative) AS quantitative_count,
    sum(weight) AS indicator_weight,
    sum(CASE WHEN quantitative THEN 0 ELSE weight END) AS qualitative_weight,
    sum(CASE WHEN NOT quantitative AND is_full THEN weight ELSE 0 END) AS qualitative_full_weight
  FROM rows
  GROUP BY form_id
),
f AS (
  SELECT e.*, fo.reported_total_line, fo.budget_line, fo.has_problems, fo.problems_line,
    p.* EXCLUDE (form_id)
  FROM duck_form_execution e
  JOIN forms fo ON fo.form_id = e.form_id
  LEFT JOIN per_form p ON p.form_id = e.form_id
),
form_flags AS (
  SELECT 'PERFECT_TOTAL' AS rule_id, form_id, reported_total_line AS line FROM f
  WHERE reported_total >= ${perfect_total}
  UNION ALL
  SELECT 'ALL_FULL_MARKS', form_id, reported_total_line FROM f
  WHERE indicator_count > 0 AND full_marks_count = indicator_count
  UNION ALL
  SELECT 'SCORE_ABOVE_WEIGHT', form_id, budget_line FROM f
  WHERE reported_budget_score > budget_weight + ${score_tolerance}
  UNION ALL
  SELECT 'PARTS_NOT_TOTAL', form_id, reported_total_line FROM f
  WHERE reported_total IS NOT NULL AND indicator_count > 0
    AND abs(coalesce(reported_budget_score, 0) + indicator_score_sum - reported_total)
      > ${score_tolerance}
  UNION ALL
  SELECT 'GRADE_MISMATCH', form_id, reported_total_line FROM f
  WHERE reported_grade IS NOT NULL AND reported_grade <> recomputed_grade
  UNION ALL
  SELECT 'RATE_MISMATCH', form_id, budget_line FROM f
  WHERE abs(rate_difference_pp) > ${rate_tolerance_pp}
  UNION ALL
  SELECT 'BUDGET_SCORE_MISMATCH', form_id, budget_line FROM f
  WHERE abs(budget_score_difference) > ${score_tolerance}
  UNION ALL
  SELECT 'WEIGHTS_NOT_STANDARD', form_id, line_start FROM f
  WHERE indicator_count > 0 AND (coalesce(weight_output, 0) <> ${weight_output}
    OR coalesce(weight_effect, 0) <> ${weight_effect}
    OR coalesce(weight_satisfaction, 0) <> ${weight_satisfaction})
  UNION ALL
  SELECT 'BUDGET_ADJUSTED_TO_SPEND', form_id, budget_line FROM f
  WHERE abs(adjusted_wan_yuan - initial_wan_yuan) > ${amount_tolerance_wan_yuan}
    AND abs(executed_wan_yuan - adjusted_wan_yuan) <= ${amount_tolerance_wan_yuan}
  UNION ALL
  SELECT 'ALL_EXACT_HITS', form_id, line_start FROM f
  WHERE quantitative_count >= ${exact_hits_min_quantitative}
    AND exact_hit_count >= quantitative_count * ${exact_hits_min_share}
  UNION ALL
  SELECT 'QUALITATIVE_HEAVY', form_id, line_start FROM f
  WHERE qualitative_weight >= indicator_weight * ${qualitative_heavy_min_share}
    AND qualitative_weight > 0 AND qualitative_full_weight = qualitative_weight
  UNION ALL
  SELECT 'PROBLEMS_BUT_HIGH_SCORE', form_id, problems_line FROM f
  WHERE has_problems AND reported_total >= ${high_score_min_total}
),
indicator_flags AS (
  SELECT 'FULL_MARKS_DESPITE_MISS' AS rule_id, indicator_id FROM rows
  WHERE status = 'missed' AND is_full
  UNION ALL
  SELECT 'SCORE_EXCESS', indicator_id FROM rows
  WHERE score_excess > ${score_excess_min_points}
  UNION ALL
  SELECT 'SCORE_ABOVE_WEIGHT', indicator_id FROM rows
  WHERE score > weight + ${score_tolerance}
  UNION ALL
  SELECT 'DEDUCTION_WITHOUT_REASON', indicator_id FROM rows
  WHERE score < weight - ${score_tolerance} AND deviation_reason IS NULL
  UNION ALL
  SELECT 'REASON_WITHOUT_DEDUCTION', indicator_id FROM rows
  WHERE is_full AND deviation_reason IS NOT NULL
),
all_flags AS (
  SELECT g.rule_id, f.unit_id, f.fiscal_year, f.form_id, NULL::VARCHAR AS indicator_id,
    f.source_file, g.line::INTEGER AS source_line
  FROM form_flags g JOIN f USING (form_id)
  UNION ALL
  SELECT g.rule_id, r.unit_id, r.fiscal_year, r.form_id, r.indicator_id, r.source_file,
    r.line AS source_line
  FROM indicator_flags g JOIN rows r USING (indicator_id)
)
SELECT
  left(sha256(concat_ws('#', rule_id, form_id, coalesce(indicator_id, ''))), 32) AS flag_id,
  rule_id, ${severity_case} AS severity, unit_id, fiscal_year, form_id, indicator_id,
  source_file, source_line, '${rule_pack}' AS rule_pack,
  '${thresholds_version}' AS thresholds_version
FROM all_flags;
