package io.jobstream.app.deploy;

import java.util.Set;
import java.util.TreeSet;

/**
 * The metric names a PromQL expression reads: the names of its vector selectors
 * ({@code rate(jobstream_ingest_requests_total{outcome="ok"}[5m])} reads
 * {@code jobstream_ingest_requests_total}) and the patterns of {@code __name__} matchers
 * ({@code {__name__=~"kafka_producer_.+"}}). Function and aggregation names, label names in
 * {@code by}, {@code without}, {@code on}, {@code ignoring} and {@code group_left/right} lists,
 * label matchers, strings, numbers, durations, ranges, subqueries, {@code offset} and {@code @}
 * modifiers and Grafana variables ({@code $__rate_interval}) are not names. A histogram's series
 * keep their suffix ({@code _bucket}, {@code _sum}, {@code _count}) as written: that is the
 * series name the application exports.
 *
 * <p>A tokenizer, not a parser: the expressions are checked for syntax by {@code promtool}
 * (see {@link DeployFilesTest}); this only needs to tell a name from the rest.
 */
final class PromQlMetricNames {

  /** Aggregation operators: followed by {@code (} or by a {@code by}/{@code without} clause. */
  private static final Set<String> AGGREGATIONS = Set.of("sum", "min", "max", "avg", "group", "stddev", "stdvar",
      "count", "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio");
  /** Keywords that take a parenthesised list of label names. */
  private static final Set<String> LABEL_LISTS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");
  /** Binary operators and modifiers spelt as words, and the literals {@code Inf} and {@code NaN}. */
  private static final Set<String> WORDS = Set.of("and", "or", "unless", "bool", "atan2", "offset", "inf", "nan");

  /** The names and {@code __name__} patterns an expression reads. */
  record Names(Set<String> names, Set<String> patterns) {}

  private final String expr;
  private int pos;
  private final Set<String> names = new TreeSet<>();
  private final Set<String> patterns = new TreeSet<>();

  private PromQlMetricNames(String expr) {
    this.expr = expr;
  }

  /** The metric names and {@code __name__} patterns of {@code expr}. */
  static Names of(String expr) {
    PromQlMetricNames scan = new PromQlMetricNames(expr);
    scan.scan();
    return new Names(scan.names, scan.patterns);
  }

  private void scan() {
    while (pos < expr.length()) {
      char c = expr.charAt(pos);
      if (Character.isWhitespace(c)) {
        pos++;
      } else if (c == '"' || c == '\'' || c == '`') {
        skipString();
      } else if (c == '#') {
        skipTo('\n');
      } else if (c == '{') {
        labelMatchers();
      } else if (c == '[') {
        skipTo(']');
      } else if (c == '$') {
        pos++;
        word();
      } else if (Character.isDigit(c) || (c == '.' && pos + 1 < expr.length() && Character.isDigit(expr.charAt(pos + 1)))) {
        // a number or a duration (0.9, 1e3, 0x1f, 7d, 1h30m)
        while (pos < expr.length() && (Character.isLetterOrDigit(expr.charAt(pos)) || expr.charAt(pos) == '.')) {
          pos++;
        }
      } else if (isNameStart(c)) {
        identifier();
      } else {
        pos++;
      }
    }
  }

  private void identifier() {
    String word = word();
    int after = skipSpaces(pos);
    char next = after < expr.length() ? expr.charAt(after) : 0;
    String lower = word.toLowerCase();
    if (LABEL_LISTS.contains(lower)) {
      if (next == '(') {
        pos = after;
        skipTo(')');
      }
    } else if (WORDS.contains(lower)) {
      // an operator or modifier; offset's duration is skipped as a number
    } else if (next == '(') {
      // a function or an aggregation: its arguments are scanned as they come
    } else if (AGGREGATIONS.contains(lower) && (startsWordAt(after, "by") || startsWordAt(after, "without"))) {
      // sum by (family) (...)
    } else {
      names.add(word);
    }
  }

  /** {@code {label op "value", ...}}: only a {@code __name__} matcher names a metric. */
  private void labelMatchers() {
    pos++;
    while (pos < expr.length() && expr.charAt(pos) != '}') {
      char c = expr.charAt(pos);
      if (isNameStart(c)) {
        String label = word();
        int at = skipSpaces(pos);
        String op = expr.startsWith("=~", at) || expr.startsWith("!~", at) || expr.startsWith("!=", at)
            ? expr.substring(at, at + 2) : expr.startsWith("=", at) ? "=" : "";
        pos = skipSpaces(at + op.length());
        String value = pos < expr.length() && "\"'`".indexOf(expr.charAt(pos)) >= 0 ? skipString() : null;
        if (label.equals("__name__") && value != null) {
          if (op.equals("=")) {
            names.add(value);
          } else if (op.equals("=~")) {
            patterns.add(value);
          }
        }
      } else if (c == '"' || c == '\'' || c == '`') {
        // a metric name quoted inside the braces (Prometheus 3: {"metric.name", label="x"})
        names.add(skipString());
      } else {
        pos++;
      }
    }
    pos++;
  }

  private String word() {
    int start = pos;
    while (pos < expr.length() && (isNameStart(expr.charAt(pos)) || Character.isDigit(expr.charAt(pos)))) {
      pos++;
    }
    return expr.substring(start, pos);
  }

  /** Skips a quoted string at {@code pos}; returns its content with escapes resolved. */
  private String skipString() {
    char quote = expr.charAt(pos++);
    StringBuilder content = new StringBuilder();
    while (pos < expr.length() && expr.charAt(pos) != quote) {
      if (expr.charAt(pos) == '\\' && quote != '`' && pos + 1 < expr.length()) {
        pos++;
      }
      content.append(expr.charAt(pos++));
    }
    pos++;
    return content.toString();
  }

  /** Skips past the next {@code end} (a range's {@code ]}, a label list's {@code )}). */
  private void skipTo(char end) {
    while (pos < expr.length() && expr.charAt(pos) != end) {
      pos++;
    }
    pos++;
  }

  private int skipSpaces(int at) {
    while (at < expr.length() && Character.isWhitespace(expr.charAt(at))) {
      at++;
    }
    return at;
  }

  private boolean startsWordAt(int at, String word) {
    int end = at + word.length();
    return expr.regionMatches(true, at, word, 0, word.length())
        && (end >= expr.length() || !(isNameStart(expr.charAt(end)) || Character.isDigit(expr.charAt(end))));
  }

  private static boolean isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
  }
}
