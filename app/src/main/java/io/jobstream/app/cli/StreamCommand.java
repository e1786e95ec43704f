package io.jobstream.app.cli;

import io.jobstream.aggregate.DivergenceSettings;
import io.jobstream.aggregate.JobstreamTopology;
import io.jobstream.aggregate.QueryApi;
import io.jobstream.aggregate.StreamApp;
import io.jobstream.aggregate.WindowSpec;
import io.jobstream.aggregate.config.JobstreamConfig;
import io.jobstream.app.KafkaSettings;
import io.jobstream.app.TopicSetup;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "stream", mixinStandardHelpOptions = true,
    description = "Run the Kafka Streams app: classify raw postings and publish rolling salary"
        + " statistics to jobs.salary.stats, until Ctrl-C.")
public final class StreamCommand implements Callable<Integer> {

  @Mixin
  KafkaOptions kafka;

  @Mixin
  MetricsOptions metrics;

  @Option(names = "--window", paramLabel = "SPEC",
      description = "Window spec (repeatable): SIZEd/ADVANCEd such as 30d/1d, or month, quarter,"
          + " year. Default: jobstream.windows from --config, else 30d/1d.")
  List<String> windows = new ArrayList<>();

  @Option(names = "--state-dir", paramLabel = "DIR",
      description = "Directory for the local state stores (default: jobstream-streams/CLUSTER_ID"
          + " in the temporary directory, one per cluster). State built from another cluster is"
          + " discarded at start.")
  Path stateDir;

  @Option(names = "--application-id", paramLabel = "ID",
      description = "Kafka Streams application.id (default: " + StreamApp.DEFAULT_APPLICATION_ID + ").")
  String applicationId;

  @Option(names = "--query-port", defaultValue = "7071", paramLabel = "PORT",
      description = "Port of the read-only query API (GET /stats, /divergence); 0 turns it off"
          + " (default: ${DEFAULT-VALUE}).")
  int queryPort;

  @Option(names = "--query-host", defaultValue = "127.0.0.1", paramLabel = "HOST",
      description = "Address other instances reach this instance's query API at, its"
          + " application.server (default: ${DEFAULT-VALUE}).")
  String queryHost;

  @Option(names = "--query-bind", paramLabel = "HOST",
      description = "Address the query API listens on, e.g. 0.0.0.0 in a container (default: --query-host).")
  String queryBind;

  @Option(names = "--query-allowed-host", paramLabel = "NAME",
      description = "Host name the query API answers for when it listens on a non-loopback address"
          + " (repeatable; default: any). On a loopback address it answers only 127.0.0.1, localhost and [::1].")
  List<String> allowedHosts = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    if (!windows.isEmpty()) {
      WindowSpec.parseList(String.join(",", windows));
    }
    KafkaSettings settings = kafka.requireBootstrap();
    // every setting the topology reads is checked before anything talks to the cluster
    JobstreamTopology.build(config(settings, windows, Path.of("."), applicationId));
    Path dir = stateDir != null ? stateDir : StreamApp.defaultStateDir(settings.client());
    Properties config = config(settings, windows, dir, applicationId);
    if (queryPort < 0 || queryPort > 65535) {
      throw new IllegalArgumentException("--query-port must be between 0 and 65535");
    }
    if (queryPort > 0) {
      config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, queryHost + ":" + queryPort);
    }
    TopicSetup.ensureTopics(settings.client(), TopicSetup.partitions(settings));
    try (StreamApp app = StreamApp.start(config);
        io.jobstream.app.metrics.MetricsServer server = metrics.start(9402, app::healthProblem);
        QueryApi api = queryPort == 0 ? null : new QueryApi(app.streams(),
            new HostInfo(queryHost, queryPort),
            new InetSocketAddress(queryBind == null ? queryHost : queryBind, queryPort),
            QueryApi.Settings.DEFAULTS.withWindows(windowList(config)).withAllowedHosts(Set.copyOf(allowedHosts)))) {
      if (server != null) {
        bindStreamMeters(app, server.registry());
      }
      if (api != null) {
        io.jobstream.app.report.LivePage.serveOn(api, windowList(config),
            io.jobstream.app.report.LivePage.configuredPairs(DivergenceSettings.from(config)), null)
            .withScorecard(io.jobstream.app.report.ScorecardFeed.start(settings.client()).scorecard());
      }
      Runtime.getRuntime().addShutdownHook(new Thread(app::close, "stream-shutdown"));
      System.out.println("stream: running with windows "
          + config.getProperty(JobstreamConfig.WINDOWS_CONFIG)
          + (api == null ? "" : "; query API on http://" + queryHost + ":" + queryPort + "/stats, live page on http://"
              + queryHost + ":" + queryPort + "/")
          + ". Ctrl-C stops it.");
      while (true) {
        KafkaStreams.State state = app.state();
        if (state == KafkaStreams.State.ERROR) {
          System.err.println("stream: the streams app failed (see the log above)");
          return 1;
        }
        if (state == KafkaStreams.State.NOT_RUNNING) {
          return 0;
        }
        Thread.sleep(500);
      }
    }
  }

  private static List<String> windowList(Properties config) {
    return List.of(config.getProperty(JobstreamConfig.WINDOWS_CONFIG).split(",")).stream().map(String::trim).toList();
  }

  /**
   * The streams app's meters on {@code registry}: Kafka Streams' own (Micrometer's binder, consumer
   * lag included) and {@code jobstream.stream.running}, 1 while the app is RUNNING or REBALANCING.
   * The registry is expected to deny the in-memory stores' meters already
   * ({@link io.jobstream.app.metrics.MetricsServer#IN_MEMORY_STORE_METERS}).
   */
  public static void bindStreamMeters(StreamApp app, io.micrometer.core.instrument.MeterRegistry registry) {
    new io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics(app.streams()).bindTo(registry);
    io.micrometer.core.instrument.Gauge.builder("jobstream.stream.running", app, a -> a.state().isRunningOrRebalancing() ? 1 : 0)
        .description("1 while the streams app is running or rebalancing").register(registry);
    io.micrometer.core.instrument.Gauge.builder("jobstream.stream.stalled.partitions", app, StreamApp::stalledPartitions)
        .description("input partitions (raw, repartition, query-table sources) with records waiting and no"
            + " progress for jobstream.health.stall-timeout-ms").register(registry);
  }

  /** The streams config from the settings and options; invalid window specs are usage errors. */
  static Properties config(KafkaSettings settings, List<String> windows, Path stateDir, String applicationId) {
    Properties base = settings.client();
    base.putAll(settings.own());
    if (!windows.isEmpty()) {
      base.setProperty(JobstreamConfig.WINDOWS_CONFIG, String.join(",", windows));
    }
    base.putIfAbsent(JobstreamConfig.WINDOWS_CONFIG, JobstreamConfig.DEFAULT_WINDOWS);
    WindowSpec.parseList(base.getProperty(JobstreamConfig.WINDOWS_CONFIG));
    if (applicationId != null) {
      base.setProperty(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    }
    return StreamApp.streamsConfig(base, stateDir);
  }
}
