package io.jobstream.ingest.api;

import static io.jobstream.ingest.api.AtsServer.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.ingest.api.AtsServer.Answer;
import io.jobstream.model.DeadLetter;
import io.jobstream.model.RawPosting;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link SmartRecruitersConnector} against a loopback server answering in the Posting API's layout. */
class SmartRecruitersConnectorTest {

  private static final String LIST = "/v1/companies/LarkspurRobotics/postings?limit=100&offset=";
  private static final String DETAIL = "/v1/companies/LarkspurRobotics/postings/";

  private final AtsServer server = new AtsServer();
  private final AtsServer.Sink sink = new AtsServer.Sink();

  @AfterEach
  void stop() {
    server.close();
  }

  private int read() throws InterruptedException {
    return server.api("smartrecruiters", sink).read("smartrecruiters", "LarkspurRobotics");
  }

  /** The fixture's last page, with the details of its first two postings. */
  private void lastPageAt(int offset) {
    server.json(LIST + offset, fixture("smartrecruiters-postings.json"));
    server.json(DETAIL + "744000050112233", fixture("smartrecruiters-posting-detail.json"));
    server.json(DETAIL + "744000050112244", fixture("smartrecruiters-posting-detail-remote.json"));
  }

  /** A full first page (100 postings, each with a detail), saying {@code totalFound} when it is not negative. */
  private String fullPage(int totalFound) {
    StringBuilder page = new StringBuilder("{\"offset\":0,\"limit\":100,"
        + (totalFound >= 0 ? "\"totalFound\":" + totalFound + "," : "") + "\"content\":[");
    for (int i = 0; i < 100; i++) {
      String id = "7440000400000" + String.format("%02d", i);
      page.append(i == 0 ? "" : ",").append("{\"id\":\"").append(id).append("\",\"name\":\"Picker ").append(i)
          .append("\",\"releasedDate\":\"2024-05-01T00:00:00.000Z\",\"location\":{\"city\":\"Gent\",\"country\":\"be\"}}");
      server.json(DETAIL + id, "{\"id\":\"" + id + "\",\"name\":\"Picker " + i + "\",\"jobAd\":{\"sections\":{}}}");
    }
    return page.append("]}").toString();
  }

  @Test
  void aBoardThatIgnoresTheOffsetIsReadOnce() throws Exception {
    String page = fullPage(-1);
    server.json(LIST + "0", page);
    server.json(LIST + "100", page);

    assertThat(read()).isEqualTo(100);

    assertThat(server.requests()).filteredOn(r -> r.uri().contains("?limit=")).hasSize(2);
    assertThat(sink.postings).extracting(RawPosting::postingId).doesNotHaveDuplicates();
  }

  @Test
  void readsPagesUntilTotalFoundAndEachPostingsDetail() throws Exception {
    server.json(LIST + "0", fullPage(103));
    lastPageAt(100);
    server.answer("GET", DETAIL + "744000050112255", Answer.html(404, "<html>gone</html>"));

    assertThat(read()).isEqualTo(102);

    // 103 found: the second page ends the board, so no third page is asked for
    assertThat(server.requests()).filteredOn(r -> r.uri().contains("?limit=")).extracting(AtsServer.Seen::uri)
        .containsExactly(LIST + "0", LIST + "100");
    assertThat(sink.postings).extracting(RawPosting::postingId).doesNotHaveDuplicates()
        .contains("smartrecruiters:LarkspurRobotics:744000040000000", "smartrecruiters:LarkspurRobotics:744000050112244");
    // the posting whose detail is gone is a dead letter naming it; the rest of the board was read
    assertThat(sink.deadLetters).singleElement().satisfies(d -> {
      assertThat(d.reason()).isEqualTo("fetch_http_status");
      assertThat(d.origin()).endsWith(DETAIL + "744000050112255");
      assertThat(d.key()).isEqualTo("smartrecruiters:LarkspurRobotics:744000050112255");
    });
  }

