package io.jobstream.ingest.http;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link PageFetcher} that behaves as site owners expect: it reads each site's robots.txt
 * (RFC 9309, parsed by crawler-commons for the agent {@code jobstream}) and fetches nothing the
 * site disallows, and it waits between requests to one host at least the configured floor, or the
 * site's {@code Crawl-delay} when that is longer.
 *
 * <p>robots.txt answers: 2xx is parsed; 4xx means everything is allowed; 5xx or a network failure
 * means nothing is allowed for now. Rules are cached per scheme, host and port for at most
 * {@code robotsTtl} (24 h by default), failures for a tenth of that.
 */
public final class PoliteFetcher {

  private static final Logger LOG = LoggerFactory.getLogger(PoliteFetcher.class);

  /** Default pause between two requests to one host (1 s). */
  public static final Duration DEFAULT_MIN_DELAY = Duration.ofSeconds(1);

  /** Longest a robots.txt is trusted (24 h). */
  public static final Duration DEFAULT_ROBOTS_TTL = Duration.ofHours(24);

  /**
   * A site's robots.txt rules until {@code expiresNanos}; {@code unavailable} is why its robots.txt
   * could not be read (then nothing is fetched from the site until it expires), else null.
   */
  private record Rules(BaseRobotRules rules, long expiresNanos, FetchException unavailable) {}

  private final PageFetcher fetcher;
  private final Duration minDelay;
  private final Duration robotsTtl;
  private final PageFetcher.Sleeper sleeper;
  private final Map<String, Rules> robots = new ConcurrentHashMap<>();
  private final Map<String, Long> nextRequestNanos = new ConcurrentHashMap<>();
  private final Map<String, java.util.concurrent.Semaphore> hostSlots = new ConcurrentHashMap<>();
  private final Map<String, Object> robotsLocks = new ConcurrentHashMap<>();
  private int perHost = 1;
  private int concurrency = 1;
  private java.util.concurrent.ExecutorService executor;
  private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
  private io.jobstream.ingest.IngestMetrics metrics = io.jobstream.ingest.IngestMetrics.none();

  /**
   * Allows {@code concurrency} requests in flight overall (default 1) and {@code perHost} to one
   * host (default 1); the pause between requests to a host still applies.
   */
  public PoliteFetcher withConcurrency(int concurrency, int perHost) {
    if (concurrency < 1 || perHost < 1) {
      throw new IllegalArgumentException("concurrency limits must be at least 1");
    }
    this.concurrency = concurrency;
    this.perHost = perHost;
    return this;
  }

  /** Most requests in flight overall. */
  public int concurrency() {
    return concurrency;
  }

  /** The threads that run fetches, {@link #concurrency()} of them, daemons, created on first use. */
  public synchronized java.util.concurrent.ExecutorService executor() {
    if (executor == null) {
      executor = java.util.concurrent.Executors.newFixedThreadPool(concurrency, r -> {
        Thread t = new Thread(r, "jobstream-fetch");
        t.setDaemon(true);
        return t;
      });
    }
    return executor;
  }

  /** Records requests, outcomes, bytes and durations in {@code metrics}. */
  public PoliteFetcher withMetrics(io.jobstream.ingest.IngestMetrics metrics) {
    this.metrics = metrics;
    return this;
  }

  public PoliteFetcher(PageFetcher fetcher, Duration minDelay) {
    this(fetcher, minDelay, DEFAULT_ROBOTS_TTL, d -> Thread.sleep(d.toMillis()));
  }

  public PoliteFetcher(PageFetcher fetcher, Duration minDelay, Duration robotsTtl, PageFetcher.Sleeper sleeper) {
    this.fetcher = fetcher;
    this.minDelay = minDelay;
    this.robotsTtl = robotsTtl;
    this.sleeper = sleeper;
  }

  public FetchedPage fetch(URI uri) throws FetchException, InterruptedException {
    return fetch(uri, null, null);
  }

