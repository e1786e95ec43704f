package io.jobstream.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jobstream.model.JsonSerde;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jsoup.nodes.Entities;

/**
 * A job board on loopback that serves postings the way career sites do: a paginated listing at
 * {@code /jobs}, one page per posting at {@code /jobs/{id}} with schema.org {@code JobPosting}
 * JSON-LD, and {@code /sitemap.xml}. By default it serves the generated market
 * ({@link GeneratedMarket}), which is made up by this project, not real postings.
 */
public final class DemoJobBoard implements AutoCloseable {

  static {
    // The JDK server writes headers and body separately; without TCP_NODELAY each response waits
    // for the client's delayed ACK (about 40 ms on Linux), which makes a crawl of the board crawl.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  /** Postings per listing page. */
  public static final int PAGE_SIZE = 100;

  private final Map<String, JsonNode> postings;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
    Thread t = new Thread(r, "demo-job-board");
    t.setDaemon(true);
    return t;
  });

  private DemoJobBoard(Map<String, JsonNode> postings, int port) throws IOException {
    this.postings = postings;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
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
    DemoJobBoard board = new DemoJobBoard(byId, port);
    board.server.start();
    return board;
  }

  /** The listing page URL, e.g. {@code http://127.0.0.1:41234/jobs}. */
  public URI listingUri() {
    return URI.create(baseUri() + "/jobs");
  }

  public URI sitemapUri() {
    return URI.create(baseUri() + "/sitemap.xml");
  }

  public String baseUri() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public int postingCount() {
    return postings.size();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/jobs")) {
        respond(exchange, 200, "text/html; charset=utf-8", listing(exchange.getRequestURI().getQuery()));
      } else if (path.startsWith("/jobs/") && postings.containsKey(path.substring(6))) {
        respond(exchange, 200, "text/html; charset=utf-8", postingPage(postings.get(path.substring(6))));
      } else if (path.equals("/sitemap.xml")) {
        respond(exchange, 200, "application/xml", sitemap());
      } else {
        respond(exchange, 404, "text/html; charset=utf-8", "<html><body>Not found</body></html>");
      }
    }
  }

  private static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private String listing(String query) {
    int page = 1;
    if (query != null && query.startsWith("page=")) {
      try {
        page = Math.max(1, Integer.parseInt(query.substring(5)));
      } catch (NumberFormatException ignored) {
        page = 1;
      }
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
    server.stop(0);
    executor.shutdownNow();
  }
}