  @Test
  void mapsTheJobAdSectionsLocationAndPayText() throws Exception {
    lastPageAt(0);

    read();

    RawPosting p = sink.posting("smartrecruiters:LarkspurRobotics:744000050112233");
    assertThat(p.sourceId()).isEqualTo("744000050112233");
    assertThat(p.title()).isEqualTo("Machine Learning Engineer, Perception");
    assertThat(p.company()).isEqualTo("Larkspur Robotics");
    assertThat(p.url()).endsWith("/LarkspurRobotics/744000050112233-machine-learning-engineer-perception");
    assertThat(p.location().city()).isEqualTo("Eindhoven");
    assertThat(p.location().country()).isEqualTo("NL");
    assertThat(p.location().text()).isEqualTo("Eindhoven, North Brabant, Netherlands");
    assertThat(p.remote()).isFalse();
    assertThat(p.employmentType()).isEqualTo("Full-time");
    assertThat(p.datePosted()).isEqualTo(LocalDate.parse("2024-06-03"));
    // sections in order under their titles; the empty one left out
    assertThat(p.descriptionHtml()).startsWith("<h3>Company Description</h3><p>We build orchard robots")
        .contains("<h3>Job Description</h3><ul><li>Train detectors").doesNotContain("Additional Information");
    assertThat(p.description()).contains("Train detectors on stereo images & lidar").doesNotContain("<li>");
    // no pay fields in the API: the custom field that names pay is kept as text
    assertThat(p.salary().text()).isEqualTo("EUR 70,000 - 88,000 per year");
    assertThat(p.salary().min()).isNull();
    assertThat(p.fingerprint()).isNotNull();

    RawPosting remote = sink.posting("smartrecruiters:LarkspurRobotics:744000050112244");
    assertThat(remote.remote()).isTrue();
    assertThat(remote.salary()).isNull();
    assertThat(remote.location().text()).isEqualTo("Porto, PT");
    assertThat(remote.description()).isEqualTo("Job Description Find out why robots come back from the field with sticky wheels.");
  }

  @Test
  void aDetailThatIsBlockedCutOrRateLimitedCostsOnlyThatPosting() throws Exception {
    server.json(LIST + "0", fixture("smartrecruiters-postings.json"));
    String detail = fixture("smartrecruiters-posting-detail.json");
    // a captcha page with 403
    server.answer("GET", DETAIL + "744000050112233", Answer.html(403, "<html><body>Verify you are human</body></html>"));
    // a body cut in the middle of the JSON
    server.json(DETAIL + "744000050112244", detail.substring(0, detail.length() / 2));
    // 429 asking for 7 s, then the answer
    server.answer("GET", DETAIL + "744000050112255", Answer.tooManyRequests(7),
        Answer.json("{\"id\":\"744000050112255\",\"name\":\"Firmware Engineer\",\"jobAd\":{\"sections\":{}}}"));

    assertThat(read()).isEqualTo(1);

    assertThat(sink.posting("smartrecruiters:LarkspurRobotics:744000050112255").title()).isEqualTo("Firmware Engineer");
    assertThat(server.waits).contains(Duration.ofSeconds(7));
    assertThat(sink.deadLetters).extracting(DeadLetter::reason).containsExactly("fetch_http_status", "api_error");
    assertThat(sink.deadLetters.get(0).origin()).endsWith("744000050112233");
    assertThat(sink.deadLetters.get(1).origin()).endsWith("744000050112244");
    assertThat(sink.deadLetters).extracting(DeadLetter::key).containsExactly(
        "smartrecruiters:LarkspurRobotics:744000050112233", "smartrecruiters:LarkspurRobotics:744000050112244");
    assertThat(sink.deadLetters.get(1).detail()).contains("not JSON");
  }

  @Test
  void anEmptyBoardIsOneRequestAndNoDeadLetter() throws Exception {
    server.json(LIST + "0", "{\"offset\":0,\"limit\":100,\"totalFound\":0,\"content\":[]}");

    assertThat(read()).isZero();

    assertThat(server.requests()).hasSize(1);
    assertThat(sink.deadLetters).isEmpty();
  }

  @Test
  void aCaptchaPageOrAnAnswerWithoutPostingsIsADeadLetter() throws Exception {
    server.answer("GET", LIST + "0", Answer.html(200, "<html><form id=\"captcha\">Are you a robot?</form></html>"));
    assertThat(read()).isZero();
    server.json(LIST + "0", "{\"message\":\"company not found\"}");
    assertThat(read()).isZero();

    assertThat(sink.deadLetters).extracting(DeadLetter::reason).containsExactly("api_error", "api_error");
    assertThat(sink.deadLetters.get(0).detail()).contains("not JSON");
    assertThat(sink.deadLetters.get(1).detail()).contains("'content'");
  }
}
