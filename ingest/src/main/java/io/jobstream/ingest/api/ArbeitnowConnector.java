package io.jobstream.ingest.api;

import static io.jobstream.ingest.api.ApiFields.location;
import static io.jobstream.ingest.api.ApiFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobstream.model.RawPosting;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;

/**
 * Arbeitnow's job board API, {@code arbeitnow:all}: pages of jobs (mostly Germany and remote
 * Europe) followed by {@code links.next} until it is null or a page is empty, at most
 * {@value #MAX_PAGES} pages. The next link's path and query are asked of the configured base URL,
 * so {@code ingest.arbeitnow.base-url} holds for every page. Ids are the job's {@code slug};
 * descriptions are HTML; the API gives no pay.
 *
 * <p>Arbeitnow publishes no rate limit: requests are spaced by the fetcher's per-host delay
 * ({@code --min-delay}, 1 s by default) and {@code ingest.arbeitnow.request-interval} when set.
 * Attribution: {@code url} is the job's Arbeitnow page and {@code source} is {@code arbeitnow}.
 */
final class ArbeitnowConnector implements ApiConnector {

  /** Most pages read in one pass: a guard against a next link that never ends. */
  static final int MAX_PAGES = 200;

  @Override
  public String type() {
    return "arbeitnow";
  }

  @Override
  public String defaultBaseUrl() {
    return "https://www.arbeitnow.com";
  }

  @Override
  public String targetName() {
    return "all";
  }

  @Override
  public boolean validTarget(String target) {
    return target.equals("all");
  }

  @Override
  public List<String> settingNames() {
    return List.of(RequestPacing.SETTING);
  }

  @Override
  public String firstUrl(ApiContext context, String target) {
    return context.base(target) + "/api/job-board-api";
  }

  @Override
  public int read(ApiContext context, String target) throws InterruptedException {
    Instant now = context.now();
    Set<String> seen = new HashSet<>();
    String url = firstUrl(context, target);
    int published = 0;
    for (int page = 0; url != null && page < MAX_PAGES && seen.add(url); page++) {
      if (!RequestPacing.await(context, null, Duration.ZERO)) {
        return published;
      }
      JsonNode root = context.fetchJson(url);
      JsonNode items = JobArrays.field(context, url, root, "data");
      if (items == null || items.isEmpty()) {
        return published;
      }
      published += context.publishAll(url, items, j -> posting(target, j, now));
      url = next(context, target, root.path("links").get("next"));
    }
    return published;
  }

  /** The next page on the configured base URL, or null at the last page. */
  private static String next(ApiContext context, String target, JsonNode next) {
    if (next == null || !next.isTextual() || next.asText().isBlank()) {
      return null;
    }
    URI uri = URI.create(next.asText());
    return context.base(target) + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }

  static RawPosting posting(String target, JsonNode j, Instant now) {
    String slug = text(j, "slug");
    if (slug == null || slug.isBlank()) {
      throw new IllegalArgumentException("job without a slug (its id)");
    }
    String html = text(j, "description");
    JsonNode created = j.get("created_at");
    LocalDate date = created != null && created.isNumber()
        ? Instant.ofEpochSecond(created.asLong()).atZone(ZoneOffset.UTC).toLocalDate()
        : ApiFields.date(text(j, "created_at"));
    JsonNode types = j.get("job_types");
    String type = types != null && types.isArray() && !types.isEmpty() ? String.join(", ",
        java.util.stream.StreamSupport.stream(types.spliterator(), false).map(JsonNode::asText).toList()) : null;
    return new RawPosting(RawPosting.SCHEMA_VERSION, "arbeitnow", slug, "arbeitnow:" + target + ":" + slug,
        text(j, "url"), text(j, "title"), text(j, "company_name"), location(text(j, "location")),
        j.has("remote") && !j.get("remote").isNull() ? j.get("remote").asBoolean() : null, type, date, null,
        html == null ? null : Jsoup.parse(html).text(), html, null, now, null);
  }
}
