package io.jobstream.app.cli;

import io.jobstream.aggregate.WindowSpec;
import io.jobstream.app.KafkaSettings;
import io.jobstream.app.TopicSetup;
import io.jobstream.app.bench.EndToEndBenchmark;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "benchmark", mixinStandardHelpOptions = true,
    description = "Measure the whole pipeline (raw postings to statistics, exactly-once) beside a Kafka"
        + " Streams pass-through on the same broker, in the same run; prints throughput, latency and heap.")
public final class BenchmarkCommand implements Callable<Integer> {

  @Mixin
  KafkaOptions kafka;

  @Spec
  CommandSpec spec;

  @Option(names = "--postings", defaultValue = "1000000", paramLabel = "N",
      description = "Raw postings in the backlog (default: ${DEFAULT-VALUE}).")
  long postings;

  @Option(names = "--latency-seconds", defaultValue = "20", paramLabel = "S",
      description = "Seconds of steady input for the latency figures (default: ${DEFAULT-VALUE}; 0: none).")
  int latencySeconds;

  @Option(names = "--trickle-seconds", defaultValue = "30", paramLabel = "S",
      description = "Seconds of input at 10 postings a second after the latency phase, for the latency of a"
          + " quiet input (default: ${DEFAULT-VALUE}; 0: none).")
  int trickleSeconds;

  @Option(names = "--window", paramLabel = "SPEC",
      description = "Window spec of the statistics (repeatable; default 30d/1d).")
  List<String> windows = new ArrayList<>();

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Directory for the broker's log and the apps' state (default: a temporary one, deleted"
          + " afterwards). Needs about 3 KB per posting.")
  Path dataDir;

  @Option(names = "--threads", defaultValue = "1", paramLabel = "N",
      description = "Stream threads of each app, jobstream and pass-through alike (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--instances", defaultValue = "1", paramLabel = "N",
      description = "jobstream processes of one application: 1 runs it in this JVM; more run each in its own JVM"
          + " with --instance-heap (default: ${DEFAULT-VALUE}).")
  int instances;

  @Option(names = "--instance-heap", defaultValue = "1g", paramLabel = "SIZE",
      description = "Heap of each jobstream process with --instances above 1 (default: ${DEFAULT-VALUE}).")
  String instanceHeap;

  @Option(names = "--partitioner", defaultValue = "java", paramLabel = "java|other",
      description = "Partitioner of the raw postings' producer: java (Kafka's Java producer's, as jobstream ingest"
          + " uses) or other (every record on another partition than Java's would pick, so every one is re-routed"
          + " to the task owning its posting id; default: ${DEFAULT-VALUE}).")
  String partitioner;

  @Option(names = "--broker-heap", defaultValue = "1g", paramLabel = "SIZE",
      description = "Heap of the broker's JVM (default: ${DEFAULT-VALUE}).")
  String brokerHeap;

  /** Histogram bounds for the latency figures: 10 ms to about an hour, 15% apart. */
  private static final double[] LATENCY_BUCKETS_NANOS = java.util.stream.DoubleStream
      .iterate(1e7, b -> b <= 3.6e12, b -> b * 1.15).toArray();


