package io.jobstream.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobstream.app.SurveyFixture;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compose stack in real containers: {@code deploy/compose.yaml} with
 * {@code deploy/compose.podman.yaml} under podman-compose, on the local images of
 * {@code deploy/podman/build-images.sh} (built from Debian's archive and the jar Maven packaged,
 * so this runs after {@code package}, as a failsafe test). Kafka (the {@code jobstream broker}
 * command), {@code stream}, {@code ingest} of a survey file the test writes (the generated
 * survey's 2023 rows), {@code monitor}, Prometheus and Alertmanager with the project's
 * configuration. Checks: every health check of the compose file reports healthy; Prometheus
 * scrapes every target; the statistics reach the output topic ({@code monitor}, which reads
 * {@code jobs.salary.stats}, exports the median the stream's query API serves); the market alert
 * "divergence became significant" for ML engineers against data scientists reaches Alertmanager;
 * and stopping and starting the {@code stream} container leaves every statistic as it was. The
 * stack is taken down with its volumes whatever happens.
 *
 * <p>podman without systemd does not schedule health checks: the test runs each container's
 * configured check with {@code podman healthcheck run}, as the systemd timer would, and reads the
 * status podman records.
 */
@Tag("containers")
class ComposeStackIT {

  /** How long one condition may take to hold: the stack shares two cores with other builds. */
  private static final Duration PATIENCE = Duration.ofSeconds(240);

  private static final List<String> SERVICES =
      List.of("kafka", "stream", "ingest", "monitor", "prometheus", "alertmanager");

  /** The services whose compose definition has a health check. */
  private static final List<String> CHECKED = List.of("kafka", "stream", "ingest", "monitor");

  @TempDir
  Path dir;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void theStackRunsInContainers() throws Exception {
    PodmanStack.requireTools();
    long start = System.nanoTime();
    Path data = Files.createDirectories(dir.resolve("data"));
    List<String> survey = new ArrayList<>();
    survey.add(SurveyFixture.HEADER);
    SurveyFixture.rows(23, 12_000).stream().filter(l -> l.startsWith("2023,")).forEach(survey::add);
    assertThat(survey.size() - 1).isGreaterThan(2_000);
    Files.write(data.resolve("survey.csv"), survey, StandardCharsets.UTF_8);
    Path override = dir.resolve("compose.test.yaml");
    Files.writeString(override, "services:\n  ingest:\n    volumes:\n      - " + data + ":/data:ro\n");

    int queryPort = freePort();
    int prometheusPort = freePort();
    int alertmanagerPort = freePort();
    Map<String, String> env = Map.of(
        "JOBSTREAM_SOURCE", "csv:/data/survey.csv",
        "JOBSTREAM_STREAM_HEAP", "512m",
        "JOBSTREAM_QUERY_PORT", "" + queryPort,
        "PROMETHEUS_PORT", "" + prometheusPort,
        "ALERTMANAGER_PORT", "" + alertmanagerPort,
        "GRAFANA_PORT", "" + freePort());
    Path logs = Files.createDirectories(dir.resolve("logs"));
    String project = "jobstream-it-" + ProcessHandle.current().pid();
    try (PodmanStack stack = new PodmanStack(project, override, env, logs)) {
      try {
        stack.buildImages();
        System.err.printf("ComposeStackIT: images built at %.0f s%n", seconds(start));
        stack.up(SERVICES.toArray(String[]::new));
        String prometheus = "http://127.0.0.1:" + prometheusPort + "/api/v1/";
        String stats = "http://127.0.0.1:" + queryPort + "/stats";

        for (String service : CHECKED) {
          awaitHealthy(stack, service);
        }
        System.err.printf("ComposeStackIT: every health check healthy at %.0f s%n", seconds(start));

        JsonNode targets = await(prometheus + "targets", t -> {
          JsonNode active = t.path("data").path("activeTargets");
          if (active.size() != 3) {
            return false;
          }
          for (JsonNode target : active) {
            if (!target.path("health").asText().equals("up")) {
              return false;
            }
          }
          return true;
        });
        List<String> jobs = new ArrayList<>();
        targets.path("data").path("activeTargets").forEach(t -> jobs.add(t.path("labels").path("job").asText()));
        assertThat(jobs).containsExactlyInAnyOrder("jobstream-ingest", "jobstream-stream", "jobstream-monitor");

        // every survey row published and classified, then the statistics stop moving
        int rows = survey.size() - 1;
        await(prometheus + "query?query=" + encode("sum(jobstream_ingest_postings_total{outcome=\"published\"})"),
            r -> value(r) == rows);
        await(prometheus + "query?query=" + encode("sum(jobstream_stream_records_total{outcome=\"classified\"})"),
            r -> value(r) >= rows);
        Map<String, Long> before = settledCounts(stats);
        assertThat(before).isNotEmpty();
        System.err.printf("ComposeStackIT: %d rows in %d statistics at %.0f s%n", rows, before.size(), seconds(start));

        // the statistics reached jobs.salary.stats: the monitor, which reads that topic, exports
        // the data scientists' year median the stream's stores hold
        double median = yearMedian(stats, "data_scientist");
        await(prometheus + "query?query=" + encode("jobstream_market_pay{statistic=\"median\","
            + " family=\"data_scientist\", window=\"year\", seniority=\"all\"}"),
            r -> Math.abs(value(r) - median) < 0.5);

        // the market alert reaches Alertmanager
        await("http://127.0.0.1:" + alertmanagerPort + "/api/v2/alerts", alerts -> {
          for (JsonNode alert : alerts) {
            if (alert.path("labels").path("alertname").asText().equals("JobstreamDivergenceBecameSignificant")
                && alert.path("labels").path("pair").asText().equals("ml_engineer:data_scientist")) {
              return true;
            }
          }
          return false;
        });
        System.err.printf("ComposeStackIT: market alert in Alertmanager at %.0f s%n", seconds(start));

        // stop and start the stream container: its stores come back from their volume and the
        // changelogs, and every statistic is as it was
        String stream = stack.container("stream");
        assertThat(stack.podman("stop", "-t", "30", stream).exitCode()).isZero();
        assertThat(stack.podman("start", stream).exitCode()).isZero();
        awaitHealthy(stack, "stream");
        assertThat(settledCounts(stats)).isEqualTo(before);
        System.err.printf("ComposeStackIT: stream restarted, statistics unchanged, at %.0f s%n", seconds(start));
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(e.getMessage() + stack.containerLogs(), e);
      }
    } finally {
      System.err.printf("ComposeStackIT: done (stack down) in %.0f s%n", seconds(start));
    }
  }

  /** Runs the service's health check until it passes, then reads the status podman recorded. */
  private void awaitHealthy(PodmanStack stack, String service) throws Exception {
    String container = stack.container(service);
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    PodmanStack.Result check;
    do {
      check = stack.podman("healthcheck", "run", container);
      if (check.exitCode() == 0) {
        break;
      }
      Thread.sleep(2_000);
    } while (System.nanoTime() < deadline);
    assertThat(check.exitCode()).as(service + " health check: " + check.output()).isZero();
    PodmanStack.Result status = stack.podman("inspect", "--format", "{{.State.Health.Status}}", container);
    assertThat(status.output().strip()).as(service + " health status").isEqualTo("healthy");
  }

  /**
   * The count of every statistic the query API serves, once two answers 10 s apart agree (the
   * stream has caught up with its input).
   */
  private Map<String, Long> settledCounts(String stats) throws Exception {
    Map<String, Long>[] last = new Map[1];
    await(stats, answer -> {
      Map<String, Long> counts = counts(answer);
      boolean settled = !counts.isEmpty() && counts.equals(last[0]);
      last[0] = counts;
      if (!settled) {
        sleep(10_000);
      }
      return settled;
    });
    return last[0];
  }

  private static Map<String, Long> counts(JsonNode answer) {
    Map<String, Long> counts = new TreeMap<>();
    for (JsonNode s : answer) {
      String key = String.join("|", s.path("family").asText(), s.path("seniority").asText(),
          s.path("country").asText(), s.path("remote").asText(), s.path("window").asText(),
          s.path("windowStart").asText());
      counts.put(key, s.path("count").asLong());
    }
    return counts;
  }

  /** The family's median over the whole market (every seniority, country and remote) in the year window. */
  private double yearMedian(String stats, String family) throws Exception {
    JsonNode answer = await(stats, a -> true);
    for (JsonNode s : answer) {
      if (s.path("family").asText().equals(family) && s.path("window").asText().equals("year")
          && s.path("seniority").asText().equals("all") && s.path("country").asText().equals("all")
          && s.path("remote").asText().equals("all")) {
        return s.path("median").asDouble();
      }
    }
    throw new AssertionError("no year statistic of " + family + " for the whole market in " + answer);
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
        // the service is still starting
      }
      Thread.sleep(1_000);
    }
    String answer = last == null ? "none" : last.toString();
    throw new AssertionError("not satisfied within " + PATIENCE + ": " + url + "\nlast answer: "
        + answer.substring(0, Math.min(answer.length(), 2_000)));
  }

  /** The value of the first sample of an instant query, or NaN when there is none. */
  private static double value(JsonNode response) {
    JsonNode result = response.path("data").path("result");
    if (result.isEmpty()) {
      return Double.NaN;
    }
    return Double.parseDouble(result.path(0).path("value").path(1).asText());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String encode(String query) {
    return URLEncoder.encode(query, StandardCharsets.UTF_8);
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
