package io.jobstream.report.page;

import io.jobstream.model.ClassifiedPosting;
import io.jobstream.model.EmphasisEvidence;
import io.jobstream.model.FetchFailureClass;
import io.jobstream.model.SalaryDivergence;
import io.jobstream.model.SalaryStats;
import io.jobstream.report.chart.SvgChart;
import io.jobstream.report.page.Table.Cell;
import io.jobstream.report.reference.DemandIndex;
import io.jobstream.report.reference.OfficialReferences;
import io.jobstream.report.reference.WageReference;
import io.jobstream.report.reference.WorkforceReference;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The report's panels, each built from the model and the official figures. */
public final class Panels {

  private Panels() {}

  public static List<Panel> all(ReportModel model, OfficialReferences refs) {
    List<Panel> panels = new ArrayList<>();
    for (FamilyPair pair : model.pairs()) {
      panels.add(gap(model, pair));
    }
    panels.add(pay(model));
    panels.add(emphasis(model));
    panels.add(wording(model));
    panels.add(official(model, refs));
    panels.add(demand(model, refs));
    if (model.scorecard() != null) {
      panels.add(sources(model.scorecard()));
    }
    return panels;
  }

  /** Most sources the per-source table lists (the busiest first); the per-type table covers them all. */
  static final int MAX_SOURCE_ROWS = 300;

  /** The scorecard per source type and per source: postings, fields present, dead letters, fetch failures. */
  static Panel sources(SourceScorecard card) {
    Table types = scorecardTable("source-types", "Per source type (jobs.postings.raw, jobs.postings.dlq)", true,
        card.types());
    List<SourceScorecard.Row> busiest = new ArrayList<>(card.sources());
    busiest.sort(java.util.Comparator.comparingLong((SourceScorecard.Row r) -> -(r.postings() + r.deadLetterTotal()))
        .thenComparing(SourceScorecard.Row::name));
    Table sources = scorecardTable("sources", "Per source" + (busiest.size() > MAX_SOURCE_ROWS
        ? " (the " + MAX_SOURCE_ROWS + " busiest of " + busiest.size() + ")" : ""), false,
        busiest.subList(0, Math.min(MAX_SOURCE_ROWS, busiest.size())));
    String intro = card.records() == 0
        ? "No postings or ingest dead letters on the topics yet."
        : "What each source gave: postings published, the share of them with each field, and what went"
            + " wrong (dead letters by reason; failed fetches by class: blocked is a 401/403, robots.txt or a"
            + " captcha page; a source that answers but gives no postings has changed its markup).";
    return new Panel("sources", "How well is each source read?", intro, List.of(), List.of(types, sources));
  }

  private static Table scorecardTable(String id, String caption, boolean withSources, List<SourceScorecard.Row> rows) {
    List<String> columns = new ArrayList<>(List.of(withSources ? "type" : "source"));
    if (withSources) {
      columns.add("sources");
    }
    columns.add("postings");
    SourceScorecard.FIELDS.forEach(f -> columns.add("with " + f));
    columns.addAll(List.of("dead letters", "by reason", "blocked", "rate-limited", "timeout", "server error", "gone"));
    Table table = new Table(id, caption, columns);
    for (SourceScorecard.Row r : rows) {
      List<Cell> cells = new ArrayList<>();
      cells.add(Cell.text(r.name()));
      if (withSources) {
        cells.add(Cell.number(r.sources()));
      }
      cells.add(Cell.number(r.postings()));
      for (String f : SourceScorecard.FIELDS) {
        Double share = r.share(f);
        cells.add(Cell.number(share, share == null ? "" : Formats.percent(share)));
      }
      cells.add(Cell.number(r.deadLetterTotal()));
      cells.add(Cell.text(String.join(", ", r.deadLetters().entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .map(e -> e.getKey() + " " + e.getValue()).toList())));
      for (String c : List.of(FetchFailureClass.BLOCKED, FetchFailureClass.RATE_LIMITED, FetchFailureClass.TIMEOUT,
          FetchFailureClass.SERVER_ERROR, FetchFailureClass.GONE)) {
        cells.add(Cell.number(r.failures(c)));
      }
      table.row(r.name(), cells);
    }
    return table;
  }

