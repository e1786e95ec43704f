package io.jobstream.aggregate;

import io.jobstream.model.DeadLetter;
import java.time.LocalDate;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs {@link PostingClassifier} on each raw record, naming the record's offset as its origin,
 * and turns postings dated more than the grace period before the latest posting date this task
 * has seen into dead letters with reason {@code late}. The latest date is kept in a store, so it
 * survives restarts.
 */
final class ClassifyProcessor implements FixedKeyProcessor<String, byte[], ClassifyOutcome> {

  private static final String LATEST = "latest-event-date";

  private final PostingClassifier classifier;
  private final String storeName;
  private final long graceDays;
  private FixedKeyProcessorContext<String, ClassifyOutcome> context;
  private KeyValueStore<String, String> store;
  private LocalDate latest;

  ClassifyProcessor(PostingClassifier classifier, String storeName, long graceDays) {
    this.classifier = classifier;
    this.storeName = storeName;
    this.graceDays = graceDays;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, ClassifyOutcome> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
    String saved = store.get(LATEST);
    this.latest = saved == null ? null : LocalDate.parse(saved);
  }

  @Override
  public void process(FixedKeyRecord<String, byte[]> record) {
    String origin = context.recordMetadata()
        .map(m -> m.topic() + "/" + m.partition() + "@" + m.offset())
        .orElse("unknown");
    ClassifyOutcome outcome = classifier.classify(record.key(), record.value(), origin);
    if (outcome.isClassified()) {
      LocalDate day = outcome.classified().eventDate();
      if (latest != null && day.isBefore(latest.minusDays(graceDays))) {
        outcome = ClassifyOutcome.rejected(DeadLetter.of("stream", "late",
            "posting dated " + day + " is more than " + graceDays + " days before the latest posting date "
                + latest + " (jobstream.late.grace-days)", origin, record.key(),
            new String(record.value(), java.nio.charset.StandardCharsets.UTF_8)));
      } else if (latest == null || day.isAfter(latest)) {
        latest = day;
        store.put(LATEST, day.toString());
      }
    }
    if (outcome.isClassified()) {
      StreamMetrics.classified(outcome.classified().family(), outcome.classified().pay() != null,
          outcome.classified().payRejected() != null);
    } else {
      StreamMetrics.rejected(outcome.deadLetter().reason());
    }
    context.forward(record.withValue(outcome));
  }
}
