package io.jobstream.ingest.api;

import static io.jobstream.ingest.api.ApiFields.date;
import static io.jobstream.ingest.api.ApiFields.location;
import static io.jobstream.ingest.api.ApiFields.number;
import static io.jobstream.ingest.api.ApiFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobstream.ingest.http.FetchRequest;
import io.jobstream.model.RawPosting;
import io.jobstream.model.SalaryGiven;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The USAJOBS search API (US federal jobs), {@code usajobs:QUERY}: QUERY is {@code all}, keywords
 * ({@code data scientist}), or {@code series:NNNN} for an occupational series ({@code series:1560}
 * data science, {@code series:2210} IT management). Pages of {@value #PER_PAGE} results until
 * {@code NumberOfPages}, an empty page, or {@value #MAX_PAGES} pages.
 *
 * <p>Keyed: every request carries {@code Authorization-Key} ({@code ingest.usajobs.api-key}) and
 * a {@code User-Agent} with the e-mail address the key was issued to
 * ({@code ingest.usajobs.email}); the {@code Host} header is the URL's host, as the HTTP client
 * sends it. Both settings are required ({@link ApiKeys}); the key is never logged nor put in a dead
 * letter. USAJOBS publishes no request rate; requests are spaced by the fetcher's per-host delay
 * and {@code ingest.usajobs.request-interval} when set.
 *
 * <p>Pay is {@code PositionRemuneration} in US dollars, its {@code RateIntervalCode} read as a
 * period ({@code PA} a year, {@code PH} an hour, {@code PD}, {@code PW}, {@code PM}; others as
 * given). The description is the job summary, major duties and qualifications as text.
 */
final class UsaJobsConnector implements ApiConnector {

  /** Results asked for per page: the API's most. */
  static final int PER_PAGE = 500;
  /** Most pages read per query and pass. */
  static final int MAX_PAGES = 20;

  static final String API_KEY = "api-key";
  static final String EMAIL = "email";

  @Override
  public String type() {
    return "usajobs";
  }

  @Override
  public String defaultBaseUrl() {
    return "https://data.usajobs.gov";
  }

  @Override
  public String targetName() {
    return "KEYWORDS|series:NNNN|all";
  }

  @Override
  public boolean validTarget(String target) {
    return target.matches("series:\\d{4}|[\\p{L}\\p{N}][\\p{L}\\p{N} +#&.,'_-]*");
  }

  @Override
  public List<String> settingNames() {
    return List.of(API_KEY, EMAIL, RequestPacing.SETTING);
  }

  @Override
  public List<String> requiredSettings() {
    return List.of(API_KEY, EMAIL);
  }

  @Override
  public String firstUrl(ApiContext context, String query) {
    return page(context, query, 1);
  }

  private static String page(ApiContext context, String query, int page) {
    String url = context.base(query) + "/api/search?ResultsPerPage=" + PER_PAGE + "&Page=" + page;
    if (query.startsWith("series:")) {
      return url + "&JobCategoryCode=" + query.substring("series:".length());
    }
    return query.equals("all") ? url : url + "&Keyword=" + ApiContext.encode(query);
  }

  @Override
  public int read(ApiContext context, String query) throws InterruptedException {
    String key = context.setting(API_KEY);
    String email = context.setting(EMAIL);
    if (key == null || email == null) {
      context.reject("missing_key", "usajobs needs ingest.usajobs.api-key and ingest.usajobs.email",
          firstUrl(context, query), null, null);
      return 0;
    }
    Instant now = context.now();
    int published = 0;
    for (int page = 1; page <= MAX_PAGES; page++) {
      if (!RequestPacing.await(context, null, Duration.ZERO)) {
        return published;
      }
      String url = page(context, query, page);
      FetchRequest request = FetchRequest.get(URI.create(url))
          .withHeader("User-Agent", email)
          .withHeader("Authorization-Key", key);
      JsonNode root = context.fetchJson(request);
      JsonNode result = root == null ? null : root.path("SearchResult");
      JsonNode items = JobArrays.field(context, url, result == null || result.isMissingNode() ? root : result,
          "SearchResultItems");
      if (items == null || items.isEmpty()) {
        return published;
      }
      published += context.publishAll(url, items, j -> posting(query, j, now));
      if (page >= pages(text(result.path("UserArea"), "NumberOfPages"))) {
        return published;
      }
    }
    return published;
  }

  /** The number of pages as given (a string), 0 when absent or unreadable. */
  private static int pages(String text) {
    try {
      return text == null ? 0 : Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static RawPosting posting(String query, JsonNode item, Instant now) {
    String id = text(item, "MatchedObjectId");
    JsonNode d = item.get("MatchedObjectDescriptor");
    if (id == null || d == null || !d.isObject()) {
      throw new IllegalArgumentException("result without MatchedObjectId or MatchedObjectDescriptor");
    }
    JsonNode details = d.path("UserArea").path("Details");
    JsonNode schedule = d.path("PositionSchedule").path(0);
    String organization = text(d, "OrganizationName") != null ? text(d, "OrganizationName") : text(d, "DepartmentName");
    JsonNode remote = details.get("RemoteIndicator");
    return new RawPosting(RawPosting.SCHEMA_VERSION, "usajobs", id, "usajobs:" + query + ":" + id,
        text(d, "PositionURI"), text(d, "PositionTitle"), organization, location(text(d, "PositionLocationDisplay")),
        remote == null || remote.isNull() ? null : remote.asBoolean(), text(schedule, "Name"),
        date(text(d, "PublicationStartDate")), date(text(d, "ApplicationCloseDate")), description(d, details), null,
        salary(d.path("PositionRemuneration").path(0)), now, null);
  }

  private static String description(JsonNode d, JsonNode details) {
    List<String> parts = new ArrayList<>();
    if (text(details, "JobSummary") != null) {
      parts.add(text(details, "JobSummary"));
    }
    JsonNode duties = details.get("MajorDuties");
    if (duties != null && duties.isArray()) {
      duties.forEach(x -> parts.add(x.asText()));
    }
    if (text(d, "QualificationSummary") != null) {
      parts.add(text(d, "QualificationSummary"));
    }
    return parts.isEmpty() ? null : String.join("\n", parts);
  }

  private static final Map<String, String> PERIODS =
      Map.of("PA", "YEAR", "PH", "HOUR", "PD", "DAY", "PW", "WEEK", "PM", "MONTH");

  static SalaryGiven salary(JsonNode r) {
    if (r == null || r.isMissingNode()) {
      return null;
    }
    var min = number(r.get("MinimumRange"));
    var max = number(r.get("MaximumRange"));
    if (min == null && max == null) {
      return null;
    }
    String code = text(r, "RateIntervalCode");
    return new SalaryGiven("USD", null, min, max, code == null ? null : PERIODS.getOrDefault(code, code),
        text(r, "Description"));
  }
}
