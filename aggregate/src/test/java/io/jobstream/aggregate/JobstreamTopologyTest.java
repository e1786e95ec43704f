package io.jobstream.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.aggregate.config.JobstreamConfig;
import io.jobstream.model.DeadLetter;
import io.jobstream.model.JsonSerde;
import io.jobstream.model.RawPosting;
import io.jobstream.model.SalaryStats;
import io.jobstream.model.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobstreamTopologyTest {

  private static final JsonSerde<RawPosting> RAW = JsonSerde.of(RawPosting.class);
  private static final LocalDate APRIL_10 = LocalDate.parse("2024-04-10");

  @TempDir
  Path stateDir;

  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> raw;
  private TestOutputTopic<String, SalaryStats> stats;
  private TestOutputTopic<String, DeadLetter> dlq;
  private TestOutputTopic<String, ?> classified;

  private static Properties config(Path stateDir, String windows) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "jobstream-topology-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(JobstreamConfig.WINDOWS_CONFIG, windows);
    return props;
  }

  /** The meters of the topology {@link #start} builds. */
  private SimpleMeterRegistry registry;

  private long duplicatesGauge() {
    return (long) registry.get("jobstream.stream.duplicates").gauge().value();
  }

  @BeforeEach
  void start() {
    Properties props = config(stateDir, "30d/1d,month");
    registry = new SimpleMeterRegistry();
    driver = new TopologyTestDriver(JobstreamTopology.build(props, registry), props);
    raw = driver.createInputTopic(Topics.RAW.name(), new StringSerializer(), new ByteArraySerializer());
    stats = driver.createOutputTopic(Topics.STATS.name(), Topics.STATS.keySerde().deserializer(),
        Topics.STATS.valueSerde().deserializer());
    dlq = driver.createOutputTopic(Topics.DLQ.name(), Topics.DLQ.keySerde().deserializer(),
        Topics.DLQ.valueSerde().deserializer());
    classified = driver.createOutputTopic(Topics.CLASSIFIED.name(),
        Topics.CLASSIFIED.keySerde().deserializer(), Topics.CLASSIFIED.valueSerde().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  private void send(RawPosting posting) {
    raw.pipeInput(posting.postingId(), RAW.write(posting));
  }

  /**
   * Replaces the driver with one of month windows and the pair ml_engineer:data_scientist at a
   * minimum n of 3; returns its divergence topic.
   */
  private TestOutputTopic<String, io.jobstream.model.SalaryDivergence> monthlyDivergenceDriver(Path dir) {
    Properties props = config(dir, "month");
    props.put(JobstreamConfig.MIN_N_CONFIG, "3");
    props.put(JobstreamConfig.PAIRS_CONFIG, "ml_engineer:data_scientist");
    driver.close();
    driver = new TopologyTestDriver(JobstreamTopology.build(props), props);
    raw = driver.createInputTopic(Topics.RAW.name(), new StringSerializer(), new ByteArraySerializer());
    TestOutputTopic<String, io.jobstream.model.SalaryDivergence> gaps = driver.createOutputTopic(
        Topics.DIVERGENCE.name(), Topics.DIVERGENCE.keySerde().deserializer(),
        Topics.DIVERGENCE.valueSerde().deserializer());
    return gaps;
  }

  /** The latest statistics per key, as a compacted topic would keep them. */
  private Map<String, SalaryStats> latestStats() {
    WallClock.advance(driver, java.time.Duration.ofSeconds(2)); // the emit interval
    return stats.readKeyValuesToMap();
  }

  @Test
  void anEmissionThatRunsOutOfTimeLeavesTheRestToTheNextOnesAndLosesNothing() {
    Properties props = config(stateDir.resolve("budget"), "30d/1d,month");
    props.put(JobstreamConfig.EMIT_BUDGET_CONFIG, "0"); // one window per emission
    try (TopologyTestDriver budgeted = new TopologyTestDriver(JobstreamTopology.build(props), props)) {
      TestInputTopic<String, byte[]> in = budgeted.createInputTopic(Topics.RAW.name(), new StringSerializer(),
          new ByteArraySerializer());
      TestOutputTopic<String, SalaryStats> out = budgeted.createOutputTopic(Topics.STATS.name(),
          Topics.STATS.keySerde().deserializer(), Topics.STATS.valueSerde().deserializer());
      List<RawPosting> postings = List.of(
          Postings.raw("a", "Data Scientist", APRIL_10, 100_000, 120_000),
          Postings.raw("b", "Data Scientist", APRIL_10.plusDays(1), 140_000, 160_000),
          Postings.raw("c", "Machine Learning Engineer", APRIL_10.plusDays(2), 90_000, 90_000));
      postings.forEach(p -> in.pipeInput(p.postingId(), RAW.write(p)));
      postings.forEach(this::send);

      // three changed (family, day) pairs in 33 windows (and the 33 after them, whose trends
      // compare with them): the first emission does one window
      // the first emissions move a day each (the first window of each spec is built a day at a
      // time): the first statistics come after a few
      Map<String, SalaryStats> partial = new java.util.HashMap<>();
      for (int i = 0; i < 100 && partial.isEmpty(); i++) {
        WallClock.advance(budgeted, java.time.Duration.ofSeconds(2));
        partial.putAll(out.readKeyValuesToMap());
      }
      Map<String, SalaryStats> whole = latestStats();
      assertThat(partial).isNotEmpty();
      assertThat(partial.size()).isLessThan(whole.size());
      for (int i = 0; i < 400; i++) {
        WallClock.advance(budgeted, java.time.Duration.ofSeconds(2));
        partial.putAll(out.readKeyValuesToMap());
      }
      assertThat(partial.keySet()).isEqualTo(whole.keySet());
      whole.forEach((key, expected) -> {
        assertThat(partial.get(key).count()).as(key).isEqualTo(expected.count());
        assertThat(partial.get(key).median()).as(key).isEqualTo(expected.median());
      });
    }
  }

  /**
   * Windows computed in one emission equal windows computed a day per emission (budget 0: every
   * emission stops after one day read into a window, and the next goes on from there), through
   * edits that take values out and move postings between seniorities.
   */
  @Test
  void slidingWindowsEqualWindowsBuiltFromScratch() {
    // one emission takes in everything: a budget no machine runs out of, however loaded
    Map<String, Object> slid = replayTitlesAndEdits(stateDir.resolve("sliding"), UNBOUNDED_BUDGET);
    Map<String, Object> rebuilt = replayTitlesAndEdits(stateDir.resolve("rebuilt"), "0");
    assertThat(slid).hasSizeGreaterThan(100);
    assertThat(rebuilt).isEqualTo(slid);
  }

  /**
   * A year window built a day per emission (budget 0) takes in the changes that arrive while it is
   * half built, to the days it already read and to those it has not: the result equals one
   * emission after all the input.
   */
  @Test
  void aWindowBuiltOverManyEmissionsTakesInTheChangesThatArriveMeanwhile() {
    Map<String, Object> interrupted = yearWithChangesMidway(stateDir.resolve("interrupted"), "0");
    Map<String, Object> whole = yearWithChangesMidway(stateDir.resolve("whole"), UNBOUNDED_BUDGET);
    assertThat(whole).containsKey("stats year|2024-01-01|data_scientist|all|all|all");
    assertThat(interrupted).isEqualTo(whole);
  }

  /** An emission budget (ms) that one emission never reaches in these tests, however slow the machine. */
  private static final String UNBOUNDED_BUDGET = "3600000";

  /** The driver of a replay: pair ml_engineer:data_scientist at a minimum n of 3, and the emission budget if given. */
  private static TopologyTestDriver replayDriver(Path dir, String windows, String budget) {
    Properties props = config(dir, windows);
    props.put(JobstreamConfig.MIN_N_CONFIG, "3");
    props.put(JobstreamConfig.PAIRS_CONFIG, "ml_engineer:data_scientist");
    if (budget != null) {
      props.put(JobstreamConfig.EMIT_BUDGET_CONFIG, budget);
    }
    return new TopologyTestDriver(JobstreamTopology.build(props), props);
  }

  /** What the driver emitted since the last call, by key as a compacted topic keeps it (without computation times). */
  private static void readLatest(TopologyTestDriver d, Map<String, Object> latest) {
    d.createOutputTopic(Topics.STATS.name(), Topics.STATS.keySerde().deserializer(),
            Topics.STATS.valueSerde().deserializer())
        .readKeyValuesToList().forEach(kv -> latest.put("stats " + kv.key,
            kv.value == null ? "deleted" : withoutTime(kv.value)));
    d.createOutputTopic(Topics.DIVERGENCE.name(), Topics.DIVERGENCE.keySerde().deserializer(),
            Topics.DIVERGENCE.valueSerde().deserializer())
        .readKeyValuesToList().forEach(kv -> latest.put("gap " + kv.key,
            kv.value == null ? "deleted" : kv.value.toString().replace("updatedAt=" + kv.value.updatedAt(), "")));
  }

  private static Map<String, Object> yearWithChangesMidway(Path dir, String budget) {
    Map<String, Object> latest = new java.util.TreeMap<>();
    try (TopologyTestDriver d = replayDriver(dir, "year", budget)) {
      TestInputTopic<String, byte[]> in = d.createInputTopic(Topics.RAW.name(), new StringSerializer(),
          new ByteArraySerializer());
      LocalDate january = LocalDate.parse("2024-01-01");
      java.util.function.IntConsumer post = i -> {
        String title = i % 3 == 0 ? "Machine Learning Engineer" : i % 3 == 1 ? "Data Scientist" : "Senior Data Scientist";
        RawPosting p = Postings.raw("p" + (i % 40), title, january.plusDays(i % 40 * 7), 80_000 + 997 * i, 90_000 + 997 * i);
        in.pipeInput(p.postingId(), RAW.write(p));
      };
      for (int i = 0; i < 40; i++) {
        post.accept(i);
      }
      // a few emissions: with budget 0 the year is read some days in, then edits arrive, to days
      // before and after the ones read so far
      for (int i = 0; i < 5; i++) {
        WallClock.advance(d, java.time.Duration.ofSeconds(2));
      }
      for (int i = 40; i < 100; i++) {
        post.accept(i);
      }
      // a day per emission: the year, the year before it (trends) and the year after it, for each family
      for (int i = 0; i < 4000; i++) {
        WallClock.advance(d, java.time.Duration.ofSeconds(2));
      }
      readLatest(d, latest);
    }
    return latest;
  }

  /** Latest stats and divergences (without their computation time) after postings over 50 days and edits. */
  private static Map<String, Object> replayTitlesAndEdits(Path dir, String budget) {
    String[] titles = {"Data Scientist", "Senior Data Scientist", "Machine Learning Engineer",
        "Senior Machine Learning Engineer", "Junior Data Scientist"};
    Map<String, Object> latest = new java.util.TreeMap<>();
    try (TopologyTestDriver d = replayDriver(dir, "30d/1d,7d/7d,month", budget)) {
      TestInputTopic<String, byte[]> in = d.createInputTopic(Topics.RAW.name(), new StringSerializer(),
          new ByteArraySerializer());
      java.util.Random random = new java.util.Random(7);
      for (int round = 0; round < 2; round++) {
        for (int i = 0; i < 120; i++) {
          // the second round edits the same postings: other pay, some none, some another title
          String title = titles[random.nextInt(titles.length)];
          Integer pay = random.nextInt(8) == 0 ? null : 80_000 + 1_000 * random.nextInt(90);
          RawPosting p = Postings.raw("p" + i, title, APRIL_10.plusDays(i % 50), pay, pay == null ? null : pay + 10_000);
          in.pipeInput(p.postingId(), RAW.write(p));
        }
        // enough emissions for a day per emission; the pause after an emission is its real duration
        // times a factor, so on a loaded machine a second emission may wait a few advances
        for (int i = 0; i < 3000; i++) {
          WallClock.advance(d, java.time.Duration.ofSeconds(2));
        }
        readLatest(d, latest);
      }
    }
    return latest;
  }

  private static String withoutTime(SalaryStats s) {
    return s.toString().replace("updatedAt=" + s.updatedAt(), "");
  }

  /** An edit re-emits the slices it touches, not the others; a slice left without postings is removed. */
  @Test
  void onlyChangedSlicesGoOutAndAnEmptiedSliceIsRemoved() {
    send(Postings.raw("a", "Data Scientist", APRIL_10, 100_000, 120_000));
    send(Postings.raw("b", "Senior Data Scientist", APRIL_10, 140_000, 160_000));
    assertThat(latestStats()).containsKeys("month|2024-04-01|data_scientist|mid|all|all",
        "month|2024-04-01|data_scientist|senior|all|all");

    send(Postings.raw("a", "Data Scientist", APRIL_10, 110_000, 130_000));
    WallClock.advance(driver, java.time.Duration.ofSeconds(2));
    List<String> keys = stats.readKeyValuesToList().stream().map(kv -> kv.key)
        .filter(k -> k.startsWith("month|")).toList();
    assertThat(keys).containsExactlyInAnyOrder("month|2024-04-01|data_scientist|all|all|all",
        "month|2024-04-01|data_scientist|mid|all|all", "month|2024-04-01|data_scientist|all|US|all",
        "month|2024-04-01|data_scientist|all|all|false");

    // b is now a mid-level posting: no senior one is left
    send(Postings.raw("b", "Data Scientist", APRIL_10, 140_000, 160_000));
    WallClock.advance(driver, java.time.Duration.ofSeconds(2));
    Map<String, SalaryStats> changes = new java.util.HashMap<>();
    stats.readKeyValuesToList().forEach(kv -> changes.put(kv.key, kv.value));
    assertThat(changes).containsEntry("month|2024-04-01|data_scientist|senior|all|all", null);
    assertThat(changes.get("month|2024-04-01|data_scientist|mid|all|all").count()).isEqualTo(2);
    assertThat(changes.get("month|2024-04-01|data_scientist|all|all|all").count()).isEqualTo(2);
  }

  /** A change in the previous window reaches the trend of the window after it. */
  @Test
  void aChangeInThePreviousWindowUpdatesTheTrend() {
    TestOutputTopic<String, io.jobstream.model.SalaryDivergence> gaps = monthlyDivergenceDriver(stateDir.resolve("trend"));
    LocalDate march = LocalDate.parse("2024-03-05");
    int[][] pay = {{100_000, 120_000, 140_000}, {100_000, 105_000, 110_000},
        {110_000, 130_000, 150_000, 170_000}, {90_000, 100_000, 120_000, 125_000}};
    String[] titles = {"Machine Learning Engineer", "Data Scientist"};
    for (int group = 0; group < 4; group++) {
      for (int i = 0; i < pay[group].length; i++) {
        send(Postings.raw("p" + group + "-" + i, titles[group % 2], group < 2 ? march : APRIL_10,
            pay[group][i], pay[group][i]));
      }
    }
    WallClock.advance(driver, java.time.Duration.ofSeconds(2));
    String april = "ml_engineer|data_scientist|month|2024-04-01|all|all";
    assertThat(gaps.readKeyValuesToMap().get(april).trend().previousGap()).isEqualTo(15_000.0);

    // a March data scientist's pay goes up: March's median gap is now 120,000 - 110,000
    send(Postings.raw("p1-0", "Data Scientist", march, 130_000, 130_000));
    WallClock.advance(driver, java.time.Duration.ofSeconds(2));
    Map<String, io.jobstream.model.SalaryDivergence> latest = gaps.readKeyValuesToMap();
    assertThat(latest.get("ml_engineer|data_scientist|month|2024-03-01|all|all").gap()).isEqualTo(10_000.0);
    assertThat(latest.get(april)).as("April is re-emitted").isNotNull();
    assertThat(latest.get(april).trend().previousGap()).isEqualTo(10_000.0);
    assertThat(latest.get(april).trend().change()).isEqualTo(20_000.0);
  }

  @Test
  void computesRollingAndMonthlyStatisticsPerFamily() {
    send(Postings.raw("a", "Data Scientist", APRIL_10, 100_000, 120_000));
    send(Postings.raw("b", "Senior Data Scientist", APRIL_10.plusDays(1), 140_000, 160_000));
    send(Postings.raw("c", "Data Scientist II", APRIL_10.plusDays(2), 90_000, 90_000));
    send(Postings.raw("d", "Machine Learning Engineer", APRIL_10, 150_000, 190_000));
    send(Postings.raw("e", "Data Scientist", APRIL_10, null, null));

    Map<String, SalaryStats> latest = latestStats();
    SalaryStats ds = latest.get("30d/1d|2024-03-14|data_scientist|all|all|all");
    assertThat(ds).isNotNull();
    assertThat(ds.windowEnd()).isEqualTo(LocalDate.parse("2024-04-13"));
    assertThat(ds.count()).isEqualTo(4);
    assertThat(ds.salaryCount()).isEqualTo(3);
    assertThat(ds.min()).isEqualTo(90_000.0);
    assertThat(ds.median()).isEqualTo(110_000.0);
    assertThat(ds.max()).isEqualTo(150_000.0);
    assertThat(ds.mean()).isEqualTo((90_000.0 + 110_000 + 150_000) / 3);
    assertThat(ds.p25()).isEqualTo(100_000.0);
    assertThat(ds.currency()).isEqualTo("USD");

    // A window starting after the first posting day holds only the later postings.
    SalaryStats later = latest.get("30d/1d|2024-04-12|data_scientist|all|all|all");
    assertThat(later.count()).isEqualTo(1);
    assertThat(later.median()).isEqualTo(90_000.0);

    SalaryStats month = latest.get("month|2024-04-01|ml_engineer|all|all|all");
    assertThat(month.windowEnd()).isEqualTo(LocalDate.parse("2024-05-01"));
    assertThat(month.count()).isEqualTo(1);
    assertThat(month.median()).isEqualTo(170_000.0);
  }

  @Test
  void aNewVersionOfAPostingReplacesItsContribution() {
    send(Postings.raw("a", "Data Scientist", APRIL_10, 100_000, 120_000));
    send(Postings.raw("b", "Data Scientist", APRIL_10, 80_000, 80_000));
    // re-crawl of "a" unchanged, then an edit of its pay, then a move to another day
    send(Postings.raw("a", "Data Scientist", APRIL_10, 100_000, 120_000));
    send(Postings.raw("a", "Data Scientist", APRIL_10, 200_000, 220_000));

    SalaryStats month = latestStats().get("month|2024-04-01|data_scientist|all|all|all");
    assertThat(month.count()).isEqualTo(2);
    assertThat(month.salaryCount()).isEqualTo(2);
    assertThat(month.max()).isEqualTo(210_000.0);
    assertThat(month.min()).isEqualTo(80_000.0);

    send(Postings.raw("a", "Data Scientist", LocalDate.parse("2024-05-02"), 200_000, 220_000));
    Map<String, SalaryStats> latest = latestStats();
    assertThat(latest.get("month|2024-04-01|data_scientist|all|all|all").count()).isEqualTo(1);
    assertThat(latest.get("month|2024-05-01|data_scientist|all|all|all").count()).isEqualTo(1);
  }

  @Test
  void theChangesBoundForOneWindowTaskCrossTheRepartitionAsOneBatchPerInterval() {
    for (int i = 0; i < 200; i++) {
      send(Postings.raw("p" + i, "Data Scientist", APRIL_10.plusDays(i % 5), 100_000 + 100 * i, 100_000 + 100 * i));
    }
    // an edit within the interval: its old version's -1 and its new version's +1 go in one batch
    send(Postings.raw("p1", "Data Scientist", APRIL_10.plusDays(1), 50_000, 50_000));
    Map<String, SalaryStats> latest = latestStats();
    SalaryStats month = latest.get("month|2024-04-01|data_scientist|all|all|all");
    // (these postings' one-line descriptions make a copy or two among them: counted once each)
    assertThat(month.count() + month.duplicatesDropped()).isEqualTo(200);
    assertThat(month.min()).isEqualTo(50_000.0);
    io.micrometer.core.instrument.DistributionSummary batches =
        registry.get("jobstream.stream.change.batch.entries").summary();
    // 201 changes of 201 tuples (200 postings and an edit's new version), one batch per task key
    // they are bound for (their family's blocks of windows), not a record each
    assertThat(batches.totalAmount()).isGreaterThanOrEqualTo(201);
    assertThat(batches.count()).isBetween(1L, 4L);
  }

  @Test
  void aTitleChangeMovesThePostingToItsNewFamily() {
    send(Postings.raw("a", "Data Scientist", APRIL_10, 100_000, 120_000));
    send(Postings.raw("a", "Data Engineer", APRIL_10, 100_000, 120_000));
    Map<String, SalaryStats> latest = latestStats();
    assertThat(latest.get("month|2024-04-01|data_scientist|all|all|all").count()).isZero();
    assertThat(latest.get("month|2024-04-01|data_scientist|all|all|all").median()).isNull();
    assertThat(latest.get("month|2024-04-01|data_engineer|all|all|all").count()).isEqualTo(1);
  }

  @Test
  void everyRawRecordEndsInExactlyOneOfClassifiedOrDeadLetters() {
    send(Postings.raw("good-1", "Data Analyst", APRIL_10, 60_000, 70_000));
    raw.pipeInput("bad-json", "{not json".getBytes(StandardCharsets.UTF_8));
    raw.pipeInput("wrong-types", "{\"schemaVersion\":\"x\",\"datePosted\":42}".getBytes(StandardCharsets.UTF_8));
    raw.pipeInput("no-title", RAW.write(Postings.raw("no-title", " ", APRIL_10, null, null)));
    raw.pipeInput(null, RAW.write(Postings.raw("no-key", "Data Analyst", APRIL_10, null, null)));
    raw.pipeInput("deleted", (byte[]) null);
    raw.pipeInput("future", RAW.write(new RawPosting(99, "jsonld", null, "future", null, "Data Analyst",
        null, null, null, null, APRIL_10, null, null, null, null, null, null)));
    send(Postings.raw("good-2", "Nurse", APRIL_10, 60_000, 70_000));

    List<String> classifiedKeys = classified.readKeyValuesToList().stream()
        .map(kv -> kv.key).collect(Collectors.toList());
    Map<String, String> reasons = dlq.readValuesToList().stream()
        .collect(Collectors.toMap(d -> String.valueOf(d.key()), DeadLetter::reason));
    // a tombstone is a deletion: it passes on to the classified changelog as a tombstone
    assertThat(classifiedKeys).containsExactly("good-1", "deleted", "good-2");
    assertThat(reasons).containsOnly(
        Map.entry("bad-json", "not_json"),
        Map.entry("wrong-types", "not_json"),
        Map.entry("no-title", "no_title"),
        Map.entry("null", "no_key"),
        Map.entry("future", "unsupported_schema"));
    assertThat(dlq.isEmpty()).isTrue();
    DeadLetter sample = JsonSerde.of(DeadLetter.class).read(
        JsonSerde.of(DeadLetter.class).write(DeadLetter.of("stream", "not_json", "d", "o", "k", "x")));
    assertThat(sample.excerpt()).isEqualTo("x");
  }

  @Test
  void aTombstoneRemovesThePostingFromEveryStatisticAndDivergence() {
    TestOutputTopic<String, io.jobstream.model.SalaryDivergence> gaps = monthlyDivergenceDriver(stateDir.resolve("d"));
    stats = driver.createOutputTopic(Topics.STATS.name(), Topics.STATS.keySerde().deserializer(),
        Topics.STATS.valueSerde().deserializer());
    @SuppressWarnings("unchecked")
    TestOutputTopic<String, io.jobstream.model.ClassifiedPosting> out = driver.createOutputTopic(
        Topics.CLASSIFIED.name(), Topics.CLASSIFIED.keySerde().deserializer(), Topics.CLASSIFIED.valueSerde().deserializer());
    dlq = driver.createOutputTopic(Topics.DLQ.name(), Topics.DLQ.keySerde().deserializer(),
        Topics.DLQ.valueSerde().deserializer());
    for (int i = 0; i < 3; i++) {
      send(Postings.raw("ml-" + i, "Machine Learning Engineer", APRIL_10, 150_000 + i * 1000, 150_000 + i * 1000));
      send(Postings.raw("ds-" + i, "Data Scientist", APRIL_10, 120_000 + i * 1000, 120_000 + i * 1000));
    }
    WallClock.advance(driver, java.time.Duration.ofSeconds(2));
    String key = "ml_engineer|data_scientist|month|2024-04-01|all|all";
    assertThat(gaps.readKeyValuesToMap().get(key).nA()).isEqualTo(3);
    Map<String, SalaryStats> before = latestStats();
    assertThat(before.get("month|2024-04-01|ml_engineer|all|all|all").count()).isEqualTo(3);

    raw.pipeInput("ml-2", (byte[]) null); // published by mistake
    raw.pipeInput("never-seen", (byte[]) null);
    raw.pipeInput(null, (byte[]) null);
    WallClock.advance(driver, java.time.Duration.ofSeconds(2));
    SalaryStats ml = latestStats().get("month|2024-04-01|ml_engineer|all|all|all");
    assertThat(ml.count()).isEqualTo(2);
    assertThat(ml.max()).isEqualTo(151_000.0);
    // below the minimum n of 3 on one side: the divergence is withdrawn (a tombstone)
    Map<String, io.jobstream.model.SalaryDivergence> after = new java.util.HashMap<>();
    gaps.readKeyValuesToList().forEach(kv -> after.put(kv.key, kv.value));
    assertThat(after).containsKey(key);
    assertThat(after.get(key)).isNull();
    List<org.apache.kafka.streams.KeyValue<String, io.jobstream.model.ClassifiedPosting>> changelog =
        out.readKeyValuesToList();
    assertThat(changelog.subList(changelog.size() - 2, changelog.size()))
        .extracting(kv -> kv.key, kv -> kv.value).containsExactly(
            org.assertj.core.groups.Tuple.tuple("ml-2", null), org.assertj.core.groups.Tuple.tuple("never-seen", null));
    assertThat(dlq.readValuesToList()).extracting(DeadLetter::reason).containsExactly("no_value");
  }

  @Test
  void postingsOlderThanTheGracePeriodAreDeadLettersAndTheRestCount() {
    Properties props = config(stateDir, "month");
    props.put(JobstreamConfig.GRACE_CONFIG, "30");
    driver.close();
    driver = new TopologyTestDriver(JobstreamTopology.build(props), props);
    raw = driver.createInputTopic(Topics.RAW.name(), new StringSerializer(), new ByteArraySerializer());
    dlq = driver.createOutputTopic(Topics.DLQ.name(), Topics.DLQ.keySerde().deserializer(),
        Topics.DLQ.valueSerde().deserializer());
    classified = driver.createOutputTopic(Topics.CLASSIFIED.name(),
        Topics.CLASSIFIED.keySerde().deserializer(), Topics.CLASSIFIED.valueSerde().deserializer());
    send(Postings.raw("new", "Data Analyst", APRIL_10, 60_000, 70_000));
    send(Postings.raw("within", "Data Analyst", APRIL_10.minusDays(30), 60_000, 70_000));
    send(Postings.raw("late", "Data Analyst", APRIL_10.minusDays(31), 60_000, 70_000));
    assertThat(classified.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("new", "within");
    DeadLetter late = dlq.readValue();
    assertThat(late.reason()).isEqualTo("late");
    assertThat(late.key()).isEqualTo("late");
    assertThat(late.detail()).contains("2024-03-10").contains("2024-04-10");
  }

  @Test
  void aPostingDatedCenturiesAheadIsADeadLetterAndLaterOrdinaryPostingsAllCount() {
    Properties props = config(stateDir, "month");
    driver.close();
    // the wall clock on 2024-04-20, a little after the postings below
    driver = new TopologyTestDriver(JobstreamTopology.build(props), props, Instant.parse("2024-04-20T12:00:00Z"));
    raw = driver.createInputTopic(Topics.RAW.name(), new StringSerializer(), new ByteArraySerializer());
    dlq = driver.createOutputTopic(Topics.DLQ.name(), Topics.DLQ.keySerde().deserializer(),
        Topics.DLQ.valueSerde().deserializer());
    classified = driver.createOutputTopic(Topics.CLASSIFIED.name(),
        Topics.CLASSIFIED.keySerde().deserializer(), Topics.CLASSIFIED.valueSerde().deserializer());
    stats = driver.createOutputTopic(Topics.STATS.name(), Topics.STATS.keySerde().deserializer(),
        Topics.STATS.valueSerde().deserializer());
    for (int i = 0; i < 60; i++) {
      send(Postings.raw("march-" + i, "Data Analyst", LocalDate.of(2024, 3, 1 + i % 28), 60_000, 70_000));
    }
    send(Postings.raw("far-future", "Data Analyst", LocalDate.of(2204, 1, 1), 60_000, 70_000));
    // tomorrow is within the default tolerance of one day
    send(Postings.raw("tomorrow", "Data Analyst", LocalDate.of(2024, 4, 21), 60_000, 70_000));
    for (int i = 0; i < 60; i++) {
      send(Postings.raw("april-" + i, "Data Analyst", LocalDate.of(2024, 4, 1 + i % 19), 60_000, 70_000));
    }
    List<DeadLetter> dead = dlq.readValuesToList();
    assertThat(dead).extracting(DeadLetter::reason).containsExactly("future_date");
    assertThat(dead.get(0).key()).isEqualTo("far-future");
    assertThat(dead.get(0).detail()).contains("2204-01-01", "2024-04-20", "jobstream.future.tolerance-days");
    assertThat(classified.readKeyValuesToList()).hasSize(121);
    WallClock.advance(driver, java.time.Duration.ofSeconds(2));
    Map<String, SalaryStats> latest = latestStats();
    assertThat(latest.get("month|2024-04-01|data_analyst|all|all|all").count()).isEqualTo(61);
    assertThat(latest.keySet()).noneMatch(key -> key.startsWith("month|2204"));
  }

  @Test
  void theLatenessWatermarkNeverPassesTheWallClock() {
    Properties props = config(stateDir, "month");
    props.put(JobstreamConfig.GRACE_CONFIG, "30");
    props.put(JobstreamConfig.FUTURE_TOLERANCE_CONFIG, "400");
    driver.close();
    driver = new TopologyTestDriver(JobstreamTopology.build(props), props, Instant.parse("2024-04-20T12:00:00Z"));
    raw = driver.createInputTopic(Topics.RAW.name(), new StringSerializer(), new ByteArraySerializer());
    dlq = driver.createOutputTopic(Topics.DLQ.name(), Topics.DLQ.keySerde().deserializer(),
        Topics.DLQ.valueSerde().deserializer());
    // within a tolerance of 400 days, so accepted, but the watermark stops at today
    send(Postings.raw("next-year", "Data Analyst", LocalDate.of(2025, 3, 1), 60_000, 70_000));
    send(Postings.raw("march", "Data Analyst", LocalDate.of(2024, 3, 25), 60_000, 70_000));
    send(Postings.raw("too-old", "Data Analyst", LocalDate.of(2024, 3, 20), 60_000, 70_000));
    List<DeadLetter> dead = dlq.readValuesToList();
    assertThat(dead).extracting(DeadLetter::key).containsExactly("too-old");
    assertThat(dead.get(0).detail()).contains("latest posting date 2024-04-20");
  }

  @Test
  void anUndatedPostingKeepsTheDayItWasFirstFetched() {
    RawPosting first = Postings.raw("u", "Data Scientist", null, 100_000, 100_000);
    RawPosting refetched = new RawPosting(first.schemaVersion(), first.source(), first.sourceId(), first.postingId(),
        first.url(), first.title(), first.company(), first.location(), first.remote(), first.employmentType(),
        null, null, first.description(), null, first.salary(), Instant.parse("2024-05-02T08:00:00Z"),
        first.fingerprint());
    send(first);
    send(refetched);
    @SuppressWarnings("unchecked")
    TestOutputTopic<String, io.jobstream.model.ClassifiedPosting> out =
        (TestOutputTopic<String, io.jobstream.model.ClassifiedPosting>) classified;
    assertThat(out.readValuesToList()).extracting(io.jobstream.model.ClassifiedPosting::eventDate)
        .containsExactly(LocalDate.of(2024, 4, 20), LocalDate.of(2024, 4, 20));
  }

  @Test
  void postingWithoutDateCountsOnItsFetchDay() {
    RawPosting undated = Postings.raw("u", "Data Scientist", null, 100_000, 100_000);
    send(undated);
    var value = classified.readValue();
    assertThat(value).hasFieldOrPropertyWithValue("eventDateSource", "fetchedAt");
    assertThat(latestStats()).containsKey("month|2024-04-01|data_scientist|all|all|all");
  }

  @Test
  void payInOtherCurrenciesAndInTextIsConvertedToTheReportingCurrency() {
    RawPosting pounds = Postings.raw("gb", "Machine Learning Engineer", APRIL_10, null, null);
    pounds = new RawPosting(pounds.schemaVersion(), pounds.source(), pounds.sourceId(), pounds.postingId(),
        pounds.url(), pounds.title(), pounds.company(), pounds.location(), pounds.remote(),
        pounds.employmentType(), pounds.datePosted(), pounds.validThrough(),
        "We use PyTorch and TensorFlow to train deep learning models; Python.", null,
        new io.jobstream.model.SalaryGiven(null, null, null, null, null, "£70,000 - £90,000 per annum"),
        pounds.fetchedAt(), pounds.fingerprint());
    send(pounds);
    var value = (io.jobstream.model.ClassifiedPosting) classified.readValue();
    assertThat(value.pay().currency()).isEqualTo("GBP");
    assertThat(value.pay().annualMinReporting()).isCloseTo(70_000 / 0.783, org.assertj.core.api.Assertions.within(0.01));
    assertThat(value.soc()).isEqualTo("15-2051.00");
    assertThat(value.skills()).contains("PyTorch", "TensorFlow", "Deep learning", "Python");
    assertThat(value.emphasis()).isEqualTo("ml_heavy");
    SalaryStats month = latestStats().get("month|2024-04-01|ml_engineer|all|all|all");
    assertThat(month.salaryCount()).isEqualTo(1);
    assertThat(month.median()).isCloseTo(80_000 / 0.783, org.assertj.core.api.Assertions.within(0.01));
  }

  private static RawPosting copy(RawPosting p, String id, String company, String description, LocalDate posted) {
    return new RawPosting(p.schemaVersion(), p.source(), id, id, p.url(), p.title(), company,
        p.location(), p.remote(), p.employmentType(), posted, p.validThrough(), description, null,
        p.salary(), p.fetchedAt(), null);
  }

  @Test
  void postingsBeforeTheHorizonLeaveEveryStoreAndTheirWindowsGetTombstones() {
    Properties props = config(stateDir.resolve("horizon"), "30d/1d");
    props.put(JobstreamConfig.GRACE_CONFIG, "10");
    props.put(JobstreamConfig.MIN_N_CONFIG, "2");
    props.put(JobstreamConfig.PAIRS_CONFIG, "ml_engineer:data_scientist");
    try (TopologyTestDriver d = new TopologyTestDriver(JobstreamTopology.build(props), props)) {
      TestInputTopic<String, byte[]> in = d.createInputTopic(Topics.RAW.name(), new StringSerializer(),
          new ByteArraySerializer());
      TestOutputTopic<String, SalaryStats> statsOut = d.createOutputTopic(Topics.STATS.name(),
          Topics.STATS.keySerde().deserializer(), Topics.STATS.valueSerde().deserializer());
      TestOutputTopic<String, io.jobstream.model.SalaryDivergence> gapsOut = d.createOutputTopic(
          Topics.DIVERGENCE.name(), Topics.DIVERGENCE.keySerde().deserializer(),
          Topics.DIVERGENCE.valueSerde().deserializer());
      TestOutputTopic<String, DeadLetter> dlqOut = d.createOutputTopic(Topics.DLQ.name(),
          Topics.DLQ.keySerde().deserializer(), Topics.DLQ.valueSerde().deserializer());
      LocalDate january = LocalDate.parse("2026-01-10");
      int n = 0;
      for (String title : List.of("Data Scientist", "Data Scientist", "Machine Learning Engineer",
          "Machine Learning Engineer")) {
        String id = "old-" + n++;
        RawPosting p = copy(Postings.raw(id, title, january, 100_000 + 1_000 * n, 120_000), id, "Acme " + n,
            "Ad number " + n + ".", january);
        in.pipeInput(id, RAW.write(p));
      }
      WallClock.advance(d, java.time.Duration.ofSeconds(2));
      String statsKey = "30d/1d|2026-01-10|data_scientist|all|all|all";
      String gapKey = "ml_engineer|data_scientist|30d/1d|2026-01-10|all|all";
      assertThat(statsOut.readKeyValuesToMap().get(statsKey).count()).isEqualTo(2);
      assertThat(gapsOut.readKeyValuesToMap().get(gapKey)).isNotNull();
      assertThat(d.<String, Object>getKeyValueStore(JobstreamTopology.POSTINGS_STORE).get("old-0")).isNotNull();
      assertThat(entries(d, JobstreamTopology.CLUSTERS_STORE)).hasSize(4);

      // a posting five months later: the horizon (10 days of grace, the windows that can still
      // change and the ones before them) passes January
      RawPosting june = Postings.raw("new-1", "Data Scientist", LocalDate.parse("2026-06-10"), 90_000, 90_000);
      in.pipeInput("new-1", RAW.write(june));
      WallClock.advance(d, HorizonSweep.INTERVAL.plusSeconds(2));

      Map<String, SalaryStats> stats = statsOut.readKeyValuesToMap();
      assertThat(stats).containsKey(statsKey);
      assertThat(stats.get(statsKey)).as("tombstone of a window before the horizon").isNull();
      assertThat(stats.get("30d/1d|2026-06-10|data_scientist|all|all|all").count()).isEqualTo(1);
      Map<String, io.jobstream.model.SalaryDivergence> gaps = gapsOut.readKeyValuesToMap();
      assertThat(gaps).containsKey(gapKey);
      assertThat(gaps.get(gapKey)).isNull();
      assertThat(d.<String, Object>getKeyValueStore(JobstreamTopology.POSTINGS_STORE).get("old-0")).isNull();
      assertThat(d.<String, Object>getKeyValueStore(JobstreamTopology.POSTINGS_STORE).get("new-1")).isNotNull();
      assertThat(entries(d, JobstreamTopology.CLUSTERS_STORE)).as("only June's cluster").hasSize(1);
      assertThat(entries(d, JobstreamTopology.WINDOW_TUPLES_STORE)).allMatch(k -> !k.contains("2026-01-"))
          .isNotEmpty();
      assertThat(entries(d, JobstreamTopology.PAIR_TUPLES_STORE)).allMatch(k -> !k.contains("2026-01-"));
      assertThat(d.<String, Object>getKeyValueStore(JobstreamTopology.STATS_STORE).get(statsKey)).isNull();
      assertThat(d.<String, Object>getKeyValueStore(JobstreamTopology.DIVERGENCE_STORE).get(gapKey)).isNull();

      // and a new version of a January posting is late: a dead letter, not a count
      in.pipeInput("old-0", RAW.write(Postings.raw("old-0", "Data Scientist", january, 1, 2)));
      assertThat(dlqOut.readValuesToList()).extracting(DeadLetter::reason).containsExactly("late");
    }
  }

  private static List<String> entries(TopologyTestDriver d, String store) {
    List<String> keys = new java.util.ArrayList<>();
    try (var it = d.<String, Object>getKeyValueStore(store).all()) {
      it.forEachRemaining(kv -> keys.add(kv.key));
    }
    return keys;
  }

  @Test
  void crossPostedCopiesCountOnceAndAreCountedAsDropped() {
    long gaugeBefore = duplicatesGauge();
    RawPosting original = Postings.raw("board-a-1", "Data Engineer", APRIL_10, 100_000, 120_000);
    String text = "Build pipelines with Spark and Airflow.";
    send(copy(original, "board-a-1", "Acme", text, APRIL_10));
    // the same ad on another board five days later, with different spacing and punctuation
    send(copy(original, "board-b-9", "ACME", "Build pipelines, with Spark and Airflow!", APRIL_10.plusDays(5)));
    // a different ad of the same company: counted
    send(copy(original, "board-a-2", "Acme", "Maintain the warehouse.", APRIL_10));
    // postings without a company are never merged
    send(copy(original, "survey-1", null, text, APRIL_10));
    send(copy(original, "survey-2", null, text, APRIL_10));
    SalaryStats month = latestStats().get("month|2024-04-01|data_engineer|all|all|all");
    assertThat(month.count()).isEqualTo(4);
    // the company's three data engineer ads are one block (one duplicate key), an entry each, in
    // which the two copies are one cluster and the other ad another; the postings without a
    // company pass the cluster stage without an entry
    assertThat(entries(driver, JobstreamTopology.CLUSTERS_STORE)).hasSize(3)
        .allSatisfy(key -> assertThat(key).startsWith("acme|data engineer\u0000"));
    assertThat(month.duplicatesDropped()).isEqualTo(1);
    assertThat(duplicatesGauge() - gaugeBefore).isEqualTo(1);

    // when the original goes (its new version is another ad), the copy counts in its place
    send(copy(original, "board-a-1", "Acme", "A new, different ad.", APRIL_10));
    month = latestStats().get("month|2024-04-01|data_engineer|all|all|all");
    assertThat(month.count()).isEqualTo(5);
    assertThat(month.duplicatesDropped()).isZero();
    assertThat(duplicatesGauge()).isEqualTo(gaugeBefore);
  }

  @Test
  void statisticsPerSeniorityCountryAndRemoteWithWordingAndRemoteShares() {
    send(Postings.raw("a", "Senior Data Scientist", APRIL_10, 100_000, 120_000));
    send(Postings.raw("b", "Data Scientist", APRIL_10, 80_000, 80_000));
    Map<String, SalaryStats> latest = latestStats();
    assertThat(latest.get("month|2024-04-01|data_scientist|senior|all|all").count()).isEqualTo(1);
    assertThat(latest.get("month|2024-04-01|data_scientist|mid|all|all").median()).isEqualTo(80_000.0);
    assertThat(latest.get("month|2024-04-01|data_scientist|all|US|all").count()).isEqualTo(2);
    SalaryStats all = latest.get("month|2024-04-01|data_scientist|all|all|all");
    assertThat(all.shareRemote()).isZero();
    assertThat(all.medianAnnualMin()).isEqualTo(90_000.0);
    assertThat(all.medianAnnualMax()).isEqualTo(100_000.0);
    assertThat(latest.get("month|2024-04-01|data_scientist|all|all|false").count()).isEqualTo(2);
  }

  @Test
  void theWordingMeanIsOverThePostingsWithADescription() {
    send(Postings.raw("a", "Data Scientist", APRIL_10, 100_000, 120_000,
        "We want a competitive, ambitious and driven analyst."));
    send(Postings.raw("b", "Data Scientist", APRIL_10, 80_000, 80_000, null));
    send(Postings.raw("c", "Data Scientist", APRIL_10.plusMonths(1), 80_000, 80_000, null));
    Map<String, SalaryStats> latest = latestStats();
    SalaryStats april = latest.get("month|2024-04-01|data_scientist|all|all|all");
    assertThat(april.count()).isEqualTo(2);
    // b has nothing to score: it is not a neutral ad, and does not halve a's score
    assertThat(april.genderCodingMean()).isEqualTo(1.0);
    assertThat(latest.get("month|2024-05-01|data_scientist|all|all|all").genderCodingMean()).isNull();
  }

  @Test
  void divergenceOfAPairWithItsSignificanceAndTrend() {
    TestOutputTopic<String, io.jobstream.model.SalaryDivergence> gaps = monthlyDivergenceDriver(stateDir);
    LocalDate march = LocalDate.parse("2024-03-05");
    int i = 0;
    for (int pay : new int[] {100_000, 120_000, 140_000}) {
      send(Postings.raw("m-ml-" + i, "Machine Learning Engineer", march, pay, pay));
      i++;
    }
    for (int pay : new int[] {100_000, 105_000, 110_000}) {
      send(Postings.raw("m-ds-" + i, "Data Scientist", march, pay, pay));
      i++;
    }
    for (int pay : new int[] {110_000, 130_000, 150_000, 170_000}) {
      send(Postings.raw("a-ml-" + i, "Machine Learning Engineer", APRIL_10, pay, pay));
      i++;
    }
    for (int pay : new int[] {90_000, 100_000, 120_000, 125_000}) {
      send(Postings.raw("a-ds-" + i, "Data Scientist", APRIL_10, pay, pay));
      i++;
    }
    WallClock.advance(driver, java.time.Duration.ofSeconds(2));
    Map<String, io.jobstream.model.SalaryDivergence> latest = gaps.readKeyValuesToMap();
    var april = latest.get("ml_engineer|data_scientist|month|2024-04-01|all|all");
    assertThat(april).isNotNull();
    assertThat(april.nA()).isEqualTo(4);
    assertThat(april.nB()).isEqualTo(4);
    assertThat(april.medianA()).isEqualTo(140_000.0);
    assertThat(april.medianB()).isEqualTo(110_000.0);
    assertThat(april.gap()).isEqualTo(30_000.0);
    assertThat(april.pValue()).isCloseTo(0.11235119769046385, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(april.significant()).isFalse();
    assertThat(april.ciLow()).isLessThan(30_000.0);
    assertThat(april.ciHigh()).isGreaterThan(30_000.0);
    var march2 = latest.get("ml_engineer|data_scientist|month|2024-03-01|all|all");
    assertThat(march2.pValue()).isCloseTo(0.5065551690490403, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(april.trend()).isNotNull();
    assertThat(april.trend().previousWindowStart()).isEqualTo(LocalDate.parse("2024-03-01"));
    assertThat(april.trend().change()).isEqualTo(30_000.0 - 15_000.0);
    assertThat(april.trend().ciLow()).isLessThan(15_000.0);
    assertThat(april.trend().ciHigh()).isGreaterThan(15_000.0);
    // the interval of the change includes 0 with four postings a side
    assertThat(april.trend().ciLow()).isNegative();
    assertThat(april.trend().verdict()).isEqualTo("no_clear_change");
    // a slice below the minimum gets a tombstone, not a number
    send(Postings.raw("may", "Senior Machine Learning Engineer", LocalDate.parse("2024-05-02"), 200_000, 200_000));
    WallClock.advance(driver, java.time.Duration.ofSeconds(2));
    Map<String, io.jobstream.model.SalaryDivergence> may = gaps.readKeyValuesToMap();
    assertThat(may).containsKey("ml_engineer|data_scientist|month|2024-05-01|senior|all");
    assertThat(may.get("ml_engineer|data_scientist|month|2024-05-01|senior|all")).isNull();
    assertThat(may.get("ml_engineer|data_scientist|month|2024-05-01|all|all")).isNull();
  }

  @Test
  void theAdjustedGapFollowsUpdatesAndDeletionsAndEqualsABatchComputation() {
    TestOutputTopic<String, io.jobstream.model.SalaryDivergence> gaps = monthlyDivergenceDriver(stateDir.resolve("adj"));
    @SuppressWarnings("unchecked")
    TestOutputTopic<String, io.jobstream.model.ClassifiedPosting> out = driver.createOutputTopic(
        Topics.CLASSIFIED.name(), Topics.CLASSIFIED.keySerde().deserializer(), Topics.CLASSIFIED.valueSerde().deserializer());
    Map<String, io.jobstream.model.ClassifiedPosting> postings = new java.util.HashMap<>();
    Map<String, io.jobstream.model.SalaryDivergence> topic = new java.util.HashMap<>();
    String key = "ml_engineer|data_scientist|month|2024-04-01|all|all";
    // three seniorities in the US and GB; two postings a side in each of five small countries,
    // which pool into "other"
    String[] titles = {"Junior ", "", "Senior "};
    String[] countries = {"US", "US", "GB", "US", "GB"};
    String[] small = {"NL", "IE", "FR", "ES", "PT"};
    java.util.Random random = new java.util.Random(27);
    for (int i = 0; i < 160; i++) {
      boolean ml = i % 2 == 0;
      boolean smallCountry = i % 80 >= 10 && i % 80 < 20;
      String title = (smallCountry ? "" : titles[random.nextInt(ml ? 3 : 2) + (ml ? 0 : random.nextInt(2))])
          + (ml ? "Machine Learning Engineer" : "Data Scientist");
      int pay = 60_000 + random.nextInt(30) * 5_000 + (ml ? 10_000 : 0);
      String country = smallCountry ? small[(i % 80 - 10) / 2] : countries[random.nextInt(countries.length)];
      send(Postings.in(country, "p" + i, title, APRIL_10.plusDays(i % 15), pay));
    }
    // a cell too small on both sides: left out, so the cells cover less than all postings
    send(Postings.in("US", "q0", "Principal Machine Learning Engineer", APRIL_10, 300_000));
    send(Postings.in("US", "q1", "Principal Machine Learning Engineer", APRIL_10, 310_000));
    send(Postings.in("US", "q2", "Principal Data Scientist", APRIL_10, 250_000));
    WallClock.advance(driver, java.time.Duration.ofSeconds(2));
    io.jobstream.model.SalaryDivergence first = drain(gaps, out, topic, postings).get(key);
    assertThat(first.adjustedCells()).extracting(io.jobstream.model.SalaryDivergence.AdjustedCell::country)
        .contains("US", "GB", "other");
    assertThat(first.adjustedCells()).extracting(io.jobstream.model.SalaryDivergence.AdjustedCell::seniority)
        .contains("entry", "mid", "senior");
    assertAdjustedAsBatch(first, postings);
    // other slices carry no adjusted gap
    assertThat(topic.get("ml_engineer|data_scientist|month|2024-04-01|senior|all").adjustedGap()).isNull();
    // the cells are counted, not emitted as slices of their own
    assertThat(topic.keySet()).allMatch(k -> k.endsWith("|all") || k.split("\\|")[4].equals("all"))
        .anyMatch(k -> k.endsWith("|senior|all")).anyMatch(k -> k.endsWith("|all|US"));

    // new versions (pay, seniority and country change), deletions, and a posting in another month
    for (int i = 0; i < 40; i++) {
      send(Postings.in(i % 3 == 0 ? "GB" : "US", "p" + i, (i % 4 == 0 ? "Senior " : "")
          + (i % 2 == 0 ? "Machine Learning Engineer" : "Data Scientist"), APRIL_10, 200_000 + i * 1_000));
    }
    for (int i = 40; i < 70; i++) {
      raw.pipeInput("p" + i, (byte[]) null);
    }
    // past the pause after the first emission (a multiple of its time), however slow the machine
    WallClock.advance(driver, java.time.Duration.ofSeconds(60));
    io.jobstream.model.SalaryDivergence second = drain(gaps, out, topic, postings).get(key);
    assertThat(second.adjustedGap()).isNotEqualTo(first.adjustedGap());
    assertAdjustedAsBatch(second, postings);
  }

  /** Reads what came out since the last call into the latest values per key. */
  private static Map<String, io.jobstream.model.SalaryDivergence> drain(
      TestOutputTopic<String, io.jobstream.model.SalaryDivergence> gaps,
      TestOutputTopic<String, io.jobstream.model.ClassifiedPosting> out,
      Map<String, io.jobstream.model.SalaryDivergence> topic, Map<String, io.jobstream.model.ClassifiedPosting> postings) {
    gaps.readKeyValuesToList().forEach(kv -> topic.put(kv.key, kv.value));
    out.readKeyValuesToList().forEach(kv -> {
      if (kv.value == null) {
        postings.remove(kv.key);
      } else {
        postings.put(kv.key, kv.value);
      }
    });
    return topic;
  }

  /** The record's adjusted gap against one computed from the April postings with pay read back from the classified topic. */
  private static void assertAdjustedAsBatch(io.jobstream.model.SalaryDivergence d,
      Map<String, io.jobstream.model.ClassifiedPosting> postings) {
    Map<String, Map<String, io.jobstream.aggregate.stats.PayCounts>> a = new java.util.HashMap<>();
    Map<String, Map<String, io.jobstream.aggregate.stats.PayCounts>> b = new java.util.HashMap<>();
    postings.values().stream()
        .filter(p -> p.eventDate().getMonthValue() == 4 && p.pay() != null && p.pay().reportingMidpoint() != null)
        .forEach(p -> {
          var side = p.family().equals("ml_engineer") ? a : p.family().equals("data_scientist") ? b : null;
          if (side != null) {
            side.computeIfAbsent(p.seniority(), s -> new java.util.HashMap<>())
                .computeIfAbsent(p.country(), c -> new io.jobstream.aggregate.stats.PayCounts())
                .add(p.pay().reportingMidpoint(), 1);
          }
        });
    var batch = io.jobstream.aggregate.stats.AdjustedGap.of(a, b, 3, 0.95);
    assertThat(batch).isNotNull();
    assertThat(d.adjustedGap()).isEqualTo(batch.gap());
    assertThat(d.adjustedCiLow()).isEqualTo(batch.ciLow());
    assertThat(d.adjustedCiHigh()).isEqualTo(batch.ciHigh());
    assertThat(d.adjustedCoverage()).isEqualTo(batch.coverage());
    assertThat(d.adjustedCoverage()).isLessThan(1.0);
    assertThat(d.adjustedCells()).extracting(c -> c.seniority() + "/" + c.country() + " " + c.nA() + ":" + c.nB()
        + " " + c.gap() + " " + c.weight()).containsExactlyElementsOf(batch.cells().stream().map(c -> c.seniority()
        + "/" + c.country() + " " + c.nA() + ":" + c.nB() + " " + c.gap() + " " + c.weight()).toList());
  }

  @Test
  void badNumericSettingsAreUsageErrorsNamingTheKey() {
    Properties props = config(stateDir, "month");
    props.put(JobstreamConfig.DUPLICATE_PERIOD_CONFIG, "sixty");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> JobstreamTopology.build(props))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jobstream.duplicates.period-days is not a whole number");
    props.put(JobstreamConfig.DUPLICATE_PERIOD_CONFIG, "60");
    props.put(JobstreamConfig.GRACE_CONFIG, "-1");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> JobstreamTopology.build(props))
        .hasMessageContaining("jobstream.late.grace-days must be at least 0");
    props.put(JobstreamConfig.GRACE_CONFIG, "0");
    props.put(JobstreamConfig.EMIT_PAUSE_CONFIG, "5000");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> JobstreamTopology.build(props))
        .hasMessageContaining("jobstream.windows.emit-pause-factor must be at most 1000");
  }

  @Test
  void topologyDescriptionIsPinned() throws IOException {
    Topology topology = JobstreamTopology.build(config(stateDir, "30d/1d"));
    String expected;
    try (InputStream in = getClass().getResourceAsStream("/topology.txt")) {
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String actual = topology.describe().toString();
    if (!actual.strip().equals(expected.strip())) {
      Files.createDirectories(Path.of("target"));
      Files.writeString(Path.of("target", "topology.actual.txt"), actual);
    }
    assertThat(actual.strip())
        .as("topology changed: review it, then copy aggregate/target/topology.actual.txt to aggregate/src/test/resources/topology.txt")
        .isEqualTo(expected.strip());
  }
}
