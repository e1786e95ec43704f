package io.jobstream.ingest.api;

import static io.jobstream.ingest.api.AtsServer.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.ingest.api.AtsServer.Answer;
import io.jobstream.model.DeadLetter;
import io.jobstream.model.RawPosting;
import org.junit.jupiter.api.Test;

/**
 * One pass over the five ATS connectors against one loopback server holding every fixture: each
 * good posting is published once, each bad record is a dead letter, and no failure stops the pass.
 */
class AtsConnectorsTogetherTest {

  @Test
  void onePassPublishesEveryGoodPostingOnceAndDeadLettersTheRest() throws Exception {
    AtsServer.Sink sink = new AtsServer.Sink();
    try (AtsServer server = new AtsServer()) {
      server.json("/v1/companies/LarkspurRobotics/postings?limit=100&offset=0", fixture("smartrecruiters-postings.json"));
      server.json("/v1/companies/LarkspurRobotics/postings/744000050112233", fixture("smartrecruiters-posting-detail.json"));
      server.json("/v1/companies/LarkspurRobotics/postings/744000050112244",
          fixture("smartrecruiters-posting-detail-remote.json"));
      server.answer("GET", "/v1/companies/LarkspurRobotics/postings/744000050112255",
          Answer.html(403, "<html>blocked</html>"));
      server.answer("POST", "/wday/cxs/dockside/Careers/jobs", Answer.json(fixture("workday-jobs.json")));
      server.json("/wday/cxs/dockside/Careers/job/Rotterdam/Senior-Data-Scientist--Demand-Forecasting_JR-20417",
          fixture("workday-job-detail.json"));
      server.json("/wday/cxs/dockside/Careers/job/Remote-Netherlands/Platform-Engineer--Kubernetes-_JR-20388",
          fixture("workday-job-detail-remote.json"));
      server.answer("GET", "/xml", Answer.xml(fixture("personio-positions.xml")));
      server.answer("GET", "/jobs.rss?per_page=200", Answer.xml(fixture("teamtailor-jobs.rss")));
      server.json("/api/v1/widget/accounts/quarry-lane-health?details=true", fixture("workable-account.json"));
      JobBoardApi api = server.api(sink, "smartrecruiters", "workday", "personio", "teamtailor", "workable");

      int published = api.read("smartrecruiters", "LarkspurRobotics") + api.read("workday", "dockside.wd3/Careers")
          + api.read("personio", "moorfield") + api.read("teamtailor", "saltmarsh")
          + api.read("workable", "quarry-lane-health");

      assertThat(published).isEqualTo(10);
      assertThat(sink.postings).extracting(RawPosting::postingId).containsExactlyInAnyOrder(
          "smartrecruiters:LarkspurRobotics:744000050112233", "smartrecruiters:LarkspurRobotics:744000050112244",
          "workday:dockside.wd3/Careers:JR-20417", "workday:dockside.wd3/Careers:JR-20388",
          "personio:moorfield:1480211", "personio:moorfield:1480377",
          "teamtailor:saltmarsh:4410021", "teamtailor:saltmarsh:4409877",
          "workable:quarry-lane-health:7A3C19E2F0", "workable:quarry-lane-health:B91D04A7C5");
      assertThat(sink.postings).allSatisfy(p -> {
        assertThat(p.title()).isNotBlank();
        assertThat(p.fingerprint()).isNotNull();
        assertThat(p.postingId()).startsWith(p.source() + ":");
      });
      // SmartRecruiters: the blocked detail; Workday: the unanswered detail and the entry without a path;
      // Personio, Teamtailor, Workable: a record without an id and one without a title each
      assertThat(sink.deadLetters).extracting(DeadLetter::reason).containsExactly(
          "fetch_http_status", "fetch_http_status", "api_error", "api_error", "no_title", "api_error", "no_title",
          "api_error", "no_title");
      assertThat(sink.deadLetters).allSatisfy(d -> assertThat(d.origin()).startsWith(server.base()));
    }
  }
}
