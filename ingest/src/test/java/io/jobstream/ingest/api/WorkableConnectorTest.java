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

/** {@link WorkableConnector} against a loopback server answering as Workable's job widget API. */
class WorkableConnectorTest {

  private static final String ACCOUNT = "/api/v1/widget/accounts/quarry-lane-health?details=true";

  private final AtsServer server = new AtsServer();
  private final AtsServer.Sink sink = new AtsServer.Sink();

  @AfterEach
  void stop() {
    server.close();
  }

  private int read() throws InterruptedException {
    return server.api("workable", sink).read("workable", "quarry-lane-health");
  }

  @Test
  void readsEveryJobWithItsSectionsPayAndLocations() throws Exception {
    server.json(ACCOUNT, fixture("workable-account.json"));

    assertThat(read()).isEqualTo(2);

    RawPosting p = sink.posting("workable:quarry-lane-health:7A3C19E2F0");
    assertThat(p.sourceId()).isEqualTo("7A3C19E2F0");
    assertThat(p.title()).isEqualTo("Senior Backend Engineer (Go)");
    assertThat(p.company()).isEqualTo("Quarry Lane Health");
    assertThat(p.url()).isEqualTo("https://apply.workable.example/quarry-lane-health/j/7A3C19E2F0/");
    assertThat(p.location().city()).isEqualTo("Galway");
    assertThat(p.location().country()).isEqualTo("IE");
    assertThat(p.location().text()).isEqualTo("Galway, County Galway, Ireland");
    assertThat(p.remote()).isFalse();
    assertThat(p.employmentType()).isEqualTo("Full-time");
    assertThat(p.datePosted()).isEqualTo(LocalDate.parse("2024-05-30"));
    assertThat(p.descriptionHtml()).startsWith("<p>Keep appointment booking fast")
        .contains("<h3>Requirements</h3><ul><li>Go, Postgres").contains("<h3>Benefits</h3>");
    assertThat(p.description()).contains("open at 8:00 & all at once.").doesNotContain("<li>");
    assertThat(p.salary().currency()).isEqualTo("EUR");
    assertThat(p.salary().min()).isEqualByComparingTo("72000");
    assertThat(p.salary().max()).isEqualByComparingTo("86000");

    RawPosting remote = sink.posting("workable:quarry-lane-health:B91D04A7C5");
    assertThat(remote.remote()).isTrue();
    assertThat(remote.salary()).isNull();
    assertThat(remote.employmentType()).isEqualTo("Contract");
    // two shown locations, the hidden one left out
    assertThat(remote.location().text()).isEqualTo("Leeds, England, United Kingdom; Cork, County Cork, Ireland");
    assertThat(remote.location().country()).isNull();

    assertThat(sink.deadLetters).extracting(DeadLetter::reason).containsExactly("api_error", "no_title");
    assertThat(sink.deadLetters.get(1).key()).isEqualTo("workable:quarry-lane-health:C0FFEE0001");
  }

  @Test
  void anAccountWithoutJobsIsNoPostingAndNoDeadLetter() throws Exception {
    server.json(ACCOUNT, "{\"name\":\"Quarry Lane Health\",\"description\":null,\"jobs\":[]}");

    assertThat(read()).isZero();
    assertThat(sink.deadLetters).isEmpty();
  }

  @Test
  void aBlockACaptchaOrACutBodyAreDeadLettersAndA429IsWaitedFor() throws Exception {
    String account = fixture("workable-account.json");
    server.answer("GET", ACCOUNT, Answer.html(403, "<html>Request blocked</html>"));
    assertThat(read()).isZero();
    server.answer("GET", ACCOUNT, Answer.html(200, "<html><body>Are you a robot? <form>captcha</form></body></html>"));
    assertThat(read()).isZero();
    server.json(ACCOUNT, account.substring(0, account.length() / 3));
    assertThat(read()).isZero();
    assertThat(sink.deadLetters).extracting(DeadLetter::reason)
        .containsExactly("fetch_http_status", "api_error", "api_error");
    assertThat(sink.postings).isEmpty();

    server.answer("GET", ACCOUNT, Answer.tooManyRequests(60), Answer.json(account));
    assertThat(read()).isEqualTo(2);
    assertThat(server.waits).containsExactly(Duration.ofSeconds(60));
  }
}
