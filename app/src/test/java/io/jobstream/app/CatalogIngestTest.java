package io.jobstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.jobstream.app.broker.EmbeddedKafkaBroker;
import io.jobstream.app.cli.JobstreamCli;
import io.jobstream.model.RawPosting;
import io.jobstream.model.Topics;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code jobstream ingest --catalog}: the boards of a catalogue file are read from a loopback
 * server standing in for Greenhouse and Lever, together with a {@code --source}, each board once.
 */
@Tag("integration")
class CatalogIngestTest {

  @TempDir
  Path dir;

  private EmbeddedKafkaBroker broker;
  private HttpServer server;
  private final Map<String, Integer> hits = new ConcurrentHashMap<>();

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
    if (broker != null) {
      broker.close();
    }
  }

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    CommandLine cmd = JobstreamCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return new Run(cmd.execute(args), out.toString(), err.toString());
  }

  private String serveBoards() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      hits.merge(path, 1, Integer::sum);
      String body = switch (path) {
        case "/v1/boards/quillworks/jobs" -> "{\"jobs\":[" + greenhouseJob(11, "ML Engineer") + ","
            + greenhouseJob(12, "Data Scientist") + "]}";
        case "/v1/boards/fernhollow/jobs" -> "{\"jobs\":[" + greenhouseJob(21, "Software Engineer") + "]}";
        case "/v0/postings/tallowtree" -> "[{\"id\":\"a1\",\"text\":\"Research Engineer\","
            + "\"hostedUrl\":\"https://jobs.example/a1\",\"createdAt\":1714521600000,\"categories\":{}}]";
        default -> null;
      };
      if (body == null) {
        exchange.sendResponseHeaders(404, -1);
      } else {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
      exchange.close();
    });
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    Path config = dir.resolve("jobstream.properties");
    Files.writeString(config, "ingest.greenhouse.base-url=" + base + "\ningest.lever.base-url=" + base + "\n");
    return config.toString();
  }

  private static String greenhouseJob(int id, String title) {
    return "{\"id\":" + id + ",\"title\":\"" + title + "\",\"updated_at\":\"2024-05-01T00:00:00Z\","
        + "\"location\":{\"name\":\"Remote\"},\"absolute_url\":\"https://jobs.example/" + id + "\","
        + "\"content\":\"&lt;p&gt;Build things.&lt;/p&gt;\"}";
  }

  @Test
  void theBoardsOfACatalogueAndASourceAreEachReadOnce() throws Exception {
    String config = serveBoards();
    Path catalog = dir.resolve("invented.txt");
    Files.writeString(catalog, """
        # invented employers
        greenhouse:quillworks  Quillworks
        lever:tallowtree       Tallow Tree Labs
        """);
    broker = new EmbeddedKafkaBroker(dir.resolve("broker"), 0).start(Duration.ofSeconds(60));
    Run run = run("ingest", "--bootstrap-servers", broker.bootstrapServers(), "--config", config,
        "--once", "--allow-host", "127.0.0.1", "--min-delay", "0s",
        "--catalog", catalog.toString(), "--source", "greenhouse:fernhollow", "--source", "greenhouse:quillworks");
    assertThat(run.code()).as(run.err()).isZero();
    Properties client = new Properties();
    client.put("bootstrap.servers", broker.bootstrapServers());
    List<RawPosting> raw = FaultWorkload.read(client, Topics.RAW, n -> n >= 4, Duration.ofSeconds(60)).stream()
        .map(ConsumerRecord::value).toList();
    assertThat(raw).extracting(RawPosting::postingId).containsExactlyInAnyOrder(
        "greenhouse:quillworks:11", "greenhouse:quillworks:12", "greenhouse:fernhollow:21", "lever:tallowtree:a1");
    assertThat(hits.get("/v1/boards/quillworks/jobs")).isEqualTo(1);
  }

  @Test
  void aBadCatalogueLineIsAUsageErrorNamingFileAndLine() throws Exception {
    Path catalog = dir.resolve("typo.txt");
    Files.writeString(catalog, "greenhouse:quillworks  Quillworks\ngreenhose:fernhollow  Fern Hollow\n");
    Run run = run("ingest", "--bootstrap-servers", "127.0.0.1:1", "--once", "--catalog", catalog.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains(catalog + ":2: unknown board type 'greenhose'");
    Run missing = run("ingest", "--bootstrap-servers", "127.0.0.1:1", "--once", "--catalog", "no-such-list");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("no catalogue 'no-such-list'", "ai-labs");
    Run none = run("ingest", "--bootstrap-servers", "127.0.0.1:1", "--once");
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("--source or --catalog");
  }

  @Test
  void theShippedCataloguesAreListedInTheHelp() {
    Run help = run("ingest", "--help");
    assertThat(help.out()).contains("--catalog", "ai-labs", "public-sector");
  }
}
