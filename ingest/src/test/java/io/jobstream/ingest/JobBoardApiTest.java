package io.jobstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobstream.ingest.api.JobBoardApi;
import io.jobstream.model.DeadLetter;
import io.jobstream.model.JsonSerde;
import io.jobstream.model.RawPosting;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The job-board API connectors against a loopback server that answers with the responses in
 * {@code src/test/resources/api/}: Greenhouse, Lever, Ashby and Recruitee answers in each board's
 * documented layout, for invented companies (see the README there). A real recorded Greenhouse
 * answer is read by {@link GreenhouseRecordingTest}.
 */
class JobBoardApiTest {

  private final ApiServer server = new ApiServer();
  private final JsonLdCrawlerTest.CollectingSink sink = new JsonLdCrawlerTest.CollectingSink();

  @AfterEach
  void stop() {
    server.close();
  }

  private JobBoardApi api() {
    return server.api(sink);
  }

  /** A response written for these tests, from {@code src/test/resources/api/}. */
  static String response(String name) {
    try (InputStream in = JobBoardApiTest.class.getResourceAsStream("/api/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource api/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private RawPosting posting(String postingId) {
    return sink.postings.stream().filter(p -> p.postingId().equals(postingId)).findFirst().orElseThrow();
  }

  @Test
  void greenhouseDecodesEntityEncodedContentAndPayInCents() throws Exception {
    server.answer("/v1/boards/fernhill/jobs?content=true&pay_transparency=true", response("greenhouse-jobs.json"));

    assertThat(api().read("greenhouse", "fernhill")).isEqualTo(3);

    RawPosting p = sink.postings.get(0);
    assertThat(p.postingId()).isEqualTo("greenhouse:fernhill:4100201");
    assertThat(p.sourceId()).isEqualTo("4100201");
    assertThat(p.company()).isEqualTo("fernhill");
    assertThat(p.title()).isEqualTo("Senior Data Engineer");
    assertThat(p.url()).isEqualTo("https://fernhill.example/careers?gh_jid=4100201");
    assertThat(p.location().text()).isEqualTo("Lisbon, Portugal");
    // first_published, not the later updated_at
    assertThat(p.datePosted()).isEqualTo(LocalDate.parse("2024-05-02"));
    // content is HTML escaped once more: decoded once it is the HTML, with its own entities kept
    assertThat(p.descriptionHtml()).startsWith("<h2>What you&#39;ll do</h2>").contains("honest &amp; fast");
    assertThat(p.description()).startsWith("What you'll do Keep our meter-reading pipelines honest & fast")
        .doesNotContain("&amp;", "<li>");
    assertThat(p.salary().min()).isEqualByComparingTo("65000");
    assertThat(p.salary().max()).isEqualByComparingTo("82000.50");
    assertThat(p.salary().currency()).isEqualTo("EUR");
    assertThat(p.salary().unit()).isEqualTo("YEAR");
    assertThat(p.salary().text()).isEqualTo("Lisbon");
    assertThat(p.fingerprint()).isNotNull();
  }

  @Test
  void greenhouseWithoutFirstPublishedOrPayRanges() throws Exception {
    server.answer("/v1/boards/fernhill/jobs?content=true&pay_transparency=true", response("greenhouse-jobs.json"));
    api().read("greenhouse", "fernhill");

    RawPosting unpaid = posting("greenhouse:fernhill:4100202");
    assertThat(unpaid.datePosted()).isEqualTo(LocalDate.parse("2024-04-30")); // updated_at
    assertThat(unpaid.salary()).isNull();
    // of several pay ranges the first is the posting's pay
    RawPosting twoRanges = posting("greenhouse:fernhill:4100203");
    assertThat(twoRanges.salary().text()).isEqualTo("New York");
    assertThat(twoRanges.salary().min()).isEqualByComparingTo("210000");
    assertThat(twoRanges.description()).isEqualTo("Forecast grid load a day ahead & explain the forecast.");
    assertThat(sink.deadLetters).isEmpty();
  }

  @Test
  void leverIsReadPageByPageUntilAShortPage() throws Exception {
    String lastPage = response("lever-postings.json");
    server.answer("/v0/postings/quillwork?mode=json&skip=0&limit=100", fullLeverPage(lastPage));
    server.answer("/v0/postings/quillwork?mode=json&skip=100&limit=100", lastPage);

    assertThat(api().read("lever", "quillwork")).isEqualTo(102);

    // the second page holds fewer than a page's postings, so there is no third request
    assertThat(server.requests()).filteredOn(uri -> uri.startsWith("/v0/")).containsExactly("/v0/postings/quillwork?mode=json&skip=0&limit=100",
        "/v0/postings/quillwork?mode=json&skip=100&limit=100");
    assertThat(sink.postings).extracting(RawPosting::postingId).doesNotHaveDuplicates();
    RawPosting paid = posting("lever:quillwork:5f0c2a8e-1d3b-4c6a-9e71-2b8d4f6a0c11");
    assertThat(paid.title()).isEqualTo("Senior Machine Learning Engineer");
    assertThat(paid.remote()).isTrue();
    assertThat(paid.location().country()).isEqualTo("DE");
    assertThat(paid.location().text()).isEqualTo("Berlin");
    assertThat(paid.employmentType()).isEqualTo("Full-time");
    assertThat(paid.salary().currency()).isEqualTo("EUR");
    assertThat(paid.salary().unit()).isEqualTo("per-year-salary");
    assertThat(paid.salary().min()).isEqualByComparingTo("80000");
    assertThat(paid.datePosted()).isEqualTo(LocalDate.parse("2024-04-01"));
    RawPosting unpaid = posting("lever:quillwork:9a41be07-77c2-4f0e-8d35-6c1e0b2f9d48");
    assertThat(unpaid.salary()).isNull();
    assertThat(unpaid.remote()).isFalse();
    assertThat(unpaid.location().country()).isEqualTo("GB");
    assertThat(unpaid.datePosted()).isEqualTo(LocalDate.parse("2024-05-01"));
  }

  /**
   * A first page of exactly 100 postings (Lever's page size), each a copy of the first posting of
   * {@code lastPage} under an id of its own.
   */
  private static String fullLeverPage(String lastPage) throws IOException {
    ObjectNode template = (ObjectNode) JsonSerde.MAPPER.readTree(lastPage).get(0);
    ArrayNode page = JsonSerde.MAPPER.createArrayNode();
    for (int i = 0; i < 100; i++) {
      page.add(template.deepCopy().put("id", "page-one-" + i).put("text", "Translator Success Manager " + i));
    }
    return page.toString();
  }

  @Test
  void ashbyTakesTheSalaryComponentOfTheCompensation() throws Exception {
    server.answer("/posting-api/job-board/tidewater?includeCompensation=true", response("ashby-job-board.json"));

    assertThat(api().read("ashby", "tidewater")).isEqualTo(2);

    RawPosting paid = sink.postings.get(0);
    assertThat(paid.postingId()).isEqualTo("ashby:tidewater:3c9d6e2a-58f1-4b07-a2c4-91e7d0f5b836");
    assertThat(paid.salary().currency()).isEqualTo("GBP");
    assertThat(paid.salary().unit()).isEqualTo("1 YEAR");
    assertThat(paid.salary().min()).isEqualByComparingTo("60000");
    assertThat(paid.salary().max()).isEqualByComparingTo("75000");
    assertThat(paid.remote()).isFalse();
    assertThat(paid.datePosted()).isEqualTo(LocalDate.parse("2024-03-01"));
    assertThat(paid.description()).contains("SQL, A/B tests & a lot of sonar logs");
    RawPosting unpaid = sink.postings.get(1);
    assertThat(unpaid.salary()).isNull();
    assertThat(unpaid.remote()).isTrue();
    assertThat(unpaid.employmentType()).isEqualTo("Contract");
  }

  @Test
  void recruiteeReadsAmountsGivenAsStringsAndRejectsAnUntitledOffer() throws Exception {
    server.answer("/api/offers", response("recruitee-offers.json"));

    assertThat(api().read("recruitee", "brightmoss")).isEqualTo(2);

    RawPosting paid = sink.postings.get(0);
    assertThat(paid.postingId()).isEqualTo("recruitee:brightmoss:42");
    assertThat(paid.salary().min()).isEqualByComparingTo("4000");
    assertThat(paid.salary().max()).isEqualByComparingTo("5000");
    assertThat(paid.salary().unit()).isEqualTo("month");
    assertThat(paid.salary().currency()).isEqualTo("EUR");
    assertThat(paid.datePosted()).isEqualTo(LocalDate.parse("2024-02-10"));
    assertThat(paid.remote()).isTrue();
    assertThat(paid.url()).isEqualTo("https://brightmoss.example/o/data-engineer");
    // a salary object with no amount in it is no pay
    assertThat(sink.postings.get(1).salary()).isNull();
    assertThat(sink.deadLetters).extracting(DeadLetter::reason).containsExactly("no_title");
    assertThat(sink.deadLetters.get(0).key()).isEqualTo("recruitee:brightmoss:44");
  }

  @Test
  void errorBodiesAndMissingBoardsAreDeadLetters() throws Exception {
    server.answer("/v1/boards/broken/jobs?content=true&pay_transparency=true", "<html>Service unavailable</html>");
    server.answer("/v1/boards/odd/jobs?content=true&pay_transparency=true", "{\"error\":\"board not found\"}");
    JobBoardApi api = api();
    assertThat(api.read("greenhouse", "broken")).isZero();
    assertThat(api.read("greenhouse", "odd")).isZero();
    assertThat(api.read("greenhouse", "missing")).isZero();
    assertThat(sink.deadLetters).extracting(DeadLetter::reason)
        .containsExactly("api_error", "api_error", "fetch_http_status");
    assertThat(sink.deadLetters.get(1).excerpt()).contains("board not found");
  }
}
