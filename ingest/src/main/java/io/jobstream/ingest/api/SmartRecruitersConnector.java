package io.jobstream.ingest.api;

import static io.jobstream.ingest.api.ApiFields.date;
import static io.jobstream.ingest.api.ApiFields.text;
import static io.jobstream.ingest.api.ApiFields.upper;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobstream.model.Location;
import io.jobstream.model.RawPosting;
import io.jobstream.model.SalaryGiven;
import io.jobstream.ingest.http.FetchRequest;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import org.jsoup.Jsoup;

/**
 * SmartRecruiters' public Posting API, {@code smartrecruiters:COMPANY} (the company identifier of
 * {@code jobs.smartrecruiters.com/COMPANY}): pages of {@value #PAGE} postings by {@code offset}
 * until {@code totalFound} is reached, a page comes back short or brings no posting not seen
 * before (at most {@value #MAX_OFFSET} postings), then each posting's detail for
 * its job ad (the description sections, as HTML).
 *
 * <p>The API documents 10 requests a second; the fetcher's pause between requests to one host (1 s
 * by default) keeps a read far below it. The API has no pay fields: a custom field whose label
 * names pay (salary, compensation, pay) is kept as pay text. A detail that cannot be fetched or read
 * is a dead letter keyed by that posting's id; the other postings are still read.
 */
final class SmartRecruitersConnector implements ApiConnector {

  /** Postings asked for per page: the API's largest page. */
  static final int PAGE = 100;

  /** Offsets beyond this are not asked for: a bound on one read of a very large board. */
  static final int MAX_OFFSET = 10_000;

  /** The sections of a job ad, in the order they are joined into the description. */
  private static final String[] SECTIONS = {"companyDescription", "jobDescription", "qualifications",
      "additionalInformation"};

  @Override
  public String type() {
    return "smartrecruiters";
  }

  @Override
  public String defaultBaseUrl() {
    return "https://api.smartrecruiters.com";
  }

  @Override
  public String targetName() {
    return "COMPANY";
  }

  @Override
  public String firstUrl(ApiContext context, String company) {
    return listUrl(context, company, 0);
  }

  private static String listUrl(ApiContext context, String company, int offset) {
    return context.base(company) + "/v1/companies/" + ApiContext.encode(company) + "/postings?limit=" + PAGE
        + "&offset=" + offset;
  }

  @Override
  public int read(ApiContext context, String company) throws InterruptedException {
    Instant now = context.now();
    java.util.Set<String> seen = new java.util.HashSet<>();
    int published = 0;
    for (int offset = 0; offset < MAX_OFFSET; offset += PAGE) {
      String url = listUrl(context, company, offset);
      JsonNode root = context.fetchJson(url);
      JsonNode items = JobArrays.field(context, url, root, "content");
      if (items == null) {
        return published;
      }
      boolean news = false;
      for (JsonNode item : items) {
        // a board that ignores the offset answers the same page again: each posting is read once
        String id = text(item, "id");
        if (id != null && !seen.add(id)) {
          continue;
        }
        news = true;
        published += detail(context, company, url, item, now);
      }
      int total = root.path("totalFound").asInt(-1);
      if (items.size() < PAGE || !news || (total >= 0 && offset + items.size() >= total)) {
        return published;
      }
    }
    return published;
  }

  /** Fetches and publishes one posting's detail; 1 when published. */
  private static int detail(ApiContext context, String company, String listUrl, JsonNode item, Instant now)
      throws InterruptedException {
    String id = text(item, "id");
    if (id == null || id.isBlank()) {
      context.reject("api_error", "smartrecruiters posting without an id", listUrl, null, item.toString());
      return 0;
    }
    String url = context.base(company) + "/v1/companies/" + ApiContext.encode(company) + "/postings/"
        + ApiContext.encode(id);
    JsonNode detail = context.fetchJson(FetchRequest.get(URI.create(url)), "smartrecruiters:" + company + ":" + id);
    if (detail == null) {
      return 0; // unchanged since the last read, or failed and dead-lettered under the posting's id
    }
    if (!detail.isObject()) {
      context.reject("api_error", "smartrecruiters posting detail is not an object", url,
          "smartrecruiters:" + company + ":" + id, detail.toString());
      return 0;
    }
    RawPosting posting;
    try {
      posting = posting(company, item, detail, now);
    } catch (RuntimeException e) {
      context.reject("api_error", "cannot map posting: " + e.getMessage(), url, "smartrecruiters:" + company + ":" + id,
          detail.toString());
      return 0;
    }
    return context.publish(posting, url, detail.toString()) ? 1 : 0;
  }

  /** A posting from its list entry and its detail (the detail wins where both say something). */
  static RawPosting posting(String company, JsonNode item, JsonNode detail, Instant now) {
    String id = text(item, "id");
    JsonNode loc = detail.has("location") ? detail.get("location") : item.path("location");
    String place = text(loc, "fullLocation");
    if (place == null) {
      place = join(text(loc, "city"), text(loc, "region"), upper(text(loc, "country")));
    }
    JsonNode remote = loc.get("remote");
    String html = jobAd(detail.path("jobAd").path("sections"));
    String name = text(detail, "name") != null ? text(detail, "name") : text(item, "name");
    String companyName = text(detail.path("company"), "name");
    String released = text(detail, "releasedDate") != null ? text(detail, "releasedDate") : text(item, "releasedDate");
    JsonNode employment = detail.has("typeOfEmployment") ? detail.get("typeOfEmployment") : item.path("typeOfEmployment");
    return new RawPosting(RawPosting.SCHEMA_VERSION, "smartrecruiters", id, "smartrecruiters:" + company + ":" + id,
        text(detail, "postingUrl") != null ? text(detail, "postingUrl")
            : "https://jobs.smartrecruiters.com/" + company + "/" + id,
        name, companyName != null ? companyName : company,
        new Location(text(loc, "city"), text(loc, "region"), upper(text(loc, "country")), place),
        remote != null && remote.isBoolean() ? remote.asBoolean() : null, text(employment, "label"),
        date(released), null, html == null ? null : Jsoup.parse(html).text(), html, payText(detail), now, null);
  }

  /** The job ad's sections as one HTML text, each under its title; null when there are none. */
  private static String jobAd(JsonNode sections) {
    StringBuilder html = new StringBuilder();
    for (String key : SECTIONS) {
      JsonNode s = sections.path(key);
      String text = text(s, "text");
      if (text == null || text.isBlank()) {
        continue;
      }
      String title = text(s, "title");
      if (title != null && !title.isBlank()) {
        html.append("<h3>").append(org.jsoup.nodes.Entities.escape(title)).append("</h3>");
      }
      html.append(text);
    }
    return html.length() == 0 ? null : html.toString();
  }

  /** Pay written in a custom field (the API has no pay fields): its value as pay text, or null. */
  private static SalaryGiven payText(JsonNode detail) {
    for (JsonNode field : detail.path("customField")) {
      String label = text(field, "fieldLabel");
      String value = text(field, "valueLabel");
      if (label != null && value != null && !value.isBlank()
          && label.toLowerCase(Locale.ROOT).matches(".*\\b(salary|compensation|pay)\\b.*")) {
        return new SalaryGiven(null, null, null, null, null, value);
      }
    }
    return null;
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
