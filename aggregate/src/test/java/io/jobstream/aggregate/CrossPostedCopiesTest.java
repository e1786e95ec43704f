package io.jobstream.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.aggregate.config.JobstreamConfig;
import io.jobstream.aggregate.dedup.CopyCandidate;
import io.jobstream.aggregate.dedup.CopyClusters;
import io.jobstream.aggregate.dedup.CopyRule;
import io.jobstream.model.ClassifiedPosting;
import io.jobstream.model.CopyClusterEntry;
import io.jobstream.model.JsonSerde;
import io.jobstream.model.Location;
import io.jobstream.model.RawPosting;
import io.jobstream.model.SalaryGiven;
import io.jobstream.model.SalaryStats;
import io.jobstream.model.Topics;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-posted copies through the whole topology: the scenario (copies that differ the
 * ways copies do count once), and the statistics equal to a batch computation with the same copy
 * rule ({@link CopyClusters} over the latest classified postings) whatever the order of arrival,
 * edits and deletions.
 */
class CrossPostedCopiesTest {

  private static final JsonSerde<RawPosting> RAW = JsonSerde.of(RawPosting.class);
  private static final String[] TEAMS = {"payments", "search", "fraud", "logistics", "growth", "pricing",
      "recommendations", "claims", "forecasting", "identity", "billing", "mapping"};
  private static final String[] TOOLS = {"Spark", "Airflow", "Kafka", "dbt", "PyTorch", "Kubernetes", "Postgres",
      "Snowflake", "Terraform", "Flink", "BigQuery", "Redis"};
  private static final String[] TITLES = {"Senior Data Engineer", "Senior Data Scientist",
      "Senior Machine Learning Engineer", "Senior Software Engineer"};
  private static final String[][] PLACES = {{"Austin", "TX", "Texas"}, {"Denver", "CO", "Colorado"},
      {"Seattle", "WA", "Washington"}, {"Boston", "MA", "Massachusetts"}};

  @TempDir
  Path stateDir;