  static Panel gap(ReportModel model, FamilyPair pair) {
    List<Double> gap = new ArrayList<>();
    List<Double> low = new ArrayList<>();
    List<Double> high = new ArrayList<>();
    List<Boolean> significant = new ArrayList<>();
    List<String> verdicts = new ArrayList<>();
    List<Double> adjusted = new ArrayList<>();
    List<Double> adjustedLow = new ArrayList<>();
    List<Double> adjustedHigh = new ArrayList<>();
    Table table = new Table("gap-" + pair.id(), "Median pay gap, " + Formats.familyName(pair.a()) + " minus "
        + Formats.familyName(pair.b()) + " (" + model.window() + " windows, jobs.salary.divergence)",
        List.of("window", "start", "n " + pair.a(), "n " + pair.b(), "median " + pair.a(), "median " + pair.b(),
            "gap", "95% low", "95% high", "p (Mann-Whitney)", "significant", "trend", "change", "currency",
            "adjusted gap", "adjusted 95% low", "adjusted 95% high", "postings in the cells"));
    Table cells = new Table("gap-cells-" + pair.id(), "The cells of seniority x country behind the adjusted gap,"
        + " " + Formats.familyName(pair.a()) + " minus " + Formats.familyName(pair.b()) + " (countries where either"
        + " has too few postings pooled as other)",
        List.of("window", "start", "seniority", "country", "n " + pair.a(), "n " + pair.b(), "median " + pair.a(),
            "median " + pair.b(), "gap", "weight"));
    for (LocalDate start : model.starts()) {
      SalaryDivergence d = model.gap(pair, start);
      gap.add(d == null ? null : d.gap());
      low.add(d == null ? null : d.ciLow());
      high.add(d == null ? null : d.ciHigh());
      adjusted.add(d == null ? null : d.adjustedGap());
      adjustedLow.add(d == null ? null : d.adjustedCiLow());
      adjustedHigh.add(d == null ? null : d.adjustedCiHigh());
      if (d != null && d.adjustedCells() != null) {
        for (SalaryDivergence.AdjustedCell c : d.adjustedCells()) {
          cells.row(d.key() + "|" + c.seniority() + "|" + c.country(), List.of(Cell.text(model.label(start)),
              Cell.text(start.toString()), Cell.text(c.seniority()), Cell.text(c.country()), Cell.number(c.nA()),
              Cell.number(c.nB()), Cell.number(c.medianA(), Formats.money(c.medianA())),
              Cell.number(c.medianB(), Formats.money(c.medianB())), Cell.number(c.gap(), Formats.signedMoney(c.gap())),
              Cell.number(c.weight(), Formats.percent(c.weight()))));
        }
      }
      significant.add(d != null && d.significant());
      verdicts.add(d == null || d.trend() == null ? null : verdictLabel(d.trend().verdict()));
      if (d != null) {
        table.row(d.key(), List.of(Cell.text(model.label(start)), Cell.text(start.toString()),
            Cell.number(d.nA()), Cell.number(d.nB()),
            Cell.number(d.medianA(), Formats.money(d.medianA())), Cell.number(d.medianB(), Formats.money(d.medianB())),
            Cell.number(d.gap(), Formats.signedMoney(d.gap())),
            Cell.number(d.ciLow(), Formats.signedMoney(d.ciLow())), Cell.number(d.ciHigh(), Formats.signedMoney(d.ciHigh())),
            Cell.number(d.pValue(), Formats.pValue(d.pValue())), Cell.text(d.significant() ? "yes" : "no"),
            Cell.text(d.trend() == null ? "" : d.trend().verdict()),
            d.trend() == null ? Cell.text("") : Cell.number(d.trend().change(), Formats.signedMoney(d.trend().change())),
            Cell.text(d.currency()),
            money(d.adjustedGap()), money(d.adjustedCiLow()), money(d.adjustedCiHigh()),
            Cell.number(d.adjustedCoverage(), d.adjustedCoverage() == null ? "" : Formats.percent(d.adjustedCoverage()))));
      }
    }
    // band i and series i share a colour: the raw gap's interval is blue, the adjusted one's orange
    SvgChart chart = SvgChart.lines("gap-" + pair.id(), "Median gap, " + Formats.familyName(pair.a()) + " - "
            + Formats.familyName(pair.b()) + ", raw and adjusted for seniority and place, with 95% intervals",
            model.labels(), Formats::signedMoney)
        .band("95% interval", low, high)
        .band("adjusted 95% interval", adjustedLow, adjustedHigh)
        .series("gap", gap, significant, verdicts)
        .series("adjusted for seniority and place", adjusted)
        .zeroLine();
    return new Panel("gap-" + pair.id(), "Is the gap between " + Formats.familyName(pair.a()) + " and "
        + Formats.familyName(pair.b()) + " real, and is it growing?",
        "The gap of the medians of posted annual pay per window, its distribution-free 95% interval (shaded),"
            + " filled points where the Mann-Whitney test finds the two pay distributions different (p < alpha),"
            + " hollow where it does not, and the trend against the previous window above each point."
            + " Windows where either side has fewer postings with pay than the minimum have no gap."
            + " The second line holds seniority and country equal: the gap of the medians within each cell of"
            + " seniority x country where both have enough postings, averaged with the cells' shares of both"
            + " families' postings (the cells are in the second table).",
        List.of(chart), List.of(table, cells));
  }

