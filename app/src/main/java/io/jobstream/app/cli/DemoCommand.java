package io.jobstream.app.cli;

import io.jobstream.aggregate.StreamApp;
import io.jobstream.app.KafkaSettings;
import io.jobstream.app.TopicSetup;
import io.jobstream.app.monitor.AggregateMonitor;
import io.jobstream.app.broker.EmbeddedKafkaBroker;
import io.jobstream.app.data.DataFetcher;
import io.jobstream.app.demo.DemoJobBoard;
import io.jobstream.app.demo.GeneratedMarket;
import io.jobstream.aggregate.DivergenceSettings;
import io.jobstream.aggregate.QueryApi;
import io.jobstream.app.demo.GapView;
import io.jobstream.app.demo.StatsView;
import io.jobstream.app.demo.TopicTail;
import io.jobstream.app.report.LivePage;
import io.jobstream.model.SalaryDivergence;
import io.jobstream.model.SalaryStats;
import io.jobstream.model.Topics;
import io.jobstream.model.data.DataDirectory;
import io.jobstream.model.data.DataSet;
import io.jobstream.model.data.MissingDataSetException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import io.jobstream.ingest.Ingestor;
import io.jobstream.ingest.SourceSpec;
import io.jobstream.ingest.http.AddressGuard;
import io.jobstream.ingest.http.PageFetcher;
import io.jobstream.ingest.http.PoliteFetcher;
import io.jobstream.ingest.jsonld.JsonLdCrawler;
import io.jobstream.ingest.publish.KafkaPostingSink;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run the whole pipeline on one machine: an embedded Kafka broker, a job board on"
        + " loopback serving generated postings, the ai-jobs.net salary survey from the data directory"
        + " replayed beside it (generated survey rows when it is not there), ingest and the streams app;"
        + " print the salary statistics per role family and the ML engineer / data scientist pay gap as"
        + " they arrive, and serve them as a live page.")
