package io.jobstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.sun.net.httpserver.HttpServer;
import io.jobstream.ingest.api.JobBoardApi;
import io.jobstream.ingest.http.AddressGuard;
import io.jobstream.ingest.http.PageFetcher;
import io.jobstream.ingest.http.PoliteFetcher;
import io.jobstream.model.DeadLetter;
import io.jobstream.model.JsonSerde;
import io.jobstream.model.RawPosting;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The job-board API connectors against a loopback server: Greenhouse with its real recorded
 * response (data/greenhouse-api-2013, plus today's pay_input_ranges), and Lever, Ashby and
 * Recruitee responses in their documented layouts.
 */
class JobBoardApiTest {

  private HttpServer server;
  private final Map<String, String> bodies = new ConcurrentHashMap<>();
  private final JsonLdCrawlerTest.CollectingSink sink = new JsonLdCrawlerTest.CollectingSink();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String body = bodies.get(exchange.getRequestURI().toString());
      try (exchange) {
        if (body == null) {
          exchange.sendResponseHeaders(404, -1);
          return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private JobBoardApi api() {
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    PageFetcher fetcher = new PageFetcher(new AddressGuard(Set.of("127.0.0.1")), "jobstream-test",
        1024 * 1024, Duration.ofSeconds(5));
    return new JobBoardApi(new PoliteFetcher(fetcher, Duration.ZERO), sink, Map.of("greenhouse", base, "lever", base, "ashby", base,
        "recruitee", base), Clock.systemUTC());
  }

  /** A file of the repository's data directory (tests run in the module directory). */
  private static Path data(String name) {
    return Path.of("..", "data", name);
  }

  @Test
  void greenhouseRecordedResponseWithPayInCents() throws Exception {
    JsonNode cassette = new YAMLMapper().readTree(data("greenhouse-api-2013/jobs_with_content.yml").toFile());
    String recorded = cassette.path("http_interactions").get(0).path("response").path("body").path("string").asText();
    ObjectNode response = (ObjectNode) JsonSerde.MAPPER.readTree(recorded);
    ObjectNode first = (ObjectNode) response.get("jobs").get(0);
    ArrayNode ranges = first.putArray("pay_input_ranges");
    ranges.addObject().put("min_cents", 12_000_000).put("max_cents", 15_000_000)
        .put("currency_type", "USD").put("title", "New York");
    bodies.put("/v1/boards/generalassembly/jobs?content=true&pay_transparency=true", response.toString());

    assertThat(api().read("greenhouse", "generalassembly")).isEqualTo(2);

    RawPosting p = sink.postings.get(0);
    assertThat(p.postingId()).isEqualTo("greenhouse:generalassembly:721");
    assertThat(p.title()).isEqualTo("Application developer");
    assertThat(p.url()).isEqualTo("http://boards.greenhouse.io/generalassembly/jobs/721");
    assertThat(p.location().text()).isEqualTo("New York, NY");
    assertThat(p.datePosted()).isEqualTo(LocalDate.parse("2013-09-12"));
    assertThat(p.descriptionHtml()).startsWith("<h3>Who this job is right for</h3>");
    assertThat(p.description()).startsWith("Who this job is right for");
    assertThat(p.salary().min()).isEqualByComparingTo("120000");
    assertThat(p.salary().max()).isEqualByComparingTo("150000");
    assertThat(p.salary().currency()).isEqualTo("USD");
    assertThat(p.fingerprint()).isNotNull();
  }

  @Test
  void leverPagesAshbyCompensationAndRecruiteeStrings() throws Exception {
    bodies.put("/v0/postings/acme?mode=json&skip=0&limit=100", """
        [{"id":"a1b2","text":"Senior Machine Learning Engineer","categories":{"location":"Berlin","commitment":"Full-time","team":"ML"},
          "country":"de","workplaceType":"remote","descriptionPlain":"PyTorch and Kubernetes.","hostedUrl":"https://jobs.lever.co/acme/a1b2",
          "createdAt":1712000000000,"salaryRange":{"currency":"EUR","interval":"per-year-salary","min":80000,"max":100000}}]
        """);
    bodies.put("/posting-api/job-board/acme?includeCompensation=true", """
        {"jobs":[{"id":"j-1","title":"Data Scientist","location":"London","isRemote":false,"employmentType":"FullTime",
          "publishedAt":"2024-03-01T10:00:00.000+00:00","descriptionHtml":"<p>SQL, A/B testing</p>","jobUrl":"https://jobs.ashbyhq.com/acme/j-1",
          "compensation":{"compensationTiers":[{"components":[{"compensationType":"EquityPercentage","minValue":0.1,"maxValue":0.2},
            {"compensationType":"Salary","interval":"1 YEAR","currencyCode":"GBP","minValue":60000,"maxValue":75000}]}]}}]}
        """);
    bodies.put("/api/offers", """
        {"offers":[{"id":42,"title":"Data Engineer","created_at":"2024-02-10 09:00:00 UTC","location":"Amsterdam","remote":true,
          "description":"<p>Airflow, dbt</p>","careers_url":"https://acme.recruitee.com/o/data-engineer",
          "salary":{"min":"4000","max":"5000","period":"month","currency":"EUR"}},
          {"id":43,"title":"","created_at":"2024-02-11 09:00:00 UTC"}]}
        """);
    JobBoardApi api = api();
    assertThat(api.read("lever", "acme")).isEqualTo(1);
    assertThat(api.read("ashby", "acme")).isEqualTo(1);
    assertThat(api.read("recruitee", "acme")).isEqualTo(1);

    RawPosting lever = sink.postings.get(0);
    assertThat(lever.postingId()).isEqualTo("lever:acme:a1b2");
    assertThat(lever.remote()).isTrue();
    assertThat(lever.location().country()).isEqualTo("DE");
    assertThat(lever.salary().unit()).isEqualTo("per-year-salary");
    assertThat(lever.datePosted()).isEqualTo(LocalDate.parse("2024-04-01"));
    RawPosting ashby = sink.postings.get(1);
    assertThat(ashby.salary().currency()).isEqualTo("GBP");
    assertThat(ashby.salary().unit()).isEqualTo("1 YEAR");
    assertThat(ashby.salary().min()).isEqualByComparingTo("60000");
    RawPosting recruitee = sink.postings.get(2);
    assertThat(recruitee.salary().max()).isEqualByComparingTo("5000");
    assertThat(recruitee.salary().unit()).isEqualTo("month");
    assertThat(recruitee.datePosted()).isEqualTo(LocalDate.parse("2024-02-10"));
    assertThat(sink.deadLetters).extracting(DeadLetter::reason).containsExactly("no_title");
  }

  @Test
  void errorBodiesAndMissingBoardsAreDeadLetters() throws Exception {
    bodies.put("/v1/boards/broken/jobs?content=true&pay_transparency=true", "<html>Service unavailable</html>");
    bodies.put("/v1/boards/odd/jobs?content=true&pay_transparency=true", "{\"error\":\"board not found\"}");
    JobBoardApi api = api();
    assertThat(api.read("greenhouse", "broken")).isZero();
    assertThat(api.read("greenhouse", "odd")).isZero();
    assertThat(api.read("greenhouse", "missing")).isZero();
    assertThat(sink.deadLetters).extracting(DeadLetter::reason)
        .containsExactly("api_error", "api_error", "fetch_http_status");
    assertThat(sink.deadLetters.get(1).excerpt()).contains("board not found");
  }
}