  /** A money cell; empty where the value is absent. */
  private static Cell money(Double value) {
    return Cell.number(value, value == null ? "" : Formats.signedMoney(value));
  }

  private static String verdictLabel(String verdict) {
    return switch (verdict) {
      case "widened" -> "widened";
      case "narrowed" -> "narrowed";
      default -> "no clear change";
    };
  }

  static Panel pay(ReportModel model) {
    SvgChart median = SvgChart.lines("median-pay", "Median posted annual pay", model.labels(), Formats::money).fromZero();
    SvgChart withPay = SvgChart.lines("postings-with-pay", "Postings with pay", model.labels(),
        v -> Formats.count(Math.round(v))).fromZero();
    Table table = new Table("families", "Statistics per family (" + model.window() + " windows, jobs.salary.stats)",
        List.of("window", "start", "family", "postings", "with pay", "duplicates dropped", "p25", "median", "p75",
            "mean", "currency"));
    for (String family : model.families()) {
      median.series(family, values(model, family, s -> s.median()));
      withPay.series(family, values(model, family, s -> s.salaryCount() == 0 && s.count() == 0 ? null : (double) s.salaryCount()));
      for (LocalDate start : model.starts()) {
        SalaryStats s = model.stats(family, start);
        if (s != null) {
          table.row(s.key(), List.of(Cell.text(model.label(start)), Cell.text(start.toString()), Cell.text(family),
              Cell.number(s.count()), Cell.number(s.salaryCount()), Cell.number(s.duplicatesDropped()),
              Cell.number(s.p25(), Formats.money(s.p25())), Cell.number(s.median(), Formats.money(s.median())),
              Cell.number(s.p75(), Formats.money(s.p75())), Cell.number(s.mean(), Formats.money(s.mean())),
              Cell.text(s.currency())));
        }
      }
    }
    return new Panel("pay", "Median pay and postings with pay, per family",
        "The median of the annual pay midpoint of each family's postings per window, and how many postings"
            + " gave pay; cross-posted copies count once.", List.of(median, withPay), List.of(table));
  }

