package io.jobstream.app.report;

import com.fasterxml.jackson.core.type.TypeReference;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.jobstream.aggregate.QueryApi;
import io.jobstream.model.JsonSerde;
import io.jobstream.model.SalaryDivergence;
import io.jobstream.model.SalaryStats;
import io.jobstream.report.chart.Html;
import io.jobstream.report.page.FamilyPair;
import io.jobstream.report.page.ReportModel;
import io.jobstream.report.page.ReportPage;
import io.jobstream.report.reference.OfficialReferences;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The report as a live page at {@code /} of the query API: {@code GET /?window=SPEC&pair=A:B}
 * (both optional, {@code pair} repeatable; defaults: the first configured window and
 * {@code ml_engineer:data_scientist}), and {@value ReportPage#FRAGMENT_PATH} with the same query,
 * which the page fetches every few seconds to update itself. The figures come from the query API
 * of this instance, which collects every instance's answers, so the page shows the whole market
 * whichever instance serves it.
 */
public final class LivePage implements HttpHandler {

  private static final TypeReference<List<SalaryStats>> STATS = new TypeReference<>() {};
  private static final TypeReference<List<SalaryDivergence>> GAPS = new TypeReference<>() {};

  private final URI api;
  private final List<String> windows;
  private final List<FamilyPair> defaultPairs;
  private final String dataLabel;
  private final OfficialReferences refs = OfficialReferences.load(io.jobstream.model.data.DataDirectory.resolve(null));
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * @param api base URI of the query API to read from (this instance's own)
   * @param windows the configured window specs; the first is the default
   */
  public LivePage(URI api, List<String> windows, List<FamilyPair> defaultPairs) {
    this(api, windows, defaultPairs, null);
  }

  /**
   * @param dataLabel a sentence on where the figures come from, shown above them on every update
   *     (the demo's note that they are generated); null for none
   */
  public LivePage(URI api, List<String> windows, List<FamilyPair> defaultPairs, String dataLabel) {
    this.api = api;
    this.windows = List.copyOf(windows);
    this.defaultPairs = List.copyOf(defaultPairs);
    this.dataLabel = dataLabel;
  }

  /** Registers the page and its fragment on the query API. */
  public static void serveOn(QueryApi queryApi, URI api, List<String> windows) {
    serveOn(queryApi, api, windows, null);
  }

  /** Registers the page and its fragment on the query API, with {@code dataLabel} (or null) above the figures. */
  public static void serveOn(QueryApi queryApi, URI api, List<String> windows, String dataLabel) {
    LivePage page = new LivePage(api, windows, List.of(FamilyPair.ML_ENGINEER_DATA_SCIENTIST), dataLabel);
    queryApi.serve("/", page);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      boolean fragment = path.equals(ReportPage.FRAGMENT_PATH);
      if (!fragment && !path.equals("/")) {
        respond(exchange, 404, "text/plain", "not found: " + path + " (the live page is at /)");
        return;
      }
      if (!exchange.getRequestMethod().equals("GET")) {
        respond(exchange, 405, "text/plain", "only GET");
        return;
      }
      Request request;
      try {
        request = Request.parse(exchange.getRequestURI().getRawQuery(), windows, defaultPairs);
      } catch (IllegalArgumentException e) {
        respond(exchange, 400, "text/plain", e.getMessage());
        return;
      }
      String window = request.window();
      List<FamilyPair> pairs = request.pairs();
      ReportModel model;
      String notice;
      try {
        Answer<SalaryStats> stats = get("/stats?window=" + QueryApi.encode(window) + "&seniority=all&country=all&remote=all", STATS);
        Answer<SalaryDivergence> gaps = get("/divergence?window=" + QueryApi.encode(window) + "&seniority=all&country=all", GAPS);
        model = ReportModel.of(window, pairs, stats.values(), gaps.values());
        notice = stats.missing().or(gaps::missing).map(m -> "Some instances did not answer, so figures may be missing: " + m)
            .orElse(null);
      } catch (IOException | RuntimeException e) {
        // still a page (and the script that keeps asking): the app may be starting or restoring
        model = ReportModel.of(window, pairs, List.of(), List.of());
        notice = "The statistics cannot be read now (" + e.getMessage() + "); this page keeps trying.";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        respond(exchange, 503, "text/plain", "interrupted");
        return;
      }
      String body = fragment ? ReportPage.fragment(model, refs) : ReportPage.html(model, refs, true);
      String before = dataLabel() + windowLinks(window)
          + (notice == null ? "" : "<p class=\"notice\" id=\"notice\">" + Html.escape(notice) + "</p>");
      if (!before.isEmpty()) {
        body = fragment ? before + body : body.replace("<main id=\"report\">", "<main id=\"report\">" + before);
      }
      if (!fragment && dataLabel != null) {
        // a tab or a bookmark of the page says it too
        body = body.replace("<title>jobstream: ", "<title>jobstream (generated, not real data): ");
      }
      respond(exchange, 200, "text/html; charset=utf-8", body);
    }
  }

  /** What a request asks for: a configured window (default the first) and pairs (default the page's). */
  record Request(String window, List<FamilyPair> pairs) {

    /** From a raw query string such as {@code window=year&pair=ml_engineer:data_scientist}; null is none. */
    static Request parse(String rawQuery, List<String> windows, List<FamilyPair> defaultPairs) {
      String window = windows.get(0);
      List<FamilyPair> pairs = new ArrayList<>();
      for (String kv : rawQuery == null || rawQuery.isEmpty() ? new String[0] : rawQuery.split("&")) {
        int eq = kv.indexOf('=');
        if (eq <= 0) {
          continue;
        }
        String key = URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8);
        String value = URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
        if (key.equals("window")) {
          if (!windows.contains(value)) {
            throw new IllegalArgumentException("window " + value + " is not configured (windows: " + windows + ")");
          }
          window = value;
        } else if (key.equals("pair")) {
          pairs.add(FamilyPair.parse(value));
        }
      }
      return new Request(window, pairs.isEmpty() ? defaultPairs : List.copyOf(pairs));
    }
  }

  /** The label on where the figures come from, inside the part the page swaps, so no update drops it. */
  private String dataLabel() {
    if (dataLabel == null) {
      return "";
    }
    return "<p id=\"data-source\" role=\"note\" style=\"background:#fff3cd;border:1px solid #d9b44a;"
        + "padding:8px 12px;font-weight:600\">" + Html.escape(dataLabel) + "</p>";
  }

  /** Links to the other configured windows (none when there is one). */
  private String windowLinks(String shown) {
    if (windows.size() < 2) {
      return "";
    }
    StringBuilder nav = new StringBuilder("<nav id=\"windows\">Windows:");
    for (String w : windows) {
      nav.append(' ').append(w.equals(shown) ? "<strong>" + Html.escape(w) + "</strong>"
          : "<a href=\"/?window=" + Html.escape(QueryApi.encode(w)) + "\">" + Html.escape(w) + "</a>");
    }
    return nav.append("</nav>").toString();
  }

  private record Answer<T>(List<T> values, Optional<String> missing) {}

  private <T> Answer<T> get(String pathAndQuery, TypeReference<List<T>> type) throws IOException, InterruptedException {
    HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(api.resolve(pathAndQuery))
        .timeout(Duration.ofSeconds(15)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("the query API answered " + response.statusCode() + ": "
          + new String(response.body(), StandardCharsets.UTF_8));
    }
    return new Answer<>(JsonSerde.MAPPER.readValue(response.body(), type),
        response.headers().firstValue(QueryApi.MISSING_HEADER));
  }

  private static void respond(HttpExchange exchange, int status, String type, String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
