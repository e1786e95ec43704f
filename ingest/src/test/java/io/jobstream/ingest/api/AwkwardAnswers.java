package io.jobstream.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.ingest.api.AggregatorServer.Answer;
import io.jobstream.model.DeadLetter;
import java.util.Map;

/**
 * The answers an API gives when it is not answering: a 403 page, a captcha page with status 200
 * instead of JSON, a body cut short, and a 429 with {@code Retry-After} before the real answer.
 * Each connector's test runs them against its first URL: the first three end as one dead letter
 * each with the reason and nothing published; the fourth publishes the real answer's postings.
 */
final class AwkwardAnswers {

  private AwkwardAnswers() {
  }

  /**
   * @param uri the path and query the connector asks first for {@code type:target}
   * @param good an answer that holds {@code goodCount} postings and needs no further request
   */
  static void check(AggregatorServer server, Map<String, String> settings, String type, String target,
      String uri, String good, int goodCount) throws InterruptedException {
    AggregatorServer.Sink sink = new AggregatorServer.Sink();
    JobBoardApi api = server.api(sink, settings);

    server.answer(uri, new Answer(403, "text/html", "<html><h1>403 Forbidden</h1></html>", Map.of(), Integer.MAX_VALUE));
    assertThat(api.read(type, target)).isZero();
    assertThat(sink.deadLetters).extracting(DeadLetter::reason).containsExactly("fetch_http_status");
    assertThat(sink.deadLetters.get(0).detail()).contains("403");

    sink.deadLetters.clear();
    server.answer(uri, new Answer(200, "text/html; charset=utf-8",
        "<html><body><h1>Checking your browser</h1><div class=\"captcha\">Press and hold</div></body></html>",
        Map.of(), Integer.MAX_VALUE));
    assertThat(api.read(type, target)).isZero();
    assertThat(sink.deadLetters).extracting(DeadLetter::reason).containsExactly("api_error");
    assertThat(sink.deadLetters.get(0).excerpt()).contains("captcha");

    sink.deadLetters.clear();
    server.answer(uri, new Answer(200, "application/json", good, Map.of(), good.length() / 2));
    assertThat(api.read(type, target)).isZero();
    assertThat(sink.deadLetters).extracting(DeadLetter::reason).singleElement()
        .satisfies(r -> assertThat(r).isIn("fetch_io", "api_error"));

    sink.deadLetters.clear();
    server.answer(uri, new Answer(429, "text/plain", "Too Many Requests", Map.of("Retry-After", "1"), Integer.MAX_VALUE),
        Answer.json(good));
    assertThat(api.read(type, target)).isEqualTo(goodCount);
    assertThat(sink.postings).hasSize(goodCount);
    assertThat(server.uris()).filteredOn(u -> u.equals(uri)).hasSizeGreaterThanOrEqualTo(5); // 429, then the answer
  }
}
