package io.jobstream.ingest.api;

import static io.jobstream.ingest.api.AggregatorServer.response;
import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.ingest.api.AggregatorServer.Answer;
import io.jobstream.model.DeadLetter;
import io.jobstream.model.JsonSerde;
import io.jobstream.model.RawPosting;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code adzuna:COUNTRY[/KEYWORDS]} against a loopback server answering in Adzuna's documented layout. */
class AdzunaConnectorTest {

  private static final String APP_ID = "a1b2c3d4";
  private static final String APP_KEY = "0123456789abcdef0123456789abcdef";
  private static final Map<String, String> KEYS = Map.of("ingest.adzuna.app-id", APP_ID, "ingest.adzuna.app-key", APP_KEY);
  private static final String QUERY = "?app_id=" + APP_ID + "&app_key=" + APP_KEY
      + "&results_per_page=50&content-type=application/json&what=machine%20learning";
  private static final String PAGE1 = "/v1/api/jobs/gb/search/1" + QUERY;

  private final AggregatorServer server = new AggregatorServer();
  private final AggregatorServer.Sink sink = new AggregatorServer.Sink();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void adsWithTheirOwnPayInTheCountrysCurrency() throws Exception {
    server.answer(PAGE1, response("adzuna-search.json"));

    assertThat(server.api(sink, KEYS).read("adzuna", "gb/machine learning")).isEqualTo(3);

    // a short page is the last one
    assertThat(server.uris()).containsExactly(PAGE1);
    RawPosting ml = sink.posting("adzuna:gb/machine learning:5100200301");
    assertThat(ml.source()).isEqualTo("adzuna");
    assertThat(ml.url()).isEqualTo("https://adzuna.example/land/ad/5100200301?se=test");
    assertThat(ml.title()).isEqualTo("Senior Machine Learning Engineer");
    assertThat(ml.company()).isEqualTo("Thistledown Insurance");
    assertThat(ml.location().text()).isEqualTo("Leeds, West Yorkshire");
    assertThat(ml.employmentType()).isEqualTo("full_time");
    assertThat(ml.datePosted()).isEqualTo(LocalDate.parse("2026-11-30"));
    assertThat(ml.description()).startsWith("Thistledown Insurance is looking").contains("flood risk & storm risk");
    assertThat(ml.salary().currency()).isEqualTo("GBP");
    assertThat(ml.salary().min()).isEqualByComparingTo("70000");
    assertThat(ml.salary().max()).isEqualByComparingTo("85000");
    assertThat(ml.salary().unit()).isEqualTo("YEAR");
    // pay Adzuna estimated is not the ad's
    assertThat(sink.posting("adzuna:gb/machine learning:5100200302").salary()).isNull();
    RawPosting single = sink.posting("adzuna:gb/machine learning:5100200303");
    assertThat(single.salary().value()).isEqualByComparingTo("60000");
    assertThat(single.salary().min()).isNull();
  }

  @Test
  void fullPagesAreFollowedUntilTheCount() throws Exception {
    String full = fullPage();
    server.answer(PAGE1, full.replace("\"count\":3", "\"count\":100"));
    server.answer("/v1/api/jobs/gb/search/2" + QUERY, full.replace("\"count\":3", "\"count\":100")
        .replace("\"id\":\"p", "\"id\":\"q"));

    assertThat(server.api(sink, KEYS).read("adzuna", "gb/machine learning")).isEqualTo(100);
    assertThat(server.uris()).hasSize(2);
    assertThat(sink.postings).extracting(RawPosting::postingId).doesNotHaveDuplicates();
  }

  private static String fullPage() throws Exception {
    var root = (com.fasterxml.jackson.databind.node.ObjectNode) JsonSerde.MAPPER.readTree(response("adzuna-search.json"));
    var template = (com.fasterxml.jackson.databind.node.ObjectNode) root.get("results").get(0);
    var results = JsonSerde.MAPPER.createArrayNode();
    for (int i = 0; i < 50; i++) {
      results.add(template.deepCopy().put("id", "p" + i));
    }
    root.set("results", results);
    return root.toString();
  }

  @Test
  void theKeyIsInNoDeadLetter() throws Exception {
    server.answer(PAGE1, new Answer(401, "application/json",
        "{\"__CLASS__\":\"Adzuna::API::Response::Exception\",\"exception\":\"AUTH_FAIL\",\"doc\":\"http://api.adzuna.example/v1/doc\","
            + "\"display\":\"Authorisation failed: app_key=" + APP_KEY + " is not valid\"}", Map.of(), Integer.MAX_VALUE));
    String country = "/v1/api/jobs/de/search/1?app_id=" + APP_ID + "&app_key=" + APP_KEY
        + "&results_per_page=50&content-type=application/json";
    server.answer(country, "<html>captcha for " + APP_KEY + "</html>");

    var api = server.api(sink, KEYS);
    assertThat(api.read("adzuna", "gb/machine learning")).isZero();
    assertThat(api.read("adzuna", "de")).isZero();

    assertThat(sink.deadLetters).extracting(DeadLetter::reason).containsExactly("fetch_http_status", "api_error");
    String letters = JsonSerde.MAPPER.writeValueAsString(sink.deadLetters);
    assertThat(letters).doesNotContain(APP_KEY).doesNotContain(APP_ID).contains("app_key=REDACTED");
    assertThat(sink.deadLetters.get(0).origin()).contains("app_id=REDACTED&app_key=REDACTED");
  }

  @Test
  void queryParametersNamedForKeysAreRedactedEvenWithoutTheSettings() {
    assertThat(ApiKeys.redact("https://api.example/x?app_id=abc&app_key=def&page=2", Map.of()))
        .isEqualTo("https://api.example/x?app_id=REDACTED&app_key=REDACTED&page=2");
  }

  @Test
  void keysFromTheEnvironmentWhenTheConfigurationLacksThem() {
    Map<String, String> env = Map.of("JOBSTREAM_ADZUNA_APP_ID", "env-id", "JOBSTREAM_ADZUNA_APP_KEY", "env-key");
    Map<String, String> settings = ApiKeys.withEnvironment(Map.of("ingest.adzuna.app-id", "config-id"),
        List.of("ingest.adzuna.app-id", "ingest.adzuna.app-key"), env::get);
    assertThat(settings).containsEntry("ingest.adzuna.app-id", "config-id").containsEntry("ingest.adzuna.app-key", "env-key");
    ApiKeys.requireFor(List.of("adzuna"), settings);
  }

  @Test
  void targets() {
    AdzunaConnector adzuna = new AdzunaConnector();
    assertThat(adzuna.validTarget("gb")).isTrue();
    assertThat(adzuna.validTarget("us/data scientist")).isTrue();
    assertThat(adzuna.validTarget("xx")).isFalse();
    assertThat(adzuna.validTarget("gb/")).isFalse();
    assertThat(adzuna.validTarget("gb/../x")).isFalse();
  }

  @Test
  void awkwardAnswers() throws Exception {
    AwkwardAnswers.check(server, KEYS, "adzuna", "gb/machine learning", PAGE1, response("adzuna-search.json"), 3);
  }
}
