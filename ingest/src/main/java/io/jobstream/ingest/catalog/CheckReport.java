package io.jobstream.ingest.catalog;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobstream.model.FetchFailureClass;
import io.jobstream.model.JsonSerde;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The results of {@code jobstream sources check} as a table for people and as JSON for scripts. */
public final class CheckReport {

  /** Outcomes in the order the summary lists them. */
  public static final List<String> OUTCOMES;

  static {
    List<String> outcomes = new ArrayList<>(List.of(BoardCheck.OK, BoardCheck.UNEXPECTED));
    outcomes.addAll(FetchFailureClass.ALL);
    OUTCOMES = List.copyOf(outcomes);
  }

  private CheckReport() {
  }

  /** How many boards had each outcome, every outcome listed (0 when none). */
  public static Map<String, Integer> counts(List<BoardCheck> checks) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    OUTCOMES.forEach(o -> counts.put(o, 0));
    checks.forEach(c -> counts.merge(c.outcome(), 1, Integer::sum));
    return counts;
  }

  /** One line a board (catalogue, source, employer, outcome, status, postings, detail), then the counts. */
  public static String table(List<BoardCheck> checks) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"CATALOG", "SOURCE", "EMPLOYER", "OUTCOME", "HTTP", "POSTINGS", "DETAIL"});
    for (BoardCheck c : checks) {
      rows.add(new String[] {c.entry().catalog(), c.entry().spec(), c.entry().employer(), c.outcome(),
          c.status() == 0 ? "-" : String.valueOf(c.status()), c.postings() < 0 ? "-" : String.valueOf(c.postings()),
          shorten(c.detail(), 80)});
    }
    int[] widths = new int[7];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(i == row.length - 1 ? row[i] : pad(row[i], widths[i] + 2));
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    StringBuilder summary = new StringBuilder(checks.size() + " boards:");
    counts(checks).forEach((outcome, n) -> {
      if (n > 0) {
        summary.append(' ').append(n).append(' ').append(outcome).append(',');
      }
    });
    summary.setLength(summary.length() - (summary.charAt(summary.length() - 1) == ',' ? 1 : 0));
    return out.append(summary).append('\n').toString();
  }

  /**
   * {@code {"boards": [{catalog, source, employer, url, outcome, status, postings, detail, millis}],
   * "counts": {outcome: n}}}; {@code postings} is null when not counted, {@code status} null when
   * there was no HTTP answer.
   */
  public static String json(List<BoardCheck> checks) {
    ObjectNode root = JsonSerde.MAPPER.createObjectNode();
    ArrayNode boards = root.putArray("boards");
    for (BoardCheck c : checks) {
      ObjectNode b = boards.addObject();
      b.put("catalog", c.entry().catalog());
      b.put("source", c.entry().spec());
      b.put("employer", c.entry().employer());
      b.put("url", c.url());
      b.put("outcome", c.outcome());
      if (c.status() == 0) {
        b.putNull("status");
      } else {
        b.put("status", c.status());
      }
      if (c.postings() < 0) {
        b.putNull("postings");
      } else {
        b.put("postings", c.postings());
      }
      b.put("detail", c.detail());
      b.put("millis", c.millis());
    }
    ObjectNode counts = root.putObject("counts");
    counts(checks).forEach(counts::put);
    try {
      return JsonSerde.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  private static String shorten(String s, int max) {
    String oneLine = s.replace('\n', ' ');
    return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 3) + "...";
  }
}
