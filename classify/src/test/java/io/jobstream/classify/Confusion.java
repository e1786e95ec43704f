package io.jobstream.classify;

import io.jobstream.classify.emphasis.Emphasis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A confusion matrix of emphasis labels, with agreement and per-class precision and recall. */
final class Confusion {

  static final List<String> LABELS =
      List.of(Emphasis.ML_HEAVY, Emphasis.SOFTWARE_HEAVY, Emphasis.BALANCED, Emphasis.NEITHER);

  private final String name;
  private final int[][] counts = new int[LABELS.size()][LABELS.size()];
  private final List<String> misses = new ArrayList<>();

  Confusion(String name) {
    this.name = name;
  }

  void add(String id, String expected, String actual) {
    counts[LABELS.indexOf(expected)][LABELS.indexOf(actual)]++;
    if (!expected.equals(actual)) {
      misses.add(id + ": " + expected + " -> " + actual);
    }
  }

  int total() {
    int n = 0;
    for (int[] row : counts) {
      for (int c : row) {
        n += c;
      }
    }
    return n;
  }

  double agreement() {
    int right = 0;
    for (int i = 0; i < LABELS.size(); i++) {
      right += counts[i][i];
    }
    return (double) right / total();
  }

  /** Share of the ads labelled {@code label} that the classifier labels so; NaN with none. */
  double recall(String label) {
    int i = LABELS.indexOf(label);
    int all = 0;
    for (int c : counts[i]) {
      all += c;
    }
    return (double) counts[i][i] / all;
  }

  /** Share of the ads the classifier labels {@code label} that the reader labelled so; NaN with none. */
  double precision(String label) {
    int j = LABELS.indexOf(label);
    int all = 0;
    for (int[] row : counts) {
      all += row[j];
    }
    return (double) counts[j][j] / all;
  }

  List<String> misses() {
    return misses;
  }

  /** The matrix (rows: the reader's label, columns: the classifier's) and per-class figures. */
  String report() {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%s: %d ads, agreement %.1f%%%n", name, total(), 100 * agreement()));
    b.append(String.format(Locale.ROOT, "%-16s", "reader \\ says"));
    for (String l : LABELS) {
      b.append(String.format(Locale.ROOT, "%16s", l));
    }
    b.append(String.format(Locale.ROOT, "%11s%11s%n", "recall", "precision"));
    for (int i = 0; i < LABELS.size(); i++) {
      b.append(String.format(Locale.ROOT, "%-16s", LABELS.get(i)));
      for (int j = 0; j < LABELS.size(); j++) {
        b.append(String.format(Locale.ROOT, "%16d", counts[i][j]));
      }
      b.append(String.format(Locale.ROOT, "%11s%11s%n", percent(recall(LABELS.get(i))),
          percent(precision(LABELS.get(i)))));
    }
    return b.toString();
  }

  private static String percent(double x) {
    return Double.isNaN(x) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * x);
  }
}
