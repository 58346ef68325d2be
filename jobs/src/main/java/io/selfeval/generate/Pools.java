package io.selfeval.generate;

import java.util.List;

/** The names the generator draws from: places, domains, kinds of unit, indicators, projects. */
final class Pools {

  /** A domain of government work and the longer name it may be renamed to. */
  record Domain(String name, String renamed) {}

  /** A kind of unit: the suffix of its name and the peer group it belongs to. */
  record UnitKind(String suffix, String peerGroup) {}

  /**
   * An indicator: where it sits, its name and the rewording a later year may print, how it is
   * measured, and the range its first target is drawn from.
   */
  record Template(String level1, String level2, String name, String reworded, GenRow.Kind kind,
      String unitWord, int low, int high) {}

  static final List<String> CITIES = List.of("长沙市", "株洲市", "湘潭市", "衡阳市", "岳阳市",
      "常德市", "益阳市", "郴州市", "永州市", "怀化市", "娄底市", "邵阳市");

  static final List<Domain> DOMAINS = List.of(
      new Domain("城市管理", "城市综合管理"), new Domain("教育", "教育体育"),
      new Domain("自然资源", "自然资源规划"), new Domain("交通运输", "交通运输综合"),
      new Domain("农业农村", "农业农村事务"), new Domain("生态环境", "生态环境保护"),
      new Domain("市场监督管理", "市场监督管理综合"), new Domain("文化旅游", "文化旅游广电"),
      new Domain("水利", "水利水务"), new Domain("卫生健康", "卫生健康综合"),
      new Domain("民政", "民政事务"), new Domain("应急管理", "应急管理综合"),
      new Domain("住房城乡建设", "住房城乡建设综合"), new Domain("林业", "林业生态"),
      new Domain("商务", "商务粮食"), new Domain("司法行政", "司法行政综合"));

  static final List<UnitKind> KINDS = List.of(new UnitKind("局", "department"),
      new UnitKind("事务中心", "service_centre"), new UnitKind("执法支队", "enforcement"));

  private static final String OUTPUT = "产出指标";
  private static final String EFFECT = "效益指标";
  private static final String SATISFACTION = "满意度指标";

  static final List<Template> COUNTS = List.of(
      new Template(OUTPUT, "数量指标", "开展专项检查行动次数", "开展专项执法检查行动次数",
          GenRow.Kind.COUNT, "次", 20, 80),
      new Template(OUTPUT, "数量指标", "完成业务培训人次", "完成业务技能培训人次",
          GenRow.Kind.COUNT, "人次", 100, 600),
      new Template(OUTPUT, "数量指标", "办理群众来信来访件数", "办理群众来信来访案件数",
          GenRow.Kind.COUNT, "件", 50, 400),
      new Template(OUTPUT, "数量指标", "发放宣传资料份数", "发放政策宣传资料份数",
          GenRow.Kind.COUNT, "份", 1000, 8000),
      new Template(OUTPUT, "数量指标", "完成年度重点工作任务数", "完成年度重点工作任务项数",
          GenRow.Kind.COUNT, "项", 10, 40),
      new Template(OUTPUT, "数量指标", "组织专题会议次数", "组织召开专题会议次数",
          GenRow.Kind.COUNT, "次", 8, 30));

  static final List<Template> QUALITY = List.of(
      new Template(OUTPUT, "质量指标", "项目验收合格率", "项目竣工验收合格率",
          GenRow.Kind.PERCENT, null, 90, 96),
      new Template(OUTPUT, "质量指标", "案卷评查合格率", "执法案卷评查合格率",
          GenRow.Kind.PERCENT, null, 88, 95),
      new Template(OUTPUT, "质量指标", "资金拨付准确率", "财政资金拨付准确率",
          GenRow.Kind.PERCENT, null, 92, 96));

  static final List<Template> TIMELINESS = List.of(
      new Template(OUTPUT, "时效指标", "任务按时完成率", "年度任务按时完成率",
          GenRow.Kind.PERCENT, null, 88, 95),
      new Template(OUTPUT, "时效指标", "群众诉求办结及时率", "群众诉求按期办结及时率",
          GenRow.Kind.PERCENT, null, 85, 95));

  static final List<Template> COST = List.of(
      new Template(OUTPUT, "成本指标", "预算成本控制情况", "项目预算成本控制情况",
          GenRow.Kind.QUALITATIVE, null, 0, 0));

  static final List<Template> SOCIAL_QUALITATIVE = List.of(
      new Template(EFFECT, "社会效益指标", "社会治理水平", "区域社会治理水平",
          GenRow.Kind.QUALITATIVE, null, 0, 0),
      new Template(EFFECT, "社会效益指标", "公共服务水平", "基层公共服务水平",
          GenRow.Kind.QUALITATIVE, null, 0, 0));

  static final List<Template> SOCIAL_COUNTS = List.of(
      new Template(EFFECT, "社会效益指标", "服务群众人次", "服务辖区群众人次",
          GenRow.Kind.COUNT, "人次", 2000, 20000),
      new Template(EFFECT, "社会效益指标", "受益群众户数", "直接受益群众户数",
          GenRow.Kind.COUNT, "户", 500, 5000));

  static final List<Template> SUSTAINABILITY = List.of(
      new Template(EFFECT, "可持续影响指标", "长效管理机制覆盖率", "长效管理机制建设覆盖率",
          GenRow.Kind.PERCENT, null, 85, 95),
      new Template(EFFECT, "可持续影响指标", "制度建设完成率", "内部管理制度建设完成率",
          GenRow.Kind.PERCENT, null, 88, 96));

  static final List<Template> SATISFACTIONS = List.of(
      new Template(SATISFACTION, "服务对象满意度指标", "服务对象满意度", "服务对象综合满意度",
          GenRow.Kind.PERCENT, null, 85, 90),
      new Template(SATISFACTION, "服务对象满意度指标", "群众满意率", "辖区群众满意率",
          GenRow.Kind.PERCENT, null, 85, 90));

  static final List<String> PROJECTS = List.of("专项工作经费", "信息化建设项目", "办公楼维修改造项目",
      "宣传教育经费", "业务培训经费", "设备购置项目");

  /**
   * Signers of the synthetic reports, written the ways that defeat a naive masker: a space inside,
   * a six-character minority name, a name with ·. They must never reach a record.
   */
  static final List<String> SIGNERS = List.of("张 三", "阿卜杜热合曼", "买买提·艾力", "欧阳娜娜",
      "王建国", "李 华");

  static final List<String> PROBLEMS = List.of(
      "1.部分绩效指标设置不够细化，量化程度不高；2.预算执行进度有待加快。",
      "1.项目前期论证不够充分，个别任务推进滞后；2.绩效监控的及时性有待提高。",
      "1.部分资金拨付进度偏慢；2.绩效目标与年度工作计划衔接不够紧密。");

  private Pools() {}
}
