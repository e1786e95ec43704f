package io.jobstream.ingest.api;

import static io.jobstream.ingest.api.ApiFields.date;
import static io.jobstream.ingest.api.ApiFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobstream.ingest.http.FetchRequest;
import io.jobstream.model.Location;
import io.jobstream.model.RawPosting;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * Workday career sites, {@code workday:TENANT.wdN/SITE} for the site
 * {@code https://TENANT.wdN.myworkdayjobs.com/SITE} ({@code workday:TENANT/SITE} for a site on
 * {@code TENANT.myworkdayjobs.com}). It reads the JSON endpoints behind the site: the list is a POST
 * of {@code {"appliedFacets":{},"limit":20,"offset":N,"searchText":""}} to
 * {@code /wday/cxs/TENANT/SITE/jobs}, {@value #PAGE} postings a page (Workday refuses larger pages),
 * until the {@code total} of the first page is reached, a page comes back short or brings nothing
 * new (at most {@value #MAX_OFFSET} postings); then each
 * posting's detail, {@code GET /wday/cxs/TENANT/SITE} + its {@code externalPath}, for the description
 * (HTML), the date and the employment type.
 *
 * <p>A posting's id is its requisition id, the part of {@code externalPath} after the last
 * {@code _} ({@code /job/Berlin/Data-Engineer_R-1042} is {@code R-1042}), which stays when a title is
 * edited. Workday documents no rate limit for these endpoints; the fetcher's pause between requests
 * to one host (1 s by default) sets the pace. Workday has no pay fields: pay, where an employer gives
 * it, is in the description. A detail that fails or cannot be read is a dead letter for that posting.
 */
final class WorkdayConnector implements ApiConnector {

  /** Postings asked for per page: the most the list endpoint accepts. */
  static final int PAGE = 20;

  /** Offsets beyond this are not asked for: a bound on one read of a very large (or looping) site. */
  static final int MAX_OFFSET = 10_000;

  private static final Pattern TARGET = Pattern.compile("([A-Za-z0-9][A-Za-z0-9-]*)(\\.wd\\d{1,3})?/([A-Za-z0-9._-]+)");
  private static final Pattern DAYS_AGO = Pattern.compile("(?i).*?(\\d+) days? ago.*");

  /** A parsed target: the tenant, the host name's first labels, and the site. */
  record Site(String tenant, String host, String site) {

    static Site of(String target) {
      Matcher m = TARGET.matcher(target);
      if (!m.matches()) {
        throw new IllegalArgumentException("not a Workday site TENANT.wdN/SITE: " + target);
      }
      return new Site(m.group(1), m.group(1) + (m.group(2) == null ? "" : m.group(2)), m.group(3));
    }
  }

  @Override
  public String type() {
    return "workday";
  }

  @Override
  public String defaultBaseUrl() {
    return "https://{target}.myworkdayjobs.com";
  }

  @Override
  public String targetName() {
    return "TENANT.wdN/SITE";
  }

  @Override
  public boolean validTarget(String target) {
    return TARGET.matcher(target).matches();
  }

  /**
   * The career site's own page: the list is a POST, so this is what a single GET can ask to see
   * whether the site answers.
   */
  @Override
  public String firstUrl(ApiContext context, String target) {
    Site s = Site.of(target);
    return context.base(s.host()) + "/" + s.site();
  }

  private static String api(ApiContext context, Site s) {
    return context.base(s.host()) + "/wday/cxs/" + ApiContext.encode(s.tenant()) + "/" + ApiContext.encode(s.site());
  }

  @Override
  public int read(ApiContext context, String target) throws InterruptedException {
    Site site = Site.of(target);
    String list = api(context, site) + "/jobs";
    Instant now = context.now();
    java.util.Set<String> seen = new java.util.HashSet<>();
    int published = 0;
    int total = -1;
    for (int offset = 0; offset < MAX_OFFSET; offset += PAGE) {
      String body = "{\"appliedFacets\":{},\"limit\":" + PAGE + ",\"offset\":" + offset + ",\"searchText\":\"\"}";
      JsonNode root = context.fetchJson(FetchRequest.postJson(URI.create(list), body)
          .withHeader("Accept", "application/json"));
      JsonNode items = JobArrays.field(context, list + " offset " + offset, root, "jobPostings");
      if (items == null) {
        return published;
      }
      if (total < 0) {
        // only the first page's total is to be trusted: later pages often say 0
        total = root.path("total").asInt(-1);
      }
      boolean news = false;
      for (JsonNode item : items) {
        // a site that ignores the offset answers the same page again: each posting is read once
        if (!seen.add(item.toString())) {
          continue;
        }
        news = true;
        published += detail(context, target, site, item, now);
      }
      if (items.size() < PAGE || !news || (total >= 0 && offset + items.size() >= total)) {
        return published;
      }
    }
    return published;
  }

  /** The posting id of a list entry: the requisition id at the end of its path. */
  static String id(String externalPath) {
    String last = externalPath.substring(externalPath.lastIndexOf('/') + 1);
    int underscore = last.lastIndexOf('_');
    return underscore >= 0 && underscore < last.length() - 1 ? last.substring(underscore + 1) : last;
  }

  private static int detail(ApiContext context, String target, Site site, JsonNode item, Instant now)
      throws InterruptedException {
    String path = text(item, "externalPath");
    String list = api(context, site) + "/jobs";
    if (path == null || !path.startsWith("/") || path.contains("..")) {
      context.reject("api_error", "workday posting without a usable externalPath", list, null, item.toString());
      return 0;
    }
    String id = id(path);
    String key = "workday:" + target + ":" + id;
    URI uri;
    try {
      uri = URI.create(api(context, site) + path);
    } catch (IllegalArgumentException e) {
      context.reject("api_error", "workday externalPath is not a URL path: " + e.getMessage(), list, key,
          item.toString());
      return 0;
    }
    JsonNode detail = context.fetchJson(FetchRequest.get(uri).withHeader("Accept", "application/json"), key);
    if (detail == null) {
      return 0; // unchanged since the last read, or failed and dead-lettered under the posting's id
    }
    JsonNode info = detail.get("jobPostingInfo");
    if (info == null || !info.isObject()) {
      context.reject("api_error", "workday posting detail has no 'jobPostingInfo'", uri.toString(), key,
          detail.toString());
      return 0;
    }
    RawPosting posting;
    try {
      posting = posting(target, site, context.base(site.host()), id, item, detail, now);
    } catch (RuntimeException e) {
      context.reject("api_error", "cannot map posting: " + e.getMessage(), uri.toString(), key, detail.toString());
      return 0;
    }
    return context.publish(posting, uri.toString(), detail.toString()) ? 1 : 0;
  }

  static RawPosting posting(String target, Site site, String base, String id, JsonNode item, JsonNode detail,
      Instant now) {
    JsonNode info = detail.get("jobPostingInfo");
    String html = text(info, "jobDescription");
    String place = text(info, "location") != null ? text(info, "location") : text(item, "locationsText");
    String country = text(info.path("country"), "descriptor");
    if (place != null && country != null && !place.contains(country)) {
      place = place + ", " + country;
    }
    String remoteType = text(info, "remoteType") != null ? text(info, "remoteType") : text(item, "remoteType");
    String company = text(detail.path("hiringOrganization"), "name");
    String url = text(info, "externalUrl");
    LocalDate posted = date(text(info, "startDate"));
    if (posted == null) {
      posted = postedOn(text(info, "postedOn") != null ? text(info, "postedOn") : text(item, "postedOn"), now);
    }
    return new RawPosting(RawPosting.SCHEMA_VERSION, "workday", id, "workday:" + target + ":" + id,
        url != null ? url : base + "/" + site.site() + text(item, "externalPath"),
        text(info, "title") != null ? text(info, "title") : text(item, "title"),
        company != null && !company.isBlank() ? company : site.tenant(), Location.ofText(place),
        remoteType == null ? null : remoteType.toLowerCase(Locale.ROOT).contains("remote")
            && !remoteType.toLowerCase(Locale.ROOT).contains("hybrid"),
        text(info, "timeType"), posted, null, html == null ? null : Jsoup.parse(html).text(), html, null, now, null);
  }

  /**
   * The date of Workday's relative {@code postedOn} ("Posted Today", "Posted Yesterday", "Posted 3
   * Days Ago") as of {@code now} in UTC; null for an open-ended "30+ Days Ago" and anything else.
   */
  static LocalDate postedOn(String text, Instant now) {
    if (text == null) {
      return null;
    }
    LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
    String t = text.toLowerCase(Locale.ROOT);
    if (t.contains("+")) {
      return null;
    }
    if (t.contains("today")) {
      return today;
    }
    if (t.contains("yesterday")) {
      return today.minusDays(1);
    }
    Matcher m = DAYS_AGO.matcher(t);
    return m.matches() ? today.minusDays(Long.parseLong(m.group(1))) : null;
  }
}
