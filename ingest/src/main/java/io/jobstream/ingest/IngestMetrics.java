package io.jobstream.ingest;

import io.jobstream.model.DeadLetter;
import io.jobstream.model.FetchFailureClass;
import io.jobstream.model.RawPosting;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Set;

/**
 * Ingest meters, all with bounded tags (an outcome from a fixed set, a connector type):
 *
 * <ul>
 *   <li>{@code jobstream.ingest.requests} (counter; tag {@code outcome}: ok, not_modified, or the
 *       fetch failure reason such as http_status, io, too_large, robots_denied)
 *   <li>{@code jobstream.ingest.retries} (counter)
 *   <li>{@code jobstream.ingest.received} (counter, base unit bytes)
 *   <li>{@code jobstream.ingest.fetch.duration} (timer)
 *   <li>{@code jobstream.ingest.postings} (counter; tags {@code source}: jsonld, csv, jsonl,
 *       greenhouse, lever, ashby, recruitee, other; {@code outcome}: published, unchanged)
 *   <li>{@code jobstream.ingest.rejected} (counter; tag {@code reason}: the dead letter's reason)
 *   <li>{@code jobstream.ingest.truncated} (counter; tag {@code source}): postings published
 *       reduced to fit their size budget
 * </ul>
 *
 * <p>The scorecard per source type (tag {@code type}: jsonld, csv, jsonl, a connector's type, or
 * other; never the board, whose number is unbounded):
 *
 * <ul>
 *   <li>{@code jobstream.ingest.source.postings} (counter; {@code type}, {@code outcome}: published,
 *       unchanged): postings read, new or changed ones published, the rest unchanged since their
 *       last publication; none at all while fetches succeed means the source's markup changed
 *   <li>{@code jobstream.ingest.source.fields} (counter; {@code type}, {@code field}: title,
 *       company, location, date, pay, description): published postings that have the field; the
 *       share is this over {@code jobstream.ingest.source.postings}
 *   <li>{@code jobstream.ingest.source.fetches} (counter; {@code type}, {@code outcome}: ok,
 *       not_modified, failed): requests made while reading a source of the type
 *   <li>{@code jobstream.ingest.source.failures} (counter; {@code type}, {@code class}: blocked,
 *       rate_limited, timeout, server_error, gone, other, see {@link FetchFailureClass}): failed
 *       requests, and answers that were an HTML page where JSON was expected (blocked)
 *   <li>{@code jobstream.ingest.source.rejected} (counter; {@code type}, {@code reason}): dead
 *       letters from reading a source of the type
 * </ul>
 */
public final class IngestMetrics {

  /** The source types a tag may name: pages, files and every API connector; anything else is {@code other}. */
  private static final Set<String> SOURCES = sourceTypes();
  private static final Set<String> REASONS = Set.of("ok", "not_modified", "blocked_address", "bad_scheme",
      "http_status", "too_large", "content_type", "redirects", "io", "retry_after", "robots_denied",
      "robots_unavailable");

  /** The scorecard's fields, in the order tables show them. */
  public static final java.util.List<String> FIELDS =
      java.util.List.of("title", "company", "location", "date", "pay", "description");

  private final MeterRegistry registry;
  // the type of the source being read: sources are read one at a time, their requests meanwhile
  private volatile String reading;
  private final Timer fetchDuration;
  private final Counter retries;
  private final Counter received;

