package io.jobstream.model;

import java.time.Instant;

/**
 * One entry of ingest's crawl state, the value of {@code jobstream.ingest.state}: either what was
 * last published for a posting ({@code postingId} and its content {@code fingerprint}), or the
 * HTTP validators of a fetched URL ({@code url}, {@code etag}, {@code lastModified}) for
 * conditional requests, or a site whose pages share identifiers ({@code site}: its host; its
 * postings are then named by their canonical URLs). The topic is compacted, so the latest entry
 * per key is the state.
 */
public record CrawlStateEntry(
    int schemaVersion,
    String postingId,
    String fingerprint,
    String url,
    String etag,
    String lastModified,
    Instant updatedAt,
    String site) {

  public static final int SCHEMA_VERSION = 1;

  public static CrawlStateEntry posting(String postingId, String fingerprint, Instant at) {
    return new CrawlStateEntry(SCHEMA_VERSION, postingId, fingerprint, null, null, null, at, null);
  }

  public static CrawlStateEntry validators(String url, String etag, String lastModified, Instant at) {
    return new CrawlStateEntry(SCHEMA_VERSION, null, null, url, etag, lastModified, at, null);
  }

  /** A site (host) whose pages were seen to share identifiers. */
  public static CrawlStateEntry sharedIdentifiers(String host, Instant at) {
    return new CrawlStateEntry(SCHEMA_VERSION, null, null, null, null, null, at, host);
  }

  /** The record key: one per posting and one per URL, in separate name spaces. */
  public String key() {
    return postingId != null ? "posting:" + postingId : site != null ? "site:" + site : "url:" + url;
  }
}
