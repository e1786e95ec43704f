package io.jobstream.ingest.api;

import static io.jobstream.ingest.api.AggregatorServer.response;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobstream.model.DeadLetter;
import io.jobstream.model.JsonSerde;
import io.jobstream.model.RawPosting;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One run over all seven sources against one loopback server: every good posting is published
 * once, every bad record is one dead letter, and no two postings share an id.
 */
class AggregatorsRunTest {

  private final AggregatorServer server = new AggregatorServer();
  private final AggregatorServer.Sink sink = new AggregatorServer.Sink();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void everyGoodPostingOnceEveryBadOneADeadLetter() throws Exception {
    server.answer("/api/v1/search_by_date?tags=story,author_whoishiring&hitsPerPage=50", response("hn-search.json"));
    server.answer("/v0/item/40100000.json", response("hn-thread.json"));
    JsonNode comments = JsonSerde.MAPPER.readTree(response("hn-comments.json"));
    for (Iterator<Map.Entry<String, JsonNode>> it = comments.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      server.answer("/v0/item/" + e.getKey() + ".json", e.getValue().toString());
    }
    server.answer("/api/remote-jobs?category=software-dev", response("remotive-jobs.json"));
    server.answer("/api/job-board-api", response("arbeitnow-page1.json"));
    server.answer("/api/job-board-api?page=2", response("arbeitnow-page2.json"));
    server.answer("/api/public/jobs?page=1&category=Data%20Science", response("themuse-page1.json"));
    server.answer("/api/public/jobs?page=2&category=Data%20Science", response("themuse-page2.json"));
    server.answer("/api/v2/remote-jobs?count=100&industry=data-science", response("jobicy-jobs.json"));
    server.answer("/api/search?ResultsPerPage=500&Page=1&JobCategoryCode=1560", response("usajobs-page1.json"));
    server.answer("/api/search?ResultsPerPage=500&Page=2&JobCategoryCode=1560", response("usajobs-page2.json"));
    server.answer("/v1/api/jobs/gb/search/1?app_id=id0001&app_key=key0000000001&results_per_page=50"
        + "&content-type=application/json", response("adzuna-search.json"));
    JobBoardApi api = server.api(sink, Map.of("ingest.usajobs.api-key", "usajobs-key-0001",
        "ingest.usajobs.email", "someone@jobstream.example",
        "ingest.adzuna.app-id", "id0001", "ingest.adzuna.app-key", "key0000000001"));

    int published = api.read("hn", "latest") + api.read("remotive", "software-dev") + api.read("arbeitnow", "all")
        + api.read("themuse", "Data Science") + api.read("jobicy", "data-science")
        + api.read("usajobs", "series:1560") + api.read("adzuna", "gb");

    // hn 5 (01, 02, 06, 07, 09; 03 is prose, 04 deleted, 05 dead, 08 missing), remotive 3, arbeitnow 3, themuse 3, jobicy 3, usajobs 3, adzuna 3
    assertThat(published).isEqualTo(23).isEqualTo(sink.postings.size());
    assertThat(sink.postings).extracting(RawPosting::postingId).doesNotHaveDuplicates();
    assertThat(sink.postings).allSatisfy(p -> {
      assertThat(p.title()).isNotBlank();
      assertThat(p.url()).isNotBlank();
      assertThat(p.fingerprint()).isNotNull();
    });
    // hn: prose and the missing 40100008; remotive: untitled; arbeitnow: no slug, untitled;
    // themuse: no id; jobicy: no id; usajobs: no descriptor
    assertThat(sink.deadLetters).extracting(DeadLetter::reason).containsExactlyInAnyOrder(
        "unparseable_first_line", "fetch_http_status", "no_title", "api_error", "no_title", "api_error",
        "api_error", "api_error");
  }
}
