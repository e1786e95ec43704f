package io.jobstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.jobstream.app.broker.EmbeddedKafkaBroker;
import io.jobstream.app.cli.JobstreamCli;
import io.jobstream.ingest.Ingestor;
import io.jobstream.ingest.SourceSpec;
import io.jobstream.ingest.http.AddressGuard;
import io.jobstream.ingest.http.PageFetcher;
import io.jobstream.ingest.http.PoliteFetcher;
import io.jobstream.ingest.publish.KafkaPostingSink;
import io.jobstream.ingest.state.CrawlState;
import io.jobstream.model.DeadLetter;
import io.jobstream.model.RawPosting;
import io.jobstream.model.Topics;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.MonthDay;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input that does not fit, against a real broker with Kafka's default size limits: an oversize
 * posting in a file, a page or an API answer is published cut to its budget or dead-lettered, the
 * pass goes on and exits 0, and the rows around it are all published.
 */
@Tag("integration")
class OversizeInputTest {

  private static final String SURVEY_HEADER = "work_year,experience_level,employment_type,job_title,salary,"
      + "salary_currency,salary_in_usd,employee_residence,remote_ratio,company_location,company_size";

  @TempDir
  Path dir;

  private EmbeddedKafkaBroker broker;
  private Properties client;
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    broker = new EmbeddedKafkaBroker(dir.resolve("broker"), 0).start(Duration.ofSeconds(60));
    client = new Properties();
    client.put("bootstrap.servers", broker.bootstrapServers());
    TopicSetup.ensureTopics(client);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
    broker.close();
  }

  private static String surveyRow(int i, String title) {
    return "2024,SE,FT," + title + "," + (100_000 + i) + ",USD," + (100_000 + i) + ",US,0,US,M";
  }

  private Path survey(String name, String badRow) throws IOException {
    StringBuilder s = new StringBuilder(SURVEY_HEADER).append('\n');
    for (int i = 1; i <= 100; i++) {
      s.append(surveyRow(i, "Data Scientist " + i)).append('\n');
      if (i == 50) {
        s.append(badRow).append('\n');
      }
    }
    Path file = dir.resolve(name);
    Files.writeString(file, s);
    return file;
  }

  private int ingest(String... sources) {
    List<String> args = new java.util.ArrayList<>(List.of("ingest", "--bootstrap-servers", broker.bootstrapServers(),
        "--once", "--allow-host", "127.0.0.1", "--min-delay", "0s"));
    for (String s : sources) {
      args.add("--source");
      args.add(s);
    }
    return JobstreamCli.commandLine().execute(args.toArray(String[]::new));
  }

  private List<RawPosting> raw(int atLeast) {
    return FaultWorkload.read(client, Topics.RAW, n -> n >= atLeast, Duration.ofSeconds(60)).stream()
        .map(ConsumerRecord::value).toList();
  }

  private List<DeadLetter> deadLetters(int atLeast) {
    return FaultWorkload.read(client, Topics.DLQ, n -> n >= atLeast, Duration.ofSeconds(60)).stream()
        .map(ConsumerRecord::value).toList();
  }

  @Test
  void aTwoMegabyteTitleInASurveyFileIsADeadLetterAndTheOtherHundredArePublished() throws Exception {
    Path file = survey("big-title.csv", surveyRow(0, "Data Scientist " + "x".repeat(2_000_000)));
    assertThat(ingest("csv:" + file)).isZero();
    assertThat(raw(100)).hasSize(100);
    List<DeadLetter> dead = deadLetters(1);
    assertThat(dead).hasSize(1);
    assertThat(dead.get(0).reason()).isEqualTo("too_large");
    assertThat(dead.get(0).detail()).contains("bytes", "budget");
  }

  @Test
  void aPostingWithAHugeDescriptionInJsonLinesIsPublishedCutAndFlagged() throws Exception {
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= 101; i++) {
      String description = i == 51 ? "Model demand. ".repeat(110_000) : "Model demand and price routes.";
      lines.append("{\"schemaVersion\":1,\"postingId\":\"jsonl:big:" + i + "\",\"title\":\"Data Scientist\","
          + "\"datePosted\":\"2024-05-01\",\"description\":\"" + description + "\",\"descriptionHtml\":\"<p>"
          + description + "</p>\"}\n");
    }
    Path file = dir.resolve("big.jsonl");
    Files.writeString(file, lines);
    assertThat(Files.size(file)).isGreaterThan(3_000_000);
    assertThat(ingest("jsonl:" + file)).isZero();
    List<RawPosting> published = raw(101);
    assertThat(published).hasSize(101);
    RawPosting cut = published.stream().filter(p -> p.postingId().equals("jsonl:big:51")).findFirst().orElseThrow();
    assertThat(cut.truncated()).isTrue();
    assertThat(cut.descriptionHtml()).isNull();
    assertThat(cut.description()).hasSizeLessThanOrEqualTo(100_000).startsWith("Model demand.");
    assertThat(published.stream().filter(p -> Boolean.TRUE.equals(p.truncated()))).hasSize(1);
    assertThat(deadLetters(0)).isEmpty();
  }

  @Test
  void anOpenQuoteIsOneBadRowAndTheFiftyRowsAfterItArePublished() throws Exception {
    Path file = survey("open-quote.csv", "2024,SE,FT,\"Data Scientist, unterminated quote,1,USD,1,US,0,US,M");
    assertThat(ingest("csv:" + file)).isZero();
    assertThat(raw(100)).hasSize(100).extracting(RawPosting::title).contains("Data Scientist 51", "Data Scientist 100");
    List<DeadLetter> dead = deadLetters(1);
    assertThat(dead).extracting(DeadLetter::reason).containsExactly("bad_row");
    assertThat(dead.get(0).origin()).endsWith("open-quote.csv row 51");
  }

  @Test
  void aPageWithAThreeMegabyteDescriptionAndAnApiAnswerWithATwoMegabytePostingArePublishedCut() throws Exception {
    Map<String, byte[]> pages = new HashMap<>();
    StringBuilder listing = new StringBuilder("<html><body>");
    for (int i = 1; i <= 3; i++) {
      listing.append("<a href=\"/jobs/").append(i).append("\">job</a>");
      String description = i == 2 ? "Build forecasting models. ".repeat(120_000) : "Build forecasting models.";
      pages.put("/jobs/" + i, page(i, description));
    }
    pages.put("/jobs", (listing + "</body></html>").getBytes(StandardCharsets.UTF_8));
    StringBuilder jobs = new StringBuilder("{\"jobs\":[");
    for (int i = 1; i <= 100; i++) {
      String content = i == 7 ? "&lt;p&gt;" + "Ship the ranking service. ".repeat(80_000) + "&lt;/p&gt;"
          : "&lt;p&gt;Ship the ranking service.&lt;/p&gt;";
      jobs.append(i > 1 ? "," : "").append("{\"id\":").append(4000 + i).append(",\"title\":\"Software Engineer\","
          + "\"updated_at\":\"2024-05-01T00:00:00Z\",\"first_published\":\"2024-05-01T00:00:00Z\","
          + "\"location\":{\"name\":\"Remote\"},\"absolute_url\":\"https://jobs.example/").append(i)
          .append("\",\"content\":\"").append(content).append("\"}");
    }
    pages.put("/v1/boards/acme/jobs", (jobs + "]}").getBytes(StandardCharsets.UTF_8));
    assertThat(pages.get("/jobs/2").length).isGreaterThan(3_000_000);
    assertThat(pages.get("/v1/boards/acme/jobs").length).isGreaterThan(2_000_000);
    serve(pages, new AtomicInteger());
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    Path config = dir.resolve("jobstream.properties");
    Files.writeString(config, "ingest.greenhouse.base-url=" + base + "\n");
    int exit = JobstreamCli.commandLine().execute("ingest", "--bootstrap-servers", broker.bootstrapServers(),
        "--config", config.toString(), "--once", "--allow-host", "127.0.0.1", "--min-delay", "0s",
        "--source", "jsonld:" + base + "/jobs", "--source", "greenhouse:acme");
    assertThat(exit).isZero();
    List<RawPosting> published = raw(103);
    assertThat(published).hasSize(103);
    assertThat(published.stream().filter(p -> Boolean.TRUE.equals(p.truncated())).map(RawPosting::source))
        .containsExactlyInAnyOrder("jsonld", "greenhouse");
    assertThat(deadLetters(0)).isEmpty();
  }

  @Test
  void continuousIngestWithAnOversizePageKeepsPublishingTheOtherSources() throws Exception {
    Map<String, byte[]> pages = new HashMap<>();
    pages.put("/jobs", "<html><body><a href=\"/jobs/1\">job</a></body></html>".getBytes(StandardCharsets.UTF_8));
    pages.put("/jobs/1", page(1, "Train and evaluate models. ".repeat(150_000)));
    AtomicInteger requests = new AtomicInteger();
    serve(pages, requests);
    Path jsonl = dir.resolve("feed.jsonl");
    Files.writeString(jsonl, line(1));
    PageFetcher fetcher = new PageFetcher(new AddressGuard(Set.of("127.0.0.1")), "jobstream-test",
        PageFetcher.DEFAULT_MAX_BODY_BYTES, PageFetcher.DEFAULT_TIMEOUT);
    try (KafkaPostingSink sink = new KafkaPostingSink(client)) {
      Ingestor ingestor = new Ingestor(List.of(
          SourceSpec.parse("jsonld:http://127.0.0.1:" + server.getAddress().getPort() + "/jobs"),
          SourceSpec.parse("jsonl:" + jsonl)),
          new PoliteFetcher(fetcher, Duration.ZERO), sink, 10, CrawlState.inMemory(), MonthDay.of(7, 1), null, false);
      for (int pass = 2; pass <= 4; pass++) {
        Ingestor.PassSummary summary = ingestor.runOnce();
        assertThat(summary.failedSources()).isZero();
        Files.writeString(jsonl, line(pass), java.nio.file.StandardOpenOption.APPEND);
      }
    }
    List<RawPosting> published = raw(4);
    // the page once (unchanged after), and the feed's postings of every pass
    assertThat(published).extracting(RawPosting::postingId)
        .containsExactlyInAnyOrder(published.get(0).source().equals("jsonld") ? published.get(0).postingId()
            : published.stream().filter(p -> p.source().equals("jsonld")).findFirst().orElseThrow().postingId(),
            "jsonl:feed:1", "jsonl:feed:2", "jsonl:feed:3");
    assertThat(requests.get()).as("the page was read every pass").isGreaterThanOrEqualTo(3);
  }

  private static String line(int i) {
    return "{\"schemaVersion\":1,\"postingId\":\"jsonl:feed:" + i + "\",\"title\":\"Data Engineer\","
        + "\"datePosted\":\"2024-05-01\",\"description\":\"Pipelines.\"}\n";
  }

  private static byte[] page(int i, String description) {
    return ("<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
        + "\"@type\":\"JobPosting\",\"title\":\"Data Scientist\",\"identifier\":\"" + i + "\","
        + "\"datePosted\":\"2024-05-01\",\"hiringOrganization\":{\"name\":\"Acme\"},\"description\":\""
        + description + "\"}</script></head><body></body></html>").getBytes(StandardCharsets.UTF_8);
  }

  private void serve(Map<String, byte[]> pages, AtomicInteger requests) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      byte[] body = pages.get(path);
      if (path.startsWith("/jobs/")) {
        requests.incrementAndGet();
      }
      if (body == null) {
        exchange.sendResponseHeaders(404, -1);
      } else {
        exchange.getResponseHeaders().set("Content-Type",
            path.startsWith("/v1/") ? "application/json" : "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
      exchange.close();
    });
    server.start();
  }
}
