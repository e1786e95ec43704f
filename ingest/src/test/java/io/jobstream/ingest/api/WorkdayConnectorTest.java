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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link WorkdayConnector} against a loopback server answering as a Workday career site's JSON endpoints. */
class WorkdayConnectorTest {

  private static final String LIST = "/wday/cxs/dockside/Careers/jobs";
  private static final String JOB = "/wday/cxs/dockside/Careers/job/";
  private static final String FORECASTING = JOB + "Rotterdam/Senior-Data-Scientist--Demand-Forecasting_JR-20417";
  private static final String PLATFORM = JOB + "Remote-Netherlands/Platform-Engineer--Kubernetes-_JR-20388";
  private static final String ANALYST = JOB + "Tilburg/Warehouse-Systems-Analyst_JR-20301";

  private final AtsServer server = new AtsServer();
  private final AtsServer.Sink sink = new AtsServer.Sink();

  @AfterEach
  void stop() {
    server.close();
  }

  private int read() throws InterruptedException {
    return server.api("workday", sink).read("workday", "dockside.wd3/Careers");
  }

  /** A full first page of 20 postings saying {@code total}, each with a detail. */
  private String firstPage(int total) {
    return fullPage(total, 0);
  }

  /** A full page of 20 postings saying {@code total}, numbered from {@code from}, each with a detail. */
  private String fullPage(int total, int from) {
    StringBuilder page = new StringBuilder("{\"total\":" + total + ",\"jobPostings\":[");
    for (int i = from; i < from + 20; i++) {
      String path = "/job/Utrecht/Forklift-Telemetry-Engineer-" + i + "_JR-1000" + String.format("%02d", i);
      page.append(i == from ? "" : ",").append("{\"title\":\"Forklift Telemetry Engineer ").append(i)
          .append("\",\"externalPath\":\"").append(path).append("\",\"postedOn\":\"Posted Yesterday\"}");
      server.json("/wday/cxs/dockside/Careers" + path,
          "{\"jobPostingInfo\":{\"title\":\"Forklift Telemetry Engineer " + i + "\",\"jobDescription\":\"<p>Telemetry.</p>\"}}");
    }
    return page.append("]}").toString();
  }

  private void details() {
    server.json(FORECASTING, fixture("workday-job-detail.json"));
    server.json(PLATFORM, fixture("workday-job-detail-remote.json"));
  }

  @Test
  void listsByPostPageByPageAndReadsEachPostingsDetail() throws Exception {
    server.answer("POST", LIST, Answer.json(firstPage(44)), Answer.json(fullPage(0, 20)),
        Answer.json(fixture("workday-jobs.json")));
    details();
    server.answer("GET", ANALYST, Answer.html(200, "<html><title>Just a moment...</title>captcha</html>"));

    assertThat(read()).isEqualTo(42);

    assertThat(server.requests()).filteredOn(r -> r.method().equals("POST")).satisfiesExactly(
        first -> {
          assertThat(first.body()).isEqualTo("{\"appliedFacets\":{},\"limit\":20,\"offset\":0,\"searchText\":\"\"}");
          assertThat(first.contentType()).isEqualTo("application/json");
          assertThat(first.accept()).isEqualTo("application/json");
        },
        // the later pages say total 0, as Workday's do: the first page's total counts
        second -> assertThat(second.body()).contains("\"offset\":20"),
        third -> assertThat(third.body()).contains("\"offset\":40"));
    assertThat(sink.postings).extracting(RawPosting::postingId).doesNotHaveDuplicates()
        .contains("workday:dockside.wd3/Careers:JR-100000", "workday:dockside.wd3/Careers:JR-100039", "workday:dockside.wd3/Careers:JR-20388");
    // a captcha page for one detail, and an entry without a path: dead letters, the rest is read
    assertThat(sink.deadLetters).extracting(DeadLetter::reason).containsExactly("api_error", "api_error");
    assertThat(sink.deadLetters.get(0).origin()).endsWith("_JR-20301");
    assertThat(sink.deadLetters.get(0).key()).isEqualTo("workday:dockside.wd3/Careers:JR-20301");
    assertThat(sink.deadLetters.get(0).detail()).contains("not JSON");
    assertThat(sink.deadLetters.get(1).detail()).contains("externalPath");
  }

  @Test
  void stopsWhenTheFirstPagesTotalIsReached() throws Exception {
    server.answer("POST", LIST, Answer.json(firstPage(20)), Answer.json(fixture("workday-jobs.json")));

    assertThat(read()).isEqualTo(20);

    assertThat(server.requests()).filteredOn(r -> r.method().equals("POST")).hasSize(1);
  }

  @Test
  void aSiteThatIgnoresTheOffsetIsReadOnce() throws Exception {
    String page = fullPage(0, 0).replace("\"total\":0,", "");
    server.answer("POST", LIST, Answer.json(page));

    assertThat(read()).isEqualTo(20);

    assertThat(server.requests()).filteredOn(r -> r.method().equals("POST")).hasSize(2);
  }

