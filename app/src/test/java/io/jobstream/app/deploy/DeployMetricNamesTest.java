package io.jobstream.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobstream.app.SurveyFixture;
import io.jobstream.app.TopicSetup;
import io.jobstream.app.broker.EmbeddedKafkaBroker;
import io.jobstream.app.demo.DemoJobBoard;
import io.jobstream.model.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every metric name that a Grafana dashboard, a Grafana alert rule or a Prometheus rule reads is
 * one the application exports: the real {@code stream}, {@code monitor} and continuous
 * {@code ingest} commands run in child JVMs against an embedded broker (ingest reading the demo
 * job board over HTTP and the 2023 rows of a generated salary survey, plus a poison record, so
 * that fetch, rejection, dead-letter and market meters exist), their {@code /metrics} are read
 * directly (no Prometheus needed), and each expression's names ({@link PromQlMetricNames}) must be
 * among the series served. A dashboard naming a metric nobody exports fails.
 */
@Tag("integration")
class DeployMetricNamesTest {

  /** How long the services may take to serve every name: the market gauges wait for ingest, stream and monitor in turn. */
  private static final Duration PATIENCE = Duration.ofSeconds(300);
  /**
   * Series Prometheus itself adds for every scrape target or alert, which no application
   * exports: {@code up} and the {@code scrape_*} series, and {@code ALERTS}.
   */
  private static final Set<String> PROMETHEUS_SERIES = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped",
      "scrape_samples_post_metric_relabeling", "scrape_series_added", "ALERTS", "ALERTS_FOR_STATE");

  @TempDir
  Path dir;

  private final List<Process> children = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private final Path deploy = PrometheusTools.deployDir();

  @AfterEach
  void stopChildren() throws InterruptedException {
    for (Process child : children) {
      child.destroy();
    }
    for (Process child : children) {
      if (!child.waitFor(20, TimeUnit.SECONDS)) {
        child.destroyForcibly();
      }
    }
    children.clear();
  }

  @Test
  void everyMetricTheDashboardsAndRulesReadIsExportedByTheRunningServices() throws Exception {
    Map<String, PromQlMetricNames.Names> used = expressions();
    assertThat(used).hasSizeGreaterThan(40);
    Set<String> recorded = recordedNames();

    try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir.resolve("broker"), 0).start(Duration.ofSeconds(60));
        DemoJobBoard board = DemoJobBoard.start(0)) {
      String bootstrap = broker.bootstrapServers();
      Properties client = new Properties();
      client.put("bootstrap.servers", bootstrap);
      TopicSetup.ensureTopics(client);
      int streamPort = freePort();
      int monitorPort = freePort();
      int ingestPort = freePort();
      start("stream", "stream", "--bootstrap-servers", bootstrap, "--window", "year",
          "--state-dir", dir.resolve("streams").toString(), "--query-port", "0", "--metrics-port", "" + streamPort);
      start("monitor", "monitor", "--bootstrap-servers", bootstrap, "--metrics-port", "" + monitorPort);
      start("ingest", "ingest", "--bootstrap-servers", bootstrap, "--interval", "1h",
          "--source", "csv:" + survey2023(), "--source", "jsonld:" + board.listingUri(),
          "--allow-host", "127.0.0.1", "--min-delay", "0s", "--metrics-port", "" + ingestPort);
      try (KafkaProducer<String, String> producer = new KafkaProducer<>(client, new StringSerializer(), new StringSerializer())) {
        producer.send(new ProducerRecord<>(Topics.RAW.name(), "poison", "{not json")).get();
      }

      // the services' series, read until every name used is served (market gauges come last)
      Set<String> live = new TreeSet<>();
      List<String> unknown = List.of("(not scraped yet)");
      long started = System.nanoTime();
      long deadline = started + PATIENCE.toNanos();
      while (System.nanoTime() < deadline) {
        for (int port : List.of(streamPort, monitorPort, ingestPort)) {
          live.addAll(seriesNames(port));
        }
        unknown = unknown(used, live, recorded);
        if (unknown.isEmpty()) {
          System.out.printf("every metric name of deploy/ served after %.0f s (%d series names)%n",
              (System.nanoTime() - started) / 1e9, live.size());
          break;
        }
        Thread.sleep(1_000);
      }
      assertThat(unknown).as("metric names read by deploy/ that the running services do not export"
          + " (served: " + live.size() + " series names)" + logs()).isEmpty();
      assertThat(live).contains("jobstream_market_pay", "jobstream_stream_records_total", "kafka_consumer_fetch_manager_records_lag_max");

      // and the check bites: a dashboard reading a misspelt metric fails it
      JsonNode market = DeployFilesTest.JSON.readTree(deploy.resolve("grafana/dashboards/market.json").toFile());
      ObjectNode target = (ObjectNode) market.path("panels").path(0).path("targets").path(0);
      assertThat(target.path("expr").asText()).contains("jobstream_market_pay{");
      target.put("expr", target.path("expr").asText().replace("jobstream_market_pay{", "jobstream_market_pays{"));
      Map<String, PromQlMetricNames.Names> broken = new LinkedHashMap<>();
      dashboardExpressions("market.json (misspelt)", market, broken);
      assertThat(unknown(broken, live, recorded)).containsExactly(
          "market.json (misspelt) panel 'Median annual pay by family': jobstream_market_pays");
    } finally {
      stopChildren();
    }
  }

  /** Each name of each expression that is neither served, nor Prometheus's own, nor recorded by a rule. */
  private static List<String> unknown(Map<String, PromQlMetricNames.Names> used, Set<String> live, Set<String> recorded) {
    List<String> unknown = new ArrayList<>();
    for (var expression : used.entrySet()) {
      for (String name : expression.getValue().names()) {
        if (!live.contains(name) && !PROMETHEUS_SERIES.contains(name) && !recorded.contains(name)) {
          unknown.add(expression.getKey() + ": " + name);
        }
      }
      for (String pattern : expression.getValue().patterns()) {
        Pattern regex = Pattern.compile(pattern);
        if (live.stream().noneMatch(n -> regex.matcher(n).matches())) {
          unknown.add(expression.getKey() + ": {__name__=~\"" + pattern + "\"}");
        }
      }
    }
    return unknown;
  }

  /** Every PromQL expression of deploy/, by where it stands, with the names it reads. */
  private Map<String, PromQlMetricNames.Names> expressions() throws IOException {
    Map<String, PromQlMetricNames.Names> used = new LinkedHashMap<>();
    for (String file : DeployFilesTest.files(deploy.resolve("grafana/dashboards"), ".json")) {
      dashboardExpressions(file, DeployFilesTest.JSON.readTree(deploy.resolve("grafana/dashboards").resolve(file).toFile()), used);
    }
    for (String file : DeployFilesTest.files(deploy.resolve("grafana/provisioning/alerting"), ".yml")) {
      JsonNode alerts = DeployFilesTest.YAML.readTree(deploy.resolve("grafana/provisioning/alerting").resolve(file).toFile());
      alerts.path("groups").forEach(g -> g.path("rules").forEach(r -> r.path("data").forEach(d -> {
        if (d.path("datasourceUid").asText().equals("prometheus")) {
          used.put(file + " rule " + r.path("uid").asText() + " " + d.path("refId").asText(),
              PromQlMetricNames.of(d.path("model").path("expr").asText()));
        }
      })));
    }
    for (String file : DeployFilesTest.files(deploy.resolve("prometheus/rules"), ".yml")) {
      JsonNode rules = DeployFilesTest.YAML.readTree(deploy.resolve("prometheus/rules").resolve(file).toFile());
      rules.path("groups").forEach(g -> g.path("rules").forEach(r -> used.put(
          file + " " + r.path("alert").asText(r.path("record").asText()), PromQlMetricNames.of(r.path("expr").asText()))));
    }
    used.values().forEach(n -> assertThat(n.names().size() + n.patterns().size()).isPositive());
    return used;
  }

  private static void dashboardExpressions(String file, JsonNode dashboard, Map<String, PromQlMetricNames.Names> used) {
    dashboard.path("panels").forEach(p -> p.path("targets").forEach(t -> used.merge(
        file + " panel '" + p.path("title").asText() + "'", PromQlMetricNames.of(t.path("expr").asText()),
        DeployMetricNamesTest::union)));
    dashboard.path("templating").path("list").forEach(v -> {
      // label_values(selector, label): the selector names a metric
      Matcher m = Pattern.compile("label_values\\((.+), *\\w+\\)").matcher(v.path("query").path("query").asText());
      if (m.matches()) {
        used.put(file + " variable " + v.path("name").asText(), PromQlMetricNames.of(m.group(1)));
      }
    });
  }

  private static PromQlMetricNames.Names union(PromQlMetricNames.Names a, PromQlMetricNames.Names b) {
    Set<String> names = new TreeSet<>(a.names());
    names.addAll(b.names());
    Set<String> patterns = new TreeSet<>(a.patterns());
    patterns.addAll(b.patterns());
    return new PromQlMetricNames.Names(names, patterns);
  }

  /** Names that the Prometheus rules record themselves. */
  private Set<String> recordedNames() throws IOException {
    Set<String> recorded = new TreeSet<>();
    for (String file : DeployFilesTest.files(deploy.resolve("prometheus/rules"), ".yml")) {
      DeployFilesTest.YAML.readTree(deploy.resolve("prometheus/rules").resolve(file).toFile()).path("groups")
          .forEach(g -> g.path("rules").forEach(r -> {
            if (r.has("record")) {
              recorded.add(r.path("record").asText());
            }
          }));
    }
    return recorded;
  }

  /** The series names one service serves on {@code /metrics} now (none while it is starting). */
  private Set<String> seriesNames(int port) throws InterruptedException {
    Set<String> names = new TreeSet<>();
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 200) {
        for (String line : response.body().split("\n")) {
          if (!line.isBlank() && !line.startsWith("#")) {
            names.add(line.split("[{ ]", 2)[0]);
          }
        }
      }
    } catch (IOException notYet) {
      // the service is still starting
    }
    return names;
  }

  /** A generated survey's header and its 2023 rows, and one row that cannot be read (a rejection). */
  private Path survey2023() throws IOException {
    List<String> out = new ArrayList<>();
    out.add(SurveyFixture.HEADER);
    SurveyFixture.rows(23, 12_000).stream().filter(l -> l.startsWith("2023,")).forEach(out::add);
    out.add("2023,SE,FT,Data Scientist,lots,USD,not-a-number,US,0,US,M");
    Path file = dir.resolve("survey-2023.csv");
    Files.write(file, out, StandardCharsets.UTF_8);
    return file;
  }

  private void start(String name, String... command) throws IOException {
    List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
        "-cp", System.getProperty("java.class.path"), "io.jobstream.app.cli.JobstreamCli"));
    args.addAll(List.of(command));
    children.add(new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start());
  }

  private String logs() throws IOException {
    StringBuilder logs = new StringBuilder();
    for (String name : List.of("stream", "monitor", "ingest")) {
      Path log = dir.resolve(name + ".log");
      if (Files.exists(log)) {
        List<String> lines = Files.readAllLines(log);
        logs.append("\n--- ").append(name).append(" (last lines) ---\n")
            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size())));
      }
    }
    return logs.toString();
  }

  private static int freePort() throws IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
