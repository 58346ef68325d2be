-- int_form_execution: one row per form, as Metrics.formExecution computes it. Spark divides
-- two DECIMAL(22,6) into a DECIMAL(38,16) (half up) and multiplies that by the weight into
-- scale 6; the integers below (h6 = value x 10^6) round at the same places.
CREATE OR REPLACE TABLE duck_form_execution AS
WITH per_form AS (
  SELECT form_id,
    sum(score) AS indicator_score_sum,
    sum(coalesce(expected_score, score)) AS expected_score_sum,
    sum(CASE WHEN starts_with(level1, '产出') THEN weight END) AS weight_output,
    sum(CASE WHEN starts_with(level1, '效益') THEN weight END) AS weight_effect,
    sum(CASE WHEN starts_with(level1, '满意度') THEN weight END) AS weight_satisfaction,
    sum(weight) AS indicator_weight_sum,
    count(*)::INTEGER AS indicator_count,
    count(expected_score)::INTEGER AS measurable_count,
    count(*) FILTER (WHERE is_exact_hit)::INTEGER AS exact_hit_count
  FROM duck_indicator_deviations
  GROUP BY form_id
),
rates AS (
  SELECT f.*, p.* EXCLUDE (form_id, indicator_count),
    coalesce(f.budget_weight, ${budget_weight}) AS weight_used,
    -- DECIMAL(38,16) quotients as integers at scale 16
    qdiv(h6(f.executed_wan_yuan), h6(f.adjusted_wan_yuan), 10000000000000000::HUGEINT) AS rate16,
    qdiv(h6(f.executed_wan_yuan), h6(f.initial_wan_yuan), 10000000000000000::HUGEINT)
      AS rate_initial16,
    qdiv(h6(f.adjusted_wan_yuan), h6(f.initial_wan_yuan), 10000000000000000::HUGEINT)
      AS adjustment16,
    p.indicator_count AS rows_count
  FROM forms f
  LEFT JOIN per_form p ON p.form_id = f.form_id
),
scores AS (
  SELECT *,
    -- weight x rate at scale 6, capped when the pack says so, then at the score scale
    qdiv(h6(weight_used) * rate16, 10000000000000000::HUGEINT, 1) AS raw6
  FROM rates
),
budget AS (
  SELECT *,
    CASE WHEN rate16 IS NOT NULL THEN dec_scale(qdiv(
      CASE WHEN ${budget_score_capped} THEN least(raw6, h6(weight_used)) ELSE raw6 END,
      pow(10, 6 - ${score_scale})::HUGEINT, 1), ${score_scale}) END AS recomputed_budget_score
  FROM scores
)
SELECT
  form_id, unit_id, fiscal_year, form_kind, initial_wan_yuan, adjusted_wan_yuan,
  executed_wan_yuan,
  dec6(qdiv(rate16, 10000000000::HUGEINT, 1)) AS execution_rate,
  dec6(qdiv(rate_initial16, 10000000000::HUGEINT, 1)) AS execution_rate_vs_initial,
  -- minus 1 loses a digit in Spark: scale 15, then 6
  dec6(qdiv(qdiv(adjustment16 - 10000000000000000::HUGEINT, 10, 1), 1000000000::HUGEINT, 1))
    AS adjustment_ratio,
  weight_used AS budget_weight,
  recomputed_budget_score,
  reported_rate,
  -- (reported - rate) at scale 15, x 100 at scale 11 (Spark's precision loss, half up each),
  -- then bround to 6 (half even)
  dec6(qdiv_even(qdiv(100 * qdiv(h6(reported_rate) * 10000000000::HUGEINT - rate16, 10, 1),
                      10000, 1), 100000, 1)) AS rate_difference_pp,
  reported_budget_score,
  CAST(reported_budget_score - recomputed_budget_score AS DECIMAL(22, 6))
    AS budget_score_difference,
  indicator_score_sum::DECIMAL(22, 6) AS indicator_score_sum,
  expected_score_sum::DECIMAL(22, 6) AS expected_score_sum,
  CAST(recomputed_budget_score + coalesce(indicator_score_sum, 0) AS DECIMAL(22, 6))
    AS recomputed_total,
  CAST(recomputed_budget_score + coalesce(expected_score_sum, 0) AS DECIMAL(22, 6))
    AS fair_total,
  reported_total,
  CAST(reported_total - (recomputed_budget_score + coalesce(expected_score_sum, 0))
    AS DECIMAL(22, 6)) AS inflation_points,
  reported_grade,
  (SELECT arg_max(g.grade, g.min_total) FROM grades g WHERE reported_total >= g.min_total)
    AS recomputed_grade,
  weight_output::DECIMAL(22, 6) AS weight_output,
  weight_effect::DECIMAL(22, 6) AS weight_effect,
  weight_satisfaction::DECIMAL(22, 6) AS weight_satisfaction,
  CAST(weight_used + coalesce(indicator_weight_sum, 0) AS DECIMAL(22, 6)) AS weight_total,
  coalesce(rows_count, 0) AS indicator_count,
  coalesce(measurable_count, 0) AS measurable_count,
  coalesce(exact_hit_count, 0) AS exact_hit_count,
  '${rule_pack}' AS rule_pack, source_file, line_start
FROM budget;
