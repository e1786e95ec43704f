package io.jobstream.report.page;

import io.jobstream.model.ClassifiedPosting;
import io.jobstream.model.SalaryDivergence;
import io.jobstream.model.SalaryStats;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the report shows for one window spec: per family the statistics of each window (the roll-up
 * over every seniority, country and remote value) and per pair the gap of each window (slice
 * {@code all}), taken from the latest values of {@code jobs.salary.stats} and
 * {@code jobs.salary.divergence}.
 */
public final class ReportModel {

  /** The family set beside software developers in the official figures. */
  public static final String SOFTWARE_ENGINEER = "software_engineer";

  private final String window;
  private final List<FamilyPair> pairs;
  private final List<String> families;
  private final List<LocalDate> starts;
  private final Map<String, Map<LocalDate, SalaryStats>> stats = new TreeMap<>();
  private final Map<FamilyPair, Map<LocalDate, SalaryDivergence>> gaps = new java.util.LinkedHashMap<>();
  private final Instant asOf;

  private ReportModel(String window, List<FamilyPair> pairs, Collection<SalaryStats> allStats,
      Collection<SalaryDivergence> allGaps) {
    this.window = window;
    this.pairs = List.copyOf(pairs);
    Set<String> wanted = new LinkedHashSet<>();
    for (FamilyPair p : pairs) {
      wanted.add(p.a());
      wanted.add(p.b());
    }
    wanted.add(SOFTWARE_ENGINEER);
    this.families = List.copyOf(wanted);
    TreeSet<LocalDate> days = new TreeSet<>();
    Instant latest = null;
    for (SalaryStats s : allStats) {
      if (s == null || !s.window().equals(window) || !wanted.contains(s.family()) || !s.seniority().equals("all")
          || !s.country().equals("all") || !s.remote().equals("all") || s.count() == 0) {
        continue;
      }
      stats.computeIfAbsent(s.family(), f -> new TreeMap<>()).put(s.windowStart(), s);
      days.add(s.windowStart());
      latest = later(latest, s.updatedAt());
    }
    for (FamilyPair p : pairs) {
      gaps.put(p, new TreeMap<>());
    }
    for (SalaryDivergence d : allGaps) {
      if (d == null || !d.window().equals(window) || !d.seniority().equals("all") || !d.country().equals("all")) {
        continue;
      }
      Map<LocalDate, SalaryDivergence> perStart = gaps.get(new FamilyPair(d.a(), d.b()));
      if (perStart != null) {
        perStart.put(d.windowStart(), d);
        days.add(d.windowStart());
        latest = later(latest, d.updatedAt());
      }
    }
    this.starts = new ArrayList<>(days);
    this.asOf = latest;
  }

  private static Instant later(Instant a, Instant b) {
    return a == null || (b != null && b.isAfter(a)) ? b : a;
  }

  /**
   * @param window the window spec to show, as configured (e.g. {@code year})
   * @param stats values of {@code jobs.salary.stats} (any windows and groups; the others are left out)
   * @param gaps values of {@code jobs.salary.divergence}
   */
  public static ReportModel of(String window, List<FamilyPair> pairs, Collection<SalaryStats> stats,
      Collection<SalaryDivergence> gaps) {
    return new ReportModel(window, pairs, stats, gaps);
  }

  public String window() {
    return window;
  }

  /** How many example verdicts the report shows per family. */
  public static final int EXAMPLES_PER_FAMILY = 3;

  private List<ClassifiedPosting> examples = List.of();

  /**
   * This model with example postings whose emphasis verdict and evidence the report shows: of the
   * given postings (e.g. the latest on the classified topic), up to {@link #EXAMPLES_PER_FAMILY}
   * per family of the pairs that have a verdict with evidence, the latest first.
   */
  public ReportModel withExamples(Collection<ClassifiedPosting> postings) {
    List<ClassifiedPosting> chosen = new java.util.ArrayList<>();
    for (FamilyPair pair : pairs) {
      for (String family : List.of(pair.a(), pair.b())) {
        if (chosen.stream().anyMatch(p -> p.family().equals(family))) {
          continue;
        }
        postings.stream()
            .filter(p -> family.equals(p.family()) && p.emphasis() != null && p.emphasisEvidence() != null
                && !p.emphasisEvidence().isEmpty())
            .sorted(java.util.Comparator.comparing(ClassifiedPosting::eventDate).reversed()
                .thenComparing(ClassifiedPosting::postingId))
            .limit(EXAMPLES_PER_FAMILY).forEach(chosen::add);
      }
    }
    this.examples = List.copyOf(chosen);
    return this;
  }

  private SourceScorecard scorecard;

  /** This model with the scorecard per source (from the raw and dead-letter topics); null for none. */
  public ReportModel withScorecard(SourceScorecard scorecard) {
    this.scorecard = scorecard;
    return this;
  }

  /** The scorecard per source, or null when the model has none (its panel is then left out). */
  public SourceScorecard scorecard() {
    return scorecard;
  }

  /** The example postings of {@link #withExamples}, by family of the pairs. */
  public List<ClassifiedPosting> examples() {
    return examples;
  }

  public List<FamilyPair> pairs() {
    return pairs;
  }

  /** The families of the pairs, then {@code software_engineer}. */
  public List<String> families() {
    return families;
  }

  /** Starts of the windows that have statistics or gaps, ascending. */
  public List<LocalDate> starts() {
    return starts;
  }

  public List<String> labels() {
    return starts.stream().map(this::label).toList();
  }

  /** The latest {@code updatedAt} of what is shown, or null when nothing is. */
  public Instant asOf() {
    return asOf;
  }

  public SalaryStats stats(String family, LocalDate start) {
    Map<LocalDate, SalaryStats> perStart = stats.get(family);
    return perStart == null ? null : perStart.get(start);
  }

  public SalaryDivergence gap(FamilyPair pair, LocalDate start) {
    Map<LocalDate, SalaryDivergence> perStart = gaps.get(pair);
    return perStart == null ? null : perStart.get(start);
  }

  /** The gaps of a pair by window start. */
  public Map<LocalDate, SalaryDivergence> gaps(FamilyPair pair) {
    return gaps.getOrDefault(pair, Map.of());
  }

  public boolean isEmpty() {
    return starts.isEmpty();
  }

  /** Calendar windows are named by their period ({@code 2024}, {@code 2024-Q3}, {@code 2024-07}), others by start day. */
  public String label(LocalDate start) {
    return switch (window) {
      case "year" -> Integer.toString(start.getYear());
      case "quarter" -> start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
      case "month" -> start.toString().substring(0, 7);
      default -> start.toString();
    };
  }

  /** The year whose official figures a window is set beside: the year it starts in. */
  public static int referenceYear(LocalDate start) {
    return start.getYear();
  }
}
