package io.jobstream.ingest.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A fetched body with where it finally came from (after redirects), its content type, and the
 * response's HTTP validators.
 *
 * @param uri the final URI
 * @param contentType the Content-Type header, lower case, without parameters ("" if absent)
 * @param body the raw bytes, at most the fetcher's size limit (empty when not modified)
 * @param notModified the server answered 304 to a conditional request: nothing changed
 * @param etag the response's ETag, or null
 * @param lastModified the response's Last-Modified, or null
 * @param contentTypeHeader the whole Content-Type header as sent, parameters included (null if absent)
 */
public record FetchedPage(URI uri, String contentType, byte[] body, boolean notModified,
    String etag, String lastModified, String contentTypeHeader) {

  public FetchedPage(URI uri, String contentType, byte[] body) {
    this(uri, contentType, body, false, null, null, null);
  }

  /** The body as text, decoded by the WHATWG rules (see {@link TextDecoding}). */
  public String text() {
    return TextDecoding.decode(body, contentTypeHeader);
  }

  public boolean looksLikeXml() {
    if (contentType.contains("xml")) {
      return true;
    }
    String start = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).stripLeading();
    return start.startsWith("<?xml") || start.startsWith("<urlset") || start.startsWith("<sitemapindex");
  }
}
