package io.jobstream.ingest;

import io.jobstream.ingest.file.FileBackfill;
import io.jobstream.ingest.file.Progress;
import io.jobstream.ingest.http.PoliteFetcher;
import io.jobstream.ingest.jsonld.JsonLdCrawler;
import io.jobstream.ingest.publish.ChangeFilter;
import io.jobstream.ingest.publish.PostingSink;
import io.jobstream.ingest.publish.SizeLimitSink;
import io.jobstream.ingest.state.CrawlState;
import io.jobstream.model.DeadLetter;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.MonthDay;
import io.jobstream.ingest.api.JobBoardApi;
import io.jobstream.ingest.publish.SourceKeySink;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the sources: one pass over all of them, or passes repeated every {@code interval} until the
 * thread is interrupted. Postings go through a {@link ChangeFilter} over the {@link CrawlState},
 * so a posting is published only when it is new or changed since it was last published, also
 * across restarts. A source that fails (a missing file, an unknown layout) is reported and the
 * others still run.
 */
public final class Ingestor {

  private static final Logger LOG = LoggerFactory.getLogger(Ingestor.class);

  /**
   * Totals of a pass.
   *
   * @param truncated postings published reduced to fit their size budget (counted in
   *     {@code published} too)
   */
  public record PassSummary(int pages, long rows, long published, long unchanged, long rejected,
      int failedSources, long truncated) {}

  private final List<SourceSpec> sources;
  private final ChangeFilter sink;
  private final SizeLimitSink sized;
  private final JsonLdCrawler crawler;
  private final JobBoardApi apis;
  private final SourceKeySink keyed;
  private final IngestMetrics metrics;
  private final FileBackfill files;
  private final PrintStream progressOut;
  private final boolean terminal;

  /**
   * @param progressOut where backfill progress goes (null: none)
   * @param terminal whether {@code progressOut} is a terminal (progress rewritten in place)
   */
  public Ingestor(List<SourceSpec> sources, PoliteFetcher fetcher, PostingSink sink, int maxPages,
      CrawlState state, MonthDay surveyDay, PrintStream progressOut, boolean terminal) {
    this(sources, fetcher, sink, maxPages, state, surveyDay, progressOut, terminal, Map.of());
  }

  /**
   * @param apiSettings the API connectors' settings by full name ({@code ingest.greenhouse.base-url},
   *     ...), see {@link JobBoardApi}
   */
  public Ingestor(List<SourceSpec> sources, PoliteFetcher fetcher, PostingSink sink, int maxPages,
      CrawlState state, MonthDay surveyDay, PrintStream progressOut, boolean terminal,
      Map<String, String> apiSettings) {
    this(sources, fetcher, sink, maxPages, state, surveyDay, progressOut, terminal, apiSettings,
        IngestMetrics.none());
  }

  /** @param metrics where requests, postings and dead letters are counted */
  public Ingestor(List<SourceSpec> sources, PoliteFetcher fetcher, PostingSink sink, int maxPages,
      CrawlState state, MonthDay surveyDay, PrintStream progressOut, boolean terminal,
      Map<String, String> apiSettings, IngestMetrics metrics) {
    fetcher.withMetrics(metrics);
    this.sources = List.copyOf(sources);
    this.sink = new ChangeFilter(sink, state, metrics);
    // connectors hand postings to the size limit, which passes what fits to the change filter
    this.sized = new SizeLimitSink(this.sink, metrics);
    // a dead letter without a key takes the source being read as its key (the scorecard per source)
    this.keyed = new SourceKeySink(sized);
    this.metrics = metrics;
    this.crawler = new JsonLdCrawler(fetcher, keyed, maxPages, Clock.systemUTC(), state, metrics);
    this.apis = new JobBoardApi(fetcher, keyed, Clock.systemUTC(), state, apiSettings);
    this.files = new FileBackfill(keyed, Clock.systemUTC(), surveyDay);
    this.progressOut = progressOut;
    this.terminal = terminal;
  }

