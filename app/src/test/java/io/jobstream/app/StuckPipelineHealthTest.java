package io.jobstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.aggregate.StreamApp;
import io.jobstream.app.broker.EmbeddedKafkaBroker;
import io.jobstream.app.cli.JobstreamCli;
import io.jobstream.app.metrics.MetricsServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A streams app that is RUNNING but does not process (Kafka Streams' own pause, as when a task is
 * stuck) while postings wait: with the default settings {@code /health} turns 503 with the reason
 * within a minute, and the stalled-partitions gauge says how many; once it processes again, it is
 * ready again.
 */
@Tag("integration")
class StuckPipelineHealthTest {

  @TempDir
  Path dir;

  @Test
  void aRunningAppThatDoesNotProcessWaitingInputIsUnhealthy() throws Exception {
    try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir.resolve("broker"), 0).start(Duration.ofSeconds(60))) {
      Properties settings = new Properties();
      settings.put("bootstrap.servers", broker.bootstrapServers());
      TopicSetup.ensureTopics(settings);
      try (StreamApp app = StreamApp.start(StreamApp.streamsConfig(settings, dir.resolve("streams")));
          MetricsServer server = new MetricsServer("127.0.0.1", 0, app::healthProblem)) {
        io.jobstream.app.cli.StreamCommand.bindStreamMeters(app, server.registry());
        assertThat(app.awaitRunning(Duration.ofSeconds(60))).isTrue();
        ingest(broker, postings(dir.resolve("first.jsonl"), 0, 50));
        awaitHealth(server, 200, Duration.ofSeconds(60));

        app.streams().pause();
        ingest(broker, postings(dir.resolve("second.jsonl"), 50, 50));
        long paused = System.nanoTime();
        HttpResponse<String> stuck = awaitHealth(server, 503, Duration.ofSeconds(60));
        assertThat(app.state()).as("Kafka Streams itself still says").isEqualTo(KafkaStreams.State.RUNNING);
        assertThat(stuck.body()).startsWith("stalled: ").contains("jobs.postings.raw-", "records waiting");
        assertThat(Duration.ofNanos(System.nanoTime() - paused)).isLessThan(Duration.ofMinutes(1));
        assertThat(get(server, "/metrics").body()).containsPattern("(?m)^jobstream_stream_stalled_partitions [1-9]");

        app.streams().resume();
        awaitHealth(server, 200, Duration.ofSeconds(60));
      }
    }
  }

  private static Path postings(Path file, int from, int n) throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = from; i < from + n; i++) {
      lines.add("{\"postingId\":\"stuck:" + i + "\",\"source\":\"jsonl\",\"title\":\"Data Scientist\","
          + "\"datePosted\":\"2026-11-20\",\"salary\":{\"currency\":\"USD\",\"min\":100000,\"max\":120000,"
          + "\"unit\":\"YEAR\"}}");
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  private static void ingest(EmbeddedKafkaBroker broker, Path file) {
    assertThat(JobstreamCli.commandLine().execute("ingest", "--bootstrap-servers", broker.bootstrapServers(),
        "--once", "--source", "jsonl:" + file)).isZero();
  }

  private static HttpResponse<String> awaitHealth(MetricsServer server, int status, Duration wait) throws Exception {
    long deadline = System.nanoTime() + wait.toNanos();
    HttpResponse<String> last;
    do {
      last = get(server, "/health");
      if (last.statusCode() == status) {
        return last;
      }
      Thread.sleep(500);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("/health stayed " + last.statusCode() + " " + last.body().trim() + ", expected " + status);
  }

  private static HttpResponse<String> get(MetricsServer server, String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
