package io.jobstream.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.aggregate.config.JobstreamConfig;
import io.jobstream.model.JsonSerde;
import io.jobstream.model.RawPosting;
import io.jobstream.model.Topics;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streams app's meters live on the registry the app is given, registered once when the
 * topology is built, with families from the taxonomy and reasons from the classify stage.
 */
class StreamMetricsTest {

  private static final JsonSerde<RawPosting> RAW = JsonSerde.of(RawPosting.class);
  private static final LocalDate DAY = LocalDate.parse("2024-04-10");

  @TempDir
  Path dir;

  private final List<TopologyTestDriver> drivers = new ArrayList<>();

  @AfterEach
  void close() {
    drivers.forEach(TopologyTestDriver::close);
  }

  private TestInputTopic<String, byte[]> app(String name, MeterRegistry registry, Properties extra) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, name);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve(name).toString());
    props.put(JobstreamConfig.WINDOWS_CONFIG, "month");
    props.putAll(extra);
    TopologyTestDriver driver = new TopologyTestDriver(JobstreamTopology.build(props, registry), props);
    drivers.add(driver);
    return driver.createInputTopic(Topics.RAW.name(), new StringSerializer(), new ByteArraySerializer());
  }

  private static void send(TestInputTopic<String, byte[]> raw, RawPosting posting) {
    raw.pipeInput(posting.postingId(), RAW.write(posting));
  }

  private static RawPosting withCompany(RawPosting p, String id, String company, String description) {
    return new RawPosting(p.schemaVersion(), p.source(), id, id, p.url(), p.title(), company,
        p.location(), p.remote(), p.employmentType(), p.datePosted(), p.validThrough(), description, null,
        p.salary(), p.fetchedAt(), null);
  }

  private static double count(MeterRegistry registry, String name, String... tags) {
    return registry.get(name).tags(tags).counter().count();
  }

  private static double gauge(MeterRegistry registry, String name) {
    return registry.get(name).gauge().value();
  }

  private static Set<String> tagValues(MeterRegistry registry, String name, String tag) {
    Set<String> values = new TreeSet<>();
    registry.find(name).meters().forEach(m -> values.add(m.getId().getTag(tag)));
    return values;
  }

  @Test
  void twoAppsInOneProcessCountApartOnRegistriesOfTheirOwn() {
    SimpleMeterRegistry first = new SimpleMeterRegistry();
    SimpleMeterRegistry second = new SimpleMeterRegistry();
    TestInputTopic<String, byte[]> one = app("first", first, new Properties());
    TestInputTopic<String, byte[]> two = app("second", second, new Properties());

    RawPosting ad = Postings.raw("a-1", "Data Scientist", DAY, 100_000, 120_000);
    send(one, withCompany(ad, "a-1", "Acme", "Model churn."));
    // the same ad on another board: a copy, not counted
    send(one, withCompany(ad, "b-7", "ACME", "Model churn!"));
    send(one, Postings.raw("a-2", "Quantitative Analyst", DAY, null, null));
    one.pipeInput("broken", "not json".getBytes(StandardCharsets.UTF_8));
    send(two, Postings.raw("z-1", "Data Engineer", DAY, 90_000, 90_000));

    assertThat(count(first, "jobstream.stream.records", "outcome", "classified")).isEqualTo(3);
    assertThat(count(first, "jobstream.stream.records", "outcome", "rejected")).isEqualTo(1);
    assertThat(count(first, "jobstream.stream.dead.letters", "reason", "not_json")).isEqualTo(1);
    assertThat(count(first, "jobstream.classify.postings", "family", "data_scientist", "pay", "true")).isEqualTo(2);
    assertThat(count(first, "jobstream.classify.postings", "family", "quant", "pay", "false")).isEqualTo(1);
    assertThat(count(first, "jobstream.classify.postings", "family", "data_engineer", "pay", "true")).isZero();
    assertThat(gauge(first, "jobstream.stream.duplicates")).isEqualTo(1);

    assertThat(count(second, "jobstream.stream.records", "outcome", "classified")).isEqualTo(1);
    assertThat(count(second, "jobstream.stream.records", "outcome", "rejected")).isZero();
    assertThat(count(second, "jobstream.classify.postings", "family", "data_engineer", "pay", "true")).isEqualTo(1);
    assertThat(count(second, "jobstream.classify.postings", "family", "data_scientist", "pay", "true")).isZero();
    assertThat(gauge(second, "jobstream.stream.duplicates")).isZero();
  }

  @Test
  void onOneSharedRegistryTheGaugesReadTheAppBuiltLast() {
    SimpleMeterRegistry shared = new SimpleMeterRegistry();
    TestInputTopic<String, byte[]> earlier = app("earlier", shared, new Properties());
    RawPosting ad = Postings.raw("a-1", "Data Scientist", DAY, 100_000, 120_000);
    send(earlier, withCompany(ad, "a-1", "Acme", "Model churn."));
    send(earlier, withCompany(ad, "b-7", "ACME", "Model churn!"));
    assertThat(gauge(shared, "jobstream.stream.duplicates")).isEqualTo(1);
    // a later app (as a restarted one in the same process) reads its own state, not the earlier app's
    TestInputTopic<String, byte[]> later = app("later", shared, new Properties());
    assertThat(gauge(shared, "jobstream.stream.duplicates")).isZero();
    assertThat(gauge(shared, "jobstream.stream.last.processed.seconds")).isZero();
    send(later, Postings.raw("z-1", "Data Engineer", DAY, 90_000, 90_000));
    assertThat(gauge(shared, "jobstream.stream.last.processed.seconds")).isPositive();
    assertThat(shared.find("jobstream.stream.duplicates").gauges()).hasSize(1);
  }

  @Test
  void everyMeterIsRegisteredWhenTheTopologyIsBuiltAndNoneAfter() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    TestInputTopic<String, byte[]> raw = app("once", registry, new Properties());
    List<Meter.Id> atBuild = registry.getMeters().stream().map(Meter::getId).toList();
    assertThat(registry.find("jobstream.stream.latency").timer()).isNotNull();
    assertThat(registry.find("jobstream.stream.windows.unemitted").gauge()).isNotNull();

    send(raw, Postings.raw("a-1", "Machine Learning Engineer", DAY, 150_000, 170_000));
    send(raw, Postings.raw("a-2", "Chef de partie", DAY, null, null));
    raw.pipeInput("broken", "{}".getBytes(StandardCharsets.UTF_8));
    raw.pipeInput("a-1", (byte[]) null);

    assertThat(registry.getMeters().stream().map(Meter::getId).toList()).containsExactlyInAnyOrderElementsOf(atBuild);
    assertThat(count(registry, "jobstream.stream.records", "outcome", "deleted")).isEqualTo(1);
    assertThat(count(registry, "jobstream.classify.postings", "family", "other", "pay", "false")).isEqualTo(1);
    assertThat(gauge(registry, "jobstream.stream.last.processed.seconds")).isPositive();
  }

  @Test
  void familiesComeFromTheTaxonomyAndReasonsFromTheClassifyStage() throws Exception {
    Path taxonomy = dir.resolve("taxonomy.json");
    Files.writeString(taxonomy, "{\"concepts\": {}, \"families\": [{\"id\": \"mlops_engineer\", \"soc\": \"15-2051.00\","
        + " \"socTitle\": \"Data Scientists\", \"rules\": [{\"all\": [\"ML\"]}]}]}");
    Properties extra = new Properties();
    extra.put(JobstreamConfig.TAXONOMY_CONFIG, taxonomy.toString());
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    app("taxonomy", registry, extra);

    Set<String> families = tagValues(registry, "jobstream.classify.postings", "family");
    assertThat(families).contains("mlops_engineer", "data_scientist", "ml_engineer", "other", "custom");
    Set<String> builtIn = new TreeSet<>();
    io.jobstream.classify.title.Taxonomy.builtIn().families().forEach(f -> builtIn.add(f.id()));
    assertThat(families).containsAll(builtIn);

    Set<String> reasons = new TreeSet<>(PostingClassifier.REASONS);
    reasons.addAll(ClassifyProcessor.REASONS);
    reasons.add("other");
    assertThat(tagValues(registry, "jobstream.stream.dead.letters", "reason")).isEqualTo(reasons);
  }
}
