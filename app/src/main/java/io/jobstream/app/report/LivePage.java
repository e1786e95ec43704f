package io.jobstream.app.report;

import com.fasterxml.jackson.core.type.TypeReference;
import io.jobstream.aggregate.ClusterQuery;
import io.jobstream.aggregate.DivergenceSettings;
import io.jobstream.aggregate.QueryApi;
import io.jobstream.http.Handler;
import io.jobstream.http.HttpError;
import io.jobstream.http.QueryParameters;
import io.jobstream.http.Response;
import io.jobstream.http.SecurityHeaders;
import io.jobstream.model.JsonSerde;
import io.jobstream.model.SalaryDivergence;
import io.jobstream.model.SalaryStats;
import io.jobstream.report.chart.Html;
import io.jobstream.report.page.FamilyPair;
import io.jobstream.report.page.ReportModel;
import io.jobstream.report.page.ReportPage;
import io.jobstream.report.reference.OfficialReferences;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The report as a live page at {@code /} of the query API: {@code GET /?window=SPEC&pair=A:B}
 * (both optional; {@code window} one of the configured windows, default the first; {@code pair}
 * repeatable, each one of the configured pairs ({@code jobstream.divergence.pairs}), repeats
 * counted once, at most {@value #MAX_PAIRS}; default {@code ml_engineer:data_scientist}), and
 * {@value ReportPage#FRAGMENT_PATH} with the same query, which the page fetches every few seconds
 * to update itself. Anything else in the query is 400 with a JSON error.
 *
 * <p>The figures come from {@link ClusterQuery}: this instance's stores in process and the other
 * instances' answers over their own client, so the page shows the whole market whichever instance
 * serves it, and never waits on its own server's threads. Pages carry a Content-Security-Policy
 * allowing only their inline script (by hash) and {@code X-Frame-Options: DENY}.
 */
public final class LivePage implements Handler {

  /** At most this many pairs on one page. */
  public static final int MAX_PAIRS = 8;

  private static final TypeReference<List<SalaryStats>> STATS = new TypeReference<>() {};
  private static final TypeReference<List<SalaryDivergence>> GAPS = new TypeReference<>() {};
  private static final Map<String, String> PAGE_HEADERS = SecurityHeaders.page(ReportPage.scriptSha256());

  private final ClusterQuery queries;
  private final List<String> windows;
  private final List<FamilyPair> configuredPairs;
  private final List<FamilyPair> defaultPairs;
  private final String dataLabel;
  private volatile io.jobstream.report.page.SourceScorecard scorecard;
  private final OfficialReferences refs = OfficialReferences.load(io.jobstream.model.data.DataDirectory.resolve(null));

  /**
   * @param windows the configured window specs; the first is the default
   * @param configuredPairs the pairs a request may ask for
   * @param dataLabel a sentence on where the figures come from, shown above them on every update
   *     (the demo's note that they are generated); null for none
   */
  public LivePage(ClusterQuery queries, List<String> windows, List<FamilyPair> configuredPairs,
      List<FamilyPair> defaultPairs, String dataLabel) {
    this.queries = queries;
    this.windows = List.copyOf(windows);
    this.configuredPairs = List.copyOf(configuredPairs);
    this.defaultPairs = List.copyOf(defaultPairs);
    this.dataLabel = dataLabel;
  }

  /** Registers the page and its fragment on the query API, for the default configured pairs. */
  public static void serveOn(QueryApi queryApi, List<String> windows) {
    serveOn(queryApi, windows, configuredPairs(DivergenceSettings.from(new java.util.Properties())), null);
  }

  /** Registers the page and its fragment on the query API, with {@code dataLabel} (or null) above the figures. */
  public static LivePage serveOn(QueryApi queryApi, List<String> windows, List<FamilyPair> configuredPairs,
      String dataLabel) {
    LivePage page = new LivePage(queryApi.queries(), windows, configuredPairs,
        List.of(FamilyPair.ML_ENGINEER_DATA_SCIENTIST), dataLabel);
    queryApi.serve("/", page);
    queryApi.serve(ReportPage.FRAGMENT_PATH, page);
    return page;
  }

  /** Shows {@code scorecard} (kept up to date elsewhere, e.g. by a {@link ScorecardFeed}) as a panel; null for none. */
  public LivePage withScorecard(io.jobstream.report.page.SourceScorecard scorecard) {
    this.scorecard = scorecard;
    return this;
  }

  /** The pairs of the divergence settings, as the page names them. */
  public static List<FamilyPair> configuredPairs(DivergenceSettings settings) {
    return settings.pairs().stream().map(p -> new FamilyPair(p.a(), p.b())).toList();
  }

  @Override
  public Response handle(io.jobstream.http.Request http) {
    boolean fragment = http.rawPath().equals(ReportPage.FRAGMENT_PATH);
    Request request = Request.parse(http.rawQuery(), windows, configuredPairs, defaultPairs);
    String window = request.window();
    Map<String, String> statsFilter = new LinkedHashMap<>();
    statsFilter.put("window", window);
    statsFilter.put("seniority", "all");
    statsFilter.put("country", "all");
    statsFilter.put("remote", "all");
    Map<String, String> gapsFilter = new LinkedHashMap<>(statsFilter);
    gapsFilter.remove("remote");
    ClusterQuery.Answer stats = queries.ask(ClusterQuery.Kind.STATS, statsFilter, false);
    ClusterQuery.Answer gaps = queries.ask(ClusterQuery.Kind.DIVERGENCE, gapsFilter, false);
    ReportModel model = ReportModel.of(window, request.pairs(), values(stats, STATS), values(gaps, GAPS))
        .withScorecard(scorecard);
    String notice = null;
    if (stats.answered() == 0 || gaps.answered() == 0) {
      // still a page (and the script that keeps asking): the app may be starting or restoring
      notice = "The statistics cannot be read now; this page keeps trying.";
    } else if (!stats.missing().isEmpty() || !gaps.missing().isEmpty()) {
      Set<String> missing = new LinkedHashSet<>(stats.missing());
      missing.addAll(gaps.missing());
      notice = "Some instances did not answer, so figures may be missing: " + String.join("; ", missing);
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
    return Response.html(body).headers(PAGE_HEADERS);
  }

  private static <T> List<T> values(ClusterQuery.Answer answer, TypeReference<List<T>> type) {
    return JsonSerde.MAPPER.convertValue(answer.items(), type);
  }

  /** What a request asks for: a configured window (default the first) and configured pairs (default the page's). */
  record Request(String window, List<FamilyPair> pairs) {

    /**
     * From a raw query string such as {@code window=year&pair=ml_engineer:data_scientist}; null is none.
     *
     * @throws HttpError 400 for an unknown parameter or window, a repeated window, a malformed or
     *     unconfigured pair, or more than {@value #MAX_PAIRS} different pairs
     */
    static Request parse(String rawQuery, List<String> windows, List<FamilyPair> configuredPairs,
        List<FamilyPair> defaultPairs) {
      QueryParameters params = QueryParameters.of(rawQuery).requireOnly(List.of("window", "pair"));
      String window = params.single("window").orElse(windows.get(0));
      if (!windows.contains(window)) {
        throw HttpError.badRequest("unknown_window", "window " + QueryParameters.quoted(window)
            + " is not configured; configured: " + String.join(", ", windows));
      }
      Set<FamilyPair> pairs = new LinkedHashSet<>();
      for (String spec : params.all("pair")) {
        FamilyPair pair;
        try {
          pair = FamilyPair.parse(spec);
        } catch (IllegalArgumentException e) {
          throw HttpError.badRequest("bad_pair", "pair " + QueryParameters.quoted(spec)
              + " is not two different families as A:B, e.g. ml_engineer:data_scientist");
        }
        if (!configuredPairs.contains(pair)) {
          throw HttpError.badRequest("unknown_pair", "pair " + QueryParameters.quoted(spec) + " is not configured;"
              + " configured: " + String.join(", ", configuredPairs.stream().map(FamilyPair::toString).toList()));
        }
        pairs.add(pair);
        if (pairs.size() > MAX_PAIRS) {
          throw HttpError.badRequest("too_many_pairs", "at most " + MAX_PAIRS + " pairs on a page");
        }
      }
      return new Request(window, pairs.isEmpty() ? defaultPairs : List.copyOf(new ArrayList<>(pairs)));
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
}
