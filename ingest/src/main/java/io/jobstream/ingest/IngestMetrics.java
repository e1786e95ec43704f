package io.jobstream.ingest;

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
 */
public final class IngestMetrics {

  private static final Set<String> SOURCES = Set.of("jsonld", "csv", "jsonl", "greenhouse", "lever", "ashby", "recruitee");
  private static final Set<String> REASONS = Set.of("ok", "not_modified", "blocked_address", "bad_scheme",
      "http_status", "too_large", "content_type", "redirects", "io", "retry_after", "robots_denied");

  private final MeterRegistry registry;
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

  public void request(String outcome, Duration took, long bytes) {
    String o = REASONS.contains(outcome) ? outcome : "other";
    Counter.builder("jobstream.ingest.requests").tag("outcome", o).description("HTTP fetches by outcome")
        .register(registry).increment();
    fetchDuration.record(took);
    received.increment(bytes);
  }

  public void retry() {
    retries.increment();
  }

  public void posting(String source, boolean published) {
    Counter.builder("jobstream.ingest.postings")
        .tag("source", source != null && SOURCES.contains(source) ? source : "other")
        .tag("outcome", published ? "published" : "unchanged")
        .description("postings seen by ingest").register(registry).increment();
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
}
