package io.jobstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.app.metrics.MetricsServer;
import io.micrometer.core.instrument.Metrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class MetricsServerTest {

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesPrometheusTextAndReadiness() throws Exception {
    AtomicBoolean ready = new AtomicBoolean();
    try (MetricsServer server = new MetricsServer("127.0.0.1", 0, ready::get)) {
      Metrics.counter("jobstream.test.things", "kind", "a").increment(3);
      HttpResponse<String> metrics = get(server.port(), "/metrics");
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body()).contains("jobstream_test_things_total{kind=\"a\"} 3.0");
      assertThat(metrics.body()).contains("jvm_memory_used_bytes");
      assertThat(get(server.port(), "/health").statusCode()).isEqualTo(503);
      assertThat(get(server.port(), "/health/live").statusCode()).isEqualTo(200);
      ready.set(true);
      assertThat(get(server.port(), "/health").statusCode()).isEqualTo(200);
    }
  }
}
