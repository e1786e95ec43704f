package io.jobstream.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobstream.app.SurveyFixture;
import io.jobstream.app.TopicSetup;
import io.jobstream.app.broker.EmbeddedKafkaBroker;
import io.jobstream.app.demo.DemoJobBoard;
import io.jobstream.model.Topics;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitoring path end to end, with the real Prometheus (Debian's package) on loopback: the
 * embedded broker, the real {@code stream}, {@code monitor} and continuous {@code ingest} commands
 * in child JVMs (ingest reading the demo job board over HTTP and the 2023 rows of the salary
 * survey), and Prometheus with the project's {@code prometheus.yml} (targets pointed at the
 * children, intervals shortened) and alert rules. Through Prometheus's HTTP API: every jobstream
 * target is up, pipeline metrics and market gauges have values, every jobstream metric the rules
 * and dashboards use exists, and the market alert "divergence became significant" fires for ML
 * engineers against data scientists (2023: 1,176 against 1,973 postings with pay, p far below
 * 0.05).
 */
@Tag("integration")
class PrometheusEndToEndTest {

  private static final Duration PATIENCE = Duration.ofSeconds(150);

  @TempDir
  Path dir;

  private final List<Process> children = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private int surveyRows;

  @AfterEach
  void stopChildren() throws InterruptedException {
    for (Process child : children) {
      child.destroy();
    }
    for (Process child : children) {
      if (!child.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        child.destroyForcibly();
      }
    }
  }

