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

  private HttpServer blockedByRobots;

  /** A server for every kind of answer a board can give, on one origin, and one whose robots.txt says no. */
  private String serveEveryAnswer() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      hits.merge(path, 1, Integer::sum);
      int status = 200;
      String type = "application/json";
      String body;
      switch (path) {
        case "/v1/boards/quillworks/jobs" -> body = "{\"jobs\":[" + greenhouseJob(1, "ML Engineer") + ","
            + greenhouseJob(2, "Data Scientist") + "," + greenhouseJob(3, "Analyst") + "]}";
        case "/v1/boards/closedshop/jobs" -> {
          status = 403;
          body = "{\"error\":\"forbidden\"}";
        }
        case "/v1/boards/turnstile/jobs" -> {
          type = "text/html; charset=utf-8";
          body = "<!DOCTYPE html><html><head><title>Just a moment</title></head><body>check</body></html>";
        }
        case "/v1/boards/busybee/jobs" -> {
          status = 429;
          exchange.getResponseHeaders().set("Retry-After", "3600");
          body = "{}";
        }
        case "/v1/boards/brokenpipe/jobs" -> {
          status = 503;
          body = "{}";
        }
        case "/v1/boards/slowpoke/jobs" -> {
          try {
            Thread.sleep(3_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          body = "{\"jobs\":[]}";
        }
        case "/v1/boards/oddshape/jobs" -> body = "{\"message\":\"board moved\"}";
        default -> {
          status = 404;
          body = "{}";
        }
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", type);
      try {
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      } catch (java.io.IOException e) {
        // the checker gave up waiting (the slow board)
      }
      exchange.close();
    });
    server.start();
    blockedByRobots = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    blockedByRobots.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      hits.merge("robots-server" + path, 1, Integer::sum);
      byte[] bytes = (path.equals("/robots.txt") ? "User-agent: *\nDisallow: /\n" : "[]").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", path.equals("/robots.txt") ? "text/plain" : "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
      exchange.close();
    });
    blockedByRobots.start();
    Path config = dir.resolve("check.properties");
    Files.writeString(config, "ingest.greenhouse.base-url=http://127.0.0.1:" + server.getAddress().getPort()
        + "\ningest.lever.base-url=http://127.0.0.1:" + blockedByRobots.getAddress().getPort() + "\n");
    return config.toString();
  }

  @AfterEach
  void stopRobotsServer() {
    if (blockedByRobots != null) {
      blockedByRobots.stop(0);
    }
  }

  private Path everyAnswerCatalog() throws Exception {
    Path catalog = dir.resolve("answers.txt");
    Files.writeString(catalog, """
        greenhouse:quillworks  Quillworks
        greenhouse:vanished    Vanished Inc
        greenhouse:closedshop  Closed Shop
        greenhouse:turnstile   Turnstile Co
        greenhouse:busybee     Busy Bee
        greenhouse:brokenpipe  Broken Pipe
        greenhouse:slowpoke    Slowpoke
        greenhouse:oddshape    Odd Shape
        lever:tallowtree       Tallow Tree Labs
        """);
    return catalog;
  }

  @Test
  void sourcesCheckReportsWhichBoardsAnswerWhichAreGoneAndWhichBlockUs() throws Exception {
    String config = serveEveryAnswer();
    Run run = run("sources", "check", "--config", config, "--catalog", everyAnswerCatalog().toString(),
        "--allow-host", "127.0.0.1", "--min-delay", "0s", "--timeout", "1s", "--concurrency", "4", "--per-host", "2",
        "--json");
    assertThat(run.code()).as(run.err()).isZero();
    com.fasterxml.jackson.databind.JsonNode root = io.jobstream.model.JsonSerde.MAPPER.readTree(run.out());
    Map<String, String> outcomes = new java.util.LinkedHashMap<>();
    Map<String, String> postings = new java.util.LinkedHashMap<>();
    root.get("boards").forEach(b -> {
      outcomes.put(b.get("source").asText(), b.get("outcome").asText());
      postings.put(b.get("source").asText(), b.get("postings").asText());
    });
    assertThat(outcomes).containsExactly(
        Map.entry("greenhouse:quillworks", "ok"),
        Map.entry("greenhouse:vanished", "gone"),
        Map.entry("greenhouse:closedshop", "blocked"),
        Map.entry("greenhouse:turnstile", "blocked"),
        Map.entry("greenhouse:busybee", "rate_limited"),
        Map.entry("greenhouse:brokenpipe", "server_error"),
        Map.entry("greenhouse:slowpoke", "timeout"),
        Map.entry("greenhouse:oddshape", "unexpected"),
        Map.entry("lever:tallowtree", "blocked"));
    assertThat(postings.get("greenhouse:quillworks")).isEqualTo("3");
    assertThat(root.get("counts").get("blocked").asInt()).isEqualTo(3);
    assertThat(root.get("counts").get("ok").asInt()).isEqualTo(1);
    // one request a board: the 429 and the 503 are not retried; robots.txt kept us off the lever host
    assertThat(hits.get("/v1/boards/busybee/jobs")).isEqualTo(1);
    assertThat(hits.get("/v1/boards/brokenpipe/jobs")).isEqualTo(1);
    assertThat(hits).doesNotContainKey("robots-server/v0/postings/tallowtree");

    Run table = run("sources", "check", "--config", config, "--source", "greenhouse:quillworks",
        "--source", "greenhouse:vanished", "--allow-host", "127.0.0.1", "--min-delay", "0s");
    assertThat(table.code()).isZero();
    assertThat(table.out()).contains("SOURCE", "greenhouse:quillworks", "ok", "greenhouse:vanished", "gone", "404")
        .contains("2 boards: 1 ok, 1 gone");
  }

  @Test
  void sourcesCheckOfABadCatalogueOrSourceIsAUsageError() throws Exception {
    Path catalog = dir.resolve("typo.txt");
    Files.writeString(catalog, "\n# boards\ngreenhouse quillworks\n");
    Run run = run("sources", "check", "--catalog", catalog.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains(catalog + ":3: ");
    Run source = run("sources", "check", "--source", "jsonld:https://jobs.example/");
    assertThat(source.code()).isEqualTo(2);
    assertThat(source.err()).contains("job-board API sources only");
  }
}
