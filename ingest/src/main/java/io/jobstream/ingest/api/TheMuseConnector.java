package io.jobstream.ingest.api;

import static io.jobstream.ingest.api.ApiFields.date;
import static io.jobstream.ingest.api.ApiFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobstream.model.Location;
import io.jobstream.model.RawPosting;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;

/**
 * The Muse's public jobs API, {@code themuse:CATEGORY}: pages of 20 jobs from page 1 until
 * {@code page_count}, an empty page, or page {@value #LAST_PAGE} (the API answers no further);
 * {@code all} reads every category, any other target is The Muse's category name
 * ({@code "Data Science"}, {@code "Software Engineering"}; quote names with spaces on the command
 * line). Descriptions ({@code contents}) are HTML; the API gives no pay. A job is remote when one
 * of its locations says remote ({@code Flexible / Remote}); its location is the first other one.
 *
 * <p>Rate limit: 500 requests an hour without an API key, answered with 403 beyond that; requests
 * are spaced {@value #INTERVAL_MS} ms apart by default ({@code ingest.themuse.request-interval}).
 * Attribution: {@code url} is the job's page on The Muse ({@code refs.landing_page}) and
 * {@code source} is {@code themuse}.
 */
final class TheMuseConnector implements ApiConnector {

  /** The last page the API serves (20 jobs a page). */
  static final int LAST_PAGE = 99;
  /** Milliseconds between requests: 3,600 s / 500 requests. */
  static final long INTERVAL_MS = 7200;

  @Override
  public String type() {
    return "themuse";
  }

  @Override
  public String defaultBaseUrl() {
    return "https://www.themuse.com";
  }

  @Override
  public String targetName() {
    return "CATEGORY|all";
  }

  @Override
  public boolean validTarget(String target) {
    return target.matches("[A-Za-z0-9][A-Za-z0-9 &,._-]*");
  }

  @Override
  public List<String> settingNames() {
    return List.of(RequestPacing.SETTING);
  }

  @Override
  public String firstUrl(ApiContext context, String category) {
    return page(context, category, 1);
  }

  private static String page(ApiContext context, String category, int page) {
    String url = context.base(category) + "/api/public/jobs?page=" + page;
    return category.equals("all") ? url : url + "&category=" + ApiContext.encode(category);
  }

  @Override
  public int read(ApiContext context, String category) throws InterruptedException {
    Instant now = context.now();
    int published = 0;
    for (int page = 1; page <= LAST_PAGE; page++) {
      if (!RequestPacing.await(context, null, Duration.ofMillis(INTERVAL_MS))) {
        return published;
      }
      String url = page(context, category, page);
      JsonNode root = context.fetchJson(url);
      JsonNode items = JobArrays.field(context, url, root, "results");
      if (items == null || items.isEmpty()) {
        return published;
      }
      published += context.publishAll(url, items, j -> posting(category, j, now));
      if (page >= root.path("page_count").asInt(0)) {
        return published;
      }
    }
    return published;
  }

  static RawPosting posting(String category, JsonNode j, Instant now) {
    String id = text(j, "id");
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("job without an id");
    }
    Boolean remote = null;
    List<String> places = new ArrayList<>();
    JsonNode locations = j.get("locations");
    if (locations != null && locations.isArray()) {
      remote = false;
      for (JsonNode l : locations) {
        String name = text(l, "name");
        if (name == null) {
          continue;
        }
        if (name.toLowerCase(Locale.ROOT).contains("remote")) {
          remote = true;
        } else {
          places.add(name);
        }
      }
      if (locations.isEmpty()) {
        remote = null;
      }
    }
    String html = text(j, "contents");
    return new RawPosting(RawPosting.SCHEMA_VERSION, "themuse", id, "themuse:" + category + ":" + id,
        text(j.path("refs"), "landing_page"), text(j, "name"), text(j.path("company"), "name"),
        places.isEmpty() ? null : Location.ofText(places.get(0)), remote, null, date(text(j, "publication_date")),
        null, html == null ? null : Jsoup.parse(html).text(), html, null, now, null);
  }
}
