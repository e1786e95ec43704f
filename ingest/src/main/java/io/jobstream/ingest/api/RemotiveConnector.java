package io.jobstream.ingest.api;

import static io.jobstream.ingest.api.ApiFields.date;
import static io.jobstream.ingest.api.ApiFields.location;
import static io.jobstream.ingest.api.ApiFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobstream.model.RawPosting;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;

/**
 * Remotive's public remote-jobs API, {@code remotive:CATEGORY}: one answer with every job of a
 * category ({@code software-dev}, {@code data}, ...; {@code all} for every category). Pay is
 * free text, read by {@link PayText}; descriptions are HTML; every job is remote, and
 * {@code candidate_required_location} is its location.
 *
 * <p>Terms: Remotive asks for at most four requests a day (the default pacing here, one request
 * of a category every {@value #INTERVAL_HOURS} hours per process, settable as
 * {@code ingest.remotive.request-interval}), and for a link back to the job's Remotive URL with
 * Remotive named as the source: each posting keeps {@code url} (the Remotive page) and
 * {@code source} {@code remotive}.
 */
final class RemotiveConnector implements ApiConnector {

  /** Hours between two requests: Remotive advises at most four a day. */
  static final int INTERVAL_HOURS = 6;

  @Override
  public String type() {
    return "remotive";
  }

  @Override
  public String defaultBaseUrl() {
    return "https://remotive.com";
  }

  @Override
  public String targetName() {
    return "CATEGORY|all";
  }

  @Override
  public List<String> settingNames() {
    return List.of(RequestPacing.SETTING);
  }

  @Override
  public String firstUrl(ApiContext context, String category) {
    String url = context.base(category) + "/api/remote-jobs";
    return category.equals("all") ? url : url + "?category=" + ApiContext.encode(category);
  }

  @Override
  public int read(ApiContext context, String category) throws InterruptedException {
    if (!RequestPacing.await(context, category, Duration.ofHours(INTERVAL_HOURS))) {
      return 0;
    }
    String url = firstUrl(context, category);
    JsonNode items = JobArrays.field(context, url, context.fetchJson(url), "jobs");
    Instant now = context.now();
    return items == null ? 0 : context.publishAll(url, items, j -> posting(category, j, now));
  }

  static RawPosting posting(String category, JsonNode j, Instant now) {
    String id = text(j, "id");
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("job without an id");
    }
    String html = text(j, "description");
    String jobType = text(j, "job_type");
    return new RawPosting(RawPosting.SCHEMA_VERSION, "remotive", id, "remotive:" + category + ":" + id,
        text(j, "url"), text(j, "title"), text(j, "company_name"), location(text(j, "candidate_required_location")),
        true, jobType == null || jobType.isBlank() ? null : jobType, date(text(j, "publication_date")), null,
        html == null ? null : Jsoup.parse(html).text(), html, PayText.parse(text(j, "salary")), now, null);
  }
}
