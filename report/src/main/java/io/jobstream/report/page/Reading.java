package io.jobstream.report.page;

import io.jobstream.model.SalaryDivergence;
import io.jobstream.model.SalaryStats;
import io.jobstream.report.reference.OfficialReferences;
import io.jobstream.report.reference.WageReference;
import io.jobstream.report.reference.WorkforceReference;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import java.util.Optional;

/** The report's plain-language reading, generated from the numbers it shows, and its limits. */
public final class Reading {

  private Reading() {}

  /** One paragraph per question: each pair's gap, the emphasis of ML engineer ads, the official figures. */
  public static List<String> paragraphs(ReportModel model, OfficialReferences refs) {
    List<String> out = new ArrayList<>();
    for (FamilyPair pair : model.pairs()) {
      out.add(gap(model, pair));
    }
    out.add(emphasis(model));
    out.add(official(model, refs));
    return out;
  }

  static String gap(ReportModel model, FamilyPair pair) {
    String a = Formats.familyName(pair.a());
    String b = Formats.familyName(pair.b());
    List<SalaryDivergence> gaps = List.copyOf(model.gaps(pair).values());
    if (gaps.isEmpty()) {
      return "No " + model.window() + " window yet has enough postings with pay of both " + a + " and " + b
          + " to compare their pay, so there is no gap to judge.";
    }
    SalaryDivergence last = gaps.get(gaps.size() - 1);
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "In the latest %s window with enough postings (%s), the median posted pay of %s"
            + " was %s %s (%s postings with pay) against %s for %s (%s): a gap of %s, 95%% interval %s to %s, p = %s. ",
        model.window(), model.label(last.windowStart()), a, Formats.money(last.medianA()), last.currency(),
        Formats.count(last.nA()), Formats.money(last.medianB()), b, Formats.count(last.nB()),
        Formats.signedMoney(last.gap()), Formats.signedMoney(last.ciLow()), Formats.signedMoney(last.ciHigh()),
        Formats.pValue(last.pValue())));
    if (last.significant()) {
      s.append("Their pay distributions differ significantly");
      s.append(last.ciLow() <= 0 && last.ciHigh() >= 0
          ? ", although the interval of the gap of the medians still includes 0. "
          : ", and the interval of the gap lies entirely " + (last.ciLow() > 0 ? "above" : "below") + " 0. ");
    } else {
      s.append(String.format(Locale.ROOT, "The difference is not significant at %s. ", trimmed(last.alpha())));
    }
    long significant = gaps.stream().filter(SalaryDivergence::significant).count();
    long aAhead = gaps.stream().filter(d -> d.significant() && d.gap() > 0).count();
    s.append(String.format(Locale.ROOT, "Of %d window%s with enough postings, %d show%s a significant difference"
            + " (%d with %s ahead). ", gaps.size(), gaps.size() == 1 ? "" : "s", significant,
        significant == 1 ? "s" : "", aAhead, a));
    if (last.trend() != null) {
      String verdict = switch (last.trend().verdict()) {
        case "widened" -> "widened";
        case "narrowed" -> "narrowed";
        default -> "shows no clear change";
      };
      s.append(String.format(Locale.ROOT, "Against the window before, the gap %s (change %s, interval %s to %s). ",
          verdict, Formats.signedMoney(last.trend().change()), Formats.signedMoney(last.trend().ciLow()),
          Formats.signedMoney(last.trend().ciHigh())));
    }
    String adjusted = adjustedSentence(last);
    if (adjusted != null) {
      s.append(adjusted).append(' ');
    }
    long widened = gaps.stream().filter(d -> d.trend() != null && d.trend().verdict().equals("widened")).count();
    long narrowed = gaps.stream().filter(d -> d.trend() != null && d.trend().verdict().equals("narrowed")).count();
    if (gaps.size() > 1) {
      SalaryDivergence first = gaps.get(0);
      s.append(String.format(Locale.ROOT, "From %s to %s the gap went from %s to %s; it widened in %d window%s and"
              + " narrowed in %d.", model.label(first.windowStart()), model.label(last.windowStart()),
          Formats.signedMoney(first.gap()), Formats.signedMoney(last.gap()), widened, widened == 1 ? "" : "s", narrowed));
    }
    return s.toString().trim();
  }

  /** At least this share of the raw gap left after adjustment: the gap is not explained by seniority and place. */
  static final double NOT_EXPLAINED = 0.75;
  /** Less than this share left (or the sign turned): the gap is mostly explained by seniority and place. */
  static final double MOSTLY_EXPLAINED = 0.25;

  /**
   * How much of a gap seniority and place explain, from the share of the raw gap left after
   * adjustment ({@code adjusted / raw}): {@code not} at {@value #NOT_EXPLAINED} or more, {@code mostly}
   * below {@value #MOSTLY_EXPLAINED} (a reversed sign included), {@code partly} between; null when
   * there is no raw gap to explain (its interval includes 0) or no adjusted gap.
   */
  static String explained(SalaryDivergence d) {
    if (d.adjustedGap() == null || (d.ciLow() <= 0 && d.ciHigh() >= 0) || d.gap() == 0) {
      return null;
    }
    double left = d.adjustedGap() / d.gap();
    return left >= NOT_EXPLAINED ? "not" : left < MOSTLY_EXPLAINED ? "mostly" : "partly";
  }

  /**
   * What the adjusted gap of {@code d} holds equal, in words: the dimensions along which its cells
   * differ. Cells of one seniority only (the salary survey's titles rarely name one) adjust for
   * country alone, and the reading must say so rather than claim seniority was held equal.
   */
  static String heldEqual(SalaryDivergence d) {
    java.util.Set<String> seniorities = new java.util.HashSet<>();
    java.util.Set<String> countries = new java.util.HashSet<>();
    if (d.adjustedCells() != null) {
      d.adjustedCells().forEach(c -> {
        seniorities.add(c.seniority());
        countries.add(c.country());
      });
    }
    boolean bySeniority = seniorities.size() > 1;
    boolean byCountry = countries.size() > 1;
    return bySeniority && byCountry ? "seniority and country" : bySeniority ? "seniority"
        : byCountry ? "country" : "neither seniority nor country";
  }

  /** The adjusted gap of {@code d} and what it says of the raw one, or null without one. */
  static String adjustedSentence(SalaryDivergence d) {
    if (d.adjustedGap() == null) {
      return "No cell of seniority x country has enough postings of both, so the gap cannot be adjusted for"
          + " seniority and place.";
    }
    int cells = d.adjustedCells() == null ? 0 : d.adjustedCells().size();
    String held = heldEqual(d);
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "Holding %s equal (%d cell%s"
            + " with enough postings of both, %s of their postings with pay), the gap is %s, 95%% interval %s to %s",
        held.startsWith("neither") ? "the mix equal" : held, cells, cells == 1 ? "" : "s",
        Formats.percent(d.adjustedCoverage()), Formats.signedMoney(d.adjustedGap()),
        Formats.signedMoney(d.adjustedCiLow()), Formats.signedMoney(d.adjustedCiHigh())));
    if (held.startsWith("neither")) {
      return s.append(": its cells are of one seniority and one country, so it adjusts for nothing.").toString();
    }
    String explained = explained(d);
    if (explained == null) {
      s.append(String.format(Locale.ROOT, ": the raw gap's interval includes 0, so there is no clear gap for %s"
          + " to explain.", held));
    } else {
      s.append(String.format(Locale.ROOT, ", %s of the raw gap: the gap is %s explained by %s.",
          Formats.percent(d.adjustedGap() / d.gap()), explained, held));
    }
    if (!held.contains("seniority")) {
      s.append(" Its postings name one seniority only, so seniority is not adjusted for.");
    }
    return s.toString();
  }

  static String emphasis(ReportModel model) {
    String family = model.pairs().isEmpty() ? "ml_engineer" : model.pairs().get(0).a();
    String name = Formats.familyName(family);
    List<SalaryStats> with = new ArrayList<>();
    for (LocalDate start : model.starts()) {
      SalaryStats s = model.stats(family, start);
      if (s != null && s.emphasis() != null && s.emphasis().postings() > 0) {
        with.add(s);
      }
    }
    if (with.isEmpty()) {
      return "No " + name + " ad here has a description that says enough to tell ML-heavy from software-heavy work"
          + " (rows of a salary survey have titles and pay only), so what " + name + " do needs job-board postings.";
    }
    SalaryStats last = with.get(with.size() - 1);
    SalaryStats.EmphasisShares e = last.emphasis();
    String s = String.format(Locale.ROOT, "Of the %s %s ads in %s whose description tells, %s are ML-heavy, %s"
            + " software-heavy and %s balanced.", Formats.count(e.postings()), name, model.label(last.windowStart()),
        Formats.percent(e.mlHeavy()), Formats.percent(e.softwareHeavy()), Formats.percent(e.balanced()));
    if (with.size() > 1) {
      SalaryStats.EmphasisShares f = with.get(0).emphasis();
      s += String.format(Locale.ROOT, " In %s the ML-heavy share was %s and the software-heavy share %s.",
          model.label(with.get(0).windowStart()), Formats.percent(f.mlHeavy()), Formats.percent(f.softwareHeavy()));
    }
    if (e.postings() < 30) {
      s += " That is a handful of ads: read the shares as anecdotes.";
    }
    return s;
  }

  static String official(ReportModel model, OfficialReferences refs) {
    StringBuilder s = new StringBuilder();
    Integer wageYear = null;
    for (LocalDate start : model.starts()) {
      int year = ReportModel.referenceYear(start);
      if (refs.dataScientistWage(year).isPresent()) {
        wageYear = year;
      }
    }
    if (wageYear == null) {
      s.append("The official wage figures (BLS OEWS, ").append(years(refs.wageYears()))
          .append(") cover none of the report's windows. ");
    } else {
      WageReference ds = refs.dataScientistWage(wageYear).orElseThrow();
      Optional<WageReference> sw = refs.softwareDeveloperWage(wageYear);
      s.append(String.format(Locale.ROOT, "BLS puts the national median wage of %s at %s USD in May %d",
          ds.soc().equals("15-2051") ? "data scientists" : "data scientists and other mathematical scientists",
          Formats.money(ds.medianAnnual()), wageYear));
      sw.ifPresent(w -> s.append(String.format(Locale.ROOT, " (software developers: %s)", Formats.money(w.medianAnnual()))));
      s.append("; posted pay is higher or lower than paid pay for reasons of its own (who posts pay, which roles are advertised). ");
    }
    Integer first = null;
    Integer last = null;
    for (int year : refs.workforceYears()) {
      if (refs.dataScienceWorkforce(year).map(WorkforceReference::percentWomen).isPresent()) {
        first = first == null ? year : first;
        last = year;
      }
    }
    if (last != null) {
      WorkforceReference l = refs.dataScienceWorkforce(last).orElseThrow();
      WorkforceReference f = refs.dataScienceWorkforce(first).orElseThrow();
      s.append(String.format(Locale.ROOT, "In the CPS, women were %s%% of \"other mathematical science occupations\""
          + " (where data scientists are counted) in %d, against %s%% in %d", l.percentWomen(), last, f.percentWomen(), first));
      int year = last;
      refs.softwareWorkforce(year).map(WorkforceReference::percentWomen).ifPresent(p ->
          s.append(String.format(Locale.ROOT, "; of software developers, %s%% in %d", p, year)));
      s.append(". ");
    }
    return s.toString().trim();
  }

  /** What the numbers cannot show, adapted to how many windows there are. */
  public static List<String> limits(ReportModel model) {
    List<String> out = new ArrayList<>();
    int windows = 0;
    for (FamilyPair p : model.pairs()) {
      windows = Math.max(windows, model.gaps(p).size());
    }
    if (windows < 8) {
      out.add(String.format(Locale.ROOT, "A handful of points: %d %s window%s with a gap. Intervals and"
          + " trend verdicts say how sure each comparison is; they do not make a handful of points a trend line.",
          windows, model.window(), windows == 1 ? "" : "s"));
    }
    out.add("Posted pay is not paid pay: ads state ranges (the midpoint is used), many ads state none, and"
        + " which employers post pay depends on pay-transparency laws.");
    out.add("Sources select themselves: a salary survey's respondents chose to answer (and its later years"
        + " dominate), a job board's ads are its advertisers'; neither is the whole market.");
    out.add("The adjusted gap holds equal only what the postings say: seniority as read from titles and the"
        + " country; company, industry and skills differ within a cell all the same. It uses only the cells where"
        + " both roles have enough postings (the share they cover is given), with countries too small on their own"
        + " pooled as other, and posted pay and self-selected sources limit it as they limit the raw gap.");
    out.add("Families are what the classifier makes of titles; an ML engineer ad that reads like a software"
        + " ad still counts as ML engineering.");
    out.add("Correlation is not cause: a data-science workforce that changes while its pay falls behind does not"
        + " show that one causes the other, and the CPS counts data scientists together with other"
        + " mathematical scientists.");
    return out;
  }

  private static String years(List<Integer> years) {
    return years.isEmpty() ? "none" : years.get(0) + "-" + years.get(years.size() - 1);
  }

  private static String trimmed(double v) {
    return Double.toString(v).replaceAll("0+$", "").replaceAll("\\.$", "");
  }

}
