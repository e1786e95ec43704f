package io.jobstream.ingest.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobstream.ingest.api.ApiConnector;
import io.jobstream.ingest.api.Connectors;
import io.jobstream.ingest.api.JobBoardApi;
import io.jobstream.ingest.http.FetchException;
import io.jobstream.ingest.http.FetchedPage;
import io.jobstream.ingest.http.PoliteFetcher;
import io.jobstream.model.FetchFailureClass;
import io.jobstream.model.JsonSerde;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Fetches the first URL of each board once ({@link ApiConnector#firstUrl}), through the polite
 * fetcher (robots.txt, the least time between requests to a host, the limits on requests in
 * flight), and says what it found: an answer with postings, a board that is gone, a site that
 * blocks us, a rate limit, a timeout, a server error. Nothing is published.
 *
 * <p>The fetcher should not retry (a check is one request): see
 * {@link io.jobstream.ingest.http.PageFetcher.RetryPolicy}.
 */
public final class BoardChecker {

  private final PoliteFetcher fetcher;
  private final JobBoardApi apis;

  /** @param apis gives each connector its context (base URL from {@code ingest.TYPE.base-url}) */
  public BoardChecker(PoliteFetcher fetcher, JobBoardApi apis) {
    this.fetcher = fetcher;
    this.apis = apis;
  }

  /** Checks every board, as many at once as the fetcher allows; results in the order of {@code entries}. */
  public List<BoardCheck> check(List<CatalogEntry> entries) throws InterruptedException {
    List<Future<BoardCheck>> futures = new ArrayList<>();
    for (CatalogEntry entry : entries) {
      futures.add(fetcher.executor().submit(() -> check(entry)));
    }
    List<BoardCheck> results = new ArrayList<>();
    for (int i = 0; i < futures.size(); i++) {
      try {
        results.add(futures.get(i).get());
      } catch (ExecutionException e) {
        // a check never throws for what a site answers; this is a bug, reported as the board's outcome
        results.add(new BoardCheck(entries.get(i), "", FetchFailureClass.OTHER, 0, -1,
            String.valueOf(e.getCause()), 0));
      }
    }
    return results;
  }

  /** Checks one board. */
  public BoardCheck check(CatalogEntry entry) throws InterruptedException {
    String type = entry.source().type();
    ApiConnector connector = Connectors.of(type);
    String url = connector.firstUrl(apis.context(type), entry.source().target());
    long start = System.nanoTime();
    FetchedPage page;
    try {
      page = fetcher.fetch(URI.create(url));
    } catch (FetchException e) {
      String outcome = FetchFailureClass.of(e.reason(), e.status(), e.getMessage());
      return new BoardCheck(entry, url, outcome, e.status(), -1, e.reason() + ": " + e.getMessage(), millis(start));
    }
    return answered(entry, url, page.text(), millis(start));
  }

  /**
   * What a 200 answer says: JSON with an array of postings is {@code ok} (the postings counted),
   * an HTML page is {@code blocked} (a captcha or block page), anything else {@code unexpected}.
   */
  static BoardCheck answered(CatalogEntry entry, String url, String body, long millis) {
    if (FetchFailureClass.looksLikeHtml(body)) {
      return new BoardCheck(entry, url, FetchFailureClass.BLOCKED, 200, -1,
          "an HTML page instead of JSON (a captcha or block page?)", millis);
    }
    JsonNode root;
    try {
      root = JsonSerde.MAPPER.readTree(body);
    } catch (IOException e) {
      return new BoardCheck(entry, url, BoardCheck.UNEXPECTED, 200, -1, "not JSON: " + firstLine(e.getMessage()),
          millis);
    }
    int postings = postings(root);
    if (postings < 0) {
      return new BoardCheck(entry, url, BoardCheck.UNEXPECTED, 200, -1, "JSON without an array of postings", millis);
    }
    return new BoardCheck(entry, url, BoardCheck.OK, 200, postings, "", millis);
  }

  /**
   * The postings in an answer: the size of the answer when it is an array, else of its first
   * top-level array field ({@code jobs}, {@code offers}, {@code content}, ...); -1 when there is none.
   */
  static int postings(JsonNode root) {
    if (root == null) {
      return -1;
    }
    if (root.isArray()) {
      return root.size();
    }
    for (Iterator<JsonNode> it = root.elements(); it.hasNext(); ) {
      JsonNode field = it.next();
      if (field.isArray()) {
        return field.size();
      }
    }
    return -1;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static long millis(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
