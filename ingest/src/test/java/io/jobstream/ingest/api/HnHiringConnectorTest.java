package io.jobstream.ingest.api;

import static io.jobstream.ingest.api.AggregatorServer.response;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobstream.ingest.api.AggregatorServer.Answer;
import io.jobstream.model.DeadLetter;
import io.jobstream.model.JsonSerde;
import io.jobstream.model.RawPosting;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code hn:THREAD} against a loopback server standing in for the Algolia search API and the HN
 * Firebase API, with answers written in their documented shapes ({@code api/aggregators/hn-*}):
 * good comments, prose, deleted and dead comments, a truncated body, a 429 with Retry-After, a
 * captcha page and a 403.
 */
class HnHiringConnectorTest {

  private static final String SEARCH = "/api/v1/search_by_date?tags=story,author_whoishiring&hitsPerPage=50";

  private final AggregatorServer server = new AggregatorServer();
  private final AggregatorServer.Sink sink = new AggregatorServer.Sink();

  @AfterEach
  void stop() {
    server.close();
  }

  private void serveDecember() throws Exception {
    server.answer(SEARCH, response("hn-search.json"));
    server.answer("/v0/item/40100000.json", response("hn-thread.json"));
    JsonNode comments = JsonSerde.MAPPER.readTree(response("hn-comments.json"));
    for (Iterator<Map.Entry<String, JsonNode>> it = comments.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      server.answer("/v0/item/" + e.getKey() + ".json", e.getValue().toString());
    }
    String cut = comments.get("40100006").toString();
    server.answer("/v0/item/40100006.json",
        new Answer(200, "application/json", cut, Map.of(), cut.length() / 2));
    server.answer("/v0/item/40100007.json",
        new Answer(429, "text/plain", "slow down", Map.of("Retry-After", "1"), Integer.MAX_VALUE),
        Answer.json(comments.get("40100007").toString()));
    server.answer("/v0/item/40100008.json", new Answer(200, "text/html",
        "<html><body><h1>Are you a robot?</h1><form>captcha</form></body></html>", Map.of(), Integer.MAX_VALUE));
    server.answer("/v0/item/40100009.json", new Answer(403, "text/html", "<h1>Forbidden</h1>", Map.of(),
        Integer.MAX_VALUE));
  }

  @Test
  void latestThreadEachTopLevelCommentIsAPosting() throws Exception {
    serveDecember();

    int published = server.api(sink, Map.of()).read("hn", "latest");

    assertThat(published).isEqualTo(3);
    assertThat(sink.postings).extracting(RawPosting::postingId)
        .containsExactly("hn:40100000:40100001", "hn:40100000:40100002", "hn:40100000:40100007");
    RawPosting acme = sink.posting("hn:40100000:40100001");
    assertThat(acme.source()).isEqualTo("hn");
    assertThat(acme.sourceId()).isEqualTo("40100001");
    assertThat(acme.url()).isEqualTo("https://news.ycombinator.com/item?id=40100001");
    assertThat(acme.company()).isEqualTo("Acme Corp");
    assertThat(acme.title()).isEqualTo("Senior ML Engineer");
    assertThat(acme.location().text()).isEqualTo("San Francisco, CA or REMOTE (US)");
    assertThat(acme.remote()).isTrue();
    assertThat(acme.employmentType()).isEqualTo("Full-time");
    assertThat(acme.salary().currency()).isEqualTo("USD");
    assertThat(acme.salary().min()).isEqualByComparingTo("180000");
    assertThat(acme.salary().max()).isEqualByComparingTo("220000");
    assertThat(acme.salary().unit()).isEqualTo("YEAR");
    assertThat(acme.datePosted()).isEqualTo(LocalDate.parse("2026-12-01"));
    // the whole comment, entities decoded, paragraphs on lines of their own
    assertThat(acme.description()).contains("bakeries & cafés. You'll own")
        .contains("\nApply: https://acme.example/jobs/ml").doesNotContain("<p>", "&#x27;");
    assertThat(acme.descriptionHtml()).contains("<p>");
    RawPosting brindle = sink.posting("hn:40100000:40100002");
    assertThat(brindle.remote()).isFalse();
    assertThat(brindle.salary()).isNull();
    // answered after a 429 with Retry-After
    RawPosting ember = sink.posting("hn:40100000:40100007");
    assertThat(ember.salary().currency()).isEqualTo("EUR");
    assertThat(ember.salary().min()).isEqualByComparingTo("90000");
  }

