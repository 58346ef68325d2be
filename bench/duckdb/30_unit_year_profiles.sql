-- int_unit_year_profiles, the columns that need neither flags, target changes (links)
-- nor clusters (k-means): shares, deviations, execution, totals, kind and peer group. Spark's
-- decimal averages round at scale 12, then 10, then 6, and a share of two counts is a DOUBLE
-- cast to a decimal; the integers below round at the same places.
CREATE OR REPLACE MACRO avg6(sum_h6, n) AS
  qdiv(qdiv(qdiv(sum_h6, n, 1000000), 100, 1), 10000, 1);

CREATE OR REPLACE TABLE duck_unit_year_profiles AS
WITH dev AS (
  SELECT *, relative_deviation IS NOT NULL OR is_exact_hit IS NOT NULL AS quantitative,
    score >= weight - ${score_tolerance} AS is_full
  FROM duck_indicator_deviations
  WHERE unit_id IS NOT NULL
),
rows_agg AS (
  SELECT unit_id, fiscal_year,
    count(*)::INTEGER AS indicator_rows,
    count(*) FILTER (WHERE quantitative)::INTEGER AS quantitative_rows,
    count(*) FILTER (WHERE is_exact_hit) AS exact_hits,
    count(weight) AS weighted_rows,
    count(*) FILTER (WHERE is_full) AS full_rows,
    sum(h6(weight)) AS weight_sum,
    sum(CASE WHEN quantitative THEN 0 ELSE h6(weight) END) AS qualitative_weight,
    sum(h6(relative_deviation)) AS deviation_sum,
    count(relative_deviation) AS deviations,
    -- Spark's percentile: lo + (hi - lo) x 0.5 in DOUBLE, read back through its decimal text
    CAST(CAST(quantile_cont(relative_deviation::DOUBLE, 0.5) AS VARCHAR) AS DECIMAL(22, 6))
      AS median_relative_deviation
  FROM dev
  GROUP BY unit_id, fiscal_year
),
forms_agg AS (
  SELECT unit_id, fiscal_year,
    count(*)::INTEGER AS forms,
    count(*) FILTER (WHERE form_kind <> 'unit')::INTEGER AS project_forms,
    sum(CASE WHEN form_kind = 'unit' THEN h6(executed_wan_yuan) END) AS executed,
    sum(CASE WHEN form_kind = 'unit' THEN h6(adjusted_wan_yuan) END) AS adjusted,
    sum(CASE WHEN form_kind = 'unit' THEN h6(initial_wan_yuan) END) AS initial,
    sum(CASE WHEN fair_total IS NOT NULL THEN h6(reported_total) END) AS reported_sum,
    count(CASE WHEN fair_total IS NOT NULL THEN reported_total END) AS reported_n,
    sum(CASE WHEN reported_total IS NOT NULL THEN h6(fair_total) END) AS fair_sum,
    count(CASE WHEN reported_total IS NOT NULL THEN fair_total END) AS fair_n,
    sum(h6(inflation_points)) AS inflation_sum,
    count(inflation_points) AS inflation_n
  FROM duck_form_execution
  WHERE unit_id IS NOT NULL AND fiscal_year IS NOT NULL
  GROUP BY unit_id, fiscal_year
),
joined AS (
  SELECT f.*, r.* EXCLUDE (unit_id, fiscal_year), u.canonical_name AS unit_name
  FROM forms_agg f
  LEFT JOIN rows_agg r USING (unit_id, fiscal_year)
  LEFT JOIN units u ON u.unit_id = f.unit_id
)
SELECT
  unit_id, fiscal_year, unit_name,
  ${unit_kind_case} AS unit_kind,
  ${peer_group} AS peer_group,
  forms, project_forms,
  coalesce(indicator_rows, 0) AS indicator_rows,
  coalesce(quantitative_rows, 0) AS quantitative_rows,
  dec6(qdiv(exact_hits, quantitative_rows, 1000000)) AS exact_hit_share,
  dec6(qdiv(full_rows, weighted_rows, 1000000)) AS full_marks_share,
  dec6(qdiv(qualitative_weight, weight_sum, 1000000)) AS qualitative_share,
  CASE WHEN deviations > 0 THEN dec6(avg6(deviation_sum, deviations)) END
    AS mean_relative_deviation,
  median_relative_deviation,
  dec6(qdiv(executed, adjusted, 1000000)) AS execution_rate,
  dec6(qdiv(adjusted, initial, 1000000) - 1000000) AS adjustment_ratio,
  CASE WHEN reported_n > 0 THEN dec6(avg6(reported_sum, reported_n)) END AS reported_total,
  CASE WHEN fair_n > 0 THEN dec6(avg6(fair_sum, fair_n)) END AS fair_total,
  CASE WHEN inflation_n > 0 THEN dec6(avg6(inflation_sum, inflation_n)) END
    AS inflation_points,
  '${rule_pack}' AS rule_pack
FROM joined;
