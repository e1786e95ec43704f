package io.jobstream.ingest.jsonld;

import io.jobstream.ingest.IngestMetrics;
import io.jobstream.ingest.http.FetchException;
import io.jobstream.ingest.http.FetchedPage;
import io.jobstream.ingest.http.PoliteFetcher;
import io.jobstream.ingest.publish.PostingSink;
import io.jobstream.ingest.state.CrawlState;
import io.jobstream.model.DeadLetter;
import io.jobstream.model.RawPosting;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.Deque;
import java.util.Map;
import java.util.List;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code jsonld:URL} connector: reads JobPostings from one posting page, from the posting
 * pages a listing page links to on the same site (following {@code rel=next} pagination), or from
 * the pages a sitemap or sitemap index lists.
 *
 * <p>Pages are fetched one at a time. Anything that cannot become a posting (a failed fetch,
 * invalid JSON-LD, a posting without a title) goes to the sink as a dead letter; the crawl goes
 * on.
 */
public final class JsonLdCrawler {

  private static final Logger LOG = LoggerFactory.getLogger(JsonLdCrawler.class);

  /** Default cap on pages fetched per crawl of one source. */
  public static final int DEFAULT_MAX_PAGES = 10_000;

  private final PoliteFetcher fetcher;
  private final JsonLdExtractor extractor = new JsonLdExtractor();
  private final PostingSink sink;
  private final int maxPages;
  private final Clock clock;
  private final CrawlState state;
  private final IngestMetrics metrics;

  public JsonLdCrawler(PoliteFetcher fetcher, PostingSink sink, int maxPages, Clock clock) {
    this(fetcher, sink, maxPages, clock, CrawlState.inMemory());
  }

  public JsonLdCrawler(PoliteFetcher fetcher, PostingSink sink, int maxPages, Clock clock, CrawlState state) {
    this(fetcher, sink, maxPages, clock, state, IngestMetrics.none());
  }

  /**
   * @param state HTTP validators of posting pages: a page fetched before is asked for with
   *     {@code If-None-Match} / {@code If-Modified-Since}, and a 304 publishes nothing. Listing
   *     pages and sitemaps are always fetched in full, since a posting can change while its
   *     listing does not.
   */
  public JsonLdCrawler(PoliteFetcher fetcher, PostingSink sink, int maxPages, Clock clock, CrawlState state,
      IngestMetrics metrics) {
    this.metrics = metrics;
    this.fetcher = fetcher;
    this.sink = sink;
    this.maxPages = maxPages;
    this.clock = clock;
    this.state = state;
  }

  /** Counts of one crawl. */
  public record Summary(int pages, int postings, int problems, int fetchErrors, int notModified) {}

  private enum Kind { START, SITEMAP, POSTING_PAGE, LISTING_PAGE }

  private record Target(URI uri, Kind kind) {}

  /** Crawls one source URL to the end and returns what it found. */
  public Summary crawl(URI start) throws InterruptedException {
    Deque<Target> queue = new ArrayDeque<>();
    Set<URI> seen = new HashSet<>();
    queue.add(new Target(start, Kind.START));
    seen.add(start);
    int pages = 0;
    int postings = 0;
    int problems = 0;
    int fetchErrors = 0;
    int notModified = 0;
    int submitted = 0;
    int inFlight = 0;
    // postings wait for the end of the crawl: only then is it known whether a site's identifiers
    // identify (one page each) or are a template stamped on many pages
    Map<String, List<Found>> found = new LinkedHashMap<>();
    // Fetches run on the fetcher's threads (politeness per host is the fetcher's job); pages are
    // handled here, one at a time, so the sink sees one caller.
    CompletionService<Fetched> done = new ExecutorCompletionService<>(fetcher.executor());
    while (!queue.isEmpty() || inFlight > 0) {
      while (!queue.isEmpty() && inFlight < fetcher.concurrency() && submitted < maxPages) {
        Target target = queue.poll();
        done.submit(() -> fetch(target));
        inFlight++;
        submitted++;
      }
      if (inFlight == 0) {
        break; // the page limit is reached
      }
      Fetched fetched;
      try {
        fetched = done.take().get();
      } catch (ExecutionException e) {
        throw new IllegalStateException("fetch task failed", e.getCause());
      }
      inFlight--;
      Target target = fetched.target();
      if (fetched.error() != null) {
        FetchException e = fetched.error();
        fetchErrors++;
        LOG.warn("fetch failed ({}): {}", e.reason(), e.getMessage());
        sink.reject(DeadLetter.of("ingest", "fetch_" + e.reason(), e.getMessage(),
            target.uri().toString(), null, null));
        continue;
      }
      FetchedPage page = fetched.page();
      pages++;
      if (page.notModified()) {
        notModified++;
        continue;
      }
      if (target.kind() == Kind.POSTING_PAGE) {
        state.validators(target.uri().toString(), new CrawlState.Validators(page.etag(), page.lastModified()));
      }
      if (target.kind() != Kind.POSTING_PAGE && page.looksLikeXml()) {
        enqueueSitemap(page, queue, seen);
        continue;
      }
      Extraction extraction = extractor.extract(page.uri(), page.text(), Instant.now(clock));
      for (RawPosting posting : extraction.postings()) {
        found.computeIfAbsent(hostOf(page.uri()), h -> new ArrayList<>()).add(new Found(posting, extraction.canonical()));
        postings++;
      }
      for (Extraction.Problem problem : extraction.problems()) {
        problems++;
        sink.reject(DeadLetter.of("ingest", problem.reason(), problem.detail(),
            page.uri().toString(), null, problem.excerpt()));
      }
      if (target.kind() == Kind.POSTING_PAGE && extraction.postings().isEmpty() && extraction.problems().isEmpty()) {
        // a posting page that gave nothing is reported with what it did carry, never dropped in silence
        problems++;
        String html = page.text();
        sink.reject(DeadLetter.of("ingest", "no_posting", "no JobPosting found on " + page.uri() + "; "
            + JsonLdExtractor.markupSeen(html), page.uri().toString(), null, html));
      }
      boolean listing = target.kind() == Kind.LISTING_PAGE
          || (target.kind() == Kind.START && extraction.postings().isEmpty()
              && extraction.problems().isEmpty());
      if (listing) {
        enqueueLinks(page, queue, seen);
      }
    }
    if (!queue.isEmpty()) {
      LOG.warn("stopped {} after {} pages (the per-source limit); {} pages not fetched",
          start, maxPages, queue.size());
    }
    found.forEach(this::publishSite);
    Summary summary = new Summary(pages, postings, problems, fetchErrors, notModified);
    LOG.info("crawled {}: {} pages ({} not modified), {} postings, {} problems, {} fetch errors",
        start, pages, notModified, postings, problems, fetchErrors);
    return summary;
  }