  @Test
  void unusableCommentsAreDeadLettersWithReasonsAndDeletedOnesAreSkipped() throws Exception {
    serveDecember();

    server.api(sink, Map.of()).read("hn", "latest");

    assertThat(sink.deadLetters).extracting(DeadLetter::reason).containsExactlyInAnyOrder(
        "unparseable_first_line", "fetch_io", "api_error", "fetch_http_status");
    DeadLetter prose = sink.deadLetters.stream().filter(d -> d.reason().equals("unparseable_first_line"))
        .findFirst().orElseThrow();
    assertThat(prose.key()).isEqualTo("hn:40100000:40100003");
    assertThat(prose.detail()).contains("no fields");
    assertThat(sink.deadLetters).filteredOn(d -> d.reason().equals("api_error")).singleElement()
        .satisfies(d -> assertThat(d.excerpt()).contains("captcha"));
    // deleted and dead comments: neither a posting nor a dead letter
    assertThat(sink.postings).extracting(RawPosting::sourceId).doesNotContain("40100004", "40100005");
    assertThat(sink.deadLetters).extracting(DeadLetter::key).doesNotContain("hn:40100000:40100004",
        "hn:40100000:40100005");
  }

  @Test
  void aMonthIsFoundBetweenItsFirstDayAndItsEnd() throws Exception {
    String november = SEARCH + "&numericFilters=created_at_i%3E%3D1793404800%2Ccreated_at_i%3C1796083200";
    server.answer(november, "{\"hits\":[{\"objectID\":\"39900000\",\"title\":\"Ask HN: Who is hiring? (November 2026)\","
        + "\"created_at_i\":1793635200}],\"nbHits\":1,\"page\":0,\"nbPages\":1}");
    server.answer("/v0/item/39900000.json", "{\"id\":39900000,\"type\":\"story\",\"kids\":[39900001],"
        + "\"title\":\"Ask HN: Who is hiring? (November 2026)\"}");
    server.answer("/v0/item/39900001.json", "{\"id\":39900001,\"type\":\"comment\",\"time\":1793640000,"
        + "\"text\":\"Gale Systems | SRE | Remote (US) | $160k - $200k\"}");

    assertThat(server.api(sink, Map.of()).read("hn", "2026-11")).isEqualTo(1);
    assertThat(sink.postings.get(0).postingId()).isEqualTo("hn:39900000:39900001");
  }

  @Test
  void aThreadByIdAndAnEmptyThread() throws Exception {
    server.answer("/v0/item/41000000.json", "{\"id\":41000000,\"type\":\"story\",\"title\":\"Ask HN: Who is hiring? (January 2027)\"}");
    server.answer("/v0/item/41000001.json", "{\"id\":41000001,\"type\":\"comment\",\"text\":\"not a story\"}");

    assertThat(server.api(sink, Map.of()).read("hn", "41000000")).isZero();
    assertThat(sink.deadLetters).isEmpty();
    assertThat(server.api(sink, Map.of()).read("hn", "41000001")).isZero();
    assertThat(sink.deadLetters).extracting(DeadLetter::reason).containsExactly("api_error");
  }

  @Test
  void noHiringThreadInTheSearchIsADeadLetter() throws Exception {
    server.answer(SEARCH, "{\"hits\":[{\"objectID\":\"1\",\"title\":\"Ask HN: Who wants to be hired? (May 2026)\","
        + "\"created_at_i\":1}]}");

    assertThat(server.api(sink, Map.of()).read("hn", "latest")).isZero();
    assertThat(sink.deadLetters).singleElement().satisfies(d -> assertThat(d.detail()).contains("Who is hiring"));
  }

  @Test
  void targets() {
    HnHiringConnector hn = new HnHiringConnector();
    assertThat(hn.validTarget("latest")).isTrue();
    assertThat(hn.validTarget("2026-12")).isTrue();
    assertThat(hn.validTarget("40100000")).isTrue();
    assertThat(hn.validTarget("2026-13")).isFalse();
    assertThat(hn.validTarget("december")).isFalse();
  }
}