  @Test
  void mapsTheDetail() throws Exception {
    server.answer("POST", LIST, Answer.json(fixture("workday-jobs.json")));
    details();

    read();

    RawPosting p = sink.posting("workday:dockside.wd3/Careers:JR-20417");
    assertThat(p.sourceId()).isEqualTo("JR-20417");
    assertThat(p.title()).isEqualTo("Senior Data Scientist, Demand Forecasting");
    assertThat(p.company()).isEqualTo("Dockside Logistics B.V.");
    assertThat(p.url()).isEqualTo(
        "https://dockside.wd3.myworkdayjobs.example/Careers/job/Rotterdam/Senior-Data-Scientist--Demand-Forecasting_JR-20417");
    assertThat(p.location().text()).isEqualTo("Rotterdam, Netherlands");
    assertThat(p.remote()).isFalse(); // hybrid
    assertThat(p.employmentType()).isEqualTo("Full time");
    assertThat(p.datePosted()).isEqualTo(LocalDate.parse("2024-06-10"));
    assertThat(p.descriptionHtml()).startsWith("<p><b>About the team</b></p>");
    assertThat(p.description()).contains("tulip bulbs leave each dock & when.").doesNotContain("<li>");
    assertThat(p.salary()).isNull();

    RawPosting remote = sink.posting("workday:dockside.wd3/Careers:JR-20388");
    assertThat(remote.remote()).isTrue();
    assertThat(remote.company()).isEqualTo("dockside"); // blank hiring organization: the tenant
    assertThat(remote.location().text()).isEqualTo("Remote - Netherlands");
    assertThat(remote.datePosted()).isEqualTo(LocalDate.now(ZoneOffset.UTC).minusDays(3));
    assertThat(remote.description()).contains("Salary: EUR 5,200 - 6,400 gross per month.");
    assertThat(remote.url()).endsWith("/Careers/job/Remote-Netherlands/Platform-Engineer--Kubernetes-_JR-20388");
  }

  @Test
  void aRateLimitedDetailIsRetriedAfterTheWaitAskedFor() throws Exception {
    server.answer("POST", LIST, Answer.json(fixture("workday-jobs.json")));
    server.answer("GET", FORECASTING, Answer.tooManyRequests(30), Answer.json(fixture("workday-job-detail.json")));
    server.answer("GET", PLATFORM, Answer.html(403, "<html>Access denied</html>"));

    read();

    assertThat(server.waits).containsExactly(Duration.ofSeconds(30));
    assertThat(sink.postings).extracting(RawPosting::postingId).containsExactly("workday:dockside.wd3/Careers:JR-20417");
    // the 403 of one detail and the 404 of another, then the entry without a path
    assertThat(sink.deadLetters).extracting(DeadLetter::reason)
        .containsExactly("fetch_http_status", "fetch_http_status", "api_error");
    assertThat(sink.deadLetters.get(0).origin()).endsWith("_JR-20388");
    assertThat(sink.deadLetters.get(0).key()).isEqualTo("workday:dockside.wd3/Careers:JR-20388");
  }

  @Test
  void aCutListOrAnAnswerWithoutPostingsIsADeadLetter() throws Exception {
    String page = fixture("workday-jobs.json");
    server.answer("POST", LIST, Answer.json(page.substring(0, 300)));
    assertThat(read()).isZero();
    server.answer("POST", LIST, Answer.json("{\"errorCode\":\"HTTP_400\",\"message\":\"limit\"}"));
    assertThat(read()).isZero();
    server.answer("POST", LIST, Answer.json("{\"total\":0,\"jobPostings\":[]}"));
    assertThat(read()).isZero();

    assertThat(sink.deadLetters).extracting(DeadLetter::reason).containsExactly("api_error", "api_error");
    assertThat(sink.deadLetters.get(1).detail()).contains("'jobPostings'");
  }

  @Test
  void theTargetNamesTheHost() {
    WorkdayConnector workday = new WorkdayConnector();
    assertThat(workday.validTarget("dockside.wd3/Careers")).isTrue();
    assertThat(workday.validTarget("dockside/External_Careers")).isTrue();
    assertThat(workday.validTarget("dockside")).isFalse();
    assertThat(workday.validTarget("dockside.wd3/Careers/extra")).isFalse();
    assertThat(workday.validTarget("dock side.wd3/Careers")).isFalse();

    PageFetcher fetcher = new PageFetcher(new AddressGuard(Set.of()), "jobstream-test", 1024, Duration.ofSeconds(1));
    JobBoardApi api = new JobBoardApi(new PoliteFetcher(fetcher, Duration.ZERO), new AtsServer.Sink(),
        Clock.systemUTC(), CrawlState.inMemory(), Map.of());
    assertThat(workday.firstUrl(api.context("workday"), "dockside.wd3/Careers"))
        .isEqualTo("https://dockside.wd3.myworkdayjobs.com/Careers");
    assertThat(workday.firstUrl(api.context("workday"), "dockside/Careers"))
        .isEqualTo("https://dockside.myworkdayjobs.com/Careers");
    assertThat(Connectors.of("workday")).isInstanceOf(WorkdayConnector.class);
    io.jobstream.ingest.SourceSpec spec = io.jobstream.ingest.SourceSpec.parse("workday:dockside.wd3/Careers@30m");
    assertThat(spec.type()).isEqualTo("workday");
    assertThat(spec.target()).isEqualTo("dockside.wd3/Careers");
  }

  @Test
  void relativePostedOnIsADate() {
    Instant now = Instant.parse("2024-06-12T23:30:00Z");
    assertThat(WorkdayConnector.postedOn("Posted Today", now)).isEqualTo(LocalDate.parse("2024-06-12"));
    assertThat(WorkdayConnector.postedOn("Posted Yesterday", now)).isEqualTo(LocalDate.parse("2024-06-11"));
    assertThat(WorkdayConnector.postedOn("Posted 3 Days Ago", now)).isEqualTo(LocalDate.parse("2024-06-09"));
    assertThat(WorkdayConnector.postedOn("Posted 30+ Days Ago", now)).isNull();
    assertThat(WorkdayConnector.postedOn(null, now)).isNull();
    assertThat(WorkdayConnector.id("/job/Tilburg/Warehouse-Systems-Analyst_JR-20301")).isEqualTo("JR-20301");
    assertThat(WorkdayConnector.id("/job/Tilburg/No-Requisition")).isEqualTo("No-Requisition");
  }
}