  /** An ingestor without persistent state or progress output. */
  public Ingestor(List<SourceSpec> sources, PoliteFetcher fetcher, PostingSink sink, int maxPages) {
    this(sources, fetcher, sink, maxPages, CrawlState.inMemory(), MonthDay.of(7, 1), null, false);
  }

  /** Runs every source once, flushes, saves the state, and returns the counts of this pass. */
  public PassSummary runOnce() throws InterruptedException {
    return run(sources);
  }

  private PassSummary run(List<SourceSpec> sources) throws InterruptedException {
    long published = sink.published();
    long unchanged = sink.unchanged();
    long rejected = sink.rejected();
    long truncated = sized.truncated();
    int pages = 0;
    long rows = 0;
    int failed = 0;
    for (SourceSpec source : sources) {
      String id = source.type() + ":" + source.target();
      keyed.reading(id);
      metrics.reading(source.type());
      try {
        long before = sink.published();
        if (source.isFile()) {
          rows += backfill(source);
        } else if (source.isApi()) {
          apis.read(source.type(), source.target());
          pages++;
        } else {
          pages += crawler.crawl(source.uri()).pages();
        }
        LOG.info("{}: {} postings published", source, sink.published() - before);
      } catch (IOException | IllegalArgumentException e) {
        failed++;
        LOG.error("source {} failed: {}", source, e.getMessage());
        sink.reject(DeadLetter.of("ingest", "source_failed", e.getMessage(), source.toString(), id, null));
      }
      sink.flush();
      keyed.reading(null);
      metrics.reading(null);
    }
    PassSummary summary = new PassSummary(pages, rows, sink.published() - published,
        sink.unchanged() - unchanged, sink.rejected() - rejected, failed, sized.truncated() - truncated);
    LOG.info("pass done: {} pages, {} rows, {} published ({} truncated to fit), {} unchanged, {} rejected,"
        + " {} sources failed", summary.pages(), summary.rows(), summary.published(), summary.truncated(),
        summary.unchanged(), summary.rejected(), failed);
    return summary;
  }

  private long backfill(SourceSpec source) throws IOException {
    Progress progress = new Progress(progressOut == null ? nullStream() : progressOut,
        source.toString(), FileBackfill.estimatedChars(source.path()), sink::published,
        sink::unchanged, sink::rejected, terminal);
    FileBackfill.Summary s = source.type().equals("csv")
        ? files.csv(source.path(), progress)
        : files.jsonLines(source.path(), progress);
    if (progressOut != null) {
      progress.done(String.format("%s, %,d rows, %,d postings read, %,d rows rejected",
          s.layout(), s.rows(), s.postings(), s.rejected()));
    }
    return s.rows();
  }

  private static PrintStream nullStream() {
    return new PrintStream(java.io.OutputStream.nullOutputStream());
  }

  /**
   * Polls each source on its own interval (its {@code @INTERVAL}, else {@code interval}) until
   * interrupted: every source once at the start, then each whenever it is due.
   */
  public void runContinuously(Duration interval) throws InterruptedException {
    runContinuously(interval, () -> { });
  }

  /** As {@link #runContinuously(Duration)}, calling {@code afterFirstPass} once every source ran once. */
  public void runContinuously(Duration interval, Runnable afterFirstPass) throws InterruptedException {
    boolean first = true;
    Map<SourceSpec, Long> due = new java.util.LinkedHashMap<>();
    long now = System.nanoTime();
    sources.forEach(s -> due.put(s, now));
    while (!Thread.currentThread().isInterrupted()) {
      long t = System.nanoTime();
      List<SourceSpec> ready = due.entrySet().stream().filter(e -> e.getValue() <= t).map(Map.Entry::getKey).toList();
      if (!ready.isEmpty()) {
        run(ready);
        if (first) {
          afterFirstPass.run();
          first = false;
        }
        long after = System.nanoTime();
        ready.forEach(s -> due.put(s, after + (s.every() != null ? s.every() : interval).toNanos()));
      }
      long next = due.values().stream().mapToLong(Long::longValue).min().orElse(t);
      long sleepNanos = next - System.nanoTime();
      if (sleepNanos > 0) {
        Thread.sleep(Math.max(1, sleepNanos / 1_000_000));
      }
    }
  }
}
