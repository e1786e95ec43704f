package io.jobstream.aggregate;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/** Runs {@link PostingClassifier} on each raw record, naming the record's offset as its origin. */
final class ClassifyProcessor implements FixedKeyProcessor<String, byte[], ClassifyOutcome> {

  private final PostingClassifier classifier;
  private FixedKeyProcessorContext<String, ClassifyOutcome> context;

  ClassifyProcessor(PostingClassifier classifier) {
    this.classifier = classifier;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, ClassifyOutcome> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, byte[]> record) {
    String origin = context.recordMetadata()
        .map(m -> m.topic() + "/" + m.partition() + "@" + m.offset())
        .orElse("unknown");
    context.forward(record.withValue(classifier.classify(record.key(), record.value(), origin)));
  }
}
