package io.jobstream.ingest.api;

import static io.jobstream.ingest.api.ApiFields.date;
import static io.jobstream.ingest.api.ApiFields.location;
import static io.jobstream.ingest.api.ApiFields.number;
import static io.jobstream.ingest.api.ApiFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobstream.model.RawPosting;
import io.jobstream.model.SalaryGiven;
import java.time.Instant;
import org.jsoup.Jsoup;

/**
 * Recruitee's careers-site API, {@code recruitee:COMPANY}: the company is part of the host name
 * ({@code https://{company}.recruitee.com}); a base URL without {@code {company}} is used as is.
 */
final class RecruiteeConnector implements ApiConnector {

  @Override
  public String type() {
    return "recruitee";
  }

  @Override
  public String defaultBaseUrl() {
    return "https://{company}.recruitee.com";
  }

  @Override
  public String targetName() {
    return "COMPANY";
  }

  @Override
  public String firstUrl(ApiContext context, String company) {
    return context.base(company) + "/api/offers";
  }

  @Override
  public int read(ApiContext context, String company) throws InterruptedException {
    String url = firstUrl(context, company);
    JsonNode items = JobArrays.field(context, url, context.fetchJson(url), "offers");
    Instant now = context.now();
    return items == null ? 0 : context.publishAll(url, items, j -> posting(company, j, now));
  }

  static RawPosting posting(String company, JsonNode j, Instant now) {
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
}