  @Override
  public Integer call() throws Exception {
    if (!partitioner.equals("java") && !partitioner.equals("other")) {
      throw new IllegalArgumentException("--partitioner must be java or other, not '" + partitioner + "'");
    }
    if (postings < 1 || latencySeconds < 0 || trickleSeconds < 0 || threads < 1 || instances < 1) {
      throw new IllegalArgumentException("--postings, --threads and --instances must be at least 1,"
          + " --latency-seconds and --trickle-seconds at least 0");
    }
    List<String> specs = windows.isEmpty() ? List.of("30d/1d") : windows;
    WindowSpec.parseList(String.join(",", specs));
    PrintWriter out = spec.commandLine().getOut();
    KafkaSettings settings = kafka.settings();
    boolean temporary = dataDir == null;
    Path dir = temporary ? Files.createTempDirectory("jobstream-bench-") : dataDir;
    Process broker = null;
    // jobstream's latency histogram, kept whole for the run (not a sliding window) so that the
    // latency phase is the difference of two snapshots
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    registry.config().meterFilter(new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        return DistributionStatisticConfig.builder().serviceLevelObjectives(LATENCY_BUCKETS_NANOS)
            .expiry(Duration.ofDays(1)).bufferLength(1).build().merge(config);
      }
    });
    Metrics.addRegistry(registry);
    try {
      if (!settings.hasBootstrapServers()) {
        int port = freePort();
        broker = startBroker(dir.resolve("broker"), port);
        settings = settings.withBootstrapServers("127.0.0.1:" + port);
        awaitBroker(settings.client(), broker);
        out.printf("broker (own JVM, heap %s) ready on 127.0.0.1:%d%n", brokerHeap, port);
      }
      TopicSetup.ensureTopics(settings.client(), TopicSetup.partitions(settings));
      out.printf("jobstream end-to-end benchmark: %,d postings, windows %s, exactly_once_v2, commit interval 1 s,"
          + " %d stream thread(s) each; this JVM's max heap %,d MB%n", postings, String.join(",", specs), threads,
          Runtime.getRuntime().maxMemory() >> 20);
      out.flush();
      // jobstream.* settings of --config apply to the benchmarked app, as to `jobstream stream`
      java.util.Properties appSettings = settings.client();
      appSettings.putAll(settings.own());
      EndToEndBenchmark.Result r = new EndToEndBenchmark(appSettings, dir.resolve("streams"), specs, threads,
          instances, instanceHeap, out, registry)
          .producedWith(partitioner.equals("other") ? io.jobstream.app.bench.OtherPartitioner.class : null)
          .run(postings, latencySeconds, trickleSeconds);
      out.println();
      out.printf("%-16s %12s %14s %12s %12s %12s%n", "app", "records", "records/s", "p50 latency", "p99 latency", "peak heap");
      for (EndToEndBenchmark.Figures f : List.of(r.passThrough1(), r.jobstream(), r.passThrough2(),
          r.classifyStage())) {
        out.printf("%-16s %,12d %,14.0f %12s %12s %,9d MB%n", f.name(), f.records(), f.perSecond(),
            seconds(f.p50Seconds()), seconds(f.p99Seconds()), f.peakHeapBytes() >> 20);
      }
      out.printf("latency at a steady %,.0f records/s for %d s (jobstream: upper bounds of histogram buckets)%n",
          r.jobstream().latencyRate(), latencySeconds);
      if (r.trickle() != null) {
        out.printf("latency at a trickle of %,.0f postings/s for %d s: p50 %s, p99 %s (%,d postings; goal: p99 at most 2 s)%n",
            r.trickle().perSecond(), trickleSeconds, seconds(r.trickle().p50Seconds()),
            seconds(r.trickle().p99Seconds()), r.trickle().samples());
      }
      out.printf("jobstream / pass-through throughput: %.3f (pass-through: mean of %,.0f and %,.0f records/s;"
          + " goal: at least 0.5)%n", r.ratio(), r.passThrough1().perSecond(), r.passThrough2().perSecond());
      out.printf("classify stage alone / pass-through throughput: %.3f (what every posting costs before any"
          + " aggregation; jobstream / classify stage: %.3f)%n", r.classifyStageRatio(),
          r.jobstream().perSecond() / r.classifyStage().perSecond());
      long rerouted = java.util.Arrays.stream(r.stageRecords().get("re-routed")).sum();
      double reroutedPerRecord = (double) rerouted / Math.max(1, java.util.Arrays.stream(r.stageRecords()
          .get("classify")).sum());
      out.printf("re-routed by posting id: %,d records, %.4f per raw record read (raw postings produced with the %s"
          + " partitioner)%n", rerouted, reroutedPerRecord, partitioner);
      out.printf("jobstream peak heap: %,d MB (goal: under 1024 MB%s)%n", r.jobstream().peakHeapBytes() >> 20,
          r.instances() > 1 ? ", the largest of any instance" : "");
      com.fasterxml.jackson.databind.node.ObjectNode shares = io.jobstream.model.JsonSerde.MAPPER.createObjectNode();
      com.fasterxml.jackson.databind.node.ObjectNode perPosting = io.jobstream.model.JsonSerde.MAPPER.createObjectNode();
      long input = r.postings() + r.jobstream().latencySamples() + (r.trickle() == null ? 0 : r.trickle().samples());
      r.stageRecords().forEach((stage, perInstance) -> {
        long total = java.util.Arrays.stream(perInstance).sum();
        perPosting.put(stage, (double) total / input);
        StringBuilder line = new StringBuilder(String.format("stage %-16s %,12d records (%.3f per posting):", stage,
            total, (double) total / input));
        com.fasterxml.jackson.databind.node.ArrayNode share = shares.putArray(stage);
        for (int i = 0; i < perInstance.length; i++) {
          double s = total == 0 ? 0 : (double) perInstance[i] / total;
          share.add(s);
          line.append(String.format(" instance %d %,d (%.0f%%)", i, perInstance[i], 100 * s));
        }
        out.println(line);
      });
      com.fasterxml.jackson.databind.node.ObjectNode threadTime = io.jobstream.model.JsonSerde.MAPPER.createObjectNode();
      if (!r.threadTimeShares().isEmpty()) {
        StringBuilder line = new StringBuilder(String.format("stream thread time during the backlog (%,.0f samples):",
            r.threadTimeShares().get("samples")));
        r.threadTimeShares().forEach((stage, share) -> {
          if (!stage.equals("samples")) {
            threadTime.put(stage, share);
            line.append(String.format(" %s %.1f%%", stage, 100 * share));
          }
        });
        out.println(line);
      }
      // the last line, for scripts: the figures as one JSON object
      com.fasterxml.jackson.databind.node.ObjectNode json = io.jobstream.model.JsonSerde.MAPPER.createObjectNode();
      json.put("postings", r.postings());
      json.put("instances", r.instances());
      json.put("threads", threads);
      json.put("passThroughPerSec", Math.round(r.baselinePerSecond()));
      json.put("classifyStagePerSec", Math.round(r.classifyStage().perSecond()));
      json.put("pipelinePerSec", Math.round(r.jobstream().perSecond()));
      json.put("pipelineToClassifyStage", r.jobstream().perSecond() / r.classifyStage().perSecond());
      json.put("pipelineToPassThrough", r.ratio());
      json.put("p50LatencySeconds", Double.isFinite(r.jobstream().p50Seconds()) ? r.jobstream().p50Seconds() : null);
      json.put("p99LatencySeconds", Double.isFinite(r.jobstream().p99Seconds()) ? r.jobstream().p99Seconds() : null);
      json.put("trickleP50Seconds", r.trickle() != null && Double.isFinite(r.trickle().p50Seconds())
          ? r.trickle().p50Seconds() : null);
      json.put("trickleP99Seconds", r.trickle() != null && Double.isFinite(r.trickle().p99Seconds())
          ? r.trickle().p99Seconds() : null);
      json.put("peakHeapBytes", r.jobstream().peakHeapBytes());
      json.put("partitioner", partitioner);
      json.put("reroutedPerRecord", reroutedPerRecord);
      json.set("stageShares", shares);
      json.set("recordsPerPosting", perPosting);
      json.set("threadTimeShares", threadTime);
      out.println(json);
      out.flush();
      return 0;
    } finally {
      if (broker != null) {
        broker.destroy();
        if (!broker.waitFor(30, TimeUnit.SECONDS)) {
          broker.destroyForcibly();
        }
      }
      if (temporary) {
        DemoCommand.deleteRecursively(dir);
      }
    }
  }

  private static String seconds(double s) {
    return Double.isNaN(s) ? "-" : Double.isInfinite(s) ? "> max" : String.format("%.3f s", s);
  }

  private Process startBroker(Path dir, int port) throws Exception {
    Files.createDirectories(dir);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-Xmx" + brokerHeap, "-cp", System.getProperty("java.class.path"),
        JobstreamCli.class.getName(), "broker", "--port", "" + port, "--data-dir", dir.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolveSibling("broker.log").toFile()).start();
  }

  private static void awaitBroker(Properties client, Process broker) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      if (!broker.isAlive()) {
        throw new IllegalStateException("the broker exited; see broker.log in the data directory");
      }
      try (Admin admin = Admin.create(withTimeouts(client))) {
        admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
        return;
      } catch (Exception notYet) {
        Thread.sleep(500);
      }
    }
    throw new IllegalStateException("the broker did not start within 90 s");
  }

  private static Properties withTimeouts(Properties client) {
    Properties p = new Properties();
    p.putAll(client);
    p.put("request.timeout.ms", "5000");
    p.put("default.api.timeout.ms", "5000");
    return p;
  }

  private static int freePort() throws java.io.IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