  /** A posting found on a page, with the page's canonical URL. */
  private record Found(RawPosting posting, URI canonical) {}

  /**
   * Publishes a site's postings, named by their identifiers where those identify, or by their
   * pages' canonical URLs once two different pages of the site carry the same identifier (in this
   * crawl or an earlier one, as the crawl state remembers), so that different postings never
   * share an id.
   */
  private void publishSite(String host, List<Found> postings) {
    if (!state.sharesIdentifiers(host)) {
      Map<String, Set<URI>> pagesById = new HashMap<>();
      for (Found f : postings) {
        if (f.posting().sourceId() != null) {
          pagesById.computeIfAbsent(f.posting().sourceId(), id -> new HashSet<>()).add(f.canonical());
        }
      }
      pagesById.entrySet().stream().filter(e -> e.getValue().size() > 1).findFirst().ifPresent(e -> {
        LOG.warn("{}: identifier '{}' is on {} different pages (e.g. {}); this site's postings are named by"
            + " their canonical URLs from now on", host, e.getKey(), e.getValue().size(), e.getValue().iterator().next());
        state.sharedIdentifiers(host);
        metrics.sharedIdentifiers();
      });
    }
    boolean byUrl = state.sharesIdentifiers(host);
    for (Found f : postings) {
      sink.publish(byUrl && f.posting().sourceId() != null
          ? JsonLdExtractor.withCanonicalId(f.posting(), f.canonical()) : f.posting());
    }
  }

  private static String hostOf(URI uri) {
    return uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
  }

  /** The outcome of one fetch: a page or the reason there is none. */
  private record Fetched(Target target, FetchedPage page, FetchException error) {}

  private Fetched fetch(Target target) throws InterruptedException {
    CrawlState.Validators known = target.kind() == Kind.POSTING_PAGE
        ? state.validators(target.uri().toString()) : null;
    try {
      FetchedPage page = known == null ? fetcher.fetch(target.uri())
          : fetcher.fetch(target.uri(), known.etag(), known.lastModified());
      return new Fetched(target, page, null);
    } catch (FetchException e) {
      return new Fetched(target, null, e);
    }
  }

  private static void enqueueSitemap(FetchedPage page, Deque<Target> queue, Set<URI> seen) {
    Document xml = Jsoup.parse(page.text(), page.uri().toString(), Parser.xmlParser());
    for (Element loc : xml.select("sitemap > loc")) {
      add(queue, seen, page.uri(), loc.text(), Kind.SITEMAP);
    }
    for (Element loc : xml.select("url > loc")) {
      add(queue, seen, page.uri(), loc.text(), Kind.POSTING_PAGE);
    }
  }

  private static void enqueueLinks(FetchedPage page, Deque<Target> queue, Set<URI> seen) {
    Document document = Jsoup.parse(page.text(), page.uri().toString());
    String host = page.uri().getHost();
    for (Element link : document.select("a[href]")) {
      String href = link.absUrl("href");
      if (href.isEmpty()) {
        continue;
      }
      URI uri;
      try {
        uri = stripFragment(URI.create(href));
      } catch (IllegalArgumentException e) {
        continue;
      }
      if (host == null || !host.equalsIgnoreCase(uri.getHost())) {
        continue;
      }
      boolean next = link.attr("rel").toLowerCase(Locale.ROOT).contains("next");
      add(queue, seen, page.uri(), uri.toString(), next ? Kind.LISTING_PAGE : Kind.POSTING_PAGE);
    }
  }

  private static void add(Deque<Target> queue, Set<URI> seen, URI base, String href, Kind kind) {
    try {
      URI uri = stripFragment(base.resolve(href.trim()));
      if (seen.add(uri)) {
        queue.add(new Target(uri, kind));
      }
    } catch (IllegalArgumentException e) {
      LOG.debug("skipping malformed link {} on {}", href, base);
    }
  }

  private static URI stripFragment(URI uri) {
    if (uri.getFragment() == null) {
      return uri;
    }
    return URI.create(uri.toString().substring(0, uri.toString().indexOf('#')));
  }
}
