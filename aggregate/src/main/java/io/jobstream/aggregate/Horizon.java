package io.jobstream.aggregate;

import java.time.LocalDate;
import java.util.List;

/**
 * The first day the stores still need. Postings dated more than the grace period before the
 * latest posting date are late (dead letters), so no change can reach a window that ends before
 * {@code latest - grace}; the earliest window a change can still reach is the first that contains
 * that day, and its divergence trend compares with the window before it. Every day before the
 * start of that previous window, in the spec that reaches furthest back, can leave every store.
 */
final class Horizon {

  private final List<WindowSpec> specs;
  private final long graceDays;

  Horizon(List<WindowSpec> specs, long graceDays) {
    this.specs = List.copyOf(specs);
    this.graceDays = graceDays;
  }

  /** The first day still needed when the latest posting date is {@code latest}. */
  LocalDate firstNeeded(LocalDate latest) {
    LocalDate oldestAccepted = latest.minusDays(graceDays);
    LocalDate first = oldestAccepted;
    for (WindowSpec spec : specs) {
      for (WindowSpec.Window window : spec.windowsContaining(oldestAccepted)) {
        LocalDate start = spec.previous(window).start();
        if (start.isBefore(first)) {
          first = start;
        }
      }
    }
    return first;
  }

  /** Days of postings the stores hold at most: from the horizon to the latest date. */
  long daysKept(LocalDate latest) {
    return latest.toEpochDay() - firstNeeded(latest).toEpochDay() + 1;
  }

  long graceDays() {
    return graceDays;
  }
}
