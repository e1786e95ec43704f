package io.jobstream.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobstream.aggregate.JobstreamTopology;
import io.jobstream.aggregate.QueryApi;
import io.jobstream.aggregate.StreamApp;
import io.jobstream.aggregate.config.JobstreamConfig;
import io.jobstream.app.SurveyFixture;
import io.jobstream.app.TopicSetup;
import io.jobstream.app.broker.EmbeddedKafkaBroker;
import io.jobstream.app.cli.JobstreamCli;
import io.jobstream.app.demo.DemoJobBoard;
import io.jobstream.app.metrics.MetricsServer;
import io.jobstream.app.report.LivePage;
import io.jobstream.model.JsonSerde;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP surfaces of a streams instance as a careless or hostile client on the same host meets
 * them: two instances of the app on one broker with a replayed survey, each with its query API
 * and live page, the first with its metrics and health port, a third query API whose streams
 * client has not started, and the demo's job board. Real servers on loopback, raw sockets.
 */
@Tag("integration")
class HttpSurfacesTest {

  @TempDir
  static Path dir;

  private static EmbeddedKafkaBroker broker;
  private static StreamApp first;
  private static StreamApp second;
  private static KafkaStreams notStarted;
  private static QueryApi api;
  private static QueryApi secondApi;
  private static QueryApi startingApi;
  private static MetricsServer metrics;
  private static DemoJobBoard board;

  @BeforeAll
  static void start() throws Exception {
    broker = new EmbeddedKafkaBroker(dir.resolve("broker"), 0).start(Duration.ofSeconds(60));
    Properties client = new Properties();
    client.put("bootstrap.servers", broker.bootstrapServers());
    TopicSetup.ensureTopics(client);
    Properties settings = new Properties();
    settings.putAll(client);
    settings.put(JobstreamConfig.WINDOWS_CONFIG, "year");
    settings.put(StreamsConfig.APPLICATION_ID_CONFIG, "http-surfaces-test");
    settings.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "300");
    int port1 = freePort();
    int port2 = freePort();
    Properties one = StreamApp.streamsConfig(settings, dir.resolve("streams-1"));
    one.put(StreamsConfig.APPLICATION_SERVER_CONFIG, "127.0.0.1:" + port1);
    Properties two = StreamApp.streamsConfig(settings, dir.resolve("streams-2"));
    two.put(StreamsConfig.APPLICATION_SERVER_CONFIG, "127.0.0.1:" + port2);
    first = StreamApp.start(one);
    second = StreamApp.start(two);
    assertThat(first.awaitRunning(Duration.ofSeconds(90))).isTrue();
    assertThat(second.awaitRunning(Duration.ofSeconds(90))).isTrue();
    api = new QueryApi(first.streams(), new HostInfo("127.0.0.1", port1), new InetSocketAddress("127.0.0.1", port1));
    secondApi = new QueryApi(second.streams(), new HostInfo("127.0.0.1", port2), new InetSocketAddress("127.0.0.1", port2));
    servePage(api, port1);
    metrics = new MetricsServer("127.0.0.1", 0, first::healthProblem);

    int port3 = freePort();
    Properties three = StreamApp.streamsConfig(settings, dir.resolve("streams-3"));
    three.put(StreamsConfig.APPLICATION_ID_CONFIG, "http-surfaces-starting");
    three.put(StreamsConfig.APPLICATION_SERVER_CONFIG, "127.0.0.1:" + port3);
    notStarted = new KafkaStreams(JobstreamTopology.build(three), three);
    startingApi = new QueryApi(notStarted, new HostInfo("127.0.0.1", port3), new InetSocketAddress("127.0.0.1", port3));
    board = DemoJobBoard.start(0);

