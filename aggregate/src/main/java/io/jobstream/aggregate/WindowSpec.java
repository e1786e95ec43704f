package io.jobstream.aggregate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A window spec as users write it: rolling {@code SIZE/ADVANCE} in whole UTC days (e.g.
 * {@code 30d/1d}: 30-day windows starting every day, aligned to the epoch day), or a calendar
 * period {@code month}, {@code quarter}, {@code year} (UTC calendar boundaries).
 *
 * <p>{@link #text()} is the spec exactly as written; it is the {@code window} field of every
 * output record.
 */
public final class WindowSpec {

  /** One window: days from {@code start} (inclusive) to {@code end} (exclusive). */
  public record Window(LocalDate start, LocalDate end) {}

  private static final Pattern ROLLING = Pattern.compile("(\\d+)d/(\\d+)d");

  private enum Kind { ROLLING, MONTH, QUARTER, YEAR }

  private final String text;
  private final Kind kind;
  private final int sizeDays;
  private final int advanceDays;

  private WindowSpec(String text, Kind kind, int sizeDays, int advanceDays) {
    this.text = text;
    this.kind = kind;
    this.sizeDays = sizeDays;
    this.advanceDays = advanceDays;
  }

  /**
   * Parses a spec.
   *
   * @throws IllegalArgumentException with a one-line reason when the spec is not valid
   */
  public static WindowSpec parse(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("empty window spec");
    }
    String text = spec.trim();
    switch (text.toLowerCase(Locale.ROOT)) {
      case "month":
        return new WindowSpec(text, Kind.MONTH, 0, 0);
      case "quarter":
        return new WindowSpec(text, Kind.QUARTER, 0, 0);
      case "year":
        return new WindowSpec(text, Kind.YEAR, 0, 0);
      default:
        break;
    }
    Matcher m = ROLLING.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("window spec '" + text
          + "' is not SIZEd/ADVANCEd (e.g. 30d/1d), month, quarter or year");
    }
    int size = Integer.parseInt(m.group(1));
    int advance = Integer.parseInt(m.group(2));
    if (size < 1 || size > 3660 || advance < 1 || advance > size) {
      throw new IllegalArgumentException("window spec '" + text
          + "' needs 1 <= ADVANCE <= SIZE <= 3660 days");
    }
    return new WindowSpec(text, Kind.ROLLING, size, advance);
  }

  /** Parses a comma-separated list of specs. */
  public static List<WindowSpec> parseList(String specs) {
    List<WindowSpec> out = new ArrayList<>();
    for (String part : specs.split(",")) {
      if (!part.isBlank()) {
        out.add(parse(part));
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("no window spec given");
    }
    return out;
  }

  public String text() {
    return text;
  }

  /** Every window of this spec that contains {@code day}, oldest first. */
  public List<Window> windowsContaining(LocalDate day) {
    return switch (kind) {
      case MONTH -> List.of(new Window(day.withDayOfMonth(1), day.withDayOfMonth(1).plusMonths(1)));
      case QUARTER -> {
        LocalDate start = LocalDate.of(day.getYear(), ((day.getMonthValue() - 1) / 3) * 3 + 1, 1);
        yield List.of(new Window(start, start.plusMonths(3)));
      }
      case YEAR -> List.of(new Window(day.withDayOfYear(1), day.withDayOfYear(1).plusYears(1)));
      case ROLLING -> rollingWindowsContaining(day);
    };
  }

  private List<Window> rollingWindowsContaining(LocalDate day) {
    long epochDay = day.toEpochDay();
    // Window starts are multiples of the advance; a window [s, s + size) contains the day when
    // day - size < s <= day.
    long lastStart = Math.floorDiv(epochDay, advanceDays) * advanceDays;
    List<Window> windows = new ArrayList<>();
    for (long s = lastStart; s > epochDay - sizeDays; s -= advanceDays) {
      LocalDate start = LocalDate.ofEpochDay(s);
      windows.add(0, new Window(start, start.plus(sizeDays, ChronoUnit.DAYS)));
    }
    return windows;
  }

  /** The window just before {@code window} that does not overlap it. */
  public Window previous(Window window) {
    return switch (kind) {
      case MONTH -> new Window(window.start().minusMonths(1), window.start());
      case QUARTER -> new Window(window.start().minusMonths(3), window.start());
      case YEAR -> new Window(window.start().minusYears(1), window.start());
      case ROLLING -> new Window(window.start().minusDays(sizeDays), window.start());
    };
  }

  /**
   * The window whose {@link #previous} is {@code window}, or null when no window of this spec has
   * it as its previous one (a rolling spec whose size is not a multiple of its advance).
   */
  public Window next(Window window) {
    return switch (kind) {
      case MONTH -> new Window(window.end(), window.end().plusMonths(1));
      case QUARTER -> new Window(window.end(), window.end().plusMonths(3));
      case YEAR -> new Window(window.end(), window.end().plusYears(1));
      case ROLLING -> {
        LocalDate start = window.start().plusDays(sizeDays);
        yield Math.floorMod(start.toEpochDay(), advanceDays) == 0
            ? new Window(start, start.plusDays(sizeDays)) : null;
      }
    };
  }

  @Override
  public String toString() {
    return text;
  }
}
