package io.jobstream.ingest.api;

import static io.jobstream.ingest.api.AggregatorServer.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jobstream.model.DeadLetter;
import io.jobstream.model.JsonSerde;
import io.jobstream.model.RawPosting;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code usajobs:QUERY} against a loopback server answering in the USAJOBS search API's layout. */
class UsaJobsConnectorTest {

  private static final String KEY = "k3y-For-Tests-0000000000000000";
  private static final Map<String, String> KEYS =
      Map.of("ingest.usajobs.api-key", KEY, "ingest.usajobs.email", "someone@jobstream.example");
  private static final String PAGE1 = "/api/search?ResultsPerPage=500&Page=1&JobCategoryCode=1560";
  private static final String PAGE2 = "/api/search?ResultsPerPage=500&Page=2&JobCategoryCode=1560";

  private final AggregatorServer server = new AggregatorServer();
  private final AggregatorServer.Sink sink = new AggregatorServer.Sink();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void pagesOfASeriesWithTheKeyAndEmailInTheHeaders() throws Exception {
    server.answer(PAGE1, response("usajobs-page1.json"));
    server.answer(PAGE2, response("usajobs-page2.json"));

    assertThat(server.api(sink, KEYS).read("usajobs", "series:1560")).isEqualTo(3);

    assertThat(server.uris()).containsExactly(PAGE1, PAGE2);
    assertThat(server.requests()).filteredOn(r -> r.uri().startsWith("/api/")).allSatisfy(r -> {
      assertThat(r.headers()).containsEntry("authorization-key", KEY);
      assertThat(r.headers()).containsEntry("user-agent", "someone@jobstream.example");
      assertThat(r.headers().get("host")).startsWith("127.0.0.1:");
    });
    RawPosting ds = sink.posting("usajobs:series:1560:880100101");
    assertThat(ds.source()).isEqualTo("usajobs");
    assertThat(ds.title()).isEqualTo("Data Scientist");
    assertThat(ds.company()).isEqualTo("Bureau of Invented Statistics");
    assertThat(ds.url()).isEqualTo("https://usajobs.example/job/880100101");
    assertThat(ds.location().text()).isEqualTo("Silver Spring, Maryland");
    assertThat(ds.remote()).isFalse();
    assertThat(ds.employmentType()).isEqualTo("Full-time");
    assertThat(ds.datePosted()).isEqualTo(LocalDate.parse("2026-12-01"));
    assertThat(ds.validThrough()).isEqualTo(LocalDate.parse("2026-12-15"));
    assertThat(ds.description()).isEqualTo("Build models of invented survey data.\nDesign sampling weights.\n"
        + "Explain results to analysts.\nOne year of specialized experience with statistical models.");
    assertThat(ds.salary().currency()).isEqualTo("USD");
    assertThat(ds.salary().min()).isEqualByComparingTo("117962");
    assertThat(ds.salary().max()).isEqualByComparingTo("153354");
    assertThat(ds.salary().unit()).isEqualTo("YEAR");
    RawPosting hourly = sink.posting("usajobs:series:1560:880100102");
    assertThat(hourly.remote()).isTrue();
    assertThat(hourly.salary().unit()).isEqualTo("HOUR");
    assertThat(hourly.salary().min()).isEqualByComparingTo("45.50");
    RawPosting unpaid = sink.posting("usajobs:series:1560:880100103");
    assertThat(unpaid.salary()).isNull();
    assertThat(unpaid.company()).isEqualTo("Department of Examples");
    assertThat(unpaid.employmentType()).isNull();
    assertThat(sink.deadLetters).extracting(DeadLetter::reason).containsExactly("api_error");
    // the key is in no dead letter
    assertThat(JsonSerde.MAPPER.writeValueAsString(sink.deadLetters)).doesNotContain(KEY);
  }

  @Test
  void keywordsAndAnEmptyAnswer() throws Exception {
    String uri = "/api/search?ResultsPerPage=500&Page=1&Keyword=machine%20learning";
    server.answer(uri, "{\"SearchResult\":{\"SearchResultCount\":0,\"SearchResultItems\":[],"
        + "\"UserArea\":{\"NumberOfPages\":\"0\"}}}");
    assertThat(server.api(sink, KEYS).read("usajobs", "machine learning")).isZero();
    assertThat(sink.deadLetters).isEmpty();
    assertThat(server.uris()).containsExactly(uri);
  }

  @Test
  void withoutItsKeyASourceIsAUsageErrorNamingTheKey() {
    assertThatThrownBy(() -> ApiKeys.requireFor(List.of("remotive", "usajobs"),
        Map.of("ingest.usajobs.email", "someone@jobstream.example")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ingest.usajobs.api-key").hasMessageContaining("JOBSTREAM_USAJOBS_API_KEY");
    assertThatThrownBy(() -> ApiKeys.requireFor(List.of("usajobs"), Map.of("ingest.usajobs.api-key", KEY)))
        .hasMessageContaining("ingest.usajobs.email");
    ApiKeys.requireFor(List.of("usajobs", "remotive"), KEYS);
    ApiKeys.requireFor(List.of("remotive"), Map.of());
  }

  @Test
  void aReadWithoutTheKeyIsADeadLetterNotACrash() throws Exception {
    assertThat(server.api(sink, Map.of()).read("usajobs", "all")).isZero();
    assertThat(sink.deadLetters).extracting(DeadLetter::reason).containsExactly("missing_key");
    assertThat(server.uris()).isEmpty();
  }

  @Test
  void awkwardAnswers() throws Exception {
    AwkwardAnswers.check(server, KEYS, "usajobs", "series:1560", PAGE1, response("usajobs-page2.json")
        .replace("\"NumberOfPages\": \"2\"", "\"NumberOfPages\": \"1\""), 1);
  }
}
