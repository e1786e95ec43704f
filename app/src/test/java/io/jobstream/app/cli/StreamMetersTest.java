package io.jobstream.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Kafka Streams names the meters of RocksDB and in-memory stores alike but tags them by different
 * keys; Prometheus refuses the second set. The stream meters leave the in-memory ones out.
 */
class StreamMetersTest {

  private static List<String> registerStoreMeters(MeterRegistry registry) {
    List<String> refused = new ArrayList<>();
    registry.config().onMeterRegistrationFailed((id, reason) -> refused.add(id.getName() + ": " + reason));
    Gauge.builder("kafka.stream.state.delete.latency.avg", () -> 1.0).tag("rocksdb.state.id", "copy-block-postings")
        .tag("task.id", "1_0").register(registry);
    Gauge.builder("kafka.stream.state.delete.latency.avg", () -> 2.0).tag("in.memory.state.id", "window-latest-day")
        .tag("task.id", "1_1").register(registry);
    return refused;
  }

  @Test
  void prometheusRefusesInMemoryStoreMetersBesideRocksDbOnes() {
    assertThat(registerStoreMeters(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))).hasSize(1);
  }

  @Test
  void theMetricsServersRegistryLeavesTheInMemoryStoresOut() throws Exception {
    try (var server = new io.jobstream.app.metrics.MetricsServer("127.0.0.1", 0, () -> null)) {
      PrometheusMeterRegistry registry = server.registry();
      assertThat(registerStoreMeters(registry)).isEmpty();
      assertThat(registry.scrape()).contains("rocksdb_state_id=\"copy-block-postings\"")
          .doesNotContain("window-latest-day");
    }
  }
}
