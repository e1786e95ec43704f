package io.jobstream.http;

import java.util.Map;

/** Headers for answers browsers render. {@code X-Content-Type-Options: nosniff} the server adds to all. */
public final class SecurityHeaders {

  private SecurityHeaders() {}

  /**
   * For an HTML page whose only script is inline with the given hash (or null: no script): a
   * Content-Security-Policy that loads nothing from anywhere, runs only that script, allows inline
   * styles (the page's style sheet and the charts' SVG attributes; styles run no code), images
   * from {@code data:} (the empty icon) and {@code fetch} from the same origin (the live updates);
   * no framing ({@code X-Frame-Options: DENY} and {@code frame-ancestors 'none'}), no referrer.
   *
   * @param scriptSha256 base64 SHA-256 of the inline script's text
   */
  public static Map<String, String> page(String scriptSha256) {
    String script = scriptSha256 == null ? "" : "; script-src 'sha256-" + scriptSha256 + "'";
    return Map.of(
        "Content-Security-Policy", "default-src 'none'" + script + "; style-src 'unsafe-inline'; img-src data:;"
            + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        "X-Frame-Options", "DENY",
        "Referrer-Policy", "no-referrer");
  }
}
