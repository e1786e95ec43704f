package io.jobstream.app.cli;

import io.jobstream.app.KafkaSettings;
import io.jobstream.model.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "delete", mixinStandardHelpOptions = true,
    description = "Remove postings from every statistic and divergence: sends a tombstone (a"
        + " record with no value) for each posting id to jobs.postings.raw, e.g. for a posting"
        + " published by mistake. A later crawl that finds the posting unchanged does not bring it"
        + " back; a changed version does.")
public final class DeleteCommand implements Callable<Integer> {

  @Mixin
  KafkaOptions kafka;

  @Parameters(arity = "1..*", paramLabel = "POSTING_ID",
      description = "Posting ids as on jobs.postings.raw, e.g. jsonld:careers.example.com:R-123.")
  List<String> postingIds = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    for (String id : postingIds) {
      if (id.isBlank()) {
        throw new IllegalArgumentException("a posting id is blank");
      }
    }
    KafkaSettings settings = kafka.requireBootstrap();
    // the settings of ingest's producers: idempotent, acks=all, one request in flight
    Properties props = io.jobstream.ingest.publish.KafkaPostingSink.producerSettings(settings.client());
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      List<java.util.concurrent.Future<RecordMetadata>> sent = new ArrayList<>();
      for (String id : postingIds) {
        sent.add(producer.send(new ProducerRecord<>(Topics.RAW.name(), id, null)));
      }
      for (int i = 0; i < sent.size(); i++) {
        RecordMetadata m = sent.get(i).get();
        System.out.printf("delete: tombstone for %s on %s-%d@%d%n", postingIds.get(i), m.topic(), m.partition(),
            m.offset());
      }
    }
    return 0;
  }
}
