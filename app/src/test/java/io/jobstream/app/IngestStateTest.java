package io.jobstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.jobstream.app.broker.EmbeddedKafkaBroker;
import io.jobstream.app.cli.JobstreamCli;
import io.jobstream.model.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest's crawl state lives in the cluster it publishes to: each run of the command is a new
 * process with nothing on local disk, so a re-run against the same cluster publishes nothing and
 * asks for pages conditionally, and a run against another, empty cluster publishes everything.
 */
@Tag("integration")
class IngestStateTest {

  private static final long ROWS = 20_000;
  private static final Pattern SUMMARY = Pattern.compile("(\\d+) postings published \\(\\d+ truncated to fit\\), (\\d+) unchanged");

  @TempDir
  Path dir;

  @Test
  void aNewClusterGetsEverythingAndTheSameClusterNothingTwice() throws Exception {
    try (EmbeddedKafkaBroker first = new EmbeddedKafkaBroker(dir.resolve("a"), 0).start(Duration.ofSeconds(60));
        EmbeddedKafkaBroker second = new EmbeddedKafkaBroker(dir.resolve("b"), 0).start(Duration.ofSeconds(60))) {
      String survey = "csv:" + SurveyFixture.write(dir.resolve("survey.csv"), 11, (int) ROWS);
      assertThat(ingest(first, survey)).containsExactly(ROWS, 0L);
      assertThat(ingest(first, survey)).as("a re-run against the same cluster").containsExactly(0L, ROWS);
      assertThat(endOffsets(first, Topics.RAW.name())).isEqualTo(ROWS);
      assertThat(ingest(second, survey)).as("a run against an empty cluster").containsExactly(ROWS, 0L);
      assertThat(endOffsets(second, Topics.RAW.name())).isEqualTo(ROWS);
      assertThat(endOffsets(second, Topics.INGEST_STATE.name())).as("one state entry per posting").isEqualTo(ROWS);
    }
  }

  @Test
  void aRestartedCrawlerAsksConditionallyAndPublishesNothing() throws Exception {
    AtomicInteger full = new AtomicInteger();
    AtomicInteger notModified = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    String etag = "\"v1\"";
    server.createContext("/jobs/1", exchange -> {
      if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
        notModified.incrementAndGet();
        exchange.sendResponseHeaders(304, -1);
      } else {
        full.incrementAndGet();
        byte[] body = ("<html><head><script type=\"application/ld+json\">{\"@type\":\"JobPosting\","
            + "\"title\":\"Data Scientist\",\"identifier\":\"1\",\"datePosted\":\"2026-11-20\","
            + "\"hiringOrganization\":{\"name\":\"Acme\"}}</script></head><body></body></html>")
            .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("ETag", etag);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
      }
      exchange.close();
    });
    server.createContext("/jobs", exchange -> {
      // a listing page (always fetched in full) linking to the posting page
      byte[] body = "<html><body><a href=\"/jobs/1\">Data Scientist</a></body></html>".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.createContext("/robots.txt", exchange -> {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
    });
    server.start();
    try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir.resolve("c"), 0).start(Duration.ofSeconds(60))) {
      String page = "jsonld:http://127.0.0.1:" + server.getAddress().getPort() + "/jobs";
      assertThat(ingest(broker, page, "--allow-host", "127.0.0.1", "--min-delay", "0s")).containsExactly(1L, 0L);
      assertThat(ingest(broker, page, "--allow-host", "127.0.0.1", "--min-delay", "0s")).containsExactly(0L, 0L);
      assertThat(full.get()).as("the posting page fetched in full once").isEqualTo(1);
      assertThat(notModified.get()).as("the second process asked with the saved ETag").isEqualTo(1);
    } finally {
      server.stop(0);
    }
  }

  /** Runs {@code jobstream ingest --once} and returns (published, unchanged) from its summary. */
  private static List<Long> ingest(EmbeddedKafkaBroker broker, String source, String... more) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    int exit;
    try {
      String[] args = new String[5 + more.length];
      args[0] = "ingest";
      args[1] = "--bootstrap-servers";
      args[2] = broker.bootstrapServers();
      args[3] = "--once";
      args[4] = "--source=" + source;
      System.arraycopy(more, 0, args, 5, more.length);
      exit = JobstreamCli.commandLine().execute(args);
    } finally {
      System.setOut(original);
    }
    String out = captured.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(out).isZero();
    Matcher m = SUMMARY.matcher(out);
    assertThat(m.find()).as(out).isTrue();
    return List.of(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
  }

  private static long endOffsets(EmbeddedKafkaBroker broker, String topic) {
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
        Map.of("bootstrap.servers", broker.bootstrapServers()), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }
  }
}
