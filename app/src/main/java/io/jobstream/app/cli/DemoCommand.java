package io.jobstream.app.cli;

import io.jobstream.aggregate.StreamApp;
import io.jobstream.app.KafkaSettings;
import io.jobstream.app.TopicSetup;
import io.jobstream.app.monitor.AggregateMonitor;
import io.jobstream.app.broker.EmbeddedKafkaBroker;
import io.jobstream.app.demo.DemoJobBoard;
import io.jobstream.app.demo.StatsReader;
import io.jobstream.app.demo.StatsView;
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
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run the whole pipeline on one machine: an embedded Kafka broker, a job board on"
        + " loopback serving real postings, ingest and the streams app, and print the rolling"
        + " salary statistics per role family as they arrive.")
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

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Directory for the broker and the state stores (default: a new temporary"
          + " directory, deleted at the end).")
  Path dataDir;

  @Option(names = "--window", defaultValue = "30d/1d", paramLabel = "SPEC",
      description = "Window spec of the statistics (default: ${DEFAULT-VALUE}).")
  String window;

  @Override
  public Integer call() throws Exception {
    long start = System.nanoTime();
    PrintWriter out = spec.commandLine().getOut();
    KafkaSettings settings = kafka.settings();
    boolean temporary = dataDir == null;
    Path dir = temporary ? Files.createTempDirectory("jobstream-demo-") : dataDir;
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
      try (DemoJobBoard board = DemoJobBoard.start(0);
          StreamApp app = StreamApp.start(StreamCommand.config(settings, List.of(window),
              dir.resolve("streams"), "jobstream-demo"));
          io.jobstream.app.metrics.MetricsServer server = metrics.start(9400, app::healthProblem);
          KafkaPostingSink sink = new KafkaPostingSink(settings.client());
          StatsReader reader = new StatsReader(settings.client())) {
        out.printf("job board serving %d real postings at %s%n", board.postingCount(), board.listingUri());
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
        Thread ingest = startIngest(board, sink, out);
        try {
          run(reader, app, out, start, stop);
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

  private static Thread startIngest(DemoJobBoard board, KafkaPostingSink sink, PrintWriter out) {
    PageFetcher fetcher = new PageFetcher(new AddressGuard(Set.of("127.0.0.1")),
        IngestCommand.userAgent("https://github.com/jobstream/jobstream"),
        PageFetcher.DEFAULT_MAX_BODY_BYTES, PageFetcher.DEFAULT_TIMEOUT);
    // the board is the demo's own, on loopback: no pause between requests
    Ingestor ingestor = new Ingestor(List.of(SourceSpec.parse("jsonld:" + board.listingUri())),
        new PoliteFetcher(fetcher, Duration.ZERO).withConcurrency(4, 4), sink, JsonLdCrawler.DEFAULT_MAX_PAGES,
        io.jobstream.ingest.state.CrawlState.inMemory(), java.time.MonthDay.of(7, 1), null, false,
        java.util.Map.of(), new io.jobstream.ingest.IngestMetrics(io.micrometer.core.instrument.Metrics.globalRegistry));
    Thread thread = new Thread(() -> {
      try {
        Ingestor.PassSummary s = ingestor.runOnce();
        out.printf("ingest: %d pages fetched, %d postings published, %d rejected%n",
            s.pages(), s.published(), s.rejected());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        out.println("ingest failed: " + e.getMessage());
      }
    }, "demo-ingest");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private void run(StatsReader reader, StreamApp app, PrintWriter out, long start,
      CountDownLatch stop) throws InterruptedException {
    StatsView view = new StatsView(window);
    boolean interactive = System.console() != null;
    String shown = "";
    boolean first = true;
    long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
    long nextRender = 0;
    while (stop.getCount() > 0 && System.nanoTime() < deadline) {
      if (app.state() == org.apache.kafka.streams.KafkaStreams.State.ERROR) {
        throw new IllegalStateException("the streams app failed (see the log above)");
      }
      reader.poll(Duration.ofMillis(250), view::update);
      if (System.nanoTime() < nextRender) {
        continue;
      }
      nextRender = System.nanoTime() + Duration.ofSeconds(2).toNanos();
      String table = view.render();
      if (table.equals(shown)) {
        continue;
      }
      if (first && !view.currentRows().isEmpty()) {
        out.printf("first statistics after %.1f s%n", seconds(start));
        first = false;
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
