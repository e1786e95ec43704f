package io.jobstream.ingest.api;

import static io.jobstream.ingest.api.AtsServer.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.ingest.api.AtsServer.Answer;
import io.jobstream.ingest.http.AddressGuard;
import io.jobstream.ingest.http.PageFetcher;
import io.jobstream.ingest.http.PoliteFetcher;
import io.jobstream.ingest.state.CrawlState;
import io.jobstream.model.DeadLetter;
import io.jobstream.model.RawPosting;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link TeamtailorConnector} against a loopback server answering with a career site's RSS feed. */
class TeamtailorConnectorTest {

  private static final String FEED = "/jobs.rss?per_page=200";

  private final AtsServer server = new AtsServer();
  private final AtsServer.Sink sink = new AtsServer.Sink();

  @AfterEach
  void stop() {
    server.close();
  }

  private int read() throws InterruptedException {
    return server.api("teamtailor", sink).read("teamtailor", "saltmarsh");
  }

  /** A feed of {@code count} items numbered from {@code from}. */
  private static String feed(int from, int count) {
    StringBuilder rss = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Saltmarsh</title>");
    for (int i = from; i < from + count; i++) {
      rss.append("<item><title>Cable Inspector ").append(i).append("</title><link>https://saltmarsh.teamtailor.example/jobs/")
          .append(5000000 + i).append("-cable-inspector</link></item>");
    }
    return rss.append("</channel></rss>").toString();
  }

  @Test
  void readsEachItemWithItsLocationsAndRemoteStatus() throws Exception {
    server.answer("GET", FEED, Answer.xml(fixture("teamtailor-jobs.rss")));

    assertThat(read()).isEqualTo(2);

    RawPosting p = sink.posting("teamtailor:saltmarsh:4410021");
    assertThat(p.title()).isEqualTo("Data Engineer, Tidal Forecasts");
    assertThat(p.company()).isEqualTo("saltmarsh");
    assertThat(p.url()).isEqualTo("https://saltmarsh.teamtailor.example/jobs/4410021-data-engineer-tidal-forecasts");
    assertThat(p.location().text()).isEqualTo("Esbjerg office; Aarhus office");
    assertThat(p.remote()).isFalse(); // hybrid
    assertThat(p.datePosted()).isEqualTo(LocalDate.parse("2024-06-04"));
    assertThat(p.descriptionHtml()).startsWith("<p>Move tide-gauge readings").contains("&amp; keep them");
    assertThat(p.description()).contains("to our forecasts & keep them on time.").doesNotContain("<li>");
    assertThat(p.salary()).isNull();

    RawPosting remote = sink.posting("teamtailor:saltmarsh:4409877");
    assertThat(remote.remote()).isTrue();
    assertThat(remote.location().city()).isEqualTo("Copenhagen");
    assertThat(remote.location().text()).isEqualTo("Copenhagen, Denmark");
    assertThat(remote.description()).isEqualTo("Predict turbine faults from vibration spectra.");

    assertThat(sink.deadLetters).extracting(DeadLetter::reason).containsExactly("api_error", "no_title");
    assertThat(sink.deadLetters.get(1).key()).isEqualTo("teamtailor:saltmarsh:4409000");
  }

  @Test
  void asksForTheNextPageOnlyAfterAFullOne() throws Exception {
    server.answer("GET", FEED, Answer.xml(feed(0, 200)));
    server.answer("GET", FEED + "&page=2", Answer.xml(feed(200, 200)));
    server.answer("GET", FEED + "&page=3", Answer.xml(feed(400, 7)));

    assertThat(read()).isEqualTo(407);

    assertThat(server.requests()).extracting(AtsServer.Seen::uri)
        .containsExactly(FEED, FEED + "&page=2", FEED + "&page=3");
    assertThat(sink.postings).extracting(RawPosting::postingId).doesNotHaveDuplicates();
  }

  @Test
  void aSiteThatIgnoresThePageIsReadOnce() throws Exception {
    server.answer("GET", FEED, Answer.xml(feed(0, 200)));
    server.answer("GET", FEED + "&page=2", Answer.xml(feed(0, 200)));

    assertThat(read()).isEqualTo(200);

    assertThat(server.requests()).hasSize(2);
    assertThat(sink.deadLetters).isEmpty();
  }

  @Test
  void anEmptyFeedIsNoPostingAndNoDeadLetter() throws Exception {
    server.answer("GET", FEED, Answer.xml(feed(0, 0)));

    assertThat(read()).isZero();
    assertThat(sink.deadLetters).isEmpty();
  }

  @Test
  void aCaptchaPageACutFeedOrARateLimitAreHandled() throws Exception {
    String rss = fixture("teamtailor-jobs.rss");
    server.answer("GET", FEED, Answer.html(200, "<!DOCTYPE html><html><body>Please verify you are a human<br></body></html>"));
    assertThat(read()).isZero();
    server.answer("GET", FEED, Answer.xml(rss.substring(0, rss.length() - 40)));
    assertThat(read()).isZero();
    server.answer("GET", FEED, Answer.xml("<?xml version=\"1.0\"?><feed><entry/></feed>"));
    assertThat(read()).isZero();
    assertThat(sink.deadLetters).extracting(DeadLetter::reason).containsExactly("api_error", "api_error", "api_error");
    assertThat(sink.postings).isEmpty();

    server.answer("GET", FEED, Answer.tooManyRequests(4), Answer.xml(rss));
    assertThat(read()).isEqualTo(2);
    assertThat(server.waits).containsExactly(Duration.ofSeconds(4));
  }

  @Test
  void theCompanyIsTheSubdomainUnlessTheTargetIsAHost() {
    PageFetcher fetcher = new PageFetcher(new AddressGuard(Set.of()), "jobstream-test", 1024, Duration.ofSeconds(1));
    JobBoardApi api = new JobBoardApi(new PoliteFetcher(fetcher, Duration.ZERO), new AtsServer.Sink(),
        Clock.systemUTC(), CrawlState.inMemory(), Map.of());
    TeamtailorConnector teamtailor = new TeamtailorConnector();
    assertThat(teamtailor.firstUrl(api.context("teamtailor"), "saltmarsh"))
        .isEqualTo("https://saltmarsh.teamtailor.com/jobs.rss?per_page=200");
    assertThat(teamtailor.firstUrl(api.context("teamtailor"), "careers.saltmarsh.example"))
        .isEqualTo("https://careers.saltmarsh.example/jobs.rss?per_page=200");
  }
}
