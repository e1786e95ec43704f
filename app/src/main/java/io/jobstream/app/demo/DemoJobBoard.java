package io.jobstream.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobstream.http.HttpError;
import io.jobstream.http.HttpLimits;
import io.jobstream.http.HttpServer;
import io.jobstream.http.Request;
import io.jobstream.http.Response;
import io.jobstream.http.Router;
import io.jobstream.model.JsonSerde;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Entities;

/**
 * A job board on loopback that serves postings the way career sites do: a paginated listing at
 * {@code /jobs}, one page per posting at {@code /jobs/{id}} with schema.org {@code JobPosting}
 * JSON-LD, and {@code /sitemap.xml}. By default it serves the generated market
 * ({@link GeneratedMarket}), which is made up by this project, not real postings. It runs on the
 * project's {@link HttpServer} (exact paths, loopback Host names only, 4 handler threads).
 */
public final class DemoJobBoard implements AutoCloseable {

  /** Postings per listing page. */
  public static final int PAGE_SIZE = 100;

  private final Map<String, JsonNode> postings;
  private final HttpServer server;

  private DemoJobBoard(Map<String, JsonNode> postings, int port) throws IOException {
    this.postings = postings;
    Router router = new Router()
        .get("/jobs", r -> Response.html(listing(r)))
        .getUnder("/jobs/", this::posting)
        .get("/sitemap.xml", r -> Response.of(200, "application/xml", sitemap()));
    this.server = HttpServer.start("demo-job-board", new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
        router, HttpLimits.DEFAULTS.withConnections(64, 4));
  }

  /** Starts a board with the generated market's postings on 127.0.0.1 ({@code port} 0 picks a free one). */
  public static DemoJobBoard start(int port) throws IOException {
    return start(GeneratedMarket.demo().postings(GeneratedMarket.DEFAULT_POSTINGS), port);
  }

  /** Starts a board serving the given postings (rows in {@link GeneratedMarket}'s layout). */
  public static DemoJobBoard start(List<JsonNode> rows, int port) throws IOException {
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    for (JsonNode row : rows) {
      byId.put(row.get("job_id").asText(), row);
    }
    return new DemoJobBoard(byId, port);
  }

  /** The listing page URL, e.g. {@code http://127.0.0.1:41234/jobs}. */
  public URI listingUri() {
    return URI.create(baseUri() + "/jobs");
  }

  public URI sitemapUri() {
    return URI.create(baseUri() + "/sitemap.xml");
  }

  public String baseUri() {
    return "http://127.0.0.1:" + server.port();
  }

  public int postingCount() {
    return postings.size();
  }

  private Response posting(Request request) {
    JsonNode row = postings.get(request.rawPath().substring("/jobs/".length()));
    if (row == null) {
      throw new HttpError(404, "not_found", "no such posting");
    }
    return Response.html(postingPage(row));
  }

  private String listing(Request request) {
    int page = 1;
    String asked = request.query().single("page").orElse("1");
    if (asked.matches("[0-9]{1,6}")) {
      page = Math.max(1, Integer.parseInt(asked));
    }
    List<String> ids = new ArrayList<>(postings.keySet());
    int from = Math.min(ids.size(), (page - 1) * PAGE_SIZE);
    int to = Math.min(ids.size(), from + PAGE_SIZE);
    StringBuilder html = new StringBuilder("<!doctype html><html><head><title>Jobs</title></head>"
        + "<body><h1>Open positions</h1><ul>");
    for (String id : ids.subList(from, to)) {
      html.append("<li><a href=\"/jobs/").append(id).append("\">")
          .append(Entities.escape(postings.get(id).path("title").asText())).append("</a></li>");
    }
    html.append("</ul>");
    if (to < ids.size()) {
      html.append("<a rel=\"next\" href=\"/jobs?page=").append(page + 1).append("\">Next</a>");
    }
    return html.append("<a href=\"/about\">About us</a></body></html>").toString();
  }

  private String sitemap() {
    StringBuilder xml = new StringBuilder(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (String id : postings.keySet()) {
      xml.append("  <url><loc>").append(baseUri()).append("/jobs/").append(id).append("</loc></url>\n");
    }
    return xml.append("</urlset>\n").toString();
  }

  private String postingPage(JsonNode row) {
    ObjectNode ld = JsonSerde.MAPPER.createObjectNode();
    ld.put("@context", "https://schema.org/");
    ld.put("@type", "JobPosting");
    ld.put("title", row.path("title").asText());
    // paragraphs and list lines as career sites mark them up
    ld.put("description", "<p>" + Entities.escape(row.path("description").asText())
        .replace("\n\n", "</p><p>").replace("\n", "<br>") + "</p>");
    ObjectNode id = ld.putObject("identifier");
    id.put("@type", "PropertyValue");
    id.put("name", "jobstream demo board");
    id.put("value", row.path("job_id").asText());
    if (row.hasNonNull("listed_time")) {
      ld.put("datePosted", Instant.ofEpochMilli(row.get("listed_time").asLong())
          .atOffset(ZoneOffset.UTC).toLocalDate().toString());
    }
    if (row.hasNonNull("company_name")) {
      ObjectNode org = ld.putObject("hiringOrganization");
      org.put("@type", "Organization");
      org.put("name", row.get("company_name").asText());
    }
    if (row.hasNonNull("work_type")) {
      ld.put("employmentType", row.get("work_type").asText().replace('-', '_'));
    }
    ObjectNode address = ld.putObject("jobLocation").put("@type", "Place").putObject("address");
    address.put("@type", "PostalAddress");
    String[] parts = row.path("location").asText("").split(",\\s*");
    address.put("addressLocality", parts[0]);
    if (parts.length > 1 && parts[1].length() == 2) {
      address.put("addressRegion", parts[1]);
    }
    address.put("addressCountry", row.path("country").asText("US"));
    if (row.path("remote_allowed").asBoolean(false)) {
      ld.put("jobLocationType", "TELECOMMUTE");
    }
    if (row.hasNonNull("currency")) {
      ObjectNode salary = ld.putObject("baseSalary");
      salary.put("@type", "MonetaryAmount");
      salary.put("currency", row.get("currency").asText());
      ObjectNode value = salary.putObject("value");
      value.put("@type", "QuantitativeValue");
      if (row.hasNonNull("min_salary")) {
        value.put("minValue", row.get("min_salary").decimalValue());
        value.put("maxValue", row.path("max_salary").decimalValue());
      } else if (row.hasNonNull("med_salary")) {
        value.put("value", row.get("med_salary").decimalValue());
      } else if (row.hasNonNull("max_salary")) {
        value.put("maxValue", row.get("max_salary").decimalValue());
      }
      String period = row.path("pay_period").asText("YEARLY").toUpperCase(Locale.ROOT);
      value.put("unitText", period.equals("BIWEEKLY") ? period : period.replaceFirst("LY$", "")
          .replace("DAI", "DAY"));
    }
    String title = Entities.escape(row.path("title").asText());
    return "<!doctype html><html><head><title>" + title + "</title>"
        + "<script type=\"application/ld+json\">" + ld.toString().replace("</", "<\\/") + "</script>"
        + "</head><body><h1>" + title + "</h1><a href=\"/jobs\">All jobs</a></body></html>";
  }

  @Override
  public void close() {
    server.close();
  }
}
