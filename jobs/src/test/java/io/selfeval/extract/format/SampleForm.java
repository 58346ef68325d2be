package io.selfeval.extract.format;

import java.util.ArrayList;
import java.util.List;

/**
 * A small 整体支出 self-evaluation form, written by hand as a printed table is laid out: each
 * row lists the cells it starts, with their spans, the way HTML does (cells covered by a
 * rowspan from above are not repeated). The writers render it as .docx, .xlsx/.xls and .html;
 * {@link FormatReadersTest} states the values a reader must find in it.
 */
final class SampleForm {

  /** A cell a row starts: text, columns and rows it spans. */
  record Span(String text, int cols, int rows) {}

  static final String TITLE = "2023年度部门整体支出绩效自评表";
  static final String INTRO = "一、部门基本情况：本局负责全市道路保洁工作。";
  static final String SIGNER = "填表人：张三  联系电话：13812345678";
  static final int WIDTH = 9;

  static final List<List<Span>> ROWS = List.of(
      row(s("部门名称"), s("长沙市示范管理局", 8, 1)),
      row(s("资金情况（万元）", 1, 4), s("年度资金总额"), s("年初预算数"), s("全年预算数"),
          s("全年执行数"), s("分值"), s("执行率"), s("得分", 2, 1)),
      row(s("合计"), s("500.00"), s("520.00"), s("507.00"), s("10"), s("97.5%"),
          s("9.75", 2, 1)),
      row(s("其中：当年财政拨款"), s("500.00"), s("520.00"), s("507.00"), s(""), s(""),
          s("", 2, 1)),
      row(s("上年结转资金"), s(""), s(""), s(""), s(""), s(""), s("", 2, 1)),
      row(s("年度总体目标", 1, 2), s("预期目标", 4, 1), s("实际完成情况", 4, 1)),
      row(s("完成全市主次干道保洁任务", 4, 1), s("已全面完成", 4, 1)),
      row(s("绩效指标", 1, 4), s("一级指标"), s("二级指标"), s("三级指标"), s("年度指标值"),
          s("实际完成值"), s("分值"), s("得分"), s("偏差原因分析及改进措施")),
      row(s("产出指标", 1, 2), s("数量指标"), s("保洁道路面积"), s("≥120万平方米"),
          s("125万平方米"), s("20"), s("20"), s("")),
      row(s("质量指标"), s("保洁达标率"), s("≥95%"), s("93%"), s("20"), s("18"),
          s("个别路段雨季积水")),
      row(s("满意度指标"), s("服务对象满意度指标"), s("群众满意度"), s("≥90%"), s("92%"),
          s("10"), s("10"), s("")),
      row(s("总分", 6, 1), s("60"), s("58.75"), s("等级：良")));

  private SampleForm() {}

  private static Span s(String text) {
    return new Span(text, 1, 1);
  }

  private static Span s(String text, int cols, int rows) {
    return new Span(text, cols, rows);
  }

  @SafeVarargs
  private static List<Span> row(Span... cells) {
    return List.of(cells);
  }

  /** A cell of the grid: the span that covers it and whether this is its top-left corner. */
  record Slot(Span span, int row, int col, boolean anchor) {}

  /** The spans placed on the grid, row by row, every grid cell filled. */
  static List<Slot[]> grid() {
    List<Slot[]> grid = new ArrayList<>();
    for (int r = 0; r < ROWS.size(); r++) {
      grid.add(new Slot[WIDTH]);
    }
    for (int r = 0; r < ROWS.size(); r++) {
      int c = 0;
      for (Span span : ROWS.get(r)) {
        while (grid.get(r)[c] != null) {
          c++;
        }
        for (int dr = 0; dr < span.rows(); dr++) {
          for (int dc = 0; dc < span.cols(); dc++) {
            grid.get(r + dr)[c + dc] = new Slot(span, r, c, dr == 0 && dc == 0);
          }
        }
        c += span.cols();
      }
    }
    return grid;
  }

  /** The form as an HTML page with a nav bar and a script that must be ignored. */
  static String html() {
    StringBuilder s = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"gbk\">"
        + "<title>自评</title><script>var x = '总分 100';</script></head><body>\n"
        + "<nav><a href=\"/\">首页</a> <a href=\"/a\">通知公告</a></nav>\n"
        + "<p>" + INTRO + "</p>\n<h3>" + TITLE + "</h3>\n<table border=\"1\">\n");
    for (List<Span> row : ROWS) {
      s.append("<tr>");
      for (Span c : row) {
        s.append("<td").append(c.cols() > 1 ? " colspan=\"" + c.cols() + "\"" : "")
            .append(c.rows() > 1 ? " rowspan=\"" + c.rows() + "\"" : "").append(">")
            .append(c.text()).append("</td>");
      }
      s.append("</tr>\n");
    }
    return s.append("</table>\n<p>").append(SIGNER).append("</p></body></html>\n").toString();
  }
}