    Path survey = SurveyFixture.write(dir.resolve("survey.csv"), 11, 3000);
    assertThat(JobstreamCli.commandLine().execute("ingest", "--bootstrap-servers", broker.bootstrapServers(),
        "--once", "--metrics-port", "-2", "--source", "csv:" + survey)).isZero();
    awaitFigures();
  }

  /** The live page on {@code api}, reading the configured window {@code year}. */
  private static void servePage(QueryApi api, int port) {
    LivePage.serveOn(api, List.of("year"));
  }

  /** Until both instances hold statistics and the first holds the default pair's gap. */
  private static void awaitFigures() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      if (items(api.port(), "/stats?window=year&local=true").size() > 0
          && items(secondApi.port(), "/stats?window=year&local=true").size() > 0
          && items(api.port(), "/divergence?a=ml_engineer&b=data_scientist&window=year").size() > 0) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no statistics on both instances within 120 s");
  }

  private static JsonNode items(int port, String target) throws Exception {
    RawHttp.Reply reply = RawHttp.get(port, target);
    return reply.status() == 200 ? JsonSerde.MAPPER.readTree(reply.body()) : JsonSerde.MAPPER.createArrayNode();
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : new AutoCloseable[] {board, startingApi, metrics, api, secondApi, second, first}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception ignored) {
        // closing the rest anyway
      }
    }
    if (notStarted != null) {
      notStarted.close(Duration.ofSeconds(5));
    }
    if (broker != null) {
      broker.close();
    }
  }

  private static int freePort() throws java.io.IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  // --- slow clients -------------------------------------------------------------------------

  @Test
  void healthAnswersWithinOneSecondWhileFiftySlowClientsHoldTheMetricsPort() throws Exception {
    try (SlowClients slow = SlowClients.open(metrics.port(), 50)) {
      Thread.sleep(500);
      for (String path : List.of("/health", "/health/live", "/metrics", "/health", "/health/live")) {
        RawHttp.Reply reply = RawHttp.send(metrics.port(), RawHttp.request("GET", path, metrics.port()), Duration.ofSeconds(3));
        assertThat(reply.status()).as(path).isEqualTo(200);
        assertThat(reply.millis()).as(path + " while 50 slow clients hold the port, ms").isLessThan(1000);
      }
      // they are dropped once the time for a request line and headers is up, not held for ever
      assertThat(slow.closedByServer(8000)).as("slow connections the server closed within 8 s").isEqualTo(50);
    }
  }

  @Test
  void theQueryApiThePageAndTheJobBoardAnswerWhileFiftySlowClientsHoldTheirPorts() throws Exception {
    int boardPort = java.net.URI.create(board.baseUri()).getPort();
    try (SlowClients slowQuery = SlowClients.open(api.port(), 50);
        SlowClients slowBoard = SlowClients.open(boardPort, 50)) {
      Thread.sleep(500);
      for (String path : List.of("/stats?window=year", "/divergence?window=year", "/report/fragment", "/")) {
        RawHttp.Reply reply = RawHttp.send(api.port(), RawHttp.request("GET", path, api.port()), Duration.ofSeconds(5));
        assertThat(reply.status()).as(path).isEqualTo(200);
        assertThat(reply.millis()).as(path + " while 50 slow clients hold the port, ms").isLessThan(2000);
      }
      RawHttp.Reply jobs = RawHttp.send(boardPort, RawHttp.request("GET", "/jobs", boardPort), Duration.ofSeconds(3));
      assertThat(jobs.status()).isEqualTo(200);
      assertThat(jobs.millis()).isLessThan(1000);
      assertThat(slowQuery.closedByServer(8000)).as("slow query connections closed within 8 s").isEqualTo(50);
    }
  }

  // --- the page ----------------------------------------------------------------------------

  @Test
  void eightConcurrentPageRequestsAreEachAnsweredInUnderTwoSeconds() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<RawHttp.Reply>> replies = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String target = i % 2 == 0 ? "/" : "/report/fragment";
        Callable<RawHttp.Reply> call = () -> RawHttp.send(api.port(), RawHttp.request("GET", target, api.port()),
            Duration.ofSeconds(20));
        replies.add(pool.submit(call));
      }
      for (Future<RawHttp.Reply> f : replies) {
        RawHttp.Reply reply = f.get();
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.millis()).as("page answer under 8 concurrent requests, ms").isLessThan(2000);
        assertThat(reply.body()).doesNotContain("cannot be read now").contains("table-gap-ml_engineer-data_scientist");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aUrlWithFiveThousandPairsIsRefusedAtOnce() throws Exception {
    String target = "/?" + String.join("&", java.util.Collections.nCopies(5000, "pair=ml_engineer:data_scientist"));
    RawHttp.Reply reply = RawHttp.send(api.port(), RawHttp.request("GET", target, api.port()), Duration.ofSeconds(5));
    assertThat(reply.status()).isEqualTo(414);
    assertThat(reply.millis()).isLessThan(2000);
    assertThat(reply.body().length()).isLessThan(1000);
  }

  @Test
  void pairsAreCheckedAgainstTheConfiguredOnesDeduplicatedAndCapped() throws Exception {
    RawHttp.Reply unknown = RawHttp.get(api.port(), "/?pair=foo:bar");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body()).contains("foo:bar").contains("\"error\"");

    RawHttp.Reply twice = RawHttp.get(api.port(),
        "/report/fragment?pair=ml_engineer:data_scientist&pair=ml_engineer:data_scientist");
    assertThat(twice.status()).isEqualTo(200);
    assertThat(count(twice.body(), "id=\"table-gap-ml_engineer-data_scientist\"")).isEqualTo(1);

    String many = "/?" + String.join("&", java.util.Collections.nCopies(20,
        "pair=ml_engineer:data_scientist&pair=ai_engineer:ml_engineer"));
    RawHttp.Reply capped = RawHttp.get(api.port(), many);
    assertThat(capped.status()).isEqualTo(200);
    RawHttp.Reply tooMany = RawHttp.get(api.port(), "/?" + String.join("&", pairsOfDistinctFamilies(9)));
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.body()).doesNotContain("<");
  }

  private static List<String> pairsOfDistinctFamilies(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add("pair=family_" + i + ":other_" + i);
    }
    return out;
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  // --- forwarding, injection, reflection, leaks --------------------------------------------

  @Test
  void forwardingKeepsLocalAndAnEncodedQueryInThePathIsNotAPath() throws Exception {
    RawHttp.Reply encoded = RawHttp.get(api.port(), "/stats%3F%23");
    assertThat(encoded.status()).isEqualTo(404);

    JsonNode all = items(api.port(), "/stats?window=year");
    int local1 = items(api.port(), "/stats?window=year&local=true").size();
    int local2 = items(secondApi.port(), "/stats?window=year&local=true").size();
    assertThat(all.size()).isEqualTo(local1 + local2);
    Set<String> keys = new HashSet<>();
    for (JsonNode item : all) {
      assertThat(keys.add(item.toString())).as("no item twice").isTrue();
    }
  }

  @Test
  void crLfAndMarkupInThePathComeBackNowhere() throws Exception {
    for (int port : List.of(api.port(), secondApi.port(), metrics.port())) {
      RawHttp.Reply crlf = RawHttp.get(port, "/stats%0d%0a%20X-Injected:%20yes");
      assertThat(crlf.raw()).as("port " + port).doesNotContainIgnoringCase("X-Injected");
      RawHttp.Reply markup = RawHttp.get(port, "/stats%3Cscript%3Ealert(1)%3C/script%3E");
      assertThat(markup.raw()).as("port " + port).doesNotContainIgnoringCase("<script").doesNotContain("alert(1)");
    }
    RawHttp.Reply raw = RawHttp.send(api.port(), "GET /stats\r\nX-Injected: yes HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        Duration.ofSeconds(5));
    assertThat(raw.status()).isEqualTo(400);
  }

  @Test
  void errorAnswersReflectNothingAndNameNoInternals() throws Exception {
    List<RawHttp.Reply> errors = new ArrayList<>();
    errors.add(RawHttp.get(api.port(), "/%3Cscript%3Ealert(1)%3C/script%3E"));
    errors.add(RawHttp.get(api.port(), "/?window=%3Cscript%3Ealert(1)%3C/script%3E"));
    errors.add(RawHttp.get(api.port(), "/stats?window=%3Cscript%3E"));
    errors.add(RawHttp.get(api.port(), "/stats?window=%zz"));
    errors.add(RawHttp.get(api.port(), "/?window=%zz"));
    errors.add(RawHttp.get(startingApi.port(), "/stats?window=year"));
    errors.add(RawHttp.get(startingApi.port(), "/divergence"));
    errors.add(RawHttp.get(metrics.port(), "/%3Cscript%3E"));
    errors.add(RawHttp.send(api.port(), "GET /stats HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 99999999999\r\n\r\nabc",
        Duration.ofSeconds(5)));
    for (RawHttp.Reply e : errors) {
      assertThat(e.status()).as(e.head()).isBetween(400, 599);
      assertThat(e.header("Content-Type")).as(e.head()).startsWith("application/json");
      assertThat(e.header("X-Content-Type-Options")).as(e.head()).isEqualTo("nosniff");
      JsonNode body = JsonSerde.MAPPER.readTree(e.body());
      assertThat(body.path("error").asText()).as(e.body()).matches("[a-z_]+");
      assertThat(e.raw()).as(e.head())
          .doesNotContainIgnoringCase("<script")
          .doesNotContain("HostInfo").doesNotContain("Exception").doesNotContain("io.jobstream")
          .doesNotContain(JobstreamTopology.STATS_STORE).doesNotContain(JobstreamTopology.DIVERGENCE_STORE)
          .doesNotContain("REBALANCING").doesNotContain("CREATED").doesNotContain("NOT_RUNNING");
      assertThat(e.body().length()).as(e.body()).isLessThan(300);
    }
  }

  // --- limits, routing, methods, Host ------------------------------------------------------

  @Test
  void oversizedUrlsHeadersAndBodiesAreRefusedWithTheirStatus() throws Exception {
    int boardPort = java.net.URI.create(board.baseUri()).getPort();
    for (int port : List.of(api.port(), metrics.port(), boardPort)) {
      String longUrl = "/stats?x=" + "a".repeat(1_000_000);
      assertThat(RawHttp.send(port, RawHttp.request("GET", longUrl, port), Duration.ofSeconds(5)).status())
          .as("1 MB URL on " + port).isEqualTo(414);
      String bigHeader = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "b".repeat(1_000_000) + "\r\n\r\n";
      assertThat(RawHttp.send(port, bigHeader, Duration.ofSeconds(5)).status()).as("1 MB header on " + port)
          .isEqualTo(431);
      String manyHeaders = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n" + "X-Many: c\r\n".repeat(5000) + "\r\n";
      assertThat(RawHttp.send(port, manyHeaders, Duration.ofSeconds(5)).status()).as("5,000 headers on " + port)
          .isEqualTo(431);
      String bigBody = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 50000000\r\n\r\n" + "d".repeat(100_000);
      assertThat(RawHttp.send(port, bigBody, Duration.ofSeconds(5)).status()).as("50 MB body on " + port)
          .isEqualTo(413);
    }
  }

  @Test
  void pathsMatchExactly() throws Exception {
    for (String path : List.of("/statsfoo", "/stats/x/y", "/divergencex", "/report/fragmentx", "/report",
        "/health", "/metrics", "//stats", "/stats/")) {
      assertThat(RawHttp.get(api.port(), path).status()).as(path).isEqualTo(404);
    }
    for (String path : List.of("/healthz", "/metricsfoo", "/health/../metrics", "/health/live/x", "/", "/stats",
        "/metrics/", "/health%2Flive")) {
      assertThat(RawHttp.get(metrics.port(), path).status()).as(path).isEqualTo(404);
    }
    int boardPort = java.net.URI.create(board.baseUri()).getPort();
    for (String path : List.of("/jobsx", "/jobs/", "/jobs/x/y", "/sitemap.xmlx")) {
      assertThat(RawHttp.get(boardPort, path).status()).as(path).isEqualTo(404);
    }
  }

  @Test
  void wrongMethodsAre405WithAllowAndHeadIsAnsweredWhereGetIs() throws Exception {
    for (int port : List.of(api.port(), metrics.port())) {
      String path = port == api.port() ? "/stats" : "/health";
      for (String method : List.of("POST", "PUT", "DELETE", "OPTIONS", "TRACE", "PATCH")) {
        RawHttp.Reply reply = RawHttp.send(port, RawHttp.request(method, path, port), Duration.ofSeconds(5));
        assertThat(reply.status()).as(method + " " + path).isEqualTo(405);
        assertThat(reply.header("Allow")).as(method + " " + path).isEqualTo("GET, HEAD");
      }
      RawHttp.Reply head = RawHttp.send(port, RawHttp.request("HEAD", path, port), Duration.ofSeconds(5));
      assertThat(head.status()).as("HEAD " + path).isEqualTo(200);
      assertThat(head.body()).isEmpty();
      assertThat(Long.parseLong(head.header("Content-Length"))).isPositive();
    }
    RawHttp.Reply page = RawHttp.send(api.port(), RawHttp.request("HEAD", "/", api.port()), Duration.ofSeconds(5));
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).isEmpty();
  }

  @Test
  void onALoopbackBindOnlyLoopbackHostNamesAreAnswered() throws Exception {
    int boardPort = java.net.URI.create(board.baseUri()).getPort();
    for (int port : List.of(api.port(), metrics.port(), boardPort)) {
      String path = port == api.port() ? "/stats?window=year" : port == boardPort ? "/jobs" : "/health/live";
      for (String host : List.of("evil.example", "evil.example:" + port, "127.0.0.1.evil.example", "localhost.evil",
          "127.0.0.2", "[::2]:" + port, "", "127.0.0.1:" + port + "@evil.example")) {
        String request = "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n";
        RawHttp.Reply reply = RawHttp.send(port, request, Duration.ofSeconds(5));
        assertThat(reply.status()).as("Host: " + host + " on " + port).isEqualTo(400);
        assertThat(reply.raw()).doesNotContain("evil");
      }
      String noHost = "GET " + path + " HTTP/1.1\r\nConnection: close\r\n\r\n";
      assertThat(RawHttp.send(port, noHost, Duration.ofSeconds(5)).status()).as("no Host").isEqualTo(400);
      for (String host : List.of("127.0.0.1", "127.0.0.1:" + port, "localhost", "localhost:" + port, "LOCALHOST",
          "[::1]", "[::1]:" + port)) {
        String request = "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n";
        assertThat(RawHttp.send(port, request, Duration.ofSeconds(5)).status()).as("Host: " + host).isEqualTo(200);
      }
    }
    // what a container health check sends: HTTP/1.0 and no Host
    RawHttp.Reply probe = RawHttp.send(metrics.port(), "GET /health HTTP/1.0\r\n\r\n", Duration.ofSeconds(5));
    assertThat(probe.status()).isEqualTo(200);
  }

  @Test
  void everyAnswerSaysNosniffAndThePagesCarryACspWithTheirScriptsHashAndDenyFraming() throws Exception {
    int boardPort = java.net.URI.create(board.baseUri()).getPort();
    List<RawHttp.Reply> answers = new ArrayList<>();
    for (String path : List.of("/", "/report/fragment", "/stats?window=year", "/nothing", "/?window=no")) {
      answers.add(RawHttp.get(api.port(), path));
    }
    for (String path : List.of("/health", "/health/live", "/metrics", "/nothing")) {
      answers.add(RawHttp.get(metrics.port(), path));
    }
    for (String path : List.of("/jobs", "/sitemap.xml", "/nothing")) {
      answers.add(RawHttp.get(boardPort, path));
    }
    answers.add(RawHttp.send(api.port(), RawHttp.request("POST", "/stats", api.port()), Duration.ofSeconds(5)));
    for (RawHttp.Reply a : answers) {
      assertThat(a.header("X-Content-Type-Options")).as(a.head()).isEqualTo("nosniff");
    }
    for (String path : List.of("/", "/report/fragment")) {
      RawHttp.Reply page = RawHttp.get(api.port(), path);
      assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
      String csp = page.header("Content-Security-Policy");
      assertThat(csp).contains("default-src 'none'").contains("frame-ancestors 'none'").doesNotContain("unsafe-eval");
      Matcher scripts = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(page.body());
      while (scripts.find()) {
        String hash = Base64.getEncoder().encodeToString(
            MessageDigest.getInstance("SHA-256").digest(scripts.group(1).getBytes(StandardCharsets.UTF_8)));
        assertThat(csp).as("the CSP allows the page's own inline script").contains("'sha256-" + hash + "'");
      }
      assertThat(csp).doesNotContain("script-src 'unsafe-inline'").doesNotContain("script-src *");
    }
  }
}
