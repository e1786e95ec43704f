package io.jobstream.ingest.api;

import static io.jobstream.ingest.api.ApiFields.cents;
import static io.jobstream.ingest.api.ApiFields.date;
import static io.jobstream.ingest.api.ApiFields.location;
import static io.jobstream.ingest.api.ApiFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobstream.model.RawPosting;
import io.jobstream.model.SalaryGiven;
import java.time.Instant;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

/**
 * Greenhouse's job board API, {@code greenhouse:BOARD}: one answer with every posting, its content
 * (entity-escaped HTML) and pay ranges (amounts in cents, passed on as currency units).
 */
final class GreenhouseConnector implements ApiConnector {

  @Override
  public String type() {
    return "greenhouse";
  }

  @Override
  public String defaultBaseUrl() {
    return "https://boards-api.greenhouse.io";
  }

  @Override
  public String firstUrl(ApiContext context, String board) {
    return context.base(board) + "/v1/boards/" + ApiContext.encode(board) + "/jobs?content=true&pay_transparency=true";
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
    String html = text(j, "content");
    String decoded = html == null ? null : Parser.unescapeEntities(html, false);
    SalaryGiven salary = null;
    JsonNode ranges = j.get("pay_input_ranges");
    if (ranges != null && ranges.isArray() && ranges.size() > 0) {
      JsonNode r = ranges.get(0);
      salary = new SalaryGiven(text(r, "currency_type"), null, cents(r.get("min_cents")), cents(r.get("max_cents")),
          "YEAR", text(r, "title"));
    }
    return new RawPosting(RawPosting.SCHEMA_VERSION, "greenhouse", id, "greenhouse:" + board + ":" + id,
        text(j, "absolute_url"), text(j, "title"), board, location(text(j.path("location"), "name")), null, null,
        date(text(j, "first_published") != null ? text(j, "first_published") : text(j, "updated_at")), null,
        decoded == null ? null : Jsoup.parse(decoded).text(), decoded, salary, now, null);
  }
}
