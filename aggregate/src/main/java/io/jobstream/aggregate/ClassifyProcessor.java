package io.jobstream.aggregate;

import io.jobstream.model.DeadLetter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs {@link PostingClassifier} on each raw record, naming the record's offset as its origin,
 * and turns postings dated more than the grace period before the latest posting date this task
 * has seen into dead letters with reason {@code late}, and postings dated more than the tolerance
 * after today into dead letters with reason {@code future_date}. The latest date is kept in a
 * store, so it survives restarts, and never passes today. An undated posting seen before keeps
 * the date it was first given. A version or deletion older than one already applied for its id
 * ({@link VersionOrder}) is a dead letter with reason {@code superseded}: it reached the task
 * late, by the other path, and must not replace what came after it.
 */
final class ClassifyProcessor implements FixedKeyProcessor<String, byte[], ClassifyOutcome> {

  /** The key of the latest posting date in its store. */
  static final String LATEST = "latest-event-date";

  /** The dead-letter reasons this processor gives besides those of {@link PostingClassifier#REASONS}. */
  static final java.util.List<String> REASONS = java.util.List.of("superseded", "future_date", "late");

  private final PostingClassifier classifier;
  private final String storeName;
  private final String postingsStoreName;
  private final String orderStoreName;
  private final long graceDays;
  private final long futureToleranceDays;
  private FixedKeyProcessorContext<String, ClassifyOutcome> context;
  private KeyValueStore<String, String> store;
  private KeyValueStore<String, ClusterMember> postings;
  private VersionOrder order;
  private LocalDate latest;

  private final StreamMetrics metrics;

  /**
   * @param postingsStoreName the latest version of each posting (kept by
   *     {@link PostingVersionProcessor} in the same task), for the date of undated postings
   * @param orderStoreName the timestamp of the latest version or deletion applied per posting id
   * @param futureToleranceDays postings dated more than this after today (UTC) are dead letters
   */
  ClassifyProcessor(PostingClassifier classifier, String storeName, String postingsStoreName, String orderStoreName,
      long graceDays, long futureToleranceDays, StreamMetrics metrics) {
    this.classifier = classifier;
    this.metrics = metrics;
    this.storeName = storeName;
    this.postingsStoreName = postingsStoreName;
    this.orderStoreName = orderStoreName;
    this.graceDays = graceDays;
    this.futureToleranceDays = futureToleranceDays;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, ClassifyOutcome> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
    this.postings = context.getStateStore(postingsStoreName);
    this.order = new VersionOrder(context.getStateStore(orderStoreName));
    context.schedule(HorizonSweep.INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> order.evict());
    String saved = store.get(LATEST);
    this.latest = saved == null ? null : LocalDate.parse(saved);
  }

  @Override
  public void process(FixedKeyRecord<String, byte[]> record) {
    String origin = origin(record);
    if (record.key() != null && order.superseded(record.key(), record.timestamp())) {
      metrics.rejected("superseded");
      context.forward(record.withValue(ClassifyOutcome.rejected(DeadLetter.of("stream", "superseded",
          (record.value() == null ? "a deletion" : "a version") + " stamped " + Instant.ofEpochMilli(record.timestamp())
              + " arrived after a later version or deletion of the posting", origin, record.key(),
          record.value() == null ? null : new String(record.value(), java.nio.charset.StandardCharsets.UTF_8))))
          .withHeaders(headersOf(record)));
      return;
    }
    ClusterMember known = record.key() == null ? null : postings.get(record.key());
    ClassifyOutcome outcome = classifier.classify(record.key(), record.value(), origin,
        known == null ? null : known.eventDate());
    if (outcome.isClassified()) {
      LocalDate day = outcome.classified().eventDate();
      LocalDate today = Instant.ofEpochMilli(context.currentSystemTimeMs()).atZone(ZoneOffset.UTC).toLocalDate();
      if (day.isAfter(today.plusDays(futureToleranceDays))) {
        outcome = ClassifyOutcome.rejected(DeadLetter.of("stream", "future_date",
            "posting dated " + day + " is more than " + futureToleranceDays + " days after today, " + today
                + " (jobstream.future.tolerance-days)", origin, record.key(),
            new String(record.value(), java.nio.charset.StandardCharsets.UTF_8)));
      } else if (latest != null && day.isBefore(latest.minusDays(graceDays))) {
        outcome = ClassifyOutcome.rejected(DeadLetter.of("stream", "late",
            "posting dated " + day + " is more than " + graceDays + " days before the latest posting date "
                + latest + " (jobstream.late.grace-days)", origin, record.key(),
            new String(record.value(), java.nio.charset.StandardCharsets.UTF_8)));
      } else if (latest == null || day.isAfter(latest)) {
        // the watermark never passes the wall clock, so one odd date cannot make real ones late
        latest = day.isAfter(today) ? today : day;
        store.put(LATEST, latest.toString());
      }
    }
    if (outcome.deletion() || outcome.isClassified()) {
      order.applied(record.key(), record.timestamp());
    }
    if (outcome.deletion()) {
      metrics.deleted();
    } else if (outcome.isClassified()) {
      metrics.classified(outcome.classified().family(), outcome.classified().pay() != null,
          outcome.classified().payRejected() != null);
    } else {
      metrics.rejected(outcome.deadLetter().reason());
    }
    context.forward(record.withValue(outcome).withHeaders(headersOf(record)));
  }

  /** Where the record arrived on the raw topic: a re-routed record carries it in a header. */
  private String origin(FixedKeyRecord<String, byte[]> record) {
    Header rerouted = record.headers().lastHeader(PostingPlacement.ORIGIN_HEADER);
    if (rerouted != null) {
      return new String(rerouted.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
    return context.recordMetadata().map(m -> m.topic() + "/" + m.partition() + "@" + m.offset()).orElse("unknown");
  }

  /** The record's headers without the re-route's own, which the outputs do not carry. */
  private static Headers headersOf(FixedKeyRecord<String, byte[]> record) {
    if (record.headers().lastHeader(PostingPlacement.ORIGIN_HEADER) == null) {
      return record.headers();
    }
    Headers headers = new RecordHeaders(record.headers().toArray());
    headers.remove(PostingPlacement.ORIGIN_HEADER);
    return headers;
  }
}
