package io.jobstream.app.bench;

import io.jobstream.aggregate.JobstreamTopology;
import io.jobstream.aggregate.StreamApp;
import io.jobstream.aggregate.config.JobstreamConfig;
import io.jobstream.model.Topics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The end-to-end benchmark: {@code N} raw postings ({@link PostingMix}) through the whole jobstream
 * topology (raw -> classified, latest version per posting -> clusters -> tuple counts -> windows ->
 * statistics and divergence, exactly-once), beside a trivial Kafka Streams pass-through (raw -> another topic, same records,
 * same guarantee, same commit interval, same number of stream threads) measured in the same run,
 * on the same broker.
 *
 * <p>Order: produce the N records (this also warms the broker); pass-through; jobstream; a second
 * pass-through (so a drift of the machine during the run shows as a difference between the two);
 * then jobstream's classify stage alone, the floor under what the whole topology costs per posting.
 * Each app reads the whole backlog from the start; its time runs from its start until every topic
 * it reads has been consumed and committed (and nothing has changed for two seconds), and for
 * jobstream until then the window stage has emitted statistics that take in every change. Then, for the
 * latency, new records are produced at a steady rate for a while: jobstream's latency is its
 * {@code jobstream.stream.latency} meter (the raw record's broker timestamp to the emission of the
 * statistics that include it); the pass-through's is measured by a read_committed consumer of its
 * output (the raw record's broker timestamp to the moment the consumer sees it). The heap figure
 * is the most heap in use (garbage included) sampled every 20 ms while an app read the backlog.
 */
public final class EndToEndBenchmark {

  /** Output topic of the pass-through. */
  static final String PASS_THROUGH_TOPIC = "bench.passthrough";

  /** Output topics of the classify stage measured alone. */
  static final String CLASSIFY_STAGE_TOPIC = "bench.classified";
  static final String CLASSIFY_STAGE_DLQ = "bench.dlq";

  private final Properties client;
  private final Path stateDir;
  private final PrintWriter out;
  private final List<String> windows;

  private final io.micrometer.core.instrument.MeterRegistry latencyRegistry;
  private int trickleSeconds;
  private Trickle trickle;
  private Map<String, Double> threadTimeShares = Map.of();

  private final int threads;
  private final int instances;
  private Class<? extends org.apache.kafka.clients.producer.Partitioner> partitioner;
  private final String instanceHeap;

  /** jobstream's application id in the benchmark. */
  static final String APPLICATION_ID = "bench-jobstream";

  /**
   * @param latencyRegistry where jobstream's latency timer keeps a cumulative histogram (one instance)
   * @param instances jobstream processes: 1 runs the app in this JVM; more run each in its own
   *     JVM with {@code instanceHeap}
   */
  public EndToEndBenchmark(Properties client, Path stateDir, List<String> windows, int threads, int instances,
      String instanceHeap, PrintWriter out, io.micrometer.core.instrument.MeterRegistry latencyRegistry) {
    this.threads = threads;
    this.instances = instances;
    this.instanceHeap = instanceHeap;
    this.latencyRegistry = latencyRegistry;
    this.client = client;
    this.stateDir = stateDir;
    this.windows = windows;
    this.out = out;
  }

  /**
   * The raw postings are produced with {@code partitioner} instead of the Java producer's default
   * (e.g. {@link OtherPartitioner}, to measure the re-route of records a producer put on another
   * partition than their posting id's); returns this benchmark.
   */
  public EndToEndBenchmark producedWith(Class<? extends org.apache.kafka.clients.producer.Partitioner> partitioner) {
    this.partitioner = partitioner;
    return this;
  }

  /**
   * jobstream's latency at a trickle of {@link #TRICKLE_PER_SECOND} postings a second (after the
   * steady phase at half its backlog rate): whether a quiet input waits for anything.
   */
  public record Trickle(double perSecond, long samples, double p50Seconds, double p99Seconds) {}

  /** The trickle phase's rate: postings a second. */
  public static final double TRICKLE_PER_SECOND = 10;

  /** Throughput and latency of one app. */
  public record Figures(String name, long records, double seconds, double perSecond, double latencyRate,
      double p50Seconds, double p99Seconds, long latencySamples, long peakHeapBytes) {}

  /**
   * The whole run's figures; {@code stageRecords}: per stage of jobstream, the records each
   * instance processed (committed offsets passed on the partitions it held).
   */
  public record Result(long postings, double produceSeconds, Figures passThrough1, Figures jobstream,
      Figures passThrough2, Figures classifyStage, int instances, Map<String, long[]> stageRecords,
      Trickle trickle, Map<String, Double> threadTimeShares) {

    public double baselinePerSecond() {
      return (passThrough1.perSecond() + passThrough2.perSecond()) / 2;
    }

    public double ratio() {
      return jobstream.perSecond() / baselinePerSecond();
    }

    /** The classify stage alone against the pass-through: the most the whole topology could reach. */
    public double classifyStageRatio() {
      return classifyStage.perSecond() / baselinePerSecond();
    }
  }

  /**
   * @param postings records in the backlog
   * @param latencySeconds how long records are produced at a steady rate for the latency figures
   */
  public Result run(long postings, int latencySeconds) throws Exception {
    return run(postings, latencySeconds, 0);
  }

  /**
   * @param postings records in the backlog
   * @param latencySeconds how long records are produced at half the backlog rate for the latency figures
   * @param trickleSeconds how long records are then produced at {@link #TRICKLE_PER_SECOND} a second
   */
  public Result run(long postings, int latencySeconds, int trickleSeconds) throws Exception {
    this.trickleSeconds = trickleSeconds;
    try (Admin admin = Admin.create(client)) {
      admin.createTopics(List.of(new NewTopic(PASS_THROUGH_TOPIC, Topics.RAW.partitions(), (short) 1)))
          .all().get(30, TimeUnit.SECONDS);
    }
    PostingMix mix = new PostingMix(42, postings, LocalDate.of(2025, 1, 1), 365);
    long start = System.nanoTime();
    produce(mix, postings);
    double produceSeconds = (System.nanoTime() - start) / 1e9;
    out.printf("produced %,d raw postings in %.1f s (%,.0f records/s)%n", postings, produceSeconds,
        postings / produceSeconds);
    out.flush();

    Figures first = passThrough("bench-passthrough-1", postings, 0, 0, mix);
    Figures pipeline;
    Map<String, long[]> stageRecords;
    try (StageSampler stages = new StageSampler(client, APPLICATION_ID, instances)) {
      pipeline = instances == 1 ? jobstream(postings, latencySeconds, mix) : fleet(postings, latencySeconds, mix);
      stageRecords = stages.records();
    }
    long backlog = postings + pipeline.latencySamples + (trickle == null ? 0 : trickle.samples());
    // the pass-through's latency at the same steady rate as jobstream's
    Figures second = passThrough("bench-passthrough-2", backlog, latencySeconds, pipeline.latencyRate(), mix);
    Figures classify = classifyStage(backlog + second.latencySamples());
    return new Result(postings, produceSeconds, first, pipeline, second, classify, instances, stageRecords,
        trickle, threadTimeShares);
  }

  /**
   * jobstream's first stage alone (raw -> validate and classify -> classified or dead letter, as in
   * the whole topology but into topics of its own): what every posting costs before any aggregation.
   */
  private Figures classifyStage(long backlog) throws Exception {
    try (Admin admin = Admin.create(client)) {
      admin.createTopics(List.of(new NewTopic(CLASSIFY_STAGE_TOPIC, Topics.RAW.partitions(), (short) 1),
          new NewTopic(CLASSIFY_STAGE_DLQ, Topics.RAW.partitions(), (short) 1))).all().get(30, TimeUnit.SECONDS);
    }
    String applicationId = "bench-classify";
    Properties settings = new Properties();
    settings.putAll(client);
    settings.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    settings.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(threads));
    Properties props = StreamApp.streamsConfig(settings, stateDir.resolve(applicationId));
    try (Admin admin = Admin.create(client)) {
      props.put(JobstreamConfig.RAW_PARTITIONS_CONFIG, Integer.toString(StreamApp.rawPartitions(admin)));
    }
    Topology topology = JobstreamTopology.buildClassifyStage(props, CLASSIFY_STAGE_TOPIC, CLASSIFY_STAGE_DLQ);
    long start = System.currentTimeMillis();
    try (HeapSampler heapSampler = new HeapSampler(); KafkaStreams streams = new KafkaStreams(topology, props)) {
      streams.start();
      double seconds = (awaitConsumed(applicationId, Topics.RAW.name()) - start) / 1e3;
      long heap = heapSampler.peak();
      report("classify stage alone", backlog, seconds, heap);
      return new Figures("classify stage", backlog, seconds, backlog / seconds, 0, Double.NaN, Double.NaN, 0, heap);
    }
  }

  private Figures passThrough(String applicationId, long backlog, int latencySeconds, double latencyRate,
      PostingMix mix) throws Exception {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(Topics.RAW.name(), Consumed.with(Serdes.String(), Serdes.ByteArray()))
        .to(PASS_THROUGH_TOPIC, Produced.with(Serdes.String(), Serdes.ByteArray()));
    Topology topology = builder.build();
    Properties props = streamsProps(applicationId);
    HeapSampler heapSampler = new HeapSampler();
    long start = System.currentTimeMillis();
    KafkaStreams streams = new KafkaStreams(topology, props);
    streams.start();
    try (heapSampler) {
      double seconds = (awaitConsumed(applicationId, Topics.RAW.name()) - start) / 1e3;
      long heap = heapSampler.peak();
      double rate = backlog / seconds;
      report(applicationId, backlog, seconds, heap);
      double[] latency = {Double.NaN, Double.NaN};
      long samples = 0;
      if (latencySeconds > 0) {
        List<Long> millis = passThroughLatency(mix, latencySeconds, latencyRate);
        samples = millis.size();
        latency = new double[] {percentile(millis, 0.50), percentile(millis, 0.99)};
      }
      return new Figures("pass-through", backlog, seconds, rate, latencyRate, latency[0], latency[1], samples, heap);
    } finally {
      streams.close(Duration.ofSeconds(30));
    }
  }

  private Figures jobstream(long backlog, int latencySeconds, PostingMix mix) throws Exception {
    Properties settings = new Properties();
    settings.putAll(client);
    settings.put(JobstreamConfig.WINDOWS_CONFIG, String.join(",", windows));
    settings.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
    settings.put(StreamsConfig.CLIENT_ID_CONFIG, InstanceFleet.CLIENT_ID_PREFIX + 0);
    settings.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(threads));
    Properties props = StreamApp.streamsConfig(settings, stateDir.resolve(APPLICATION_ID));
    long start = System.currentTimeMillis();
    try (HeapSampler heapSampler = new HeapSampler(); StageProfile profile = new StageProfile();
        StreamApp app = StreamApp.start(props)) {
      long consumed = awaitConsumed(APPLICATION_ID, Topics.RAW.name());
      double seconds = (awaitFullEmission(consumed) - start) / 1e3;
      long heap = heapSampler.peak();
      threadTimeShares = profile.shares();
      out.printf("jobstream: every record read after %.1f s; the statistics took in the last change after %.1f s%n",
          (consumed - start) / 1e3, seconds);
      report("jobstream", backlog, seconds, heap);
      double rate = backlog / seconds;
      Timer latency = latencyRegistry.find("jobstream.stream.latency").timer();
      Map<Double, Double> before = latency == null ? Map.of() : cumulative(latency.takeSnapshot());
      long countBefore = latency == null ? 0 : latency.count();
      long produced = 0;
      // a steady rate the app keeps up with: half its backlog rate
      double latencyRate = Math.max(1, rate / 2);
      if (latencySeconds > 0) {
        produced = produceSteadily(mix, latencyRate, latencySeconds);
        awaitFullEmission(awaitConsumed(APPLICATION_ID, Topics.RAW.name()));
      }
      latency = latencyRegistry.find("jobstream.stream.latency").timer();
      double p50 = Double.NaN;
      double p99 = Double.NaN;
      if (latency != null && latency.count() > countBefore) {
        Map<Double, Double> after = cumulative(latency.takeSnapshot());
        p50 = bucketPercentile(before, after, latency.count() - countBefore, 0.50);
        p99 = bucketPercentile(before, after, latency.count() - countBefore, 0.99);
      }
      if (trickleSeconds > 0) {
        Map<Double, Double> trickleBefore = latencyBuckets();
        long trickled = produceSteadily(mix, TRICKLE_PER_SECOND, trickleSeconds);
        awaitFullEmission(awaitConsumed(APPLICATION_ID, Topics.RAW.name()));
        trickle = trickle(trickleBefore, latencyBuckets(), trickled);
      }
      return new Figures("jobstream", backlog, seconds, rate, latencyRate, p50, p99, produced, heap);
    }
  }

  /**
   * jobstream as {@link #instances} processes of one application, each its own JVM: throughput from
   * their start until every posting is in the statistics, and latency at a steady half of it, from
   * the instances' own meters (summed histograms); the peak heap is the largest of any instance.
   */
  private Figures fleet(long backlog, int latencySeconds, PostingMix mix) throws Exception {
    long start = System.currentTimeMillis();
    try (InstanceFleet fleet = new InstanceFleet(instances, client, APPLICATION_ID, windows, threads,
        stateDir.resolve(APPLICATION_ID), instanceHeap)) {
      java.util.concurrent.atomic.AtomicLong peakHeap = new java.util.concurrent.atomic.AtomicLong();
      java.util.concurrent.ScheduledExecutorService heapTimer = java.util.concurrent.Executors
          .newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-fleet-heap");
            t.setDaemon(true);
            return t;
          });
      heapTimer.scheduleWithFixedDelay(() -> {
        try {
          peakHeap.accumulateAndGet(fleet.maxHeapUsed(), Math::max);
        } catch (Exception e) {
          // an instance starting or stopping: the next sample
        }
      }, 500, 500, TimeUnit.MILLISECONDS);
      try {
        fleet.awaitReady(Duration.ofMinutes(3));
        long consumed = awaitConsumed(APPLICATION_ID, Topics.RAW.name());
        double seconds = (awaitFleetEmission(fleet, consumed) - start) / 1e3;
        out.printf("jobstream (%d instances): every record read after %.1f s; the statistics took in the last change"
            + " after %.1f s%n", instances, (consumed - start) / 1e3, seconds);
        long heap = peakHeap.get();
        report("jobstream", backlog, seconds, heap);
        double rate = backlog / seconds;
        double latencyRate = Math.max(1, rate / 2);
        Map<Double, Double> before = latencyBuckets(fleet);
        long produced = 0;
        if (latencySeconds > 0) {
          produced = produceSteadily(mix, latencyRate, latencySeconds);
          awaitFleetEmission(fleet, awaitConsumed(APPLICATION_ID, Topics.RAW.name()));
        }
        Map<Double, Double> after = latencyBuckets(fleet);
        long n = Math.round(after.getOrDefault(Double.POSITIVE_INFINITY, 0.0)
            - before.getOrDefault(Double.POSITIVE_INFINITY, 0.0));
        double p50 = n > 0 ? bucketPercentile(before, after, n, 0.50) : Double.NaN;
        double p99 = n > 0 ? bucketPercentile(before, after, n, 0.99) : Double.NaN;
        if (trickleSeconds > 0) {
          long trickled = produceSteadily(mix, TRICKLE_PER_SECOND, trickleSeconds);
          awaitFleetEmission(fleet, awaitConsumed(APPLICATION_ID, Topics.RAW.name()));
          trickle = trickle(after, latencyBuckets(fleet), trickled);
        }
        return new Figures("jobstream", backlog, seconds, rate, latencyRate, p50, p99, produced, heap);
      } finally {
        heapTimer.shutdownNow();
      }
    }
  }

  private static final java.util.regex.Pattern LE = java.util.regex.Pattern.compile("le=\"([^\"]+)\"");

  /** jobstream's latency histogram in this JVM: upper bound (seconds) to cumulative count (+Inf: all). */
  private Map<Double, Double> latencyBuckets() {
    Timer latency = latencyRegistry.find("jobstream.stream.latency").timer();
    if (latency == null) {
      return Map.of();
    }
    Map<Double, Double> buckets = cumulative(latency.takeSnapshot());
    buckets.put(Double.POSITIVE_INFINITY, (double) latency.count());
    return buckets;
  }

  /** The trickle phase's figures from the latency histogram before and after it. */
  private static Trickle trickle(Map<Double, Double> before, Map<Double, Double> after, long produced) {
    long n = Math.round(after.getOrDefault(Double.POSITIVE_INFINITY, 0.0)
        - before.getOrDefault(Double.POSITIVE_INFINITY, 0.0));
    return new Trickle(TRICKLE_PER_SECOND, produced, n > 0 ? bucketPercentile(before, after, n, 0.50) : Double.NaN,
        n > 0 ? bucketPercentile(before, after, n, 0.99) : Double.NaN);
  }

  /** The instances' latency histograms added up: upper bound (seconds) to cumulative count. */
  private static Map<Double, Double> latencyBuckets(InstanceFleet fleet) throws Exception {
    Map<Double, Double> buckets = new HashMap<>();
    fleet.sumByName("jobstream_stream_latency_seconds_bucket{").forEach((series, count) -> {
      java.util.regex.Matcher m = LE.matcher(series);
      if (m.find()) {
        double bound = m.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(1));
        buckets.merge(bound, count, Double::sum);
      }
    });
    return buckets;
  }

  /** As {@link #awaitFullEmission}, over every instance's meters. */
  private static long awaitFleetEmission(InstanceFleet fleet, long consumedMs) throws Exception {
    while (true) {
      double unemitted = 0;
      double emitted = 0;
      boolean all = true;
      for (int i = 0; i < fleet.size(); i++) {
        Map<String, Double> series = fleet.scrape(i);
        Double u = series.get("jobstream_stream_windows_unemitted");
        Double e = series.get("jobstream_stream_last_emitted_seconds");
        if (u == null || e == null) {
          all = false;
          break;
        }
        unemitted += u;
        emitted = Math.max(emitted, e);
      }
      if (all && unemitted == 0) {
        return Math.max(consumedMs, Math.round(emitted * 1000));
      }
      Thread.sleep(250);
    }
  }

  /**
   * Waits until the window stage has emitted statistics that include every change it has taken in,
   * and returns when (epoch ms): the later of {@code consumedMs} (when the app had consumed
   * everything) and the end of its last complete emission.
   */
  private long awaitFullEmission(long consumedMs) throws InterruptedException {
    while (true) {
      var unemitted = latencyRegistry.find("jobstream.stream.windows.unemitted").gauge();
      var emitted = latencyRegistry.find("jobstream.stream.last.emitted.seconds").gauge();
      if (unemitted != null && emitted != null && unemitted.value() == 0) {
        return Math.max(consumedMs, Math.round(emitted.value() * 1000));
      }
      Thread.sleep(100);
    }
  }

  private void report(String name, long records, double seconds, long heap) {
    out.printf("%s: %,d records in %.1f s (%,.0f records/s), peak heap %,d MB%n", name, records, seconds,
        records / seconds, heap >> 20);
    out.flush();
  }

  private Properties streamsProps(String applicationId) {
    Properties props = new Properties();
    props.putAll(client);
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "1000");
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(threads));
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve(applicationId).toString());
    props.put(StreamsConfig.topicPrefix("min.insync.replicas"), "1");
    return props;
  }

  private void produce(PostingMix mix, long count) throws Exception {
    try (KafkaProducer<String, byte[]> producer = producer()) {
      for (long i = 0; i < count; i++) {
        PostingMix.Entry e = mix.next();
        producer.send(new ProducerRecord<>(Topics.RAW.name(), e.key(), e.value()));
      }
      producer.flush();
    }
  }

  private long produceSteadily(PostingMix mix, double perSecond, int seconds) throws Exception {
    long total = (long) (perSecond * seconds);
    long start = System.nanoTime();
    try (KafkaProducer<String, byte[]> producer = producer()) {
      for (long i = 0; i < total; i++) {
        long due = start + (long) (i * 1e9 / perSecond);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        PostingMix.Entry e = mix.next();
        producer.send(new ProducerRecord<>(Topics.RAW.name(), e.key(), e.value()));
      }
      producer.flush();
    }
    return total;
  }

  private List<Long> passThroughLatency(PostingMix mix, int seconds, double perSecond) throws Exception {
    Properties props = new Properties();
    props.putAll(client);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    List<Long> latencies = new ArrayList<>();
    AtomicBoolean producing = new AtomicBoolean(true);
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(PASS_THROUGH_TOPIC).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);
      Thread producerThread = new Thread(() -> {
        try {
          produceSteadily(mix, perSecond, seconds);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        } finally {
          producing.set(false);
        }
      }, "bench-steady-producer");
      producerThread.start();
      long expected = (long) (perSecond * seconds);
      long quietSince = System.nanoTime();
      while (latencies.size() < expected
          && (producing.get() || System.nanoTime() - quietSince < TimeUnit.SECONDS.toNanos(30))) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          latencies.add(System.currentTimeMillis() - record.timestamp());
          quietSince = System.nanoTime();
        }
      }
      producerThread.join();
    }
    return latencies;
  }

  /**
   * Waits until the app has consumed and committed every record of every topic it reads, and
   * nothing has changed for two seconds; returns when that was first seen (epoch ms).
   */
  private long awaitConsumed(String groupId, String inputTopic) throws Exception {
    try (Admin admin = Admin.create(client)) {
      long sumBefore = -1;
      long satisfiedAt = 0;
      while (true) {
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        committed.keySet().forEach(tp -> request.put(tp, OffsetSpec.latest()));
        var ends = request.isEmpty() ? Map.<TopicPartition, org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo>of()
            : admin.listOffsets(request).all().get(30, TimeUnit.SECONDS);
        boolean inputSeen = committed.keySet().stream().anyMatch(tp -> tp.topic().equals(inputTopic));
        boolean done = inputSeen;
        long sum = 0;
        for (var e : ends.entrySet()) {
          long end = e.getValue().offset();
          OffsetAndMetadata c = committed.get(e.getKey());
          long position = c == null ? 0 : c.offset();
          sum += end + position;
          // records written in transactions end with a commit marker that is never consumed
          long allowed = e.getKey().topic().equals(inputTopic) ? 0 : 1;
          if (end - position > allowed) {
            done = false;
          }
        }
        if (done && sum == sumBefore) {
          if (System.currentTimeMillis() - satisfiedAt >= 2_000) {
            return satisfiedAt;
          }
        } else {
          satisfiedAt = System.currentTimeMillis();
        }
        sumBefore = sum;
        Thread.sleep(250);
      }
    }
  }

  private KafkaProducer<String, byte[]> producer() {
    // the settings of ingest's producers (idempotent, acks=all, one request in flight), in larger batches
    Properties props = io.jobstream.ingest.publish.KafkaPostingSink.producerSettings(client);
    props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
    if (partitioner != null) {
      props.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, partitioner.getName());
    }
    return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }

  private static Map<Double, Double> cumulative(HistogramSnapshot snapshot) {
    Map<Double, Double> counts = new HashMap<>();
    for (CountAtBucket bucket : snapshot.histogramCounts()) {
      counts.put(bucket.bucket(TimeUnit.SECONDS), bucket.count());
    }
    return counts;
  }

  /** The upper bound of the histogram bucket that holds the percentile of the new samples. */
  private static double bucketPercentile(Map<Double, Double> before, Map<Double, Double> after, long n, double q) {
    List<Double> bounds = new ArrayList<>(after.keySet());
    bounds.sort(Double::compare);
    for (double bound : bounds) {
      double count = after.get(bound) - before.getOrDefault(bound, 0.0);
      if (count >= q * n) {
        return bound;
      }
    }
    return Double.POSITIVE_INFINITY;
  }

  private static double percentile(List<Long> millis, double q) {
    if (millis.isEmpty()) {
      return Double.NaN;
    }
    List<Long> sorted = new ArrayList<>(millis);
    sorted.sort(Long::compare);
    return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1)) / 1000.0;
  }

  /** Samples the heap in use every 20 ms while an app runs; the maximum is the peak. */
  private static final class HeapSampler implements AutoCloseable {
    private final java.util.concurrent.ScheduledExecutorService timer =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, "bench-heap-sampler");
          t.setDaemon(true);
          return t;
        });
    private final java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();

    HeapSampler() {
      System.gc();
      var memory = ManagementFactory.getMemoryMXBean();
      timer.scheduleAtFixedRate(() -> peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
          0, 20, TimeUnit.MILLISECONDS);
    }

    long peak() {
      return peak.get();
    }

    @Override
    public void close() {
      timer.shutdownNow();
    }
  }
}
