package io.jobstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.aggregate.JobstreamTopology;
import io.jobstream.aggregate.StreamApp;
import io.jobstream.aggregate.config.JobstreamConfig;
import io.jobstream.app.broker.EmbeddedKafkaBroker;
import io.jobstream.app.cli.JobstreamCli;
import io.jobstream.app.demo.DemoJobBoard;
import io.jobstream.model.ClassifiedPosting;
import io.jobstream.model.SalaryStats;
import io.jobstream.model.Topic;
import io.jobstream.model.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole thin path on real parts: the embedded broker, the demo job board on loopback, the
 * {@code jobstream ingest} command, and the streams app with exactly-once; the statistics on
 * {@code jobs.salary.stats} must equal a batch computation over the classified postings.
 */
@Tag("integration")
class PipelineIntegrationTest {

  @TempDir
  static Path dir;

  private static EmbeddedKafkaBroker broker;
  private static DemoJobBoard board;
  private static StreamApp app;
  private static StreamApp second;
  private static io.jobstream.aggregate.QueryApi api;
  private static io.jobstream.aggregate.QueryApi secondApi;
  private static int secondPort;
  private static io.jobstream.app.metrics.MetricsServer metrics;

  @BeforeAll
  static void start() throws Exception {
    broker = new EmbeddedKafkaBroker(dir.resolve("broker"), 0).start(Duration.ofSeconds(60));
    metrics = new io.jobstream.app.metrics.MetricsServer("127.0.0.1", 0,
        () -> app != null && app.state() == org.apache.kafka.streams.KafkaStreams.State.RUNNING);
    TopicSetup.ensureTopics(client());
    board = DemoJobBoard.start(0);
    Properties settings = client();
    settings.put(JobstreamConfig.WINDOWS_CONFIG, "month,30d/1d");
    settings.put(StreamsConfig.APPLICATION_ID_CONFIG, "pipeline-test");
    settings.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "300");
    // two instances of the app share the work, each with a query API that answers for both
    int port1 = freePort();
    int port2 = freePort();
    secondPort = port2;
    Properties first = StreamApp.streamsConfig(settings, dir.resolve("streams"));
    first.put(StreamsConfig.APPLICATION_SERVER_CONFIG, "127.0.0.1:" + port1);
    Properties other = StreamApp.streamsConfig(settings, dir.resolve("streams-2"));
    other.put(StreamsConfig.APPLICATION_SERVER_CONFIG, "127.0.0.1:" + port2);
    app = StreamApp.start(first);
    second = StreamApp.start(other);
    assertThat(app.awaitRunning(Duration.ofSeconds(60))).isTrue();
    assertThat(second.awaitRunning(Duration.ofSeconds(60))).isTrue();
    api = new io.jobstream.aggregate.QueryApi(app.streams(), new org.apache.kafka.streams.state.HostInfo("127.0.0.1", port1),
        new java.net.InetSocketAddress("127.0.0.1", port1));
    secondApi = new io.jobstream.aggregate.QueryApi(second.streams(), new org.apache.kafka.streams.state.HostInfo("127.0.0.1", port2),
        new java.net.InetSocketAddress("127.0.0.1", port2));
  }

  private static int freePort() throws java.io.IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @AfterAll
  static void stop() {
    if (metrics != null) {
      metrics.close();
    }
    if (api != null) {
      api.close();
    }
    if (secondApi != null) {
      secondApi.close();
    }
    if (second != null) {
      second.close();
    }
    if (app != null) {
      app.close();
    }
    if (board != null) {
      board.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  private static Properties client() {
    Properties props = new Properties();
    props.put("bootstrap.servers", broker.bootstrapServers());
    return props;
  }

  private static int ingestOnce() {
    return JobstreamCli.commandLine().execute("ingest", "--bootstrap-servers", broker.bootstrapServers(),
        "--source", "jsonld:" + board.sitemapUri(), "--once", "--allow-host", "127.0.0.1",
        "--min-delay", "0s");
  }

  @Test
  void statisticsFromScrapedPagesEqualABatchComputationAndReCrawlsDoNotCountTwice() throws Exception {
    assertThat(ingestOnce()).isZero();
    List<ConsumerRecord<String, ClassifiedPosting>> classified =
        readUntil(Topics.CLASSIFIED, records -> records.size() >= board.postingCount());
    assertThat(classified).hasSize(board.postingCount());
    Map<String, ClassifiedPosting> latest = new HashMap<>();
    classified.forEach(r -> latest.put(r.key(), r.value()));
    assertThat(latest).hasSize(board.postingCount());

    Map<String, Expected> expected = batchMonthlyStats(latest.values());
    // the latest month with software engineers: the month the monitor shows as current for them
    String month = expected.keySet().stream().filter(k -> k.endsWith("|software_engineer|all|all|all"))
        .map(k -> k.split("\\|")[1]).max(java.util.Comparator.naturalOrder()).orElseThrow();
    Map<String, Expected> ofMonth = new java.util.TreeMap<>();
    expected.forEach((key, e) -> {
      if (key.startsWith("month|" + month + "|")) {
        ofMonth.put(key, e);
      }
    });
    // the generated market has cross-posted copies: the test would not see dedupe work without them
    assertThat(expected.values().stream().mapToLong(Expected::dropped).sum()).isPositive();
    Map<String, SalaryStats> stats = awaitStats(expected);
    assertMatches(stats, expected);

    // the pipeline meters, as Prometheus scrapes them
    String scrape = get(metrics.port(), "/metrics");
    assertThat(scrape).containsPattern("jobstream_stream_records_total\\{outcome=\"classified\"\\} [1-9]");
    assertThat(scrape).contains("jobstream_classify_postings_total{family=\"software_engineer\",pay=\"true\"}");
    assertThat(scrape).contains("jobstream_stream_last_processed_seconds");
    assertThat(get(metrics.port(), "/health")).isEqualTo("ready\n");
    // end-to-end latency: the raw record's timestamp reaches the window stage through every repartition
    assertThat(scrape).containsPattern("jobstream_stream_latency_seconds_count [1-9]");
    double slowest = Double.parseDouble(scrape.lines()
        .filter(l -> l.startsWith("jobstream_stream_latency_seconds_max ")).findFirst().orElseThrow().split(" ")[1]);
    assertThat(slowest).isBetween(0.0, 120.0);

    // the monitor shows the current month as gauges, equal to the batch computation
    io.micrometer.core.instrument.simple.SimpleMeterRegistry registry =
        new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    try (io.jobstream.app.monitor.AggregateMonitor monitor =
        new io.jobstream.app.monitor.AggregateMonitor(client(), "pipeline-test-monitor", registry)) {
      Thread reader = new Thread(monitor::run);
      reader.start();
      Expected software = expected.get("month|" + month + "|software_engineer|all|all|all");
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!(monitor.caughtUp() && registry.find("jobstream.market.postings").tag("window", "month")
          .tag("family", "software_engineer").tag("seniority", "all").gauge() != null)
          && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(registry.get("jobstream.market.postings").tag("window", "month")
          .tag("family", "software_engineer").tag("seniority", "all").gauge().value())
          .isEqualTo((double) software.count());
      assertThat(registry.get("jobstream.market.pay").tag("window", "month").tag("statistic", "median")
          .tag("family", "software_engineer").tag("seniority", "all").gauge().value())
          .isCloseTo(software.median(), org.assertj.core.data.Offset.offset(1e-6));
      assertThat(registry.get("jobstream.market.window.start.seconds").tag("window", "month")
          .tag("family", "software_engineer").tag("seniority", "all").gauge().value())
          .isEqualTo(LocalDate.parse(month).toEpochDay() * 86_400.0);
      monitor.close();
      reader.join(10_000);
      assertThat(reader.isAlive()).isFalse();
    }

    // each instance's query API answers for the keys of both instances
    for (io.jobstream.aggregate.QueryApi q : List.of(api, secondApi)) {
      com.fasterxml.jackson.databind.JsonNode answer = queryUntil(q.port(),
          "/stats?window=month&seniority=all&country=all&remote=all&start=" + month, ofMonth.size());
      Map<String, Long> counts = new HashMap<>();
      answer.forEach(n -> counts.put(n.get("family").asText(), n.get("count").asLong()));
      ofMonth.forEach((key, e) -> assertThat(counts.get(key.split("\\|")[2])).as(key).isEqualTo(e.count()));
    }

    // with the other instance's API down, an instance answers with what it has and says what is missing
    secondApi.close();
    try {
      java.net.http.HttpResponse<String> partial = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + api.port()
              + "/stats?window=month&seniority=all&country=all&remote=all&start=" + month)).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(partial.statusCode()).isEqualTo(200);
      assertThat(partial.headers().firstValue(io.jobstream.aggregate.QueryApi.MISSING_HEADER))
          .hasValueSatisfying(v -> assertThat(v).contains("127.0.0.1:" + secondPort));
      assertThat(io.jobstream.model.JsonSerde.MAPPER.readTree(partial.body()).size())
          .isLessThanOrEqualTo(ofMonth.size());
    } finally {
      secondApi = new io.jobstream.aggregate.QueryApi(second.streams(),
          new org.apache.kafka.streams.state.HostInfo("127.0.0.1", secondPort),
          new java.net.InetSocketAddress("127.0.0.1", secondPort));
    }

    // A crawl with the same state publishes nothing new.
    assertThat(ingestOnce()).isZero();
    assertThat(readUntil(Topics.RAW, records -> records.size() >= board.postingCount()))
        .hasSize(board.postingCount());
    // Every posting published again (as by a crawler that lost its state): the statistics must
    // not change, because the app keeps one version per posting id.
    List<ConsumerRecord<String, io.jobstream.model.RawPosting>> raw =
        readUntil(Topics.RAW, records -> records.size() >= board.postingCount());
    try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<>(client(),
        Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer())) {
      raw.forEach(r -> producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(
          Topics.RAW.name(), r.key(), r.value())));
    }
    assertThat(readUntil(Topics.RAW, records -> records.size() >= 2 * board.postingCount()))
        .hasSize(2 * board.postingCount());
    readUntil(Topics.CLASSIFIED, records -> records.size() >= 2 * board.postingCount());
    Thread.sleep(1500);
    assertMatches(awaitStats(expected), expected);
  }

  @Test
  void postingsDatedYearsAgoAreCountedAndNotLost() throws Exception {
    // Old event dates meet two traps: brokers deleting segments whose record timestamps are past
    // retention, and window stores dropping records older than their retention. The raw topic
    // uses the broker's append time and the statistics use no windowed store, so a 2016 posting
    // is counted like a new one.
    Path file = dir.resolve("old.jsonl");
    java.nio.file.Files.writeString(file,
        "{\"schemaVersion\":1,\"postingId\":\"old-1\",\"title\":\"Statistician\",\"datePosted\":\"2016-03-01\","
            + "\"salary\":{\"currency\":\"USD\",\"min\":80000,\"max\":90000,\"unit\":\"YEAR\"}}\n"
            + "{\"schemaVersion\":1,\"postingId\":\"old-2\",\"title\":\"Statistician\",\"datePosted\":\"2016-03-20\"}\n"
            + "this line is not a posting\n");
    assertThat(JobstreamCli.commandLine().execute("ingest", "--bootstrap-servers", broker.bootstrapServers(),
        "--source", "jsonl:" + file, "--once")).isZero();
    Map<String, SalaryStats> latest = new HashMap<>();
    readUntil(Topics.STATS, records -> {
      records.forEach(r -> latest.put(r.key(), r.value()));
      records.clear();
      SalaryStats march = latest.get("month|2016-03-01|statistician|all|all|all");
      return march != null && march.count() == 2;
    });
    SalaryStats march = latest.get("month|2016-03-01|statistician|all|all|all");
    assertThat(march.salaryCount()).isEqualTo(1);
    assertThat(march.median()).isEqualTo(85_000.0);
    assertThat(readUntil(Topics.DLQ, records -> records.stream().anyMatch(r -> "bad_line".equals(r.value().reason()))))
        .anyMatch(r -> r.value().origin().endsWith("old.jsonl line 3"));
  }

  @Test
  void aPostingDeletedWithTheDeleteCommandLeavesTheStatistics() throws Exception {
    Path file = dir.resolve("mistake.jsonl");
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= 3; i++) {
      lines.append("{\"schemaVersion\":1,\"postingId\":\"del-").append(i).append("\",\"title\":\"Biostatistician\","
          + "\"datePosted\":\"2019-05-0").append(i).append("\",\"salary\":{\"currency\":\"USD\",\"min\":")
          .append(70_000 + i * 10_000).append(",\"max\":").append(70_000 + i * 10_000).append(",\"unit\":\"YEAR\"}}\n");
    }
    java.nio.file.Files.writeString(file, lines);
    assertThat(JobstreamCli.commandLine().execute("ingest", "--bootstrap-servers", broker.bootstrapServers(),
        "--source", "jsonl:" + file, "--once")).isZero();
    String key = "month|2019-05-01|statistician|all|all|all";
    Map<String, SalaryStats> latest = new HashMap<>();
    readUntil(Topics.STATS, records -> {
      records.forEach(r -> latest.put(r.key(), r.value()));
      records.clear();
      return latest.get(key) != null && latest.get(key).count() == 3;
    });
    assertThat(latest.get(key).max()).isEqualTo(100_000.0);

    assertThat(JobstreamCli.commandLine().execute("delete", "--bootstrap-servers", broker.bootstrapServers(),
        "del-3")).isZero();
    readUntil(Topics.STATS, records -> {
      records.forEach(r -> latest.put(r.key(), r.value()));
      records.clear();
      return latest.get(key) != null && latest.get(key).count() == 2;
    });
    assertThat(latest.get(key).max()).isEqualTo(90_000.0);
    assertThat(latest.get(key).median()).isEqualTo(85_000.0);
    // the classified changelog says so too: its latest value for the id is a tombstone
    Map<String, ClassifiedPosting> classified = new HashMap<>();
    readUntil(Topics.CLASSIFIED, records -> {
      records.forEach(r -> classified.put(r.key(), r.value()));
      records.clear();
      return classified.containsKey("del-3") && classified.get("del-3") == null;
    });
  }

  private static String get(int port, String path) throws Exception {
    return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create("http://127.0.0.1:" + port + path)).GET().build(),
        java.net.http.HttpResponse.BodyHandlers.ofString()).body();
  }

  /** GETs a query until it answers {@code size} items (the API's stores fill from the topics). */
  private static com.fasterxml.jackson.databind.JsonNode queryUntil(int port, String pathAndQuery, int size)
      throws Exception {
    java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    com.fasterxml.jackson.databind.JsonNode last = null;
    while (System.nanoTime() < deadline) {
      java.net.http.HttpResponse<String> response = client.send(java.net.http.HttpRequest.newBuilder(
          java.net.URI.create("http://127.0.0.1:" + port + pathAndQuery)).GET().build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 200) {
        last = io.jobstream.model.JsonSerde.MAPPER.readTree(response.body());
        if (last.size() == size) {
          return last;
        }
      }
      Thread.sleep(300);
    }
    throw new AssertionError("query " + pathAndQuery + " on port " + port + " answered " + last);
  }

  private record Expected(long count, long salaryCount, double min, double median, double max, long dropped) {}

  /**
   * Month statistics per family, computed directly from the postings: cross-posted copies (the
   * stream's copy rule, {@link FaultWorkload#copyClusters}) count once, the earliest by date and then id.
   */
  private static Map<String, Expected> batchMonthlyStats(Iterable<ClassifiedPosting> postings) {
    List<List<ClassifiedPosting>> clusters = FaultWorkload.copyClusters(postings);
    Map<String, Long> dropped = new HashMap<>();
    List<ClassifiedPosting> counted = new ArrayList<>();
    for (List<ClassifiedPosting> cluster : clusters) {
      ClassifiedPosting kept = cluster.get(0);
      counted.add(kept);
      dropped.merge("month|" + kept.eventDate().withDayOfMonth(1) + "|" + kept.family() + "|all|all|all",
          cluster.size() - 1L, Long::sum);
    }
    Map<String, List<ClassifiedPosting>> groups = new TreeMap<>();
    for (ClassifiedPosting p : counted) {
      LocalDate month = p.eventDate().withDayOfMonth(1);
      groups.computeIfAbsent("month|" + month + "|" + p.family() + "|all|all|all", k -> new ArrayList<>()).add(p);
    }
    Map<String, Expected> out = new HashMap<>();
    groups.forEach((key, list) -> {
      List<Double> pay = list.stream()
          // pay in other currencies counts in dollars, as the stream converts it
          .filter(p -> p.pay() != null && "USD".equals(p.pay().reportingCurrency()) && p.pay().reportingMidpoint() != null)
          .map(p -> p.pay().reportingMidpoint())
          .sorted()
          .toList();
      int n = pay.size();
      double median = n == 0 ? Double.NaN
          : n % 2 == 1 ? pay.get(n / 2) : (pay.get(n / 2 - 1) + pay.get(n / 2)) / 2;
      out.put(key, new Expected(list.size(), n, n == 0 ? Double.NaN : pay.get(0), median,
          n == 0 ? Double.NaN : pay.get(n - 1), dropped.getOrDefault(key, 0L)));
    });
    return out;
  }

  private static void assertMatches(Map<String, SalaryStats> stats, Map<String, Expected> expected) {
    expected.forEach((key, e) -> {
      SalaryStats s = stats.get(key);
      assertThat(s).as(key).isNotNull();
      assertThat(s.count()).as(key + " count").isEqualTo(e.count());
      assertThat(s.salaryCount()).as(key + " salaryCount").isEqualTo(e.salaryCount());
      assertThat(s.duplicatesDropped()).as(key + " duplicatesDropped").isEqualTo(e.dropped());
      if (e.salaryCount() > 0) {
        // pay converted from other currencies: the stream may round the last bit differently
        org.assertj.core.data.Offset<Double> bit = org.assertj.core.data.Offset.offset(1e-6);
        assertThat(s.min()).as(key + " min").isCloseTo(e.min(), bit);
        assertThat(s.median()).as(key + " median").isCloseTo(e.median(), bit);
        assertThat(s.max()).as(key + " max").isCloseTo(e.max(), bit);
      }
    });
  }

  private static Map<String, SalaryStats> awaitStats(Map<String, Expected> expected) {
    Map<String, SalaryStats> latest = new HashMap<>();
    try {
      readStats(expected, latest);
    } catch (AssertionError timeout) {
      assertMatches(latest, expected); // names the first group that differs
      throw timeout;
    }
    return latest;
  }

  private static void readStats(Map<String, Expected> expected, Map<String, SalaryStats> latest) {
    readUntil(Topics.STATS, records -> {
      records.forEach(r -> latest.put(r.key(), r.value()));
      records.clear();
      return expected.entrySet().stream().allMatch(e -> latest.get(e.getKey()) != null
          && latest.get(e.getKey()).count() == e.getValue().count());
    });
  }

  /** Reads a topic from the beginning (committed records only) until {@code done} holds. */
  private static <V> List<ConsumerRecord<String, V>> readUntil(
      Topic<String, V> topic, Predicate<List<ConsumerRecord<String, V>>> done) {
    Properties props = client();
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<String, V>> records = new ArrayList<>();
    try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(props,
        topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
      while (System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        if (done.test(records)) {
          return records;
        }
      }
    }
    throw new AssertionError("timed out reading " + topic.name() + " (" + records.size() + " records)");
  }
}
