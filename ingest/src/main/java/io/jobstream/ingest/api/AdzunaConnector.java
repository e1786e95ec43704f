package io.jobstream.ingest.api;

import static io.jobstream.ingest.api.ApiFields.date;
import static io.jobstream.ingest.api.ApiFields.location;
import static io.jobstream.ingest.api.ApiFields.number;
import static io.jobstream.ingest.api.ApiFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobstream.model.RawPosting;
import io.jobstream.model.SalaryGiven;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;

/**
 * Adzuna's job search API, {@code adzuna:COUNTRY} or {@code adzuna:COUNTRY/KEYWORDS}
 * ({@code gb}, {@code us/machine learning}): pages of {@value #PER_PAGE} ads from page 1 until a
 * short page, {@code count} is reached, or {@value #MAX_PAGES} pages. Ids are Adzuna's ad ids;
 * the URL is Adzuna's {@code redirect_url} (the attribution Adzuna asks for); the description is
 * the snippet Adzuna gives.
 *
 * <p>Keyed: {@code app_id} and {@code app_key} go in the query ({@code ingest.adzuna.app-id},
 * {@code ingest.adzuna.app-key}, both required, see {@link ApiKeys}); they are redacted from every
 * dead letter. Rate limits of the free plan: 25 requests a minute (requests are spaced
 * {@value #INTERVAL_MS} ms apart, {@code ingest.adzuna.request-interval}) and 250 a day, which
 * the page cap keeps a pass of a few targets under.
 *
 * <p>Pay: {@code salary_min}/{@code salary_max} a year in the country's currency; a salary Adzuna
 * estimated ({@code salary_is_predicted} 1) is not the ad's and is left out.
 */
final class AdzunaConnector implements ApiConnector {

  /** Ads asked for per page. */
  static final int PER_PAGE = 50;
  /** Most pages read per target and pass. */
  static final int MAX_PAGES = 10;
  /** Milliseconds between requests: 60 s / 25 requests. */
  static final long INTERVAL_MS = 2400;

  static final String APP_ID = "app-id";
  static final String APP_KEY = "app-key";

  /** The currency of each country Adzuna serves. */
  static final Map<String, String> CURRENCIES = Map.ofEntries(Map.entry("gb", "GBP"), Map.entry("us", "USD"),
      Map.entry("at", "EUR"), Map.entry("be", "EUR"), Map.entry("de", "EUR"), Map.entry("es", "EUR"),
      Map.entry("fr", "EUR"), Map.entry("it", "EUR"), Map.entry("nl", "EUR"), Map.entry("au", "AUD"),
      Map.entry("br", "BRL"), Map.entry("ca", "CAD"), Map.entry("ch", "CHF"), Map.entry("in", "INR"),
      Map.entry("mx", "MXN"), Map.entry("nz", "NZD"), Map.entry("pl", "PLN"), Map.entry("sg", "SGD"),
      Map.entry("za", "ZAR"));

  @Override
  public String type() {
    return "adzuna";
  }

  @Override
  public String defaultBaseUrl() {
    return "https://api.adzuna.com";
  }

  @Override
  public String targetName() {
    return "COUNTRY[/KEYWORDS]";
  }

  @Override
  public boolean validTarget(String target) {
    return target.matches("[a-z]{2}(/[\\p{L}\\p{N}][\\p{L}\\p{N} +#&.,'_-]*)?")
        && CURRENCIES.containsKey(target.substring(0, 2));
  }

  @Override
  public List<String> settingNames() {
    return List.of(APP_ID, APP_KEY, RequestPacing.SETTING);
  }

  @Override
  public List<String> requiredSettings() {
    return List.of(APP_ID, APP_KEY);
  }

  @Override
  public String firstUrl(ApiContext context, String target) {
    return page(context, target, 1);
  }

  private static String page(ApiContext context, String target, int page) {
    String country = target.substring(0, 2);
    String url = context.base(target) + "/v1/api/jobs/" + country + "/search/" + page
        + "?app_id=" + ApiContext.encode(orEmpty(context.setting(APP_ID)))
        + "&app_key=" + ApiContext.encode(orEmpty(context.setting(APP_KEY)))
        + "&results_per_page=" + PER_PAGE + "&content-type=application/json";
    return target.length() > 3 ? url + "&what=" + ApiContext.encode(target.substring(3)) : url;
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  @Override
  public int read(ApiContext context, String target) throws InterruptedException {
    if (context.setting(APP_ID) == null || context.setting(APP_KEY) == null) {
      context.reject("missing_key", "adzuna needs ingest.adzuna.app-id and ingest.adzuna.app-key",
          context.base(target) + "/v1/api/jobs/" + target.substring(0, 2) + "/search/1", null, null);
      return 0;
    }
    String currency = CURRENCIES.get(target.substring(0, 2));
    Instant now = context.now();
    int published = 0;
    for (int page = 1; page <= MAX_PAGES; page++) {
      if (!RequestPacing.await(context, null, Duration.ofMillis(INTERVAL_MS))) {
        return published;
      }
      String url = page(context, target, page);
      JsonNode root = context.fetchJson(url);
      JsonNode items = JobArrays.field(context, url, root, "results");
      if (items == null || items.isEmpty()) {
        return published;
      }
      published += context.publishAll(url, items, j -> posting(target, currency, j, now));
      if (items.size() < PER_PAGE || (long) page * PER_PAGE >= root.path("count").asLong(Long.MAX_VALUE)) {
        return published;
      }
    }
    return published;
  }

  static RawPosting posting(String target, String currency, JsonNode j, Instant now) {
    String id = text(j, "id");
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("ad without an id");
    }
    String title = text(j, "title");
    String contract = text(j, "contract_time") != null ? text(j, "contract_time") : text(j, "contract_type");
    return new RawPosting(RawPosting.SCHEMA_VERSION, "adzuna", id, "adzuna:" + target + ":" + id,
        text(j, "redirect_url"), title == null ? null : Jsoup.parse(title).text(),
        text(j.path("company"), "display_name"), location(text(j.path("location"), "display_name")), null,
        contract, date(text(j, "created")), null, text(j, "description") == null ? null
            : Jsoup.parse(text(j, "description")).text(), null, salary(currency, j), now, null);
  }

  /** The ad's own pay; null when absent or estimated by Adzuna. */
  static SalaryGiven salary(String currency, JsonNode j) {
    if ("1".equals(text(j, "salary_is_predicted"))) {
      return null;
    }
    BigDecimal min = number(j.get("salary_min"));
    BigDecimal max = number(j.get("salary_max"));
    if (min == null && max == null) {
      return null;
    }
    return min != null && min.equals(max) ? new SalaryGiven(currency, min, null, null, "YEAR", null)
        : new SalaryGiven(currency, null, min, max, "YEAR", null);
  }
}