  static Panel emphasis(ReportModel model) {
    List<String> families = new ArrayList<>();
    if (model.pairs().isEmpty()) {
      families.add("ml_engineer");
    } else {
      families.add(model.pairs().get(0).a());
      families.add(model.pairs().get(0).b());
    }
    Table table = new Table("emphasis", "Emphasis of the ads (shares of the ads with an emphasis, with 95%"
        + " Wilson intervals)", List.of("window", "start", "family", "ads with an emphasis", "ml_heavy",
        "ml_heavy 95%", "balanced", "balanced 95%", "software_heavy", "software_heavy 95%"));
    List<SvgChart> charts = new ArrayList<>();
    for (String family : families) {
      List<Double> ml = new ArrayList<>();
      List<Double> balanced = new ArrayList<>();
      List<Double> software = new ArrayList<>();
      for (LocalDate start : model.starts()) {
        SalaryStats s = model.stats(family, start);
        SalaryStats.EmphasisShares e = s == null ? null : s.emphasis();
        boolean has = e != null && e.postings() > 0;
        ml.add(has ? e.mlHeavy() : null);
        balanced.add(has ? e.balanced() : null);
        software.add(has ? e.softwareHeavy() : null);
        if (has) {
          table.row(s.key(), List.of(Cell.text(model.label(start)), Cell.text(start.toString()), Cell.text(family),
              Cell.number(e.postings()), Cell.number(e.mlHeavy(), Formats.percent(e.mlHeavy())),
              Cell.text(interval(e.mlHeavy(), e.postings())),
              Cell.number(e.balanced(), Formats.percent(e.balanced())), Cell.text(interval(e.balanced(), e.postings())),
              Cell.number(e.softwareHeavy(), Formats.percent(e.softwareHeavy())),
              Cell.text(interval(e.softwareHeavy(), e.postings()))));
        }
      }
      charts.add(SvgChart.stackedBars("emphasis-" + family, "What " + Formats.familyName(family) + " ads ask for",
              model.labels(), Formats::percent)
          .series("ml_heavy", ml).series("balanced", balanced).series("software_heavy", software));
    }
    String first = Formats.familyName(families.get(0));
    List<Table> tables = new ArrayList<>(List.of(table));
    if (!model.examples().isEmpty()) {
      Table examples = new Table("emphasis-examples", "Example verdicts with the phrases that decided them"
          + " (points, section)", List.of("family", "posted", "title", "company", "verdict", "ML evidence",
          "software evidence", "other evidence"));
      for (ClassifiedPosting p : model.examples()) {
        examples.row(p.postingId(), List.of(Cell.text(p.family()), Cell.text(String.valueOf(p.eventDate())),
            Cell.text(p.title()), Cell.text(p.company() == null ? "" : p.company()), Cell.text(p.emphasis()),
            Cell.text(evidence(p, "ml")), Cell.text(evidence(p, "software")), Cell.text(evidence(p, "neither"))));
      }
      tables.add(examples);
    }
    return new Panel("emphasis", "What do " + first + " actually do?",
        "Each ad's description is scored for machine-learning skills against software-engineering skills:"
            + " ML-heavy, balanced or software-heavy; " + first + " first, then "
            + (families.size() > 1 ? Formats.familyName(families.get(1)) : "") + " beside them. Shares of the"
            + " ads whose description says enough to tell (postings without a description, such as the salary"
            + " survey's rows, have none), with the number of ads behind them and 95% Wilson intervals: with a"
            + " few dozen ads a share is known to within tens of points. Each verdict is read from what the ad"
            + " mainly asks for (phrases of ML depth, software-engineering depth and other work, weighted by the"
            + " section they are in), not from the tools it lists; the examples show the phrases behind a few.",
        charts, tables);
  }

  /** A posting's evidence of one side as "phrase (weight)", semicolon-separated. */
  static String evidence(ClassifiedPosting p, String side) {
    StringBuilder out = new StringBuilder();
    for (EmphasisEvidence e : p.emphasisEvidence()) {
      if (side.equals(e.side())) {
        out.append(out.length() == 0 ? "" : "; ").append(e.phrase())
            .append(String.format(java.util.Locale.ROOT, " (%.2f, %s)", e.weight(), e.section()));
      }
    }
    return out.toString();
  }

  /** A share's 95% Wilson interval as "lo-hi%". */
  static String interval(double share, long n) {
    Wilson w = Wilson.ofShare(share, n);
    return Formats.percent(w.low()).replace("%", "") + "-" + Formats.percent(w.high());
  }

