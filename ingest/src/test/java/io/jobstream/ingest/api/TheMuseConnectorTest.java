package io.jobstream.ingest.api;

import static io.jobstream.ingest.api.AggregatorServer.response;
import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.model.DeadLetter;
import io.jobstream.model.RawPosting;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code themuse:CATEGORY} against a loopback server answering in The Muse's documented layout. */
class TheMuseConnectorTest {

  private static final String PAGE1 = "/api/public/jobs?page=1&category=Data%20Science";
  private static final String PAGE2 = "/api/public/jobs?page=2&category=Data%20Science";

  private final AggregatorServer server = new AggregatorServer();
  private final AggregatorServer.Sink sink = new AggregatorServer.Sink();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void pagesOfACategoryUntilThePageCount() throws Exception {
    server.answer(PAGE1, response("themuse-page1.json"));
    server.answer(PAGE2, response("themuse-page2.json"));

    assertThat(server.api(sink, Map.of()).read("themuse", "Data Science")).isEqualTo(3);

    assertThat(server.uris()).containsExactly(PAGE1, PAGE2);
    RawPosting ds = sink.posting("themuse:Data Science:15500101");
    assertThat(ds.source()).isEqualTo("themuse");
    assertThat(ds.url()).isEqualTo("https://themuse.example/jobs/saltmarshhealth/data-scientist-ii-4a1b");
    assertThat(ds.title()).isEqualTo("Data Scientist II");
    assertThat(ds.company()).isEqualTo("Saltmarsh Health");
    assertThat(ds.location().text()).isEqualTo("Boston, MA");
    assertThat(ds.remote()).isTrue();
    assertThat(ds.datePosted()).isEqualTo(LocalDate.parse("2026-11-30"));
    assertThat(ds.description()).isEqualTo("Saltmarsh Health is hiring a data scientist to forecast clinic demand."
        + " Python & SQL Bayesian models");
    assertThat(ds.salary()).isNull();
    RawPosting onsite = sink.posting("themuse:Data Science:15500102");
    assertThat(onsite.remote()).isFalse();
    RawPosting nowhere = sink.posting("themuse:Data Science:15500103");
    assertThat(nowhere.remote()).isNull();
    assertThat(nowhere.location()).isNull();
    assertThat(sink.deadLetters).extracting(DeadLetter::reason).containsExactly("api_error");
  }

  @Test
  void allCategoriesAndAnEmptyFirstPage() throws Exception {
    server.answer("/api/public/jobs?page=1", "{\"page\":1,\"page_count\":0,\"results\":[],\"total\":0}");
    assertThat(server.api(sink, Map.of()).read("themuse", "all")).isZero();
    assertThat(sink.deadLetters).isEmpty();
    assertThat(server.uris()).containsExactly("/api/public/jobs?page=1");
  }

  @Test
  void requestsAreSpacedByTheInterval() throws Exception {
    server.answer(PAGE1, response("themuse-page1.json"));
    server.answer(PAGE2, response("themuse-page2.json"));
    long start = System.nanoTime();
    server.api(sink, Map.of("ingest.themuse.request-interval", "700ms")).read("themuse", "Data Science");
    assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(700);
    assertThat(RequestPacing.interval(server.api(sink, Map.of("ingest.themuse.request-interval",
        AggregatorServer.DEFAULT)).context("themuse"), java.time.Duration.ofMillis(TheMuseConnector.INTERVAL_MS)))
        .hasMillis(7200);
  }

  @Test
  void targets() {
    TheMuseConnector muse = new TheMuseConnector();
    assertThat(muse.validTarget("Data Science")).isTrue();
    assertThat(muse.validTarget("Computer and IT")).isTrue();
    assertThat(muse.validTarget("../etc")).isFalse();
    assertThat(muse.validTarget(" leading space")).isFalse();
  }

  @Test
  void awkwardAnswers() throws Exception {
    AwkwardAnswers.check(server, Map.of(), "themuse", "Data Science", PAGE1,
        "{\"page\":1,\"page_count\":1,\"results\":[{\"id\":1,\"name\":\"Data Engineer\",\"company\":{\"name\":\"Ashgrove\"}}]}", 1);
  }
}
