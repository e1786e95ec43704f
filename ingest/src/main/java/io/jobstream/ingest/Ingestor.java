package io.jobstream.ingest;

import io.jobstream.ingest.http.PageFetcher;
import io.jobstream.ingest.jsonld.JsonLdCrawler;
import io.jobstream.ingest.publish.ChangeFilter;
import io.jobstream.ingest.publish.PostingSink;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the sources: one pass over all of them, or passes repeated every {@code interval} until the
 * thread is interrupted. Postings go through a {@link ChangeFilter}, so a posting is published
 * only when it is new or changed since the last pass of this process.
 */
public final class Ingestor {

  private static final Logger LOG = LoggerFactory.getLogger(Ingestor.class);

  /** Totals of a pass. */
  public record PassSummary(int pages, long published, long unchanged, long rejected) {}

  private final List<SourceSpec> sources;
  private final ChangeFilter sink;
  private final JsonLdCrawler crawler;

  public Ingestor(List<SourceSpec> sources, PageFetcher fetcher, PostingSink sink, int maxPages) {
    this.sources = List.copyOf(sources);
    this.sink = new ChangeFilter(sink);
    this.crawler = new JsonLdCrawler(fetcher, this.sink, maxPages, Clock.systemUTC());
  }

  /** Crawls every source once, flushes, and returns the counts of this pass. */
  public PassSummary runOnce() throws InterruptedException {
    long published = sink.published();
    long unchanged = sink.unchanged();
    long rejected = sink.rejected();
    int pages = 0;
    for (SourceSpec source : sources) {
      pages += crawler.crawl(source.uri()).pages();
    }
    sink.flush();
    PassSummary summary = new PassSummary(pages, sink.published() - published,
        sink.unchanged() - unchanged, sink.rejected() - rejected);
    LOG.info("pass done: {} pages, {} published, {} unchanged, {} rejected", summary.pages(),
        summary.published(), summary.unchanged(), summary.rejected());
    return summary;
  }

  /** Runs passes every {@code interval} until interrupted. */
  public void runContinuously(Duration interval) throws InterruptedException {
    while (!Thread.currentThread().isInterrupted()) {
      runOnce();
      Thread.sleep(interval.toMillis());
    }
  }
}
