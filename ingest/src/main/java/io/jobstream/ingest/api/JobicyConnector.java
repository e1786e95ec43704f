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
import java.util.stream.StreamSupport;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

/**
 * Jobicy's remote-jobs API, {@code jobicy:INDUSTRY}: one answer with the newest
 * {@value #COUNT} jobs of an industry ({@code dev}, {@code data-science}, ...; {@code all} for
 * every industry). Descriptions are HTML; pay is read from {@code salaryMin}/{@code salaryMax}
 * with {@code salaryCurrency} and {@code salaryPeriod}, or from the older
 * {@code annualSalaryMin}/{@code annualSalaryMax} (a year). Every job is remote; {@code jobGeo}
 * is its location.
 *
 * <p>Terms: Jobicy asks that its feed be read a few times a day at most and that it be credited
 * as the source: one request per industry every {@value #INTERVAL_HOURS} hours by default
 * ({@code ingest.jobicy.request-interval}); each posting keeps {@code url} (the job's Jobicy
 * page) and {@code source} {@code jobicy}.
 */
final class JobicyConnector implements ApiConnector {

  /** Jobs asked for: the API's most. */
  static final int COUNT = 100;
  /** Hours between two reads of one industry. */
  static final int INTERVAL_HOURS = 6;

  @Override
  public String type() {
    return "jobicy";
  }

  @Override
  public String defaultBaseUrl() {
    return "https://jobicy.com";
  }

  @Override
  public String targetName() {
    return "INDUSTRY|all";
  }

  @Override
  public List<String> settingNames() {
    return List.of(RequestPacing.SETTING);
  }

  @Override
  public String firstUrl(ApiContext context, String industry) {
    String url = context.base(industry) + "/api/v2/remote-jobs?count=" + COUNT;
    return industry.equals("all") ? url : url + "&industry=" + ApiContext.encode(industry);
  }

  @Override
  public int read(ApiContext context, String industry) throws InterruptedException {
    if (!RequestPacing.await(context, industry, Duration.ofHours(INTERVAL_HOURS))) {
      return 0;
    }
    String url = firstUrl(context, industry);
    JsonNode items = JobArrays.field(context, url, context.fetchJson(url), "jobs");
    Instant now = context.now();
    return items == null ? 0 : context.publishAll(url, items, j -> posting(industry, j, now));
  }

  static RawPosting posting(String industry, JsonNode j, Instant now) {
    String id = text(j, "id");
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("job without an id");
    }
    String html = text(j, "jobDescription");
    JsonNode types = j.get("jobType");
    String type = types != null && types.isArray() && !types.isEmpty()
        ? String.join(", ", StreamSupport.stream(types.spliterator(), false).map(JsonNode::asText).toList())
        : text(j, "jobType");
    String title = text(j, "jobTitle");
    return new RawPosting(RawPosting.SCHEMA_VERSION, "jobicy", id, "jobicy:" + industry + ":" + id,
        text(j, "url"), title == null ? null : Parser.unescapeEntities(title, false),
        text(j, "companyName"), location(text(j, "jobGeo")), true, type, date(text(j, "pubDate")), null,
        html == null ? null : Jsoup.parse(html).text(), html, salary(j), now, null);
  }

  /** The pay fields; null when no amount is given. */
  static SalaryGiven salary(JsonNode j) {
    BigDecimal min = number(j.get("salaryMin"));
    BigDecimal max = number(j.get("salaryMax"));
    String period = text(j, "salaryPeriod");
    if (min == null && max == null) {
      min = number(j.get("annualSalaryMin"));
      max = number(j.get("annualSalaryMax"));
      period = "YEAR";
    }
    if (min == null && max == null) {
      return null;
    }
    return new SalaryGiven(ApiFields.upper(text(j, "salaryCurrency")), null, min, max, period, null);
  }
}
