-- int_indicator_deviations: one row per indicator row, as IndicatorScorer scores it. The parsed
-- target and actual come from parsed_values (ValueParser's reading, exported beside the
-- tables: see bench/README.md); everything after the parse is here. The dollar-brace names
-- are the rule pack's settings, filled in by peer.py.
CREATE OR REPLACE TABLE duck_indicator_deviations AS
WITH parsed AS (
  SELECT i.*, p.* EXCLUDE (indicator_id),
    -- direction: the target's comparator or trend, else the name, else "=" means exact
    CASE
      WHEN p.target_comparator IN ('<=', '<') OR p.target_trend = 'decrease'
        THEN 'lower_is_better'
      WHEN i.name IS NOT NULL
        AND list_bool_or(list_transform(
          ['错案率', '投诉', '事故', '成本', '时长', '差错', '违规', '纠纷', '超标', '能耗',
           '负面', '发生率', '失误'], w -> contains(i.name, w)))
        AND NOT list_bool_or(list_transform(
          ['办结率', '结案率', '处理率', '完成率', '满意', '合格率', '及时率', '完好率', '覆盖率',
           '达标率', '整改率', '到位率', '准时率', '执行率', '查处率'], w -> contains(i.name, w)))
        THEN 'lower_is_better'
      WHEN p.target_comparator = '=' THEN 'exact_match'
      ELSE 'higher_is_better'
    END AS dir,
    -- both numbers of one kind, period and unit (an unstated unit matches any)
    p.target_value IS NOT NULL AND p.actual_value IS NOT NULL
      AND p.target_kind = p.actual_kind
      AND p.target_kind IN ('number', 'percent', 'count_per_period')
      AND p.target_period IS NOT DISTINCT FROM p.actual_period
      AND (p.target_unit IS NULL OR p.actual_unit IS NULL OR p.target_unit = p.actual_unit)
      AS comparable,
    h6(p.target_value) AS t6,
    h6(p.actual_value) AS a6,
    h6(i.weight) AS w6
  FROM indicators i
  JOIN parsed_values p ON p.indicator_id = i.indicator_id
),
quantitative AS (
  SELECT *,
    CASE
      WHEN a6 = t6 THEN 'met'
      WHEN dir = 'exact_match' THEN 'missed'
      WHEN (a6 > t6) = (dir = 'higher_is_better') THEN 'exceeded'
      ELSE 'missed'
    END AS q_status
  FROM parsed
),
assessed AS (
  SELECT *,
    CASE
      WHEN weight IS NULL THEN 'no_weight'
      WHEN comparable AND q_status <> 'missed' AND dir = 'higher_is_better' AND t6 > 0
        AND a6 >= t6 * ${over_ratio} THEN 'over_achievement'
      WHEN comparable AND q_status <> 'missed' THEN 'full_weight'
      WHEN comparable AND dir = 'exact_match' THEN 'exact_missed'
      WHEN comparable AND dir = 'higher_is_better' THEN 'proportional'
      WHEN comparable THEN 'reverse_proportional'
      WHEN target_kind = 'deadline' AND actual_kind = 'deadline'
        AND target_deadline IS NOT NULL AND actual_deadline IS NOT NULL THEN 'deadline'
      WHEN actual_kind = 'qualitative' AND actual_polarity IS NOT NULL
        AND target_kind <> 'not_applicable' THEN 'qualitative_band'
      ELSE 'not_measurable'
    END AS scoring_rule
  FROM quantitative
),
shares AS (
  -- the share as an integer share_int / share_p (share_p = 10^scale), signed
  SELECT *,
    qdiv_even(num, den, pow(10, share_scale)::HUGEINT) AS share_int,
    pow(10, share_scale)::HUGEINT AS share_p
  FROM (
    SELECT *,
      CASE WHEN num <> 0 AND den <> 0 THEN sig16_scale(abs(num), abs(den)) ELSE 0 END
        AS share_scale
    FROM (
      SELECT *,
        CASE scoring_rule WHEN 'proportional' THEN a6 WHEN 'reverse_proportional' THEN t6
        END AS num,
        CASE scoring_rule WHEN 'proportional' THEN t6 WHEN 'reverse_proportional' THEN a6
        END AS den
      FROM assessed))
),
scored AS (
  SELECT *,
    CASE scoring_rule
      WHEN 'over_achievement' THEN round(weight * ${over_fraction}, ${score_scale})
      WHEN 'full_weight' THEN round(weight, ${score_scale})
      WHEN 'exact_missed' THEN 0
      -- weight x share (target 0: share 1; never below 0), the share = actual / target
      -- rounded first to 16 significant digits, half even, as IndicatorScorer's DECIMAL64
      WHEN 'proportional' THEN CASE WHEN t6 = 0 THEN round(weight, ${score_scale})
        WHEN a6 = 0 THEN 0
        ELSE dec_scale(qdiv(w6 * greatest(share_int, 0), share_p * 1000000,
                            pow(10, ${score_scale})::HUGEINT), ${score_scale}) END
      WHEN 'reverse_proportional' THEN CASE WHEN a6 = 0 THEN round(weight, ${score_scale})
        WHEN t6 = 0 THEN 0
        ELSE dec_scale(qdiv(w6 * greatest(share_int, 0), share_p * 1000000,
                            pow(10, ${score_scale})::HUGEINT), ${score_scale}) END
      WHEN 'deadline' THEN CASE WHEN actual_deadline <= target_deadline
        THEN round(weight, ${score_scale}) ELSE 0 END
      WHEN 'qualitative_band' THEN round(weight * CASE actual_polarity
        WHEN 'positive' THEN ${qualitative_achieved}
        WHEN 'partial' THEN ${qualitative_partial}
        ELSE ${qualitative_not_achieved} END, ${score_scale})
    END::DECIMAL(22, 6) AS expected
  FROM shares
)
SELECT
  indicator_id, form_id, position, unit_id, fiscal_year, level1, level2, name, target_text,
  actual_text, deviation_reason, target_kind, target_comparator, target_value, target_unit,
  actual_kind, actual_value, actual_unit, actual_approximation, actual_polarity,
  CASE WHEN scoring_rule = 'deadline' THEN 'lower_is_better' ELSE dir END AS direction,
  CASE
    WHEN scoring_rule IN ('no_weight', 'not_measurable') THEN 'not_measurable'
    WHEN comparable THEN q_status
    WHEN scoring_rule = 'deadline'
      THEN CASE WHEN actual_deadline <= target_deadline THEN 'met' ELSE 'missed' END
    WHEN actual_polarity = 'positive' THEN 'met'
    ELSE 'missed'
  END AS status,
  CASE WHEN comparable AND weight IS NOT NULL AND t6 <> 0
    THEN dec6(qdiv(a6 - t6, t6, 1000000)) END AS relative_deviation,
  CASE WHEN comparable AND weight IS NOT NULL THEN a6 = t6 END AS is_exact_hit,
  weight, score, expected AS expected_score,
  CAST(score - expected AS DECIMAL(22, 6)) AS score_excess,
  scoring_rule, '${rule_pack}' AS rule_pack, source_file, line
FROM scored;
