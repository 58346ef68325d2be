-- int_flags, DIGIT_ANOMALY (DigitTests): per fiscal year, each form's executed amount and the
-- 万元 figures its document states that are none of its forms' budget figures, each counted
-- once per document; Benford's first digit (mean absolute deviation), the last two digits
-- (chi-square) and round numbers, in DOUBLE with Spark's order of additions.
INSERT INTO duck_flag_rules VALUES ('DIGIT_ANOMALY');

INSERT INTO duck_flags
WITH form_figures AS (
  SELECT source_file AS ff, initial_wan_yuan AS fv FROM forms
  UNION ALL SELECT source_file, adjusted_wan_yuan FROM forms
  UNION ALL SELECT source_file, executed_wan_yuan FROM forms
),
amounts AS (
  SELECT fiscal_year, source_file, value AS amount FROM facts x
  WHERE unit = '万元'
    AND NOT EXISTS (SELECT 1 FROM form_figures g WHERE g.ff = x.source_file AND g.fv = x.value)
  UNION ALL
  SELECT fiscal_year, source_file, executed_wan_yuan FROM forms
),
figures AS (
  SELECT DISTINCT fiscal_year, source_file, amount FROM amounts WHERE amount > 0
),
digits AS (
  SELECT fiscal_year, count(*) AS n,
    ${digit_count_columns}
  FROM (SELECT fiscal_year,
          CAST(regexp_extract(CAST(amount AS VARCHAR), '[1-9]', 0) AS INTEGER) AS digit
        FROM figures)
  GROUP BY fiscal_year
  HAVING count(*) >= ${digit_min_population}
),
benford AS (
  SELECT fiscal_year, 'benford_first_digit' AS test FROM digits
  WHERE (${benford_mad_sum}) / 9 > ${digit_max_mad}
),
last_two AS (
  SELECT fiscal_year, 'last_two_digits' AS test
  FROM (SELECT fiscal_year, count(*) AS c
        FROM figures WHERE amount >= 100
        GROUP BY fiscal_year, CAST(floor(amount) AS HUGEINT) % 100)
  GROUP BY fiscal_year
  HAVING sum(c) >= ${digit_min_population}
    AND 100.0::DOUBLE * sum(c * c) / sum(c) - sum(c) > ${digit_max_last_two_chi2}
),
round_numbers AS (
  SELECT fiscal_year, 'round_numbers' AS test FROM figures WHERE amount >= 10
  GROUP BY fiscal_year
  HAVING count(*) >= ${digit_min_population}
    AND (count(*) FILTER (WHERE amount % 10 = 0))::DOUBLE / count(*) > ${digit_max_round_share}
),
failed AS (
  SELECT * FROM benford UNION ALL SELECT * FROM last_two UNION ALL SELECT * FROM round_numbers
)
SELECT
  left(sha256(concat_ws('#', 'DIGIT_ANOMALY',
    concat_ws(':', 'population', CAST(fiscal_year AS VARCHAR)), test)), 32) AS flag_id,
  'DIGIT_ANOMALY' AS rule_id, ${severity_case_digit} AS severity, NULL::VARCHAR AS unit_id,
  fiscal_year, NULL::VARCHAR AS form_id, NULL::VARCHAR AS indicator_id,
  NULL::VARCHAR AS source_file, NULL::INTEGER AS source_line,
  '${rule_pack}' AS rule_pack, '${thresholds_version}' AS thresholds_version
FROM failed;
