package io.jobstream.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobstream.ingest.http.FetchException;
import io.jobstream.ingest.http.FetchRequest;
import io.jobstream.ingest.http.FetchedPage;
import io.jobstream.ingest.http.PoliteFetcher;
import io.jobstream.ingest.jsonld.JsonLdExtractor;
import io.jobstream.ingest.publish.PostingSink;
import io.jobstream.ingest.state.CrawlState;
import io.jobstream.model.DeadLetter;
import io.jobstream.model.JsonSerde;
import io.jobstream.model.RawPosting;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

/**
 * What a connector reads one target with: polite fetching with the validators of earlier answers
 * (an unchanged answer is not read again), the sink that takes postings and dead letters, the
 * clock, and the connector's settings. Every failure here becomes a dead letter with its reason;
 * none is thrown.
 */
public final class ApiContext {

  private final String type;
  private final String base;
  private final PoliteFetcher fetcher;
  private final PostingSink sink;
  private final Clock clock;
  private final CrawlState state;
  private final Map<String, String> settings;

  /**
   * @param base the API's base URL for this read, without a trailing slash
   * @param settings {@code ingest.TYPE.NAME} settings by full name
   */
  public ApiContext(String type, String base, PoliteFetcher fetcher, PostingSink sink, Clock clock,
      CrawlState state, Map<String, String> settings) {
    this.type = type;
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.fetcher = fetcher;
    this.sink = sink;
    this.clock = clock;
    this.state = state;
    this.settings = settings;
  }

  public String type() {
    return type;
  }

  /** The base URL, with {@code {target}} (or {@code {company}}) replaced by the encoded target. */
  public String base(String target) {
    String t = encode(target);
    return base.replace("{target}", t).replace("{company}", t);
  }

  /** {@code text} encoded for a URL path segment or query value. */
  public static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The setting {@code ingest.TYPE.name}, or null. */
  public String setting(String name) {
    return settings.get("ingest." + type + "." + name);
  }

  public Instant now() {
    return Instant.now(clock);
  }

  /** GETs {@code url} as JSON; null when unchanged since the last read or when it failed (dead-lettered). */
  public JsonNode fetchJson(String url) throws InterruptedException {
    return fetchJson(FetchRequest.get(URI.create(url)));
  }

  /** Sends {@code request} and reads the answer as JSON; null when unchanged or failed (dead-lettered). */
  public JsonNode fetchJson(FetchRequest request) throws InterruptedException {
    return fetchJson(request, null);
  }

  /**
   * As {@link #fetchJson(FetchRequest)} for one posting's own answer (a detail): a failure's dead
   * letter is keyed by {@code postingId}.
   */
  public JsonNode fetchJson(FetchRequest request, String postingId) throws InterruptedException {
    FetchedPage page = fetch(request, postingId);
    if (page == null) {
      return null;
    }
    try {
      return JsonSerde.MAPPER.readTree(page.body());
    } catch (IOException e) {
      reject("api_error", type + " response is not JSON: " + e.getMessage(), request.uri().toString(), postingId,
          page.text());
      return null;
    }
  }

  /**
   * Sends {@code request}, conditionally when it is a GET answered before; null when unchanged or
   * failed (a failure is dead-lettered as {@code fetch_REASON}).
   */
  public FetchedPage fetch(FetchRequest request) throws InterruptedException {
    return fetch(request, null);
  }

  /** As {@link #fetch(FetchRequest)}, a failure's dead letter keyed by {@code postingId} (may be null). */
  public FetchedPage fetch(FetchRequest request, String postingId) throws InterruptedException {
    String url = request.uri().toString();
    boolean get = request.method().equals("GET");
    CrawlState.Validators known = get ? state.validators(url) : null;
    FetchedPage page;
    try {
      page = fetcher.fetch(known == null ? request : request.conditional(known.etag(), known.lastModified()));
    } catch (FetchException e) {
      reject("fetch_" + e.reason(), e.getMessage(), url, postingId, null);
      return null;
    }
    if (page.notModified()) {
      return null;
    }
    if (get) {
      state.validators(url, new CrawlState.Validators(page.etag(), page.lastModified()));
    }
    return page;
  }

  /**
   * Maps and publishes {@code items}: a posting without a title, and an item the mapper cannot
   * read, become dead letters; the rest are published. Returns the number published.
   */
  public int publishAll(String url, Iterable<JsonNode> items, Function<JsonNode, RawPosting> mapper) {
    int published = 0;
    for (JsonNode item : items) {
      RawPosting posting;
      try {
        posting = mapper.apply(item);
      } catch (RuntimeException e) {
        reject("api_error", "cannot map posting: " + e.getMessage(), url, null, item.toString());
        continue;
      }
      if (publish(posting, url, item.toString())) {
        published++;
      }
    }
    return published;
  }

  /** Publishes one posting, or dead-letters it ({@code no_title}) when it has no title. */
  public boolean publish(RawPosting posting, String url, String raw) {
    if (posting.title() == null || posting.title().isBlank()) {
      reject("no_title", type + " posting without a title", url, posting.postingId(), raw);
      return false;
    }
    sink.publish(JsonLdExtractor.withFingerprint(posting));
    return true;
  }

  /** A dead letter from ingest, with API keys redacted ({@link ApiKeys#redact}). */
  public void reject(String reason, String message, String url, String postingId, String raw) {
    sink.reject(DeadLetter.of("ingest", reason, ApiKeys.redact(message, settings), ApiKeys.redact(url, settings),
        postingId, ApiKeys.redact(raw, settings)));
  }
}
