package io.jobstream.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores pay extraction against hand labels, the same way for every labeled set: a string with
 * pay counts as right when currency, period and both annual figures (within 1%) match; a string
 * labeled as stating no pay must give no salary at all.
 */
final class SalaryScore {

  /**
   * A hand label: the pay a careful reader finds in a string, or none.
   *
   * @param currency ISO code, or null when the string states no pay
   */
  record Label(String currency, String period, double annualMin, double annualMax) {

    static final Label NONE = new Label(null, null, 0, 0);

    /**
     * The label in columns {@code currency, period, min, max, annualMin, annualMax} starting at
     * {@code from}; currency {@code none} is a string without pay.
     */
    static Label parse(String[] fields, int from) {
      if (fields[from].equals("none")) {
        return NONE;
      }
      return new Label(fields[from], fields[from + 1], Double.parseDouble(fields[from + 4]),
          Double.parseDouble(fields[from + 5]));
    }

    boolean hasPay() {
      return currency != null;
    }
  }

  private int pay;
  private int payRight;
  private int none;
  private int falseSalaries;
  private final List<String> misses = new ArrayList<>();

  void add(String text, Label label, PayResult result) {
    Salary s = result.salary();
    if (!label.hasPay()) {
      none++;
      if (s != null) {
        falseSalaries++;
        misses.add("FALSE SALARY: " + text + " -> " + s);
      }
      return;
    }
    pay++;
    boolean right = s != null && s.currency().equals(label.currency()) && s.period().equals(label.period())
        && within1Percent(s.annualMin(), label.annualMin()) && within1Percent(s.annualMax(), label.annualMax());
    if (right) {
      payRight++;
    } else {
      misses.add("miss: " + text + " | want " + label.currency() + " " + label.period() + " "
          + label.annualMin() + ".." + label.annualMax()
          + " | got " + (s == null ? "nothing (" + result.rejected() + ")" : s));
    }
  }

  int strings() {
    return pay + none;
  }

  /** Share of the strings with pay that were read exactly. */
  double accuracy() {
    return pay == 0 ? 0 : (double) payRight / pay;
  }

  int falseSalaries() {
    return falseSalaries;
  }

  void print(String set) {
    System.out.printf("%s: %d strings with pay, %d without; exact %.3f; false salaries %d%n",
        set, pay, none, accuracy(), falseSalaries);
    misses.forEach(m -> System.out.println("  " + m));
  }

  private static boolean within1Percent(double actual, double expected) {
    return Math.abs(actual - expected) <= 0.01 * Math.abs(expected);
  }
}
