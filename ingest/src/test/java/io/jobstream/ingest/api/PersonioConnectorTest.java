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

/** {@link PersonioConnector} against a loopback server answering with a Personio XML feed. */
class PersonioConnectorTest {

  private final AtsServer server = new AtsServer();
  private final AtsServer.Sink sink = new AtsServer.Sink();

  @AfterEach
  void stop() {
    server.close();
  }

  private int read() throws InterruptedException {
    return server.api("personio", sink).read("personio", "moorfield");
  }

  @Test
  void readsEveryPositionWithItsSectionsAndOffices() throws Exception {
    server.answer("GET", "/xml", Answer.xml(fixture("personio-positions.xml")));

    assertThat(read()).isEqualTo(2);

    RawPosting p = sink.posting("personio:moorfield:1480211");
    assertThat(p.sourceId()).isEqualTo("1480211");
    assertThat(p.title()).isEqualTo("Data Engineer (m/w/d) – Streaming");
    assertThat(p.company()).isEqualTo("Moorfield Analytics GmbH");
    assertThat(p.url()).isEqualTo(server.base() + "/job/1480211");
    assertThat(p.location().text()).isEqualTo("Hamburg; Bremen");
    assertThat(p.remote()).isNull();
    assertThat(p.employmentType()).isEqualTo("full-time");
    assertThat(p.datePosted()).isEqualTo(LocalDate.parse("2024-04-22"));
    assertThat(p.descriptionHtml()).startsWith("<h3>Deine Aufgaben</h3><ul><li>Kafka-Pipelines")
        .contains("<h3>Dein Profil</h3><p>Java oder Scala");
    assertThat(p.description()).contains("Daten & Alarme sauber halten").doesNotContain("<li>");
    assertThat(p.salary()).isNull();

    RawPosting student = sink.posting("personio:moorfield:1480377");
    assertThat(student.company()).isEqualTo("moorfield"); // no subcompany: the target
    assertThat(student.remote()).isTrue();
    assertThat(student.employmentType()).isEqualTo("working_student");
    assertThat(student.description()).isNull();
    assertThat(student.datePosted()).isEqualTo(LocalDate.parse("2024-05-02"));

    assertThat(sink.deadLetters).extracting(DeadLetter::reason).containsExactly("api_error", "no_title");
    assertThat(sink.deadLetters.get(0).excerpt()).contains("Position without an id");
    assertThat(sink.deadLetters.get(1).key()).isEqualTo("personio:moorfield:1480400");
  }

  @Test
  void anEmptyFeedIsNoPostingAndNoDeadLetter() throws Exception {
    server.answer("GET", "/xml", Answer.xml("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<workzag-jobs/>"));

    assertThat(read()).isZero();
    assertThat(sink.deadLetters).isEmpty();
  }

  @Test
  void aCaptchaPageACutFeedOrABlockAreDeadLetters() throws Exception {
    String feed = fixture("personio-positions.xml");
    server.answer("GET", "/xml", Answer.html(200, "<!DOCTYPE html><html><body>Checking your browser<br><div class=\"g-recaptcha\"></div></body></html>"));
    assertThat(read()).isZero();
    server.answer("GET", "/xml", Answer.xml(feed.substring(0, feed.indexOf("<id>1480377"))));
    assertThat(read()).isZero();
    server.answer("GET", "/xml", Answer.html(403, "<html>Forbidden</html>"));
    assertThat(read()).isZero();
    server.answer("GET", "/xml", Answer.xml("<?xml version=\"1.0\"?><error>no such company</error>"));
    assertThat(read()).isZero();

    // the cut feed publishes nothing rather than the positions before the cut
    assertThat(sink.postings).isEmpty();
    assertThat(sink.deadLetters).extracting(DeadLetter::reason)
        .containsExactly("api_error", "api_error", "fetch_http_status", "api_error");
    assertThat(sink.deadLetters.get(0).detail()).contains("not well-formed XML");
    assertThat(sink.deadLetters.get(3).detail()).contains("<error>");
  }

  @Test
  void aRateLimitedFeedIsReadAfterTheWait() throws Exception {
    server.answer("GET", "/xml", Answer.tooManyRequests(12), Answer.xml(fixture("personio-positions.xml")));

    assertThat(read()).isEqualTo(2);
    assertThat(server.waits).containsExactly(Duration.ofSeconds(12));
  }

  @Test
  void theCompanyIsTheHostNameUnlessTheTargetIsAHost() {
    PageFetcher fetcher = new PageFetcher(new AddressGuard(Set.of()), "jobstream-test", 1024, Duration.ofSeconds(1));
    JobBoardApi api = new JobBoardApi(new PoliteFetcher(fetcher, Duration.ZERO), new AtsServer.Sink(),
        Clock.systemUTC(), CrawlState.inMemory(), Map.of());
    PersonioConnector personio = new PersonioConnector();
    assertThat(personio.firstUrl(api.context("personio"), "moorfield"))
        .isEqualTo("https://moorfield.jobs.personio.de/xml");
    assertThat(personio.firstUrl(api.context("personio"), "moorfield.jobs.personio.com"))
        .isEqualTo("https://moorfield.jobs.personio.com/xml");
    assertThat(personio.validTarget("moorfield.jobs.personio.com")).isTrue();
    assertThat(personio.validTarget("moorfield/../x")).isFalse();
    assertThat(personio.validTarget("moorfield..x")).isFalse();
  }
}