  static Panel demand(ReportModel model, OfficialReferences refs) {
    String title = "Demand beside pay: the postings index of the sectors";
    if (refs.demand().isEmpty()) {
      return new Panel("demand", title, "The Indeed Hiring Lab postings index is not in the data directory"
          + " (see jobstream data list), so this report has no demand trend beside the posted pay.", List.of(),
          List.of());
    }
    DemandIndex index = refs.demand().orElseThrow();
    SvgChart chart = SvgChart.lines("demand-indeed", "Job postings index, US (1 Feb 2020 = 100, seasonally adjusted)",
        model.labels(), Formats::index);
    Table table = new Table("demand", "Indeed Hiring Lab postings index, mean over each window",
        List.of("window", "start", DemandIndex.SOFTWARE, DemandIndex.MATHEMATICS));
    List<Double> software = new ArrayList<>();
    List<Double> mathematics = new ArrayList<>();
    for (LocalDate start : model.starts()) {
      LocalDate end = end(model.window(), start);
      Double sw = index.mean(DemandIndex.SOFTWARE, start, end);
      Double ma = index.mean(DemandIndex.MATHEMATICS, start, end);
      software.add(sw);
      mathematics.add(ma);
      if (sw != null || ma != null) {
        table.row(start.toString(), List.of(Cell.text(model.label(start)), Cell.text(start.toString()),
            Cell.number(sw, Formats.index(sw)), Cell.number(ma, Formats.index(ma))));
      }
    }
    chart.series(DemandIndex.SOFTWARE, software).series(DemandIndex.MATHEMATICS, mathematics);
    String span = index.span().map(d -> " It covers " + d[0] + " to " + d[1] + ".").orElse("");
    return new Panel("demand", title, "How many jobs were posted, beside what they paid: the mean of the daily"
        + " index of the Software Development sector and of the Mathematics sector (whose sample titles include"
        + " data scientist) over each window. Source: " + DemandIndex.ATTRIBUTION + "." + span, List.of(chart),
        List.of(table));
  }

