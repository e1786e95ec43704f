package io.jobstream.report.page;

import io.jobstream.report.chart.Html;
import java.util.ArrayList;
import java.util.List;

/**
 * One table of the report, written both as HTML (each cell with its exact value in
 * {@code data-value}, so tests compare what is shown with the topics) and as CSV (exact values).
 */
public final class Table {

  /** A cell: the text shown, and the exact value behind it (null for text cells). */
  public record Cell(String text, String exact) {

    public static Cell text(String text) {
      return new Cell(text == null ? "" : text, null);
    }

    public static Cell number(Double value, String shown) {
      return new Cell(shown, value == null ? "" : Double.toString(value));
    }

    public static Cell number(long value) {
      return new Cell(Formats.count(value), Long.toString(value));
    }
  }

  private final String id;
  private final String caption;
  private final List<String> columns;
  private final List<String> keys = new ArrayList<>();
  private final List<List<Cell>> rows = new ArrayList<>();

  public Table(String id, String caption, List<String> columns) {
    this.id = id;
    this.caption = caption;
    this.columns = List.copyOf(columns);
  }

  /** A row; {@code key} identifies it (e.g. the topic key it comes from). */
  public Table row(String key, List<Cell> cells) {
    if (cells.size() != columns.size()) {
      throw new IllegalArgumentException("table " + id + ": " + cells.size() + " cells for " + columns.size() + " columns");
    }
    keys.add(key);
    rows.add(List.copyOf(cells));
    return this;
  }

  public String id() {
    return id;
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  public String html() {
    StringBuilder out = new StringBuilder();
    out.append("<table id=\"table-").append(Html.escape(id)).append("\" data-table=\"").append(Html.escape(id))
        .append("\"><caption>").append(Html.escape(caption)).append("</caption><thead><tr>");
    for (String c : columns) {
      out.append("<th>").append(Html.escape(c)).append("</th>");
    }
    out.append("</tr></thead><tbody>");
    for (int r = 0; r < rows.size(); r++) {
      out.append("<tr data-key=\"").append(Html.escape(keys.get(r))).append("\">");
      for (Cell cell : rows.get(r)) {
        out.append(cell.exact() == null ? "<td>" : "<td class=\"num\" data-value=\"" + Html.escape(cell.exact()) + "\">")
            .append(Html.escape(cell.text())).append("</td>");
      }
      out.append("</tr>");
    }
    if (rows.isEmpty()) {
      out.append("<tr><td colspan=\"").append(columns.size()).append("\">no data yet</td></tr>");
    }
    return out.append("</tbody></table>").toString();
  }

  /** RFC 4180 CSV: a header line, then one line per row, exact values where a cell has one. */
  public String csv() {
    StringBuilder out = new StringBuilder();
    out.append(String.join(",", columns.stream().map(Table::quote).toList())).append("\r\n");
    for (List<Cell> row : rows) {
      out.append(String.join(",", row.stream().map(c -> quote(c.exact() != null ? c.exact() : c.text())).toList()))
          .append("\r\n");
    }
    return out.toString();
  }

  private static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
