package io.jobstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.jobstream.model.JsonSerde;
import io.jobstream.model.RawPosting;
import io.jobstream.model.data.DataDirectory;
import io.jobstream.model.data.DataSet;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Greenhouse connector reads real recorded answers of the Greenhouse job-board API: the jobs
 * listings among the recorded exchanges ({@link DataSet#GREENHOUSE_API_2013}, YAML cassettes, in
 * the data directory). Each recorded body is served where today's connector asks, and what it
 * publishes is compared with the recorded jobs themselves.
 */
@Tag("data")
class GreenhouseRecordingTest {

  private final ApiServer server = new ApiServer();
  private final JsonLdCrawlerTest.CollectingSink sink = new JsonLdCrawlerTest.CollectingSink();

  @AfterEach
  void stop() {
    server.close();
  }

  /** A recorded jobs listing: the board it was asked of and the body it answered. */
  private record Listing(String board, JsonNode body) {}

  @Test
  void everyRecordedJobsListingIsReadJobForJob() throws Exception {
    Path folder = DataDirectory.fromEnvironment().require(DataSet.GREENHOUSE_API_2013);
    List<Listing> listings = listings(folder);
    assertThat(listings).as("jobs listings in " + folder).isNotEmpty();
    for (Listing listing : listings) {
      sink.postings.clear();
      server.answer("/v1/boards/" + listing.board() + "/jobs?content=true&pay_transparency=true",
          listing.body().toString());
      JsonNode jobs = listing.body().get("jobs");

      assertThat(server.api(sink).read("greenhouse", listing.board())).isEqualTo(jobs.size());

      for (int i = 0; i < jobs.size(); i++) {
        JsonNode job = jobs.get(i);
        RawPosting p = sink.postings.get(i);
        assertThat(p.postingId()).isEqualTo("greenhouse:" + listing.board() + ":" + job.get("id").asText());
        assertThat(p.title()).isEqualTo(job.get("title").asText());
        assertThat(p.url()).isEqualTo(job.get("absolute_url").asText());
        assertThat(p.location().text()).isEqualTo(job.path("location").path("name").asText());
        String published = job.hasNonNull("first_published") ? job.get("first_published").asText()
            : job.get("updated_at").asText();
        assertThat(p.datePosted()).isEqualTo(OffsetDateTime.parse(published).toLocalDate());
        if (job.hasNonNull("content")) {
          // the recorded content is entity-encoded HTML: published decoded, as HTML and as text
          assertThat(p.descriptionHtml()).startsWith("<").doesNotContain("&lt;");
          assertThat(p.description()).isNotBlank().doesNotContain("&lt;", "<p>");
        } else {
          assertThat(p.description()).isNull();
        }
      }
    }
    assertThat(sink.deadLetters).isEmpty();
  }

  /** The exchanges in {@code folder} that asked a board for its jobs and were answered 200. */
  private static List<Listing> listings(Path folder) throws Exception {
    YAMLMapper yaml = new YAMLMapper();
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> cassettes = files.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
      List<Listing> listings = new ArrayList<>();
      for (Path cassette : cassettes) {
        for (JsonNode exchange : yaml.readTree(cassette.toFile()).path("http_interactions")) {
          String path = URI.create(exchange.path("request").path("uri").asText()).getPath();
          String[] parts = path.split("/");
          if (!path.endsWith("/jobs") || exchange.path("response").path("status").path("code").asInt() != 200) {
            continue;
          }
          // /v1/boards/{board}/jobs or, as recorded, /v1/boards/{board}/embed/jobs
          String board = parts[List.of(parts).indexOf("boards") + 1];
          String body = exchange.path("response").path("body").path("string").asText();
          listings.add(new Listing(board, JsonSerde.MAPPER.readTree(body)));
        }
      }
      return listings;
    }
  }
}
