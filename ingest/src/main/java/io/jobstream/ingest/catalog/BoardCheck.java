package io.jobstream.ingest.catalog;

/**
 * What one fetch of a board's first URL found.
 *
 * @param entry the board checked
 * @param url the URL fetched (the connector's first URL)
 * @param outcome {@code ok}, {@code unexpected} (an answer, but not the JSON the connector reads),
 *     or a {@link io.jobstream.model.FetchFailureClass} ({@code gone}, {@code blocked},
 *     {@code rate_limited}, {@code timeout}, {@code server_error}, {@code other})
 * @param status the HTTP status, 0 when there was none (robots.txt, no answer)
 * @param postings the number of postings in the answer when it could be counted, else -1
 * @param detail a short reason, empty for {@code ok}
 * @param millis how long the check took, in milliseconds (pauses for politeness included)
 */
public record BoardCheck(CatalogEntry entry, String url, String outcome, int status, int postings,
    String detail, long millis) {

  public static final String OK = "ok";
  public static final String UNEXPECTED = "unexpected";
}
