-- int_flags, the rules across forms (PatternFlags): satisfaction rates at their threshold in
-- several years, and unit-years far on the too-good side from their peers or their own years
-- (robust z over the unit-year profiles, in DOUBLE as Spark computes it).
INSERT INTO duck_flag_rules
VALUES ('SATISFACTION_AT_THRESHOLD'), ('PEER_OUTLIER'), ('HISTORY_OUTLIER');

CREATE OR REPLACE TEMP TABLE outlier_metrics AS
SELECT * FROM (VALUES ${outlier_metric_values}) t(metric, mad_floor);

INSERT INTO duck_flags
WITH near AS (
  SELECT * FROM duck_indicator_deviations
  WHERE (starts_with(level1, '满意度') OR contains(level2, '满意度') OR contains(name, '满意'))
    AND target_kind = 'percent' AND actual_kind = 'percent'
    AND actual_value - target_value >= 0
    AND actual_value - target_value <= ${satisfaction_margin_pp}
),
stuck AS (
  SELECT unit_id FROM near WHERE unit_id IS NOT NULL
  GROUP BY unit_id HAVING count(DISTINCT fiscal_year) >= ${satisfaction_min_years}
),
satisfaction AS (
  SELECT 'SATISFACTION_AT_THRESHOLD' AS rule_id, unit_id, fiscal_year, form_id, indicator_id,
    indicator_id AS id_part, source_file, line AS source_line
  FROM near JOIN stuck USING (unit_id)
),
anchors AS (
  SELECT unit_id, fiscal_year, min(form_id) AS form_id, min(source_file) AS source_file,
    min(line_start) AS line_start
  FROM duck_form_execution WHERE form_kind = 'unit'
  GROUP BY unit_id, fiscal_year
),
long AS (
  UNPIVOT (
    SELECT p.unit_id, p.fiscal_year, p.peer_group, a.form_id, a.source_file, a.line_start,
      ${outlier_metric_doubles}
    FROM duck_unit_year_profiles p JOIN anchors a USING (unit_id, fiscal_year)
  ) ON ${outlier_metric_names} INTO NAME metric VALUE value
),
grouped AS (
  SELECT l.*, k.rule_id, k.min_size,
    CASE k.rule_id WHEN 'PEER_OUTLIER' THEN l.peer_group ELSE l.unit_id END AS grp
  FROM long l
  CROSS JOIN (VALUES ('PEER_OUTLIER', ${outlier_min_peers}),
                     ('HISTORY_OUTLIER', ${outlier_min_years})) k(rule_id, min_size)
),
medians AS (
  SELECT rule_id, metric, grp, quantile_cont(value, 0.5) AS median
  FROM grouped GROUP BY rule_id, metric, grp HAVING count(*) >= any_value(min_size)
),
deviations AS (
  SELECT g.*, m.median, abs(g.value - m.median) AS abs_dev
  FROM grouped g JOIN medians m USING (rule_id, metric, grp)
),
mads AS (
  SELECT rule_id, metric, grp, quantile_cont(abs_dev, 0.5) AS mad
  FROM deviations GROUP BY rule_id, metric, grp
),
far AS (
  SELECT d.rule_id, d.unit_id, d.fiscal_year, d.form_id, NULL::VARCHAR AS indicator_id,
    d.metric AS id_part, d.source_file, d.line_start::INTEGER AS source_line,
    d.value, d.median, greatest(m.mad, o.mad_floor) AS scale
  FROM deviations d
  JOIN mads m USING (rule_id, metric, grp)
  JOIN outlier_metrics o USING (metric)
),
all_flags AS (
  SELECT * FROM satisfaction
  UNION ALL
  SELECT rule_id, unit_id, fiscal_year, form_id, indicator_id, id_part, source_file,
    source_line
  FROM far WHERE scale > 0 AND 0.6745 * (value - median) / scale >= ${outlier_robust_z}
)
SELECT
  left(sha256(concat_ws('#', rule_id, form_id, id_part)), 32) AS flag_id,
  rule_id, ${severity_case} AS severity, unit_id, fiscal_year, form_id, indicator_id,
  source_file, source_line, '${rule_pack}' AS rule_pack,
  '${thresholds_version}' AS thresholds_version
FROM all_flags;