  /** Fetches {@code uri} if robots.txt allows it, after the host's pause. */
  public FetchedPage fetch(URI uri, String etag, String lastModified) throws FetchException, InterruptedException {
    return fetch(FetchRequest.get(uri).conditional(etag, lastModified));
  }

  /** Sends {@code request} if robots.txt allows its address, after the host's pause. */
  public FetchedPage fetch(FetchRequest request) throws FetchException, InterruptedException {
    URI uri = request.uri();
    long start = System.nanoTime();
    try {
      Rules site = rules(uri);
      if (site.unavailable() != null) {
        // not a refusal: the site did not answer for its robots.txt (no such host, no connection,
        // a server error), which a report must not call "blocked"
        FetchException cause = site.unavailable();
        throw new FetchException("robots_unavailable", "robots.txt of " + uri.getHost() + " unavailable ("
            + cause.getMessage() + "); not fetching " + uri, cause.status());
      }
      BaseRobotRules rules = site.rules();
      if (!rules.isAllowed(uri.toString())) {
        throw new FetchException("robots_denied", "robots.txt of " + uri.getHost() + " disallows " + uri);
      }
      long crawlDelay = rules.getCrawlDelay() == BaseRobotRules.UNSET_CRAWL_DELAY ? 0 : rules.getCrawlDelay();
      java.util.concurrent.Semaphore slots = hostSlots.computeIfAbsent(origin(uri),
          h -> new java.util.concurrent.Semaphore(perHost));
      slots.acquire();
      FetchedPage page;
      try {
        pause(uri, Duration.ofMillis(Math.max(minDelay.toMillis(), crawlDelay)));
        start = System.nanoTime();
        page = fetcher.fetch(request, metrics::retry);
      } finally {
        slots.release();
      }
      metrics.request(page.notModified() ? "not_modified" : "ok", Duration.ofNanos(System.nanoTime() - start),
          page.body().length);
      return page;
    } catch (FetchException e) {
      metrics.failure(e.reason(), e.status(), e.getMessage(), Duration.ofNanos(System.nanoTime() - start));
      throw e;
    }
  }

  /** Reserves the host's next request slot (atomically) and waits for it. */
  private void pause(URI uri, Duration delay) throws InterruptedException {
    long now = System.nanoTime();
    long[] slot = new long[1];
    nextRequestNanos.compute(origin(uri), (host, next) -> {
      slot[0] = next == null ? now : Math.max(now, next);
      return slot[0] + delay.toNanos();
    });
    if (slot[0] > now) {
      sleeper.sleep(Duration.ofNanos(slot[0] - now));
    }
  }

  private Rules rules(URI uri) throws FetchException, InterruptedException {
    synchronized (robotsLocks.computeIfAbsent(origin(uri), o -> new Object())) {
      return rulesLocked(uri);
    }
  }

  private Rules rulesLocked(URI uri) throws FetchException, InterruptedException {
    String origin = origin(uri);
    Rules cached = robots.get(origin);
    long now = System.nanoTime();
    if (cached != null && cached.expiresNanos() > now) {
      return cached;
    }
    URI robotsUri = URI.create(origin + "/robots.txt");
    BaseRobotRules rules;
    FetchException unavailable = null;
    long ttl = robotsTtl.toNanos();
    try {
      pause(robotsUri, minDelay);
      FetchedPage page = fetcher.fetch(robotsUri);
      rules = parser.parseContent(robotsUri.toString(), page.body(), "text/plain", List.of("jobstream"));
    } catch (FetchException e) {
      if (e.reason().equals("blocked_address") || e.reason().equals("bad_scheme")) {
        throw e; // the site itself may not be fetched: say so, not "robots"
      }
      if (e.status() >= 400 && e.status() < 500) {
        rules = new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
      } else {
        LOG.warn("robots.txt of {} unavailable ({}); not fetching from it for now", origin, e.getMessage());
        rules = new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE);
        unavailable = e;
        ttl /= 10;
      }
    }
    Rules site = new Rules(rules, now + ttl, unavailable);
    robots.put(origin, site);
    return site;
  }

  private static String origin(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (port < 0 ? "" : ":" + port);
  }
}
