package io.jobstream.report.page;

import io.jobstream.model.DeadLetter;
import io.jobstream.model.FetchFailureClass;
import io.jobstream.model.RawPosting;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The scorecard per source, from what ingest wrote: for each source type and each source
 * ({@code TYPE:TARGET}, e.g. {@code greenhouse:acme}; file and page sources by type alone), the
 * postings published on {@code jobs.postings.raw}, the share of them with a title, company,
 * location, date, pay and description, and the ingest dead letters of {@code jobs.postings.dlq}
 * by reason, fetch failures ({@code fetch_*}) also by class (blocked, rate-limited, timeout,
 * server error, gone). Every record counts: a posting published again because it changed counts
 * again. Safe to feed from one thread and read from others.
 */
public final class SourceScorecard {

  /** The fields whose presence is counted, in the order tables show them. */
  public static final List<String> FIELDS = List.of("title", "company", "location", "date", "pay", "description");

  /** Sources read without a board: their postings and dead letters count under the type alone. */
  private static final Set<String> WITHOUT_BOARD = Set.of("jsonld", "csv", "jsonl");

  /** What is known of one source or one type. */
  public record Row(String name, long sources, long postings, List<Long> withField, Map<String, Long> deadLetters,
      Map<String, Long> failures) {

    /** The share of postings with {@code field} (one of {@link #FIELDS}), null without postings. */
    public Double share(String field) {
      return postings == 0 ? null : withField.get(FIELDS.indexOf(field)) / (double) postings;
    }

    public long deadLetterTotal() {
      return deadLetters.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Fetch failures of {@code failureClass} ({@link FetchFailureClass}), 0 when none. */
    public long failures(String failureClass) {
      return failures.getOrDefault(failureClass, 0L);
    }
  }

  private static final class Tally {
    long postings;
    final long[] withField = new long[FIELDS.size()];
    final Map<String, Long> deadLetters = new TreeMap<>();
    final Map<String, Long> failures = new TreeMap<>();
    final Set<String> sources = new HashSet<>();

    Row row(String name) {
      List<Long> fields = new ArrayList<>();
      for (long n : withField) {
        fields.add(n);
      }
      return new Row(name, sources.size(), postings, List.copyOf(fields), Map.copyOf(deadLetters),
          Map.copyOf(failures));
    }
  }

  private final Map<String, Tally> types = new TreeMap<>();
  private final Map<String, Tally> sources = new TreeMap<>();
  private long records;

  /** Counts a posting published by ingest. */
  public synchronized void add(RawPosting p) {
    records++;
    String type = p.source() == null || p.source().isBlank() ? "other" : p.source();
    String source = sourceOf(type, p.postingId());
    boolean[] present = {
        present(p.title()), present(p.company()),
        p.location() != null && (present(p.location().city()) || present(p.location().region())
            || present(p.location().country()) || present(p.location().text())),
        p.datePosted() != null,
        p.salary() != null && (p.salary().value() != null || p.salary().min() != null || p.salary().max() != null
            || present(p.salary().text())),
        present(p.description())};
    for (Tally t : List.of(tally(types, type, source), tally(sources, source, source))) {
      t.postings++;
      for (int i = 0; i < present.length; i++) {
        if (present[i]) {
          t.withField[i]++;
        }
      }
    }
  }

  /** Counts a dead letter of ingest (those of other stages are not about sources, and are skipped). */
  public synchronized void add(DeadLetter d) {
    if (!"ingest".equals(d.stage())) {
      return;
    }
    records++;
    String key = d.key();
    String type = typeOf(key);
    String source = type.equals("other") ? "other" : sourceOf(type, key);
    String reason = d.reason() == null ? "unknown" : d.reason();
    String failureClass = reason.startsWith("fetch_") ? FetchFailureClass.of(reason, 0, d.detail())
        : reason.equals("api_error") && FetchFailureClass.looksLikeHtml(d.excerpt()) ? FetchFailureClass.BLOCKED
        : null;
    for (Tally t : List.of(tally(types, type, source), tally(sources, source, source))) {
      t.deadLetters.merge(reason, 1L, Long::sum);
      if (failureClass != null) {
        t.failures.merge(failureClass, 1L, Long::sum);
      }
    }
  }

  /** Records counted (postings and ingest dead letters). */
  public synchronized long records() {
    return records;
  }

  /** One row per source type, by name. */
  public synchronized List<Row> types() {
    return types.entrySet().stream().map(e -> e.getValue().row(e.getKey())).toList();
  }

  /** One row per source, by name. */
  public synchronized List<Row> sources() {
    return sources.entrySet().stream().map(e -> e.getValue().row(e.getKey())).toList();
  }

  private static Tally tally(Map<String, Tally> map, String name, String source) {
    Tally t = map.computeIfAbsent(name, n -> new Tally());
    t.sources.add(source);
    return t;
  }

  /**
   * The source of an id or key: {@code TYPE:TARGET} from {@code TYPE:TARGET:...} for board
   * sources, the type alone for file and page sources.
   */
  static String sourceOf(String type, String id) {
    if (WITHOUT_BOARD.contains(type) || id == null || !id.startsWith(type + ":")) {
      return type;
    }
    String rest = id.substring(type.length() + 1);
    int colon = rest.indexOf(':');
    String target = colon < 0 ? rest : rest.substring(0, colon);
    return target.isEmpty() ? type : type + ":" + target;
  }

  /** The source type a dead letter's key names ({@code greenhouse:acme:12} is greenhouse), else {@code other}. */
  static String typeOf(String key) {
    if (key == null) {
      return "other";
    }
    int colon = key.indexOf(':');
    if (colon <= 0) {
      return "other";
    }
    String type = key.substring(0, colon);
    if (type.equals("http") || type.equals("https")) {
      return "jsonld";
    }
    return type.matches("[a-z][a-z0-9_-]*") ? type : "other";
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }
}
