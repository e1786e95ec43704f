package io.jobstream.ingest.api;

import static io.jobstream.ingest.api.ApiFields.number;
import static io.jobstream.ingest.api.ApiFields.text;
import static io.jobstream.ingest.api.ApiFields.upper;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobstream.model.Location;
import io.jobstream.model.RawPosting;
import io.jobstream.model.SalaryGiven;
import java.time.Instant;
import java.time.ZoneOffset;

/** Lever's postings API, {@code lever:SITE}: pages of {@value #PAGE} postings until a short page. */
final class LeverConnector implements ApiConnector {

  /** Postings asked for per page. */
  static final int PAGE = 100;

  @Override
  public String type() {
    return "lever";
  }

  @Override
  public String defaultBaseUrl() {
    return "https://api.lever.co";
  }

  @Override
  public String targetName() {
    return "SITE";
  }

  @Override
  public String firstUrl(ApiContext context, String site) {
    return context.base(site) + "/v0/postings/" + ApiContext.encode(site) + "?mode=json&skip=0&limit=" + PAGE;
  }

  @Override
  public int read(ApiContext context, String site) throws InterruptedException {
    String url = context.base(site) + "/v0/postings/" + ApiContext.encode(site) + "?mode=json";
    Instant now = context.now();
    int published = 0;
    for (int skip = 0; ; skip += PAGE) {
      String page = url + "&skip=" + skip + "&limit=" + PAGE;
      JsonNode items = JobArrays.root(context, page, context.fetchJson(page));
      if (items == null) {
        return published;
      }
      published += context.publishAll(page, items, j -> posting(site, j, now));
      if (items.size() < PAGE) {
        return published;
      }
    }
  }

  static RawPosting posting(String site, JsonNode j, Instant now) {
    String id = text(j, "id");
    JsonNode range = j.get("salaryRange");
    SalaryGiven salary = range == null || range.isNull() ? null
        : new SalaryGiven(text(range, "currency"), null, number(range.get("min")), number(range.get("max")),
            text(range, "interval"), null);
    JsonNode created = j.get("createdAt");
    String workplace = text(j, "workplaceType");
    return new RawPosting(RawPosting.SCHEMA_VERSION, "lever", id, "lever:" + site + ":" + id,
        text(j, "hostedUrl"), text(j, "text"), site,
        new Location(null, null, upper(text(j, "country")), text(j.path("categories"), "location")),
        workplace == null ? null : workplace.equalsIgnoreCase("remote"),
        text(j.path("categories"), "commitment"),
        created != null && created.isNumber()
            ? Instant.ofEpochMilli(created.asLong()).atZone(ZoneOffset.UTC).toLocalDate() : null,
        null, text(j, "descriptionPlain"), null, salary, now, null);
  }
}