  /** The first day after the window that starts on {@code start}. */
  static LocalDate end(String window, LocalDate start) {
    return switch (window) {
      case "year" -> start.plusYears(1);
      case "quarter" -> start.plusMonths(3);
      case "month" -> start.plusMonths(1);
      default -> {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)d(/.*)?").matcher(window);
        yield m.matches() ? start.plusDays(Long.parseLong(m.group(1))) : start.plusDays(1);
      }
    };
  }

  static Panel wording(ReportModel model) {
    SvgChart chart = SvgChart.lines("gender-coding", "Mean gender-coding score of the ads (-1 feminine .. +1 masculine)",
        model.labels(), Formats::score).zeroLine();
    Table table = new Table("gender-coding", "Mean gender-coding score per family",
        List.of("window", "start", "family", "postings", "mean score"));
    for (String family : model.families()) {
      chart.series(family, values(model, family, SalaryStats::genderCodingMean));
      for (LocalDate start : model.starts()) {
        SalaryStats s = model.stats(family, start);
        if (s != null && s.genderCodingMean() != null) {
          table.row(s.key(), List.of(Cell.text(model.label(start)), Cell.text(start.toString()), Cell.text(family),
              Cell.number(s.count()), Cell.number(s.genderCodingMean(), Formats.score(s.genderCodingMean()))));
        }
      }
    }
    return new Panel("gender-coding", "How gender-coded is the wording?",
        "The mean of each ad's balance of masculine- and feminine-coded words (Gaucher, Friesen and Kay 2011),"
            + " per family and window; ads without a description have no score.", List.of(chart), List.of(table));
  }

  static Panel official(ReportModel model, OfficialReferences refs) {
    Map<Integer, LocalDate> windowOfYear = new LinkedHashMap<>();
    for (LocalDate start : model.starts()) {
      windowOfYear.put(ReportModel.referenceYear(start), start); // the last window starting in that year
    }
    List<String> years = windowOfYear.keySet().stream().map(String::valueOf).toList();
    List<Double> blsDs = new ArrayList<>();
    List<Double> blsSw = new ArrayList<>();
    List<Double> postedDs = new ArrayList<>();
    List<Double> postedSw = new ArrayList<>();
    List<Double> womenDs = new ArrayList<>();
    List<Double> womenSw = new ArrayList<>();
    Table table = new Table("official", "Official figures beside posted pay (BLS OEWS national medians, May;"
        + " CPS table 11 annual averages)", List.of("year", "OEWS data scientists: SOC", "median wage",
        "OEWS software developers: SOC", "median wage", "posted median data_scientist",
        "posted median software_engineer", "CPS women % in " + OfficialReferences.CPS_DATA_SCIENCE.toLowerCase(),
        "CPS women % of software developers"));
    for (Map.Entry<Integer, LocalDate> e : windowOfYear.entrySet()) {
      int year = e.getKey();
      Optional<WageReference> ds = refs.dataScientistWage(year);
      Optional<WageReference> sw = refs.softwareDeveloperWage(year);
      Optional<WorkforceReference> wd = refs.dataScienceWorkforce(year);
      Optional<WorkforceReference> ws = refs.softwareWorkforce(year);
      SalaryStats pds = model.stats("data_scientist", e.getValue());
      SalaryStats psw = model.stats(ReportModel.SOFTWARE_ENGINEER, e.getValue());
      Double dsWage = ds.map(WageReference::medianAnnual).orElse(null);
      Double swWage = sw.map(WageReference::medianAnnual).orElse(null);
      Double dsPosted = pds == null ? null : pds.median();
      Double swPosted = psw == null ? null : psw.median();
      Double dsWomen = wd.map(WorkforceReference::percentWomen).orElse(null);
      Double swWomen = ws.map(WorkforceReference::percentWomen).orElse(null);
      blsDs.add(dsWage);
      blsSw.add(swWage);
      postedDs.add(dsPosted);
      postedSw.add(swPosted);
      womenDs.add(dsWomen == null ? null : dsWomen / 100);
      womenSw.add(swWomen == null ? null : swWomen / 100);
      table.row(Integer.toString(year), List.of(Cell.text(Integer.toString(year)),
          Cell.text(ds.map(w -> w.soc() + " " + w.title()).orElse("")), Cell.number(dsWage, Formats.money(dsWage)),
          Cell.text(sw.map(w -> w.soc() + " " + w.title()).orElse("")), Cell.number(swWage, Formats.money(swWage)),
          Cell.number(dsPosted, Formats.money(dsPosted)), Cell.number(swPosted, Formats.money(swPosted)),
          Cell.number(dsWomen, dsWomen == null ? "" : dsWomen + "%"),
          Cell.number(swWomen, swWomen == null ? "" : swWomen + "%")));
    }
    SvgChart wages = SvgChart.lines("official-wages", "Median annual pay: official (BLS OEWS) and posted", years, Formats::money)
        .fromZero()
        .series("BLS data scientists", blsDs).series("BLS software developers", blsSw)
        .series("posted data_scientist", postedDs).series("posted software_engineer", postedSw);
    SvgChart women = SvgChart.lines("official-women", "Share of women among the employed (CPS)", years, Formats::percent)
        .fromZero()
        .series("other math. science occ. (incl. data scientists)", womenDs).series("software developers", womenSw);
    return new Panel("official", "Who holds each role, and what official figures say",
        "Each year of the report's windows beside the BLS figures of that year: OEWS national median wages"
            + " (May of the year; for 2020 the combined codes 15-2098 and 15-1256, before data scientists and"
            + " software developers had codes of their own) and the CPS share of women (data scientists are"
            + " counted in \"other mathematical science occupations\"; CPS has no 2023 or 2024 rows here)."
            + " Posted pay is of " + model.window() + " windows starting in the year.",
        List.of(wages, women), List.of(table));
  }

  private static List<Double> values(ReportModel model, String family, Function<SalaryStats, Double> f) {
    List<Double> out = new ArrayList<>();
    for (LocalDate start : model.starts()) {
      SalaryStats s = model.stats(family, start);
      out.add(s == null ? null : f.apply(s));
    }
    return out;
  }
}
