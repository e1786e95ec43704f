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

/** Ashby's job board API, {@code ashby:BOARD}: one answer, with compensation tiers. */
final class AshbyConnector implements ApiConnector {

  @Override
  public String type() {
    return "ashby";
  }

  @Override
  public String defaultBaseUrl() {
    return "https://api.ashbyhq.com";
  }

  @Override
  public String firstUrl(ApiContext context, String board) {
    return context.base(board) + "/posting-api/job-board/" + ApiContext.encode(board) + "?includeCompensation=true";
  }

  @Override
  public int read(ApiContext context, String board) throws InterruptedException {
    String url = firstUrl(context, board);
    JsonNode items = JobArrays.field(context, url, context.fetchJson(url), "jobs");
    Instant now = context.now();
    return items == null ? 0 : context.publishAll(url, items, j -> posting(board, j, now));
  }

  static RawPosting posting(String board, JsonNode j, Instant now) {
    String id = text(j, "id");
    SalaryGiven salary = null;
    for (JsonNode tier : j.path("compensation").path("compensationTiers")) {
      for (JsonNode c : tier.path("components")) {
        if ("Salary".equalsIgnoreCase(text(c, "compensationType")) && salary == null) {
          salary = new SalaryGiven(text(c, "currencyCode"), null, number(c.get("minValue")), number(c.get("maxValue")),
              text(c, "interval"), null);
        }
      }
    }
    String html = text(j, "descriptionHtml");
    return new RawPosting(RawPosting.SCHEMA_VERSION, "ashby", id, "ashby:" + board + ":" + id,
        text(j, "jobUrl"), text(j, "title"), board, location(text(j, "location")),
        j.has("isRemote") ? j.get("isRemote").asBoolean() : null, text(j, "employmentType"),
        date(text(j, "publishedAt")), null, html == null ? null : Jsoup.parse(html).text(), html, salary, now, null);
  }
}