  @Test
  void prometheusScrapesTheServicesAndAMarketAlertFires() throws Exception {
    Path prometheusBinary = PrometheusTools.binary("prometheus");
    Path deploy = PrometheusTools.deployDir();
    try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir.resolve("broker"), 0).start(Duration.ofSeconds(60));
        DemoJobBoard board = DemoJobBoard.start(0)) {
      String bootstrap = broker.bootstrapServers();
      Properties client = new Properties();
      client.put("bootstrap.servers", bootstrap);
      TopicSetup.ensureTopics(client);

      int streamPort = freePort();
      int monitorPort = freePort();
      int ingestPort = freePort();
      int prometheusPort = freePort();
      start("stream", "stream", "--bootstrap-servers", bootstrap, "--window", "year",
          "--state-dir", dir.resolve("streams").toString(), "--query-port", "0", "--metrics-port", "" + streamPort);
      start("monitor", "monitor", "--bootstrap-servers", bootstrap, "--metrics-port", "" + monitorPort);
      start("ingest", "ingest", "--bootstrap-servers", bootstrap, "--interval", "1h",
          "--source", "csv:" + survey2023(), "--source", "jsonld:" + board.listingUri(),
          "--allow-host", "127.0.0.1", "--min-delay", "0s",
          "--metrics-port", "" + ingestPort);
      // a poison record, so the dead-letter meters exist
      try (KafkaProducer<String, String> producer = new KafkaProducer<>(client, new StringSerializer(), new StringSerializer())) {
        producer.send(new ProducerRecord<>(Topics.RAW.name(), "poison", "{not json")).get();
      }

      Path config = prometheusConfig(deploy, streamPort, monitorPort, ingestPort);
      start("prometheus", prometheusBinary.toString(), "--config.file=" + config,
          "--storage.tsdb.path=" + dir.resolve("prometheus-data"),
          "--web.listen-address=127.0.0.1:" + prometheusPort);
      String api = "http://127.0.0.1:" + prometheusPort + "/api/v1/";

      JsonNode targets = await(api + "targets", t -> {
        Set<String> up = new HashSet<>();
        t.path("data").path("activeTargets").forEach(a -> {
          if (a.path("health").asText().equals("up")) {
            up.add(a.path("labels").path("job").asText());
          }
        });
        return up.containsAll(Set.of("jobstream-ingest", "jobstream-stream", "jobstream-monitor"));
      });
      assertThat(targets.path("data").path("activeTargets")).hasSize(3);

      // pipeline metrics
      await(api + "query?query=" + encode("sum(jobstream_stream_records_total{outcome=\"classified\"})"),
          r -> value(r) >= surveyRows);
      await(api + "query?query=" + encode("sum(jobstream_ingest_postings_total{outcome=\"published\"})"),
          r -> value(r) >= surveyRows + board.postingCount());
      await(api + "query?query=" + encode("sum(jobstream_stream_dead_letters_total{reason=\"not_json\"})"),
          r -> value(r) == 1);
      await(api + "query?query=" + encode("jobstream_stream_running"), r -> value(r) == 1);
      // Kafka client meters through Micrometer's binders: the ingest producer's, the monitor consumer's lag
      await(api + "query?query=" + encode("count({__name__=~\"kafka_producer_.+\", job=\"jobstream-ingest\"})"),
          r -> value(r) > 0);
      await(api + "query?query=" + encode("count(kafka_consumer_fetch_manager_records_lag_max{job=\"jobstream-monitor\"})"),
          r -> value(r) > 0);
      // market gauges: the 2023 gap of ML engineers over data scientists, from the monitor
      JsonNode gap = await(api + "query?query=" + encode(
          "jobstream_market_gap{pair=\"ml_engineer:data_scientist\", window=\"year\", seniority=\"all\"}"),
          r -> !Double.isNaN(value(r)));
      assertThat(value(gap)).isGreaterThan(0);
      await(api + "query?query=" + encode(
          "jobstream_market_gap_significant{pair=\"ml_engineer:data_scientist\", window=\"year\", seniority=\"all\"}"),
          r -> value(r) == 1);
      await(api + "query?query=" + encode(
          "jobstream_market_pay{statistic=\"median\", family=\"data_scientist\", window=\"year\", seniority=\"all\"}"),
          r -> value(r) > 10_000);

      // the market alert fires for that pair
      await(api + "alerts", a -> {
        for (JsonNode alert : a.path("data").path("alerts")) {
          if (alert.path("labels").path("alertname").asText().equals("JobstreamDivergenceBecameSignificant")
              && alert.path("labels").path("pair").asText().equals("ml_engineer:data_scientist")
              && alert.path("state").asText().equals("firing")) {
            return true;
          }
        }
        return false;
      });

      // every jobstream metric named by the rules and dashboards exists
      Set<String> used = metricNames(deploy);
      assertThat(used).hasSizeGreaterThan(25);
      JsonNode names = await(api + "label/__name__/values", n -> {
        Set<String> have = new HashSet<>();
        n.path("data").forEach(v -> have.add(v.asText()));
        return have.containsAll(used);
      });
      assertThat(names.path("status").asText()).isEqualTo("success");

      // and every label of every jobstream series, as scraped after this run, has a value from a fixed set
      JsonNode series = await(api + "series?match[]=" + encode("{__name__=~\"jobstream_.+\"}"), r -> r.path("data").size() > 0);
      for (JsonNode labels : series.path("data")) {
        labels.fields().forEachRemaining(label -> {
          if (!label.getKey().equals("__name__")) {
            assertThat(BoundedLabels.allows(label.getKey(), label.getValue().asText()))
                .as(labels.path("__name__").asText() + " " + label.getKey() + "=" + label.getValue().asText()).isTrue();
          }
        });
      }
    } finally {
      stopChildren();
    }
  }

  /** The project's scrape configuration with its targets on loopback and 1 s intervals. */
  private Path prometheusConfig(Path deploy, int stream, int monitor, int ingest) throws IOException {
    String config = Files.readString(deploy.resolve("prometheus/prometheus.yml"))
        .replace("'ingest:9401'", "'127.0.0.1:" + ingest + "'")
        .replace("'stream:9402'", "'127.0.0.1:" + stream + "'")
        .replace("'monitor:9403'", "'127.0.0.1:" + monitor + "'")
        .replace("scrape_interval: 15s", "scrape_interval: 1s")
        .replace("evaluation_interval: 15s", "evaluation_interval: 1s");
    assertThat(config).contains("127.0.0.1:" + ingest, "127.0.0.1:" + stream, "127.0.0.1:" + monitor, "scrape_interval: 1s");
    Path out = dir.resolve("prometheus");
    Files.createDirectories(out.resolve("rules"));
    for (String rules : DeployFilesTest.files(deploy.resolve("prometheus/rules"), ".yml")) {
      Files.copy(deploy.resolve("prometheus/rules").resolve(rules), out.resolve("rules").resolve(rules));
    }
    Files.writeString(out.resolve("prometheus.yml"), config);
    return out.resolve("prometheus.yml");
  }

  /** A generated survey's header and its 2023 rows, and one row that cannot be read (a dead letter). */
  private Path survey2023() throws IOException {
    List<String> out = new ArrayList<>();
    out.add(SurveyFixture.HEADER);
    SurveyFixture.rows(23, 12_000).stream().filter(l -> l.startsWith("2023,")).forEach(out::add);
    surveyRows = out.size() - 1;
    assertThat(surveyRows).isGreaterThan(2_000);
    out.add("2023,SE,FT,Data Scientist,lots,USD,not-a-number,US,0,US,M");
    Path file = dir.resolve("survey-2023.csv");
    Files.write(file, out, StandardCharsets.UTF_8);
    return file;
  }

  /** The {@code jobstream_*} metric names the Prometheus rules and the dashboards use. */
  private static Set<String> metricNames(Path deploy) throws IOException {
    Set<String> names = new TreeSet<>();
    List<Path> files = new ArrayList<>();
    for (String f : DeployFilesTest.files(deploy.resolve("prometheus/rules"), ".yml")) {
      files.add(deploy.resolve("prometheus/rules").resolve(f));
    }
    for (String f : DeployFilesTest.files(deploy.resolve("grafana/dashboards"), ".json")) {
      files.add(deploy.resolve("grafana/dashboards").resolve(f));
    }
    for (Path file : files) {
      Matcher m = Pattern.compile("\\bjobstream_[a-z_]+").matcher(Files.readString(file));
      while (m.find()) {
        names.add(m.group());
      }
    }
    return names;
  }

  private void start(String name, String... command) throws IOException {
    List<String> args = new ArrayList<>();
    if (!command[0].startsWith("/")) {
      args.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
          "-cp", System.getProperty("java.class.path"), "io.jobstream.app.cli.JobstreamCli"));
    }
    args.addAll(List.of(command));
    children.add(new ProcessBuilder(args).redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile()).start());
  }

  private JsonNode await(String url, Predicate<JsonNode> done) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          last = DeployFilesTest.JSON.readTree(response.body());
          if (done.test(last)) {
            return last;
          }
        }
      } catch (IOException notYet) {
        // Prometheus is still starting
      }
      Thread.sleep(500);
    }
    StringBuilder logs = new StringBuilder();
    for (String name : List.of("stream", "monitor", "ingest", "prometheus")) {
      Path log = dir.resolve(name + ".log");
      if (Files.exists(log)) {
        List<String> lines = Files.readAllLines(log);
        logs.append("\n--- ").append(name).append(" (last lines) ---\n")
            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
      }
    }
    throw new AssertionError("not satisfied within " + PATIENCE + ": " + url + "\nlast answer: " + last + logs);
  }

  /** The value of the first sample of an instant query, or NaN when there is none. */
  private static double value(JsonNode response) {
    JsonNode result = response.path("data").path("result");
    if (result.isEmpty()) {
      return Double.NaN;
    }
    return Double.parseDouble(result.path(0).path("value").path(1).asText());
  }

  private static String encode(String query) {
    return URLEncoder.encode(query, StandardCharsets.UTF_8);
  }

  private static int freePort() throws IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
