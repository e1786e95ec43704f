package io.jobstream.report.page;

import io.jobstream.report.chart.Html;
import io.jobstream.report.chart.SvgChart;
import io.jobstream.report.reference.OfficialReferences;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The report as one HTML page that needs nothing else: styles inline, every chart an inline SVG,
 * every table inline. The live variant (the query API's {@code /}) adds a script that fetches
 * {@value #FRAGMENT_PATH} from the same server every few seconds and swaps the content when it
 * changed; nothing is fetched from anywhere else.
 */
public final class ReportPage {

  /** Where the live page fetches its content from (same origin, same query string). */
  public static final String FRAGMENT_PATH = "/report/fragment";

  /** How often the live page asks for new content, milliseconds. */
  public static final int REFRESH_MS = 3000;

  private static final String STYLE = """
      body{font-family:system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
      main{max-width:980px;margin:0 auto;padding:16px 24px 48px;background:#fff}
      h1{font-size:1.6em;margin:.4em 0}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ddd}
      .meta{color:#555}.reading p{line-height:1.5}
      figure{margin:12px 0}svg.chart{width:100%;height:auto;max-width:760px}
      table{border-collapse:collapse;font-size:.85em;margin:8px 0}caption{text-align:left;font-weight:600;padding:4px 0}
      th,td{border-bottom:1px solid #eee;padding:3px 8px;text-align:left}td.num{text-align:right;font-variant-numeric:tabular-nums}
      details{margin:6px 0;overflow-x:auto}#live-status{color:#555;font-size:.85em}
      """;

  private ReportPage() {}

  /** The whole page; {@code live} adds the refresh script. */
  public static String html(ReportModel model, OfficialReferences refs, boolean live) {
    String body = fragment(model, refs);
    StringBuilder out = new StringBuilder(body.length() + 4096);
    out.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        // no icon to fetch: the page needs nothing but itself
        .append("<link rel=\"icon\" href=\"data:,\">")
        .append("<title>jobstream: ").append(Html.escape(title(model))).append("</title><style>").append(STYLE)
        .append("</style></head><body data-updates=\"0\">");
    if (live) {
      out.append("<p id=\"live-status\" style=\"max-width:980px;margin:0 auto;padding:4px 24px\">live: updates every ")
          .append(REFRESH_MS / 1000).append(" s</p>");
    }
    out.append("<main id=\"report\">").append(body).append("</main>");
    if (live) {
      out.append("<script>").append(script()).append("</script>");
    }
    return out.append("</body></html>").toString();
  }

  /** The content of {@code <main>}: what the live page swaps in. */
  public static String fragment(ReportModel model, OfficialReferences refs) {
    StringBuilder out = new StringBuilder(64 * 1024);
    out.append("<header><h1>").append(Html.escape(title(model))).append("</h1><p class=\"meta\">")
        .append(Html.escape(model.window())).append(" windows, ").append(model.starts().size())
        .append(" with statistics; annual pay in the reporting currency; as of ")
        .append(model.asOf() == null ? "(nothing yet)" : DateTimeFormatter.ISO_INSTANT.format(model.asOf().truncatedTo(ChronoUnit.SECONDS)))
        .append(". From the topics jobs.salary.stats and jobs.salary.divergence.</p></header>");
    out.append("<section class=\"reading\" id=\"reading\"><h2>Reading</h2>");
    for (String p : Reading.paragraphs(model, refs)) {
      out.append("<p>").append(Html.escape(p)).append("</p>");
    }
    out.append("</section>");
    for (Panel panel : Panels.all(model, refs)) {
      out.append("<section class=\"panel\" id=\"panel-").append(Html.escape(panel.id())).append("\"><h2>")
          .append(Html.escape(panel.title())).append("</h2><p>").append(Html.escape(panel.intro())).append("</p>");
      for (SvgChart chart : panel.charts()) {
        out.append("<figure>").append(chart.render()).append("</figure>");
      }
      for (Table table : panel.tables()) {
        out.append("<details open><summary>Table</summary>").append(table.html()).append("</details>");
      }
      out.append("</section>");
    }
    out.append("<section id=\"limits\"><h2>What these numbers cannot show</h2><ul>");
    for (String limit : Reading.limits(model)) {
      out.append("<li>").append(Html.escape(limit)).append("</li>");
    }
    out.append("</ul></section><footer class=\"meta\"><p>Official figures: US Bureau of Labor Statistics,"
        + " Occupational Employment and Wage Statistics (national, May ")
        .append(span(refs.wageYears())).append(") and Current Population Survey table 11 (")
        .append(span(refs.workforceYears()))
        .append("), public domain. Generated by jobstream.</p></footer>");
    return out.toString();
  }

  private static String span(List<Integer> years) {
    return years.isEmpty() ? "none" : years.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElseThrow();
  }

  static String title(ReportModel model) {
    if (model.pairs().isEmpty()) {
      return "pay by role family";
    }
    FamilyPair first = model.pairs().get(0);
    return String.format(Locale.ROOT, "%s and %s: pay, work and who holds the role",
        capitalized(Formats.familyName(first.a())), Formats.familyName(first.b()));
  }

  private static String capitalized(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** The live page's script: polls the fragment and swaps it in when it changed. */
  static String script() {
    return """
        (function () {
          var main = document.getElementById('report');
          var status = document.getElementById('live-status');
          var shown = main.innerHTML;
          function refresh() {
            fetch('%s' + window.location.search, {cache: 'no-store'})
              .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.text(); })
              .then(function (html) {
                if (html !== shown) {
                  main.innerHTML = html;
                  shown = main.innerHTML;
                  document.body.dataset.updates = String(Number(document.body.dataset.updates) + 1);
                }
                status.textContent = 'live: checked ' + new Date().toLocaleTimeString() + ', '
                  + document.body.dataset.updates + ' update(s) since the page loaded';
              })
              .catch(function (e) { status.textContent = 'live updates paused: ' + e.message + '; retrying'; })
              .then(function () { setTimeout(refresh, %d); });
          }
          setTimeout(refresh, %d);
        })();
        """.formatted(FRAGMENT_PATH, REFRESH_MS, REFRESH_MS);
  }

  /**
   * Base64 SHA-256 of the live page's inline script, for its Content-Security-Policy
   * ({@code script-src 'sha256-...'}): the browser runs that script and no other.
   */
  public static String scriptSha256() {
    try {
      return java.util.Base64.getEncoder().encodeToString(
          java.security.MessageDigest.getInstance("SHA-256").digest(script().getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The page as UTF-8 bytes. */
  public static byte[] bytes(String html) {
    return html.getBytes(StandardCharsets.UTF_8);
  }
}