  public IngestMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.fetchDuration = Timer.builder("jobstream.ingest.fetch.duration")
        .description("time to fetch one URL, retries included").register(registry);
    this.retries = Counter.builder("jobstream.ingest.retries").description("requests retried").register(registry);
    this.received = Counter.builder("jobstream.ingest.received").baseUnit("bytes")
        .description("body bytes received (after decompression)").register(registry);
  }

  /** Meters that go nowhere, for code paths without a registry. */
  public static IngestMetrics none() {
    return new IngestMetrics(new SimpleMeterRegistry());
  }

  public MeterRegistry registry() {
    return registry;
  }

  /**
   * The type of the source read from now on ({@code greenhouse}, {@code jsonld}, ...), or null
   * between sources: requests are counted for it.
   */
  public void reading(String type) {
    this.reading = type;
    if (type != null) {
      // every class from the start, at zero: a ratio over them (the blocked alert) has its series
      for (String failureClass : FetchFailureClass.ALL) {
        Counter.builder("jobstream.ingest.source.failures").tag("type", typeTag(type)).tag("class", failureClass)
            .description("failed requests by source type and class of failure").register(registry);
      }
    }
  }

  /** A source type as a bounded tag value: a known type, else {@code other}. */
  static String typeTag(String type) {
    if (type == null) {
      return "other";
    }
    return SOURCES.contains(type) ? type : "other";
  }

  /** A request that failed: counted by reason as {@link #request}, and by class for the source type. */
  public void failure(String reason, int status, String detail, Duration took) {
    request(reason, took, 0);
    String type = reading;
    if (type != null) {
      sourceFailure(type, FetchFailureClass.of(reason, status, detail));
    }
  }

  private void sourceFailure(String type, String failureClass) {
    Counter.builder("jobstream.ingest.source.failures").tag("type", typeTag(type)).tag("class", failureClass)
        .description("failed requests by source type and class of failure").register(registry).increment();
  }

  /** A posting published: the fields it has are counted for its source type. */
  public void published(RawPosting p) {
    String type = typeTag(p.source());
    boolean[] present = {
        present(p.title()), present(p.company()),
        p.location() != null && (present(p.location().city()) || present(p.location().region())
            || present(p.location().country()) || present(p.location().text())),
        p.datePosted() != null,
        p.salary() != null && (p.salary().value() != null || p.salary().min() != null || p.salary().max() != null
            || present(p.salary().text())),
        present(p.description())};
    for (int i = 0; i < present.length; i++) {
      if (present[i]) {
        Counter.builder("jobstream.ingest.source.fields").tag("type", type).tag("field", FIELDS.get(i))
            .description("published postings that have the field, by source type").register(registry).increment();
      }
    }
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }

  /** A dead letter: counted by reason as {@link #rejected}, and by reason for the source type being read. */
  public void deadLetter(DeadLetter d) {
    rejected(d.reason());
    String type = reading;
    if (type == null) {
      return;
    }
    Counter.builder("jobstream.ingest.source.rejected").tag("type", typeTag(type))
        .tag("reason", d.reason() == null ? "unknown" : d.reason())
        .description("dead letters by source type and reason").register(registry).increment();
    // a captcha or block page where the API's JSON was expected: the site blocks us
    if ("api_error".equals(d.reason()) && FetchFailureClass.looksLikeHtml(d.excerpt())) {
      sourceFailure(type, FetchFailureClass.BLOCKED);
    }
  }

  public void request(String outcome, Duration took, long bytes) {
    String o = REASONS.contains(outcome) ? outcome : "other";
    Counter.builder("jobstream.ingest.requests").tag("outcome", o).description("HTTP fetches by outcome")
        .register(registry).increment();
    fetchDuration.record(took);
    received.increment(bytes);
    String type = reading;
    if (type != null) {
      Counter.builder("jobstream.ingest.source.fetches").tag("type", typeTag(type))
          .tag("outcome", outcome.equals("ok") || outcome.equals("not_modified") ? outcome : "failed")
          .description("requests by source type and outcome").register(registry).increment();
    }
  }

  public void retry() {
    retries.increment();
  }

  public void posting(String source, boolean published) {
    Counter.builder("jobstream.ingest.postings")
        .tag("source", source != null && SOURCES.contains(source) ? source : "other")
        .tag("outcome", published ? "published" : "unchanged")
        .description("postings seen by ingest").register(registry).increment();
    Counter.builder("jobstream.ingest.source.postings").tag("type", typeTag(source))
        .tag("outcome", published ? "published" : "unchanged")
        .description("postings read by source type").register(registry).increment();
  }

  /** A posting published reduced to fit its size budget. */
  public void truncated(String source) {
    Counter.builder("jobstream.ingest.truncated")
        .tag("source", source != null && SOURCES.contains(source) ? source : "other")
        .description("postings published reduced to fit the record size budget").register(registry).increment();
  }

  /** A site found to stamp one identifier on different pages: its postings take canonical-URL ids. */
  public void sharedIdentifiers() {
    Counter.builder("jobstream.ingest.shared.identifiers")
        .description("sites whose pages were found to share posting identifiers").register(registry).increment();
  }

  public void rejected(String reason) {
    // reasons are fixed strings in the code (fetch_*, bad_row, bad_line, api_error, ...): bounded
    Counter.builder("jobstream.ingest.rejected").tag("reason", reason == null ? "unknown" : reason)
        .description("inputs sent to the dead-letter topic").register(registry).increment();
  }

  private static Set<String> sourceTypes() {
    Set<String> types = new java.util.TreeSet<>(Set.of("jsonld", "csv", "jsonl"));
    types.addAll(io.jobstream.ingest.api.Connectors.types());
    return Set.copyOf(types);
  }
}