  private static Properties config(Path stateDir) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "jobstream-copies-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(JobstreamConfig.WINDOWS_CONFIG, "month");
    return props;
  }

  /** An invented ad of about 60 words; {@code n} picks its team, tools and figures. */
  private static String ad(int n) {
    return "You will join the " + TEAMS[n % TEAMS.length] + " team and own services built on "
        + TOOLS[n % TOOLS.length] + " and " + TOOLS[(n * 7 + 3) % TOOLS.length] + ". Day to day you design, build and "
        + "operate pipelines that move " + (n + 5) + " million events a day. You mentor " + (2 + n % 5)
        + " engineers and write clear design documents. In your first quarter you will rebuild the "
        + TEAMS[(n * 5 + 1) % TEAMS.length] + " reporting on " + TOOLS[(n * 3 + 1) % TOOLS.length]
        + ". We are a team of " + (10 + n) + " people in two time zones.";
  }

  private static RawPosting posting(String id, String title, String company, Location place, String description,
      LocalDate posted, int pay) {
    SalaryGiven salary = new SalaryGiven("USD", null, BigDecimal.valueOf(pay), BigDecimal.valueOf(pay + 20_000),
        "YEAR", null);
    return new RawPosting(RawPosting.SCHEMA_VERSION, "jsonld", id, id, "http://board.test/" + id, title, company,
        place, false, "FULL_TIME", posted, null, description, null, salary, Instant.parse("2024-05-01T00:00:00Z"),
        "fp-" + id);
  }

  /** Month statistics summed over families: {count, duplicatesDropped}. */
  private static long[] monthTotals(Map<String, SalaryStats> latest, String month) {
    long[] out = new long[2];
    latest.forEach((key, s) -> {
      if (s != null && key.startsWith("month|" + month + "|") && key.endsWith("|all|all|all")) {
        out[0] += s.count();
        out[1] += s.duplicatesDropped();
      }
    });
    return out;
  }

  @Test
  void fortyCopiesThatDifferAsCopiesDoAreDroppedAndTwentySameTitleJobsElsewhereCount() {
    Properties props = config(stateDir);
    try (TopologyTestDriver driver = new TopologyTestDriver(JobstreamTopology.build(props), props)) {
      TestInputTopic<String, byte[]> raw =
          driver.createInputTopic(Topics.RAW.name(), new StringSerializer(), new ByteArraySerializer());
      TestOutputTopic<String, SalaryStats> stats = driver.createOutputTopic(Topics.STATS.name(),
          Topics.STATS.keySerde().deserializer(), Topics.STATS.valueSerde().deserializer());
      List<RawPosting> postings = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String[] p = PLACES[i % PLACES.length];
        String company = "Company" + (char) ('A' + i % 26) + (i / 26) + " Analytics";
        String title = TITLES[i % TITLES.length];
        LocalDate day = LocalDate.of(2024, 4, 1 + i % 15);
        RawPosting original = posting("board-a-" + i, title, company, new Location(p[0], p[1], "US", p[0] + ", " + p[1]),
            ad(i), day, 100_000 + i * 1000);
        postings.add(original);
        // the copy on another board, a few days later, differing in one way
        Location place = original.location();
        String copyCompany = company;
        String copyTitle = title;
        String description = original.description();
        switch (i / 10) {
          case 0 -> place = Location.ofText(p[0] + ", " + p[2] + ", United States");
          case 1 -> copyCompany = company + ", Inc.";
          case 2 -> copyTitle = title.replace("Senior", "Sr.");
          default -> description = description + " Apply today through our careers portal.";
        }
        postings.add(posting("board-b-" + i, copyTitle, copyCompany, place, description, day.plusDays(3),
            100_000 + i * 1000));
      }
      for (int i = 0; i < 20; i++) {
        String[] p = PLACES[i % PLACES.length];
        postings.add(posting("other-" + i, TITLES[i % TITLES.length], "Elsewhere" + i + " Labs",
            new Location(p[0], p[1], "US", p[0] + ", " + p[1]), ad(100 + i), LocalDate.of(2024, 4, 2 + i % 10),
            90_000 + i * 1000));
      }
      postings.forEach(p -> raw.pipeInput(p.postingId(), RAW.write(p)));
      WallClock.advance(driver, java.time.Duration.ofSeconds(2));
      long[] april = monthTotals(stats.readKeyValuesToMap(), "2024-04-01");
      assertThat(april[0]).as("postings counted").isEqualTo(60);
      assertThat(april[1]).as("duplicates dropped").isEqualTo(40);

      // every merge can be audited from jobs.postings.clusters: each copy names the original as
      // its representative, with the similarity and the fields compared
      Map<String, CopyClusterEntry> clusters = driver.createOutputTopic(Topics.CLUSTERS.name(),
              Topics.CLUSTERS.keySerde().deserializer(), Topics.CLUSTERS.valueSerde().deserializer())
          .readKeyValuesToMap();
      assertThat(clusters).hasSize(100);
      for (int i = 0; i < 40; i++) {
        CopyClusterEntry copy = clusters.get("board-b-" + i);
        assertThat(copy.representative()).isEqualTo("board-a-" + i);
        assertThat(copy.similarity()).isGreaterThanOrEqualTo(CopyRule.DEFAULT_THRESHOLD);
        assertThat(copy.reason()).contains("same company and title", "description similarity");
        assertThat(clusters.get("board-a-" + i).copies()).isEqualTo(1);
      }
      for (int i = 0; i < 20; i++) {
        CopyClusterEntry other = clusters.get("other-" + i);
        assertThat(other.representative()).isEqualTo("other-" + i);
        assertThat(other.copies()).isZero();
        assertThat(other.reason()).isNull();
      }
    }
  }

  @Test
  void statisticsEqualTheBatchClustersOfTheSameRuleWhateverTheOrderEditsAndDeletions() {
    for (int seed = 1; seed <= 3; seed++) {
      Random random = new Random(seed);
      // a pool small enough that copies, chains of copies, near misses and reposts are common
      List<RawPosting> versions = new ArrayList<>();
      for (int i = 0; i < 160; i++) {
        String[] p = PLACES[random.nextInt(2)];
        int job = random.nextInt(12);
        String company = "Firm" + (job % 4) + (random.nextBoolean() ? " LLC" : "");
        String title = TITLES[job % 2];
        if (random.nextInt(4) == 0) {
          title = title.replace("Senior", "Sr.");
        }
        Location place = random.nextBoolean() ? new Location(p[0], p[1], "US", p[0] + ", " + p[1])
            : Location.ofText(p[0] + ", " + p[2]);
        String description = ad(job) + (random.nextInt(3) == 0 ? " Share this job with a friend." : "");
        LocalDate day = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(200));
        String id = "p" + random.nextInt(120);
        versions.add(posting(id, title, company, place, description, day, 80_000 + random.nextInt(8) * 10_000));
      }
      Properties props = config(stateDir.resolve("run-" + seed));
      try (TopologyTestDriver driver = new TopologyTestDriver(JobstreamTopology.build(props), props)) {
        TestInputTopic<String, byte[]> raw =
            driver.createInputTopic(Topics.RAW.name(), new StringSerializer(), new ByteArraySerializer());
        TestOutputTopic<String, SalaryStats> stats = driver.createOutputTopic(Topics.STATS.name(),
            Topics.STATS.keySerde().deserializer(), Topics.STATS.valueSerde().deserializer());
        TestOutputTopic<String, ClassifiedPosting> classified = driver.createOutputTopic(Topics.CLASSIFIED.name(),
            Topics.CLASSIFIED.keySerde().deserializer(), Topics.CLASSIFIED.valueSerde().deserializer());
        Map<String, SalaryStats> latest = new HashMap<>();
        Map<String, ClassifiedPosting> current = new LinkedHashMap<>();
        for (RawPosting v : versions) {
          // the id's latest version replaces the earlier ones (an edit); some ids are deleted
          raw.pipeInput(v.postingId(), RAW.write(v));
          if (random.nextInt(10) == 0) {
            raw.pipeInput(v.postingId(), (byte[]) null);
          }
          if (random.nextInt(20) == 0) {
            WallClock.advance(driver, java.time.Duration.ofSeconds(2));
            latest.putAll(stats.readKeyValuesToMap());
          }
        }
        WallClock.advance(driver, java.time.Duration.ofSeconds(2));
        latest.putAll(stats.readKeyValuesToMap());
        classified.readRecordsToList().forEach(r -> {
          if (r.value() == null) {
            current.remove(r.key());
          } else {
            current.put(r.key(), r.value());
          }
        });
        Map<String, long[]> batch = batchMonthTotals(current.values());
        Map<String, long[]> streamed = new TreeMap<>();
        latest.forEach((key, s) -> {
          if (s != null && s.count() > 0 && key.startsWith("month|") && key.endsWith("|all|all|all")) {
            streamed.put(key, new long[] {s.count(), s.duplicatesDropped()});
          }
        });
        assertThat(batch.values().stream().mapToLong(v -> v[1]).sum()).as("seed %d: copies in the batch", seed)
            .isPositive();
        assertThat(render(streamed)).as("seed %d", seed).isEqualTo(render(batch));
      }
    }
  }

  /** Per month and family (roll-up), from the batch clusters: {count, duplicatesDropped}. */
  private static Map<String, long[]> batchMonthTotals(Iterable<ClassifiedPosting> postings) {
    Map<String, ClassifiedPosting> byId = new HashMap<>();
    List<CopyCandidate> candidates = new ArrayList<>();
    for (ClassifiedPosting p : postings) {
      byId.put(p.postingId(), p);
      candidates.add(CopyCandidate.of(p));
    }
    Map<String, long[]> out = new TreeMap<>();
    for (CopyClusters.Cluster c : CopyClusters.of(CopyRule.DEFAULT, candidates)) {
      ClassifiedPosting kept = byId.get(c.representative().id());
      long[] v = out.computeIfAbsent("month|" + kept.eventDate().withDayOfMonth(1) + "|" + kept.family()
          + "|all|all|all", k -> new long[2]);
      v[0]++;
      v[1] += c.members().size() - 1;
    }
    return out;
  }

  private static String render(Map<String, long[]> totals) {
    StringBuilder out = new StringBuilder();
    totals.forEach((k, v) -> out.append(k).append(" count=").append(v[0]).append(" dropped=").append(v[1]).append('\n'));
    return out.toString();
  }
}
