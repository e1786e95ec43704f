package io.jobstream.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class ProducerSettingsTest {

  @Test
  void ingestProducersAreIdempotentWithOneRequestInFlightUnlessTheUserSetsIt() {
    Properties user = new Properties();
    user.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
    user.put(ProducerConfig.ACKS_CONFIG, "1");

    Properties settings = KafkaPostingSink.producerSettings(user);

    assertThat(settings.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).isEqualTo("true");
    assertThat(settings.get(ProducerConfig.ACKS_CONFIG)).isEqualTo("all");
    // a first batch refused on a new partition must not be overtaken by the next (KAFKA-15591)
    assertThat(settings.get(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION)).isEqualTo("1");
    assertThat(settings.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)).isEqualTo("127.0.0.1:9092");

    user.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
    assertThat(KafkaPostingSink.producerSettings(user).get(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION))
        .isEqualTo("5");
  }
}
