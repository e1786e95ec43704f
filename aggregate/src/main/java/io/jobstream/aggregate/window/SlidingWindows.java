package io.jobstream.aggregate.window;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Running windows over pay counts: each scoped family's counts by slice over the days
 * {@code [from, to)}, moved from one window to the next by taking out the days that leave and
 * adding the days that enter, so that a {@code 30d/1d} window after its neighbour costs two days
 * read, not thirty. A day is read once per emission (one range scan of the tuple store by the
 * {@link DayReader}) and kept while a window may still need it.
 *
 * <p>An emission runs several {@link Lane lanes} over the same days (the divergence stage slides
 * the windows it emits and, for its trends, the windows before them). Everything here lives for
 * one emission, or for the next when an emission ran out of time in the middle of a window: then
 * the changes counted meanwhile are applied with {@link #change}, so that what is kept stays what
 * the stores hold.
 *
 * @param <C> the counts of one slice (the processors use their {@code Cell})
 */
public final class SlidingWindows<C extends SlidingWindows.Counts<C>> {

  /** What a window adds up: the counts of one slice. */
  public interface Counts<C> {
    /** Adds another's postings into these. */
    void merge(C other);

    /** Takes out postings merged in before. */
    void subtract(C other);

    /** No postings are left. */
    boolean isEmpty();
  }

  /** One scoped family's counts of one day by slice (a fresh map the windows may keep). */
  @FunctionalInterface
  public interface DayReader<C> {
    Map<String, C> read(String scopedFamily, LocalDate day);
  }

  private final DayReader<C> reader;
  private final Supplier<C> empty;
  /** The days read, by day and scoped family. */
  private final TreeMap<LocalDate, Map<String, Map<String, C>>> days = new TreeMap<>();
  private final List<Lane> lanes = new ArrayList<>();

  /**
   * @param reader reads a day the first time a window needs it
   * @param empty new empty counts of a slice
   */
  public SlidingWindows(DayReader<C> reader, Supplier<C> empty) {
    this.reader = reader;
    this.empty = empty;
  }

  /** A new lane of running windows over these days. */
  public Lane lane() {
    Lane lane = new Lane();
    lanes.add(lane);
    return lane;
  }

  /**
   * A change counted while windows are kept: the day read and every running window that holds
   * {@code day} take it in (through {@code apply}, which adds it to a map of counts by slice), as
   * they would have had they read it.
   */
  public void change(String scopedFamily, LocalDate day, Consumer<Map<String, C>> apply) {
    Map<String, Map<String, C>> read = days.get(day);
    if (read != null && read.containsKey(scopedFamily)) {
      apply.accept(read.get(scopedFamily));
    }
    for (Lane lane : lanes) {
      Running run = lane.running.get(scopedFamily);
      if (run != null && run.holds(day)) {
        apply.accept(run.slices);
      }
    }
  }

  /** Days before {@code day} are not needed again (the windows only go forward). */
  public void forgetDaysBefore(LocalDate day) {
    days.headMap(day).clear();
  }

  /** Forgets every running window and day read. */
  public void clear() {
    days.clear();
    lanes.forEach(lane -> lane.running.clear());
  }

  /** Days held in memory (for tests). */
  int daysRead() {
    return days.values().stream().mapToInt(Map::size).sum();
  }

  private Map<String, C> day(String scopedFamily, LocalDate day) {
    return days.computeIfAbsent(day, d -> new HashMap<>()).computeIfAbsent(scopedFamily, f -> reader.read(f, day));
  }

  private void add(Map<String, C> into, Map<String, C> day) {
    day.forEach((slice, counts) -> into.computeIfAbsent(slice, s -> empty.get()).merge(counts));
  }

  /** Running windows, one per scoped family. */
  public final class Lane {

    private final Map<String, Running> running = new HashMap<>();

    private Lane() {}

    /**
     * The family's counts by slice over {@code [start, end)}, from its running window in this
     * lane, moved there by sliding where it overlaps; not to be modified by the caller.
     *
     * @param mayReadDay asked before each day taken in or out; when it says no, the window stops
     *     where it is (still exact for the days it holds) and the answer is null: the next call
     *     goes on from there
     * @return the counts by slice, or null when {@code mayReadDay} stopped it
     */
    public Map<String, C> window(String scopedFamily, LocalDate start, LocalDate end, BooleanSupplier mayReadDay) {
      Running run = running.computeIfAbsent(scopedFamily, f -> new Running());
      if (start.equals(run.from) && end.equals(run.to)) {
        return run.slices;
      }
      boolean slides = run.from != null && !start.isBefore(run.from) && start.isBefore(run.to) && !end.isBefore(run.to);
      if (!slides) {
        run.slices.clear();
        run.from = start;
        run.to = start;
      }
      // a day at a time, so that a long build (a year of postings) can stop and go on later
      while (run.from.isBefore(start)) {
        if (!mayReadDay.getAsBoolean()) {
          return null;
        }
        day(scopedFamily, run.from).forEach((slice, counts) -> {
          C left = run.slices.get(slice);
          left.subtract(counts);
          if (left.isEmpty()) {
            run.slices.remove(slice);
          }
        });
        run.from = run.from.plusDays(1);
      }
      while (run.to.isBefore(end)) {
        if (!mayReadDay.getAsBoolean()) {
          return null;
        }
        add(run.slices, day(scopedFamily, run.to));
        run.to = run.to.plusDays(1);
      }
      return run.slices;
    }
  }

  /** A family's counts over the days {@code [from, to)}, by slice. */
  private final class Running {
    LocalDate from;
    LocalDate to;
    final Map<String, C> slices = new TreeMap<>();

    boolean holds(LocalDate day) {
      return from != null && !day.isBefore(from) && day.isBefore(to);
    }
  }
}
