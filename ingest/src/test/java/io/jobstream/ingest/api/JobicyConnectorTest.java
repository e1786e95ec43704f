package io.jobstream.ingest.api;

import static io.jobstream.ingest.api.AggregatorServer.response;
import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.model.DeadLetter;
import io.jobstream.model.RawPosting;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code jobicy:INDUSTRY} against a loopback server answering in Jobicy's documented layout. */
class JobicyConnectorTest {

  private static final String DATA = "/api/v2/remote-jobs?count=100&industry=data-science";

  private final AggregatorServer server = new AggregatorServer();
  private final AggregatorServer.Sink sink = new AggregatorServer.Sink();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void jobsOfAnIndustryWithPayFieldsOldAndNew() throws Exception {
    server.answer(DATA, response("jobicy-jobs.json"));

    assertThat(server.api(sink, Map.of()).read("jobicy", "data-science")).isEqualTo(3);

    RawPosting de = sink.posting("jobicy:data-science:120001");
    assertThat(de.source()).isEqualTo("jobicy");
    assertThat(de.url()).isEqualTo("https://jobicy.example/jobs/120001-senior-data-engineer");
    assertThat(de.title()).isEqualTo("Senior Data Engineer – Streaming");
    assertThat(de.company()).isEqualTo("Vantablue");
    assertThat(de.location().text()).isEqualTo("Europe");
    assertThat(de.remote()).isTrue();
    assertThat(de.employmentType()).isEqualTo("full-time");
    assertThat(de.datePosted()).isEqualTo(LocalDate.parse("2026-11-30"));
    assertThat(de.description()).isEqualTo("Kafka & Flink for a shipping tracker. You 5 years of streaming");
    assertThat(de.salary().currency()).isEqualTo("EUR");
    assertThat(de.salary().min()).isEqualByComparingTo("70000");
    assertThat(de.salary().max()).isEqualByComparingTo("90000");
    assertThat(de.salary().unit()).isEqualTo("year");
    RawPosting annual = sink.posting("jobicy:data-science:120002");
    assertThat(annual.salary().min()).isEqualByComparingTo("140000");
    assertThat(annual.salary().unit()).isEqualTo("YEAR");
    assertThat(annual.salary().currency()).isEqualTo("USD");
    assertThat(sink.posting("jobicy:data-science:120003").salary()).isNull();
    assertThat(sink.deadLetters).extracting(DeadLetter::reason).containsExactly("api_error");
    assertThat(sink.deadLetters.get(0).detail()).contains("without an id");
  }

  @Test
  void twoIndustriesAreTwoListsButOneIsNotReadAgainWithinTheInterval() throws Exception {
    server.answer(DATA, response("jobicy-jobs.json"));
    server.answer("/api/v2/remote-jobs?count=100", "{\"jobCount\":0,\"jobs\":[]}");
    var api = server.api(sink, Map.of("ingest.jobicy.request-interval", AggregatorServer.DEFAULT));

    assertThat(api.read("jobicy", "data-science")).isEqualTo(3);
    assertThat(api.read("jobicy", "all")).isZero();
    assertThat(api.read("jobicy", "data-science")).isZero();

    assertThat(server.uris()).containsExactly(DATA, "/api/v2/remote-jobs?count=100");
  }

  @Test
  void awkwardAnswers() throws Exception {
    AwkwardAnswers.check(server, Map.of(), "jobicy", "data-science", DATA, response("jobicy-jobs.json"), 3);
  }
}
