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
      row(cell("部门名称"), cell("长沙市示范管理局", 8, 1)),
      row(cell("资金情况（万元）", 1, 4), cell("年度资金总额"), cell("年初预算数"), cell("全年预算数"),
          cell("全年执行数"), cell("分值"), cell("执行率"), cell("得分", 2, 1)),
      row(cell("合计"), cell("500.00"), cell("520.00"), cell("507.00"), cell("10"), cell("97.5%"),
          cell("9.75", 2, 1)),
      row(cell("其中：当年财政拨款"), cell("500.00"), cell("520.00"), cell("507.00"), cell(""), cell(""),
          cell("", 2, 1)),
      row(cell("上年结转资金"), cell(""), cell(""), cell(""), cell(""), cell(""), cell("", 2, 1)),
      row(cell("年度总体目标", 1, 2), cell("预期目标", 4, 1), cell("实际完成情况", 4, 1)),
      row(cell("完成全市主次干道保洁任务", 4, 1), cell("已全面完成", 4, 1)),
      row(cell("绩效指标", 1, 4), cell("一级指标"), cell("二级指标"), cell("三级指标"), cell("年度指标值"),
          cell("实际完成值"), cell("分值"), cell("得分"), cell("偏差原因分析及改进措施")),
      row(cell("产出指标", 1, 2), cell("数量指标"), cell("保洁道路面积"), cell("≥120万平方米"),
          cell("125万平方米"), cell("20"), cell("20"), cell("")),
      row(cell("质量指标"), cell("保洁达标率"), cell("≥95%"), cell("93%"), cell("20"), cell("18"),
          cell("个别路段雨季积水")),
      row(cell("满意度指标"), cell("服务对象满意度指标"), cell("群众满意度"), cell("≥90%"), cell("92%"),
          cell("10"), cell("10"), cell("")),
      row(cell("总分", 6, 1), cell("60"), cell("58.75"), cell("等级：良")));

  private SampleForm() {}

  private static Span cell(String text) {
    return new Span(text, 1, 1);
  }

  private static Span cell(String text, int cols, int rows) {
    return new Span(text, cols, rows);
  }

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
