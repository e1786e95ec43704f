package io.jobstream.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FetchFailureClassTest {

  @Test
  void statusesAndReasonsFallIntoTheirClasses() {
    assertThat(FetchFailureClass.of("fetch_http_status", 0, "HTTP 403 from https://a.example/x")).isEqualTo("blocked");
    assertThat(FetchFailureClass.of("http_status", 401, "")).isEqualTo("blocked");
    assertThat(FetchFailureClass.of("fetch_robots_denied", 0, "robots.txt of a.example disallows")).isEqualTo("blocked");
    // a robots.txt that did not come is no refusal: no such host, a timeout, a server error
    assertThat(FetchFailureClass.of("fetch_robots_unavailable", 0,
        "robots.txt of a.example unavailable (cannot fetch https://a.example/robots.txt:"
            + " java.net.ConnectException); not fetching https://a.example/jobs")).isEqualTo("other");
    assertThat(FetchFailureClass.of("robots_unavailable", 0, "robots.txt of a.example unavailable"
        + " (cannot fetch https://a.example/robots.txt: java.net.http.HttpTimeoutException: request timed out)"))
        .isEqualTo("timeout");
    assertThat(FetchFailureClass.of("robots_unavailable", 503, "robots.txt of a.example unavailable (HTTP 503)"))
        .isEqualTo("server_error");
    assertThat(FetchFailureClass.of("fetch_http_status", 0, "HTTP 429 from https://a.example/x")).isEqualTo("rate_limited");
    assertThat(FetchFailureClass.of("fetch_retry_after", 0, "server asks to wait 3600 s")).isEqualTo("rate_limited");
    assertThat(FetchFailureClass.of("fetch_io", 0, "cannot fetch x: java.net.http.HttpTimeoutException: request timed out"))
        .isEqualTo("timeout");
    assertThat(FetchFailureClass.of("io", 0, "body of x not complete within 10 s")).isEqualTo("timeout");
    assertThat(FetchFailureClass.of("fetch_io", 0, "cannot fetch x: java.net.ConnectException")).isEqualTo("other");
    assertThat(FetchFailureClass.of("fetch_http_status", 0, "HTTP 502 from x")).isEqualTo("server_error");
    assertThat(FetchFailureClass.of("fetch_http_status", 0, "HTTP 404 from x")).isEqualTo("gone");
    assertThat(FetchFailureClass.of("fetch_http_status", 410, null)).isEqualTo("gone");
    assertThat(FetchFailureClass.of("fetch_too_large", 0, "body over 5 bytes")).isEqualTo("other");
    assertThat(FetchFailureClass.of(null, 0, null)).isEqualTo("other");
  }

  @Test
  void anHtmlPageIsToldFromJson() {
    assertThat(FetchFailureClass.looksLikeHtml("  <!DOCTYPE html><html>")).isTrue();
    assertThat(FetchFailureClass.looksLikeHtml("<HTML><body>")).isTrue();
    assertThat(FetchFailureClass.looksLikeHtml("{\"jobs\":[]}")).isFalse();
    assertThat(FetchFailureClass.looksLikeHtml(null)).isFalse();
  }
}
