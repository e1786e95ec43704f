package io.jobstream.ingest.api;

import static io.jobstream.ingest.api.AggregatorServer.response;
import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.model.DeadLetter;
import io.jobstream.model.RawPosting;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code arbeitnow:all} against a loopback server answering in Arbeitnow's documented layout. */
class ArbeitnowConnectorTest {

  private final AggregatorServer server = new AggregatorServer();
  private final AggregatorServer.Sink sink = new AggregatorServer.Sink();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void pagesFollowTheNextLinkOnTheConfiguredHostUntilItIsNull() throws Exception {
    server.answer("/api/job-board-api", response("arbeitnow-page1.json"));
    server.answer("/api/job-board-api?page=2", response("arbeitnow-page2.json"));

    assertThat(server.api(sink, Map.of()).read("arbeitnow", "all")).isEqualTo(3);

    assertThat(server.uris()).containsExactly("/api/job-board-api", "/api/job-board-api?page=2");
    RawPosting de = sink.posting("arbeitnow:all:data-engineer-m-w-d-kornblume-analytics-berlin-218804");
    assertThat(de.source()).isEqualTo("arbeitnow");
    assertThat(de.title()).isEqualTo("Data Engineer (m/w/d)");
    assertThat(de.company()).isEqualTo("Kornblume Analytics GmbH");
    assertThat(de.location().text()).isEqualTo("Berlin");
    assertThat(de.remote()).isFalse();
    assertThat(de.employmentType()).isEqualTo("Berufserfahren, Vollzeit");
    assertThat(de.datePosted()).isEqualTo(LocalDate.parse("2026-12-02"));
    assertThat(de.url()).startsWith("https://arbeitnow.example/jobs/companies/kornblume-analytics/");
    assertThat(de.description()).isEqualTo("Wir bauen Datenpipelines für Stadtwerke & Verkehrsbetriebe. Python, Airflow, dbt.");
    assertThat(de.salary()).isNull();
    RawPosting ml = sink.posting("arbeitnow:all:machine-learning-engineer-remote-lindwurm-ai-218805");
    assertThat(ml.remote()).isTrue();
    assertThat(ml.employmentType()).isNull();
    // created_at given as a timestamp text on the second page
    assertThat(sink.posting("arbeitnow:all:werkstudent-software-entwicklung-moorfeld-218806").datePosted())
        .isEqualTo(LocalDate.parse("2026-12-02"));
    assertThat(sink.deadLetters).extracting(DeadLetter::reason).containsExactly("api_error", "no_title");
    assertThat(sink.deadLetters.get(0).detail()).contains("without a slug");
  }

  @Test
  void anEmptyPageEndsTheReadAndALoopingLinkIsFollowedOnce() throws Exception {
    server.answer("/api/job-board-api", response("arbeitnow-page1.json"));
    server.answer("/api/job-board-api?page=2", "{\"data\":[],\"links\":{\"next\":\"https://www.arbeitnow.com/api/job-board-api?page=3\"}}");
    assertThat(server.api(sink, Map.of()).read("arbeitnow", "all")).isEqualTo(2);
    assertThat(server.uris()).containsExactly("/api/job-board-api", "/api/job-board-api?page=2");

    server.requests().clear();
    server.answer("/api/job-board-api?page=2",
        "{\"data\":[],\"links\":{\"next\":\"https://www.arbeitnow.com/api/job-board-api?page=2\"}}");
    server.answer("/api/job-board-api", response("arbeitnow-page1.json").replace("page=2\"", "page=1\""));
    server.answer("/api/job-board-api?page=1", response("arbeitnow-page1.json").replace("page=2\"", "page=1\""));
    server.api(sink, Map.of()).read("arbeitnow", "all");
    assertThat(server.uris()).containsExactly("/api/job-board-api", "/api/job-board-api?page=1");
  }

  @Test
  void awkwardAnswers() throws Exception {
    AwkwardAnswers.check(server, Map.of(), "arbeitnow", "all", "/api/job-board-api",
        response("arbeitnow-page2.json"), 1);
  }
}
