package io.jobstream.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobstream.ingest.http.FetchException;
import io.jobstream.ingest.http.FetchedPage;
import io.jobstream.ingest.http.PoliteFetcher;
import io.jobstream.ingest.jsonld.JsonLdExtractor;
import io.jobstream.ingest.publish.PostingSink;
import io.jobstream.ingest.state.CrawlState;
import io.jobstream.model.DeadLetter;
import io.jobstream.model.JsonSerde;
import io.jobstream.model.Location;
import io.jobstream.model.RawPosting;
import io.jobstream.model.SalaryGiven;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public job-board APIs: {@code greenhouse:BOARD}, {@code lever:SITE}, {@code ashby:BOARD},
 * {@code recruitee:COMPANY}. Each reads the board's postings (field layouts as the APIs document
 * them) and maps them to raw postings, keeping the pay as given (Greenhouse amounts are cents,
 * passed on as currency units). A response that is not the expected JSON, and a posting without a
 * title, become dead letters; the rest of the board is still read.
 *
 * <p>Base URLs (scheme, host and port) come from {@code ingest.greenhouse.base-url},
 * {@code ingest.lever.base-url}, {@code ingest.ashby.base-url}, {@code ingest.recruitee.base-url};
 * the connector appends the documented path. Recruitee's default base is
 * {@code https://{company}.recruitee.com}; a base without {@code {company}} is used as is.
 */
public final class JobBoardApi {

  private static final Logger LOG = LoggerFactory.getLogger(JobBoardApi.class);

  /** Default base URL per API. */
  public static final Map<String, String> DEFAULT_BASE_URLS = Map.of(
      "greenhouse", "https://boards-api.greenhouse.io",
      "lever", "https://api.lever.co",
      "ashby", "https://api.ashbyhq.com",
      "recruitee", "https://{company}.recruitee.com");

  private static final int LEVER_PAGE = 100;

  private final PoliteFetcher fetcher;
  private final PostingSink sink;
  private final Map<String, String> baseUrls;
  private final Clock clock;
  private final CrawlState state;

  /** @param baseUrls base URL per API type; missing types use {@link #DEFAULT_BASE_URLS} */
  public JobBoardApi(PoliteFetcher fetcher, PostingSink sink, Map<String, String> baseUrls, Clock clock) {
    this(fetcher, sink, baseUrls, clock, CrawlState.inMemory());
  }

  /**
   * @param state HTTP validators of the API responses: an unchanged board answers 304 to the
   *     conditional request and publishes nothing
   */
  public JobBoardApi(PoliteFetcher fetcher, PostingSink sink, Map<String, String> baseUrls,
      Clock clock, CrawlState state) {
    this.fetcher = fetcher;
    this.sink = sink;
    this.baseUrls = baseUrls;
    this.clock = clock;
    this.state = state;
  }

  /** Reads one board; returns the number of postings published to the sink. */
  public int read(String type, String board) throws InterruptedException {
    String base = baseUrls.getOrDefault(type, DEFAULT_BASE_URLS.get(type));
    if (base == null) {
      throw new IllegalArgumentException("unknown job-board API " + type);
    }
    String b = URLEncoder.encode(board, StandardCharsets.UTF_8);
    base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    return switch (type) {
      case "greenhouse" -> readAll(type, board, base + "/v1/boards/" + b + "/jobs?content=true&pay_transparency=true", "jobs");
      case "ashby" -> readAll(type, board, base + "/posting-api/job-board/" + b + "?includeCompensation=true", "jobs");
      case "recruitee" -> readAll(type, board, base.replace("{company}", b) + "/api/offers", "offers");
      case "lever" -> readLever(board, base + "/v0/postings/" + b + "?mode=json");
      default -> throw new IllegalArgumentException("unknown job-board API " + type);
    };
  }

  private int readAll(String type, String board, String url, String arrayField) throws InterruptedException {
    JsonNode root = fetchJson(type, url);
    if (root == null) {
      return 0;
    }
    JsonNode items = root.get(arrayField);
    if (items == null || !items.isArray()) {
      sink.reject(DeadLetter.of("ingest", "api_error", "response has no '" + arrayField + "' array",
          url, null, root.toString()));
      return 0;
    }
    return publishAll(type, board, url, items);
  }

  private int readLever(String site, String url) throws InterruptedException {
    int published = 0;
    for (int skip = 0; ; skip += LEVER_PAGE) {
      String page = url + "&skip=" + skip + "&limit=" + LEVER_PAGE;
      JsonNode root = fetchJson("lever", page);
      if (root == null) {
        return published;
      }
      if (!root.isArray()) {
        sink.reject(DeadLetter.of("ingest", "api_error", "expected a JSON array", page, null, root.toString()));
        return published;
      }
      published += publishAll("lever", site, page, root);
      if (root.size() < LEVER_PAGE) {
        return published;
      }
    }
  }

  private int publishAll(String type, String board, String url, JsonNode items) {
    Instant now = Instant.now(clock);
    int published = 0;
    for (JsonNode item : items) {
      try {
        RawPosting p = switch (type) {
          case "greenhouse" -> greenhouse(board, item, now);
          case "lever" -> lever(board, item, now);
          case "ashby" -> ashby(board, item, now);
          default -> recruitee(board, item, now);
        };
        if (p.title() == null || p.title().isBlank()) {
          sink.reject(DeadLetter.of("ingest", "no_title", type + " posting without a title", url, p.postingId(), item.toString()));
          continue;
        }
        sink.publish(JsonLdExtractor.withFingerprint(p));
        published++;
      } catch (RuntimeException e) {
        sink.reject(DeadLetter.of("ingest", "api_error", "cannot map posting: " + e.getMessage(), url, null, item.toString()));
      }
    }
    LOG.info("{}:{}: {} postings", type, board, published);
    return published;
  }

  private JsonNode fetchJson(String type, String url) throws InterruptedException {
    FetchedPage page;
    CrawlState.Validators known = state.validators(url);
    try {
      page = fetcher.fetch(URI.create(url), known == null ? null : known.etag(),
          known == null ? null : known.lastModified());
    } catch (FetchException e) {
      sink.reject(DeadLetter.of("ingest", "fetch_" + e.reason(), e.getMessage(), url, null, null));
      return null;
    }
    if (page.notModified()) {
      LOG.info("{} not modified", url);
      return type.equals("lever") ? JsonSerde.MAPPER.createArrayNode() : null;
    }
    state.validators(url, new CrawlState.Validators(page.etag(), page.lastModified()));
    try {
      return JsonSerde.MAPPER.readTree(page.body());
    } catch (IOException e) {
      sink.reject(DeadLetter.of("ingest", "api_error", type + " response is not JSON: " + e.getMessage(), url, null, page.text()));
      return null;
    }
  }

  private static RawPosting greenhouse(String board, JsonNode j, Instant now) {
    String id = text(j, "id");
    String html = text(j, "content");
    String decoded = html == null ? null : Parser.unescapeEntities(html, false);
    SalaryGiven salary = null;
    JsonNode ranges = j.get("pay_input_ranges");
    if (ranges != null && ranges.isArray() && ranges.size() > 0) {
      JsonNode r = ranges.get(0);
      salary = new SalaryGiven(text(r, "currency_type"), null, cents(r.get("min_cents")), cents(r.get("max_cents")), "YEAR", text(r, "title"));
    }
    return new RawPosting(RawPosting.SCHEMA_VERSION, "greenhouse", id, "greenhouse:" + board + ":" + id,
        text(j, "absolute_url"), text(j, "title"), board, location(text(j.path("location"), "name")), null, null,
        date(text(j, "first_published") != null ? text(j, "first_published") : text(j, "updated_at")), null,
        decoded == null ? null : Jsoup.parse(decoded).text(), decoded, salary, now, null);
  }

  private static RawPosting lever(String site, JsonNode j, Instant now) {
    String id = text(j, "id");
    JsonNode range = j.get("salaryRange");
    SalaryGiven salary = range == null || range.isNull() ? null
        : new SalaryGiven(text(range, "currency"), null, number(range.get("min")), number(range.get("max")), text(range, "interval"), null);
    JsonNode created = j.get("createdAt");
    String workplace = text(j, "workplaceType");
    return new RawPosting(RawPosting.SCHEMA_VERSION, "lever", id, "lever:" + site + ":" + id,
        text(j, "hostedUrl"), text(j, "text"), site,
        new Location(null, null, upper(text(j, "country")), text(j.path("categories"), "location")),
        workplace == null ? null : workplace.equalsIgnoreCase("remote"),
        text(j.path("categories"), "commitment"),
        created != null && created.isNumber() ? Instant.ofEpochMilli(created.asLong()).atZone(ZoneOffset.UTC).toLocalDate() : null,
        null, text(j, "descriptionPlain"), null, salary, now, null);
  }

  private static RawPosting ashby(String board, JsonNode j, Instant now) {
    String id = text(j, "id");
    SalaryGiven salary = null;
    for (JsonNode tier : j.path("compensation").path("compensationTiers")) {
      for (JsonNode c : tier.path("components")) {
        if ("Salary".equalsIgnoreCase(text(c, "compensationType")) && salary == null) {
          salary = new SalaryGiven(text(c, "currencyCode"), null, number(c.get("minValue")), number(c.get("maxValue")), text(c, "interval"), null);
        }
      }
    }
    String html = text(j, "descriptionHtml");
    return new RawPosting(RawPosting.SCHEMA_VERSION, "ashby", id, "ashby:" + board + ":" + id,
        text(j, "jobUrl"), text(j, "title"), board, location(text(j, "location")),
        j.has("isRemote") ? j.get("isRemote").asBoolean() : null, text(j, "employmentType"),
        date(text(j, "publishedAt")), null, html == null ? null : Jsoup.parse(html).text(), html, salary, now, null);
  }

  private static RawPosting recruitee(String company, JsonNode j, Instant now) {
    String id = text(j, "id");
    JsonNode s = j.get("salary");
    SalaryGiven salary = s == null || s.isNull() || (text(s, "min") == null && text(s, "max") == null) ? null
        : new SalaryGiven(text(s, "currency"), null, number(s.get("min")), number(s.get("max")), text(s, "period"), null);
    String html = text(j, "description");
    return new RawPosting(RawPosting.SCHEMA_VERSION, "recruitee", id, "recruitee:" + company + ":" + id,
        text(j, "careers_url"), text(j, "title"), company, location(text(j, "location")),
        j.has("remote") ? j.get("remote").asBoolean() : null, text(j, "employment_type_code"),
        date(text(j, "created_at")), null, html == null ? null : Jsoup.parse(html).text(), html, salary, now, null);
  }

  private static Location location(String text) {
    return text == null ? null : Location.ofText(text);
  }

  private static BigDecimal cents(JsonNode n) {
    BigDecimal v = number(n);
    return v == null ? null : v.movePointLeft(2);
  }

  private static BigDecimal number(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isNumber()) {
      return n.decimalValue();
    }
    String s = n.asText().replace(",", "").trim();
    return s.isEmpty() ? null : new BigDecimal(s);
  }

  private static LocalDate date(String text) {
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text.replace(" UTC", "Z").replace(' ', 'T')).toLocalDate();
    } catch (RuntimeException e) {
      try {
        return LocalDate.parse(text.substring(0, Math.min(10, text.length())));
      } catch (RuntimeException again) {
        return null;
      }
    }
  }

  private static String upper(String s) {
    return s == null ? null : s.toUpperCase(Locale.ROOT);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
  }
}
