package io.jobstream.ingest.api;

import static io.jobstream.ingest.api.ApiFields.date;
import static io.jobstream.ingest.api.ApiFields.number;
import static io.jobstream.ingest.api.ApiFields.text;
import static io.jobstream.ingest.api.ApiFields.upper;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobstream.model.Location;
import io.jobstream.model.RawPosting;
import io.jobstream.model.SalaryGiven;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;

/**
 * Workable's public job widget API, {@code workable:ACCOUNT} (the account of
 * {@code apply.workable.com/ACCOUNT}): {@code GET /api/v1/widget/accounts/ACCOUNT?details=true}
 * answers the account's name and every published job, with its description, requirements and
 * benefits (HTML), employment type, {@code telecommuting}, locations and publication date. Pay is
 * read from a {@code salary} object ({@code salary_from}, {@code salary_to},
 * {@code salary_currency}) where an answer carries one; the widget usually does not.
 *
 * <p>One request per account; the fetcher's pause between requests to one host applies.
 */
final class WorkableConnector implements ApiConnector {

  @Override
  public String type() {
    return "workable";
  }

  @Override
  public String defaultBaseUrl() {
    return "https://apply.workable.com";
  }

  @Override
  public String targetName() {
    return "ACCOUNT";
  }

  @Override
  public String firstUrl(ApiContext context, String account) {
    return context.base(account) + "/api/v1/widget/accounts/" + ApiContext.encode(account) + "?details=true";
  }

  @Override
  public int read(ApiContext context, String account) throws InterruptedException {
    String url = firstUrl(context, account);
    JsonNode root = context.fetchJson(url);
    JsonNode items = JobArrays.field(context, url, root, "jobs");
    if (items == null) {
      return 0;
    }
    String company = text(root, "name");
    Instant now = context.now();
    int published = 0;
    for (JsonNode job : items) {
      String id = text(job, "shortcode");
      if (id == null || id.isBlank()) {
        context.reject("api_error", "workable job without a shortcode", url, null, job.toString());
        continue;
      }
      published += context.publishAll(url, List.of(job), j -> posting(account, company, j, now));
    }
    return published;
  }

  static RawPosting posting(String account, String company, JsonNode j, Instant now) {
    String id = text(j, "shortcode");
    StringBuilder html = new StringBuilder();
    section(html, null, text(j, "description"));
    section(html, "Requirements", text(j, "requirements"));
    section(html, "Benefits", text(j, "benefits"));
    String description = html.length() == 0 ? null : html.toString();
    JsonNode s = j.get("salary");
    SalaryGiven salary = s == null || !s.isObject() || (number(s.get("salary_from")) == null
        && number(s.get("salary_to")) == null) ? null
        : new SalaryGiven(upper(text(s, "salary_currency")), null, number(s.get("salary_from")),
            number(s.get("salary_to")), text(s, "salary_period"), null);
    JsonNode telecommuting = j.get("telecommuting");
    return new RawPosting(RawPosting.SCHEMA_VERSION, "workable", id, "workable:" + account + ":" + id,
        text(j, "url") != null ? text(j, "url") : text(j, "shortlink"), text(j, "title"),
        company != null && !company.isBlank() ? company : account, location(j),
        telecommuting != null && telecommuting.isBoolean() ? telecommuting.asBoolean() : null,
        text(j, "employment_type"),
        date(text(j, "published_on") != null ? text(j, "published_on") : text(j, "created_at")), null,
        description == null ? null : Jsoup.parse(description).text(), description, salary, now, null);
  }

  private static void section(StringBuilder html, String title, String text) {
    if (text == null || text.isBlank()) {
      return;
    }
    if (title != null) {
      html.append("<h3>").append(Entities.escape(title)).append("</h3>");
    }
    html.append(text);
  }

  /** The first shown location (with its ISO country code), the job's own fields otherwise. */
  private static Location location(JsonNode j) {
    List<String> places = new ArrayList<>();
    JsonNode first = null;
    for (JsonNode l : j.path("locations")) {
      if (l.path("hidden").asBoolean(false)) {
        continue;
      }
      first = first == null ? l : first;
      String place = join(text(l, "city"), text(l, "region"), text(l, "country"));
      if (place != null && !places.contains(place)) {
        places.add(place);
      }
    }
    if (first != null) {
      return new Location(places.size() == 1 ? text(first, "city") : null,
          places.size() == 1 ? text(first, "region") : null,
          places.size() == 1 ? upper(text(first, "countryCode")) : null,
          places.isEmpty() ? null : String.join("; ", places));
    }
    String place = join(text(j, "city"), text(j, "state"), text(j, "country"));
    return place == null ? null : new Location(text(j, "city"), text(j, "state"), null, place);
  }

  private static String join(String... parts) {
    StringBuilder s = new StringBuilder();
    for (String p : parts) {
      if (p != null && !p.isBlank()) {
        s.append(s.length() == 0 ? "" : ", ").append(p);
      }
    }
    return s.length() == 0 ? null : s.toString();
  }
}