public final class DemoCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  KafkaOptions kafka;

  @Mixin
  MetricsOptions metrics;

  @Option(names = "--duration", converter = DurationConverter.class, paramLabel = "DURATION",
      description = "Stop after this long, e.g. 60s (default: run until Ctrl-C).")
  Duration duration;

  @Option(names = "--until-replayed",
      description = "Stop once the ingest pass has ended and the statistics and gaps have not changed for "
          + "10 s (a run that ends by itself, for scripts and tests); --duration still bounds it.")
  boolean untilReplayed;

  /** How long the outputs stay unchanged after the ingest pass before {@code --until-replayed} stops. */
  static final Duration SETTLED = Duration.ofSeconds(10);

  @Option(names = "--work-dir", paramLabel = "DIR",
      description = "Directory for the broker and the state stores (default: a new temporary"
          + " directory, deleted at the end).")
  Path workDir;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "The data directory, where the demo looks for the salary survey (default: $"
          + DataDirectory.ENVIRONMENT_VARIABLE + ", else the user's data directory).")
  Path dataDir;

  @Option(names = "--no-fetch",
      description = "Do not try to download the salary survey when the data directory lacks it: run on the"
          + " generated market at once.")
  boolean noFetch;

  @Option(names = "--window", defaultValue = "year", paramLabel = "SPEC",
      description = "Window spec of the statistics (default: ${DEFAULT-VALUE}).")
  String window;

  @Option(names = "--query-port", defaultValue = "7070", paramLabel = "PORT",
      description = "Port of the query API and the live page on 127.0.0.1; 0 picks a free port"
          + " (default: ${DEFAULT-VALUE}).")
  int queryPort;

  /** How the console and the live page mark figures of the generated market. */
  static final String GENERATED_LABEL = "generated market (not real data)";

  private static final String LIVE_PAGE_LABEL = "Generated market: these figures are not real data. The demo"
      + " found no salary survey in the data directory, so every posting, company and figure here is made up"
      + " by jobstream. With the survey (jobstream data fetch ai-jobs-salaries) the page shows its figures.";

  @Override
  public Integer call() throws Exception {
    long start = System.nanoTime();
    PrintWriter out = spec.commandLine().getOut();
    if (queryPort < 0 || queryPort > 65535) {
      throw new IllegalArgumentException("--query-port must be between 0 and 65535");
    }
    int port = queryPort == 0 ? freePort() : checkFree(queryPort);
    KafkaSettings settings = kafka.settings();
    boolean temporary = workDir == null;
    Path dir = temporary ? Files.createTempDirectory("jobstream-demo-") : workDir;
    DataDirectory data = DataDirectory.resolve(dataDir);
    Optional<Path> realSurvey = data.has(DataSet.SALARY_SURVEY) ? Optional.of(data.path(DataSet.SALARY_SURVEY))
        : noFetch ? Optional.empty() : fetchSurvey(data, out);
    boolean generated = realSurvey.isEmpty();
    if (generated) {
      out.println("jobstream demo on a " + GENERATED_LABEL + ": every posting, company and figure below is"
          + " made up by jobstream.");
      out.println(new MissingDataSetException(DataSet.SALARY_SURVEY, data).getMessage()
          + " (then the demo shows the survey's figures)");
    } else {
      out.printf("jobstream demo on the %s (%s, %s) from %s%n", DataSet.SALARY_SURVEY.attribution(),
          DataSet.SALARY_SURVEY.publisher(), DataSet.SALARY_SURVEY.licence(), data.describe());
    }
    CountDownLatch stop = new CountDownLatch(1);
    Thread hook = new Thread(stop::countDown, "demo-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    EmbeddedKafkaBroker broker = null;
    try {
      if (!settings.hasBootstrapServers()) {
        out.println("starting the embedded Kafka broker ...");
        broker = new EmbeddedKafkaBroker(dir.resolve("broker"), 0).start(Duration.ofSeconds(60));
        settings = settings.withBootstrapServers(broker.bootstrapServers());
        out.printf("broker ready on %s after %.1f s%n", broker.bootstrapServers(), seconds(start));
      }
      TopicSetup.ensureTopics(settings.client(), TopicSetup.partitions(settings));
      java.util.Properties config = StreamCommand.config(settings, List.of(window), dir.resolve("streams"), "jobstream-demo");
      config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, "127.0.0.1:" + port);
      Files.createDirectories(dir);
      Path survey = realSurvey.orElseGet(() -> GeneratedMarket.demo()
          .writeSurvey(dir.resolve("generated-salary-survey.csv"), GeneratedMarket.DEFAULT_SURVEY_ROWS));
      // the generated job board only beside generated survey rows: its made-up postings never mix
      // into the figures of the real survey
      try (DemoJobBoard board = generated ? DemoJobBoard.start(0) : null;
          StreamApp app = StreamApp.start(config);
          QueryApi api = new QueryApi(app.streams(), new HostInfo("127.0.0.1", port), new InetSocketAddress("127.0.0.1", port),
              QueryApi.Settings.DEFAULTS.withWindows(List.of(window)));
          io.jobstream.app.metrics.MetricsServer server = metrics.start(9400, app::healthProblem);
          KafkaPostingSink sink = new KafkaPostingSink(settings.client());
          TopicTail<SalaryStats> stats = new TopicTail<>(settings.client(), Topics.STATS);
          TopicTail<SalaryDivergence> gaps = new TopicTail<>(settings.client(), Topics.DIVERGENCE);
          io.jobstream.app.report.ScorecardFeed scorecardFeed =
              io.jobstream.app.report.ScorecardFeed.start(settings.client())) {
        URI apiUri = URI.create("http://127.0.0.1:" + port + "/");
        LivePage.serveOn(api, List.of(window), LivePage.configuredPairs(DivergenceSettings.from(config)),
            generated ? LIVE_PAGE_LABEL : null).withScorecard(scorecardFeed.scorecard());
        if (generated) {
          out.printf("job board serving %d generated postings at %s; replaying %d generated survey rows beside it%n",
              board.postingCount(), board.listingUri(), GeneratedMarket.DEFAULT_SURVEY_ROWS);
        } else {
          out.printf("replaying the salary survey (%s)%n", survey);
        }
        out.printf("live page: %s (charts of the gap, pay, emphasis and official figures, updated as they change)%n", apiUri);
        AggregateMonitor monitor = null;
        if (server != null) {
          StreamCommand.bindStreamMeters(app, server.registry());
          // the market gauges of `jobstream monitor`, on the demo's own /metrics
          monitor = new AggregateMonitor(settings.client(), "jobstream-demo-monitor", server.registry());
          Thread gauges = new Thread(monitor::run, "demo-monitor");
          gauges.setDaemon(true);
          gauges.start();
          out.printf("metrics on http://%s:%d/metrics, health on /health%n", metrics.host, server.port());
        }
        AtomicBoolean ingested = new AtomicBoolean();
        Thread ingest = startIngest(board, survey, sink, out, ingested);
        try {
          run(stats, gaps, app, out, start, stop, generated ? GENERATED_LABEL : null, ingested);
        } finally {
          ingest.interrupt();
          if (monitor != null) {
            monitor.close();
          }
        }
      }
    } finally {
      if (broker != null) {
        broker.close();
      }
      if (temporary) {
        deleteRecursively(dir);
      }
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException alreadyShuttingDown) {
        // the JVM is stopping because of Ctrl-C; the hook has run
      }
    }
    return 0;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static int checkFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalArgumentException("--query-port " + port + " is in use on 127.0.0.1 (" + e.getMessage()
          + "); give another port, or 0 for a free one");
    }
  }

  /**
   * Fetches the salary survey into the data directory when it is missing; empty when it cannot be
   * had (no network, no download, a read-only directory), and the demo then runs on the generated
   * market alone.
   */
  Optional<Path> fetchSurvey(DataDirectory dir, PrintWriter out) {
    out.printf("the salary survey is not in the data directory %s; trying to download it (%s) ...%n",
        dir.describe(), DataSet.SALARY_SURVEY.downloadUrl().orElse("no download"));
    out.flush();
    try {
      // short timeouts: without a network the demo goes on with the generated market at once
      Path file = new DataFetcher().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(90))
          .withRetries(2, Duration.ofSeconds(1), Duration.ofSeconds(5)).withProgress(new PrintWriter(System.err, true))
          .fetch(DataSet.SALARY_SURVEY, dir);
      out.printf("downloaded the salary survey to %s%n", file);
      return Optional.of(file);
    } catch (IOException | RuntimeException e) {
      out.println("no download (" + e.getMessage() + ")");
      return Optional.empty();
    }
  }

  private static final String STOPPED_WITH_THE_DEMO = "ingest stopped with the demo after %.1f s, before its pass ended%n";

  /** Ingest of the survey file, and of the board when there is one (null: none). */
  private static Thread startIngest(DemoJobBoard board, Path survey, KafkaPostingSink sink, PrintWriter out,
      AtomicBoolean ended) {
    PageFetcher fetcher = new PageFetcher(new AddressGuard(Set.of("127.0.0.1")),
        IngestCommand.userAgent("https://github.com/jobstream/jobstream"),
        PageFetcher.DEFAULT_MAX_BODY_BYTES, PageFetcher.DEFAULT_TIMEOUT);
    // the board is the demo's own, on loopback: no pause between requests
    List<SourceSpec> sources = board == null ? List.of(SourceSpec.parse("csv:" + survey))
        : List.of(SourceSpec.parse("jsonld:" + board.listingUri()), SourceSpec.parse("csv:" + survey));
    Ingestor ingestor = new Ingestor(sources,
        new PoliteFetcher(fetcher, Duration.ZERO).withConcurrency(4, 4), sink, JsonLdCrawler.DEFAULT_MAX_PAGES,
        io.jobstream.ingest.state.CrawlState.inMemory(), java.time.MonthDay.of(7, 1), null, false,
        java.util.Map.of(), new io.jobstream.ingest.IngestMetrics(io.micrometer.core.instrument.Metrics.globalRegistry));
    Thread thread = new Thread(() -> {
      long start = System.nanoTime();
      try {
        Ingestor.PassSummary s = ingestor.runOnce();
        out.printf("ingest: %d pages fetched, %d postings published, %d rejected (%.1f s)%n",
            s.pages(), s.published(), s.rejected(), seconds(start));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        out.printf(STOPPED_WITH_THE_DEMO, seconds(start));
      } catch (RuntimeException e) {
        // the producer turns an interrupted flush into a KafkaException: the demo ended, not the ingest
        if (Thread.currentThread().isInterrupted()) {
          out.printf(STOPPED_WITH_THE_DEMO, seconds(start));
        } else {
          out.println("ingest failed: " + e.getMessage());
        }
      } finally {
        ended.set(true);
      }
    }, "demo-ingest");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private void run(TopicTail<SalaryStats> stats, TopicTail<SalaryDivergence> gaps, StreamApp app, PrintWriter out,
      long start, CountDownLatch stop, String label, AtomicBoolean ingested)
      throws InterruptedException {
    StatsView view = new StatsView(window, label);
    GapView gapView = new GapView("ml_engineer", "data_scientist", window, label);
    boolean firstGap = true;
    boolean interactive = System.console() != null;
    String shown = "";
    boolean first = true;
    long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
    long nextRender = 0;
    long lastChange = System.nanoTime();
    while (stop.getCount() > 0 && System.nanoTime() < deadline) {
      if (app.state() == org.apache.kafka.streams.KafkaStreams.State.ERROR) {
        throw new IllegalStateException("the streams app failed (see the log above)");
      }
      int received = stats.poll(Duration.ofMillis(200), view::update);
      received += gaps.poll(Duration.ofMillis(50), gapView::update);
      if (received > 0) {
        lastChange = System.nanoTime();
      }
      // statistics are shown, and the last render came after the last change: what is shown is
      // the settled state
      if (untilReplayed && ingested.get() && !first
          && System.nanoTime() - lastChange > SETTLED.toNanos()) {
        out.printf("replay ingested and statistics settled after %.1f s%n", seconds(start));
        break;
      }
      if (System.nanoTime() < nextRender) {
        continue;
      }
      nextRender = System.nanoTime() + Duration.ofSeconds(2).toNanos();
      String table = view.render() + System.lineSeparator() + gapView.render();
      if (table.equals(shown)) {
        continue;
      }
      if (first && !view.currentRows().isEmpty()) {
        out.printf("first statistics after %.1f s%n", seconds(start));
        first = false;
      }
      if (firstGap && !gapView.isEmpty()) {
        out.printf("first ml_engineer / data_scientist gap after %.1f s%n", seconds(start));
        firstGap = false;
      }
      if (interactive) {
        out.print("\033[H\033[2J");
      }
      out.println(table);
      out.println(duration == null ? "(Ctrl-C stops the demo)" : "");
      out.flush();
      shown = table;
    }
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
        Files.delete(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
