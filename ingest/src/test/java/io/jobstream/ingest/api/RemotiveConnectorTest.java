package io.jobstream.ingest.api;

import static io.jobstream.ingest.api.AggregatorServer.response;
import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.model.DeadLetter;
import io.jobstream.model.RawPosting;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code remotive:CATEGORY} against a loopback server answering in Remotive's documented layout. */
class RemotiveConnectorTest {

  private final AggregatorServer server = new AggregatorServer();
  private final AggregatorServer.Sink sink = new AggregatorServer.Sink();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void everyJobOfACategoryWithPayTextAndAttribution() throws Exception {
    server.answer("/api/remote-jobs?category=software-dev", response("remotive-jobs.json"));

    assertThat(server.api(sink, Map.of()).read("remotive", "software-dev")).isEqualTo(3);

    RawPosting paid = sink.posting("remotive:software-dev:1904411");
    assertThat(paid.source()).isEqualTo("remotive");
    assertThat(paid.url()).isEqualTo("https://remotive.example/remote-jobs/software-dev/senior-python-engineer-1904411");
    assertThat(paid.title()).isEqualTo("Senior Python Engineer");
    assertThat(paid.company()).isEqualTo("Heronway");
    assertThat(paid.remote()).isTrue();
    assertThat(paid.location().text()).isEqualTo("USA, Canada");
    assertThat(paid.employmentType()).isEqualTo("full_time");
    assertThat(paid.datePosted()).isEqualTo(LocalDate.parse("2026-11-28"));
    assertThat(paid.description()).isEqualTo("Heronway routes parcels by bike & boat. Python 3.12 Postgres");
    assertThat(paid.descriptionHtml()).contains("<strong>parcels</strong>");
    assertThat(paid.salary().currency()).isEqualTo("USD");
    assertThat(paid.salary().min()).isEqualByComparingTo("120000");
    assertThat(paid.salary().max()).isEqualByComparingTo("150000");
    assertThat(paid.salary().text()).isEqualTo("$120k - $150k");
    // missing pay is no pay; pay as words is kept as text
    assertThat(sink.posting("remotive:software-dev:1904412").salary()).isNull();
    RawPosting words = sink.posting("remotive:software-dev:1904413");
    assertThat(words.salary().text()).isEqualTo("Competitive, with equity");
    assertThat(words.salary().min()).isNull();
    assertThat(words.employmentType()).isNull();
    assertThat(sink.deadLetters).extracting(DeadLetter::reason).containsExactly("no_title");
    assertThat(sink.deadLetters.get(0).key()).isEqualTo("remotive:software-dev:1904414");
  }

  @Test
  void allCategoriesAndAnEmptyAnswer() throws Exception {
    server.answer("/api/remote-jobs", "{\"job-count\":0,\"jobs\":[]}");
    assertThat(server.api(sink, Map.of()).read("remotive", "all")).isZero();
    assertThat(sink.deadLetters).isEmpty();
    assertThat(server.uris()).containsExactly("/api/remote-jobs");
  }

  @Test
  void atMostOneRequestPerIntervalASoonerReadIsSkipped() throws Exception {
    server.answer("/api/remote-jobs", response("remotive-jobs.json"));
    // the default interval: six hours
    var api = server.api(sink, Map.of("ingest.remotive.request-interval", AggregatorServer.DEFAULT));

    assertThat(api.read("remotive", "all")).isEqualTo(3);
    assertThat(api.read("remotive", "all")).isZero();
    assertThat(server.uris()).containsExactly("/api/remote-jobs");
  }

  @Test
  void anUnreadableIntervalIsAnErrorBeforeTheRun() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ApiKeys.requireFor(java.util.List.of("remotive"),
        Map.of("ingest.remotive.request-interval", "twice a day")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ingest.remotive.request-interval");
    assertThat(RequestPacing.parse("x", "500ms")).hasMillis(500);
    assertThat(RequestPacing.parse("x", "7s")).hasSeconds(7);
    assertThat(RequestPacing.parse("x", "15m")).hasMinutes(15);
    assertThat(RequestPacing.parse("x", "0")).isZero();
  }

  @Test
  void awkwardAnswers() throws Exception {
    AwkwardAnswers.check(server, Map.of(), "remotive", "data", "/api/remote-jobs?category=data",
        response("remotive-jobs.json"), 3);
  }
}
