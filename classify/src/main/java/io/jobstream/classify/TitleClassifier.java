package io.jobstream.classify;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A first, rule-based title classifier: an ordered list of phrase patterns per role family over the
 * lower-cased title, the first match wins, and a separate list of seniority markers.
 *
 * <p>Order matters where families overlap: "machine learning engineer" must be tried before
 * "engineer", "research scientist" before "scientist". Titles that match nothing are
 * {@link RoleFamily#OTHER}. Thread-safe and allocation-light: patterns are compiled once.
 */
public final class TitleClassifier {

  private record Rule(String id, RoleFamily family, Pattern pattern) {}

  private record Marker(Seniority seniority, Pattern pattern) {}

  private static final List<Rule> FAMILY_RULES = List.of(
      rule("quant", RoleFamily.QUANT, "\\bquant(itative)?\\b"),
      rule("statistician", RoleFamily.STATISTICIAN,
          "\\b(bio)?statistician\\b|\\bstatistical programmer\\b"),
      rule("ai-engineer", RoleFamily.AI_ENGINEER,
          "\\b(ai|genai|gen ai|generative ai|llm|prompt|agentic)\\b.*\\b(engineer|developer)\\b"),
      rule("ml-engineer", RoleFamily.ML_ENGINEER,
          "\\b(machine learning|ml|mlops|deep learning|computer vision|nlp)\\b.*\\b(engineer|developer)\\b"
              + "|\\b(engineer|developer)\\b.*\\b(machine learning|ml)\\b"),
      rule("research-scientist", RoleFamily.RESEARCH_SCIENTIST,
          "\\b(research|applied|machine learning|ml)\\s+scientist\\b|\\bml researcher\\b"),
      rule("data-scientist", RoleFamily.DATA_SCIENTIST, "\\bdata scien(tist|ce)\\b"),
      rule("data-engineer", RoleFamily.DATA_ENGINEER,
          "\\b(data|analytics|etl|big data)\\s+(engineer|architect)\\b"),
      rule("data-analyst", RoleFamily.DATA_ANALYST,
          "\\b(data|business intelligence|bi|reporting|product|analytics)\\s+analyst\\b"
              + "|\\bbi developer\\b"),
      rule("software-engineer", RoleFamily.SOFTWARE_ENGINEER,
          "\\b(software|backend|back end|frontend|front end|full stack|fullstack)\\s+"
              + "(engineer|developer)\\b|\\bsite reliability engineer\\b|\\bsre\\b|\\bsde\\b"));

  private static final List<Marker> SENIORITY_MARKERS = List.of(
      marker(Seniority.INTERN, "\\b(intern|internship|co-?op)\\b"),
      marker(Seniority.EXECUTIVE, "\\b(vp|vice president|head of|chief)\\b"),
      marker(Seniority.DIRECTOR, "\\bdirector\\b"),
      marker(Seniority.MANAGER, "\\bmanager\\b"),
      marker(Seniority.PRINCIPAL, "\\bprincipal\\b"),
      marker(Seniority.STAFF, "\\bstaff\\b"),
      marker(Seniority.LEAD, "\\blead\\b"),
      marker(Seniority.SENIOR, "\\b(senior|sr)\\b|\\b(iii|3)\\s*$"),
      marker(Seniority.ENTRY, "\\b(junior|jr|graduate|new grad|entry level|associate)\\b|\\b(i|1)\\s*$"));

  private static Rule rule(String id, RoleFamily family, String regex) {
    return new Rule(id, family, Pattern.compile(regex));
  }

  private static Marker marker(Seniority seniority, String regex) {
    return new Marker(seniority, Pattern.compile(regex));
  }

  /**
   * Classifies a title. A null or blank title is {@link RoleFamily#OTHER} with rule {@code empty}.
   */
  public TitleClassification classify(String title) {
    if (title == null || title.isBlank()) {
      return new TitleClassification(RoleFamily.OTHER, Seniority.MID, "empty");
    }
    String normalized = normalize(title);
    RoleFamily family = RoleFamily.OTHER;
    String ruleId = "no-rule";
    for (Rule rule : FAMILY_RULES) {
      if (rule.pattern().matcher(normalized).find()) {
        family = rule.family();
        ruleId = rule.id();
        break;
      }
    }
    Seniority seniority = Seniority.MID;
    for (Marker marker : SENIORITY_MARKERS) {
      if (marker.pattern().matcher(normalized).find()) {
        seniority = marker.seniority();
        break;
      }
    }
    return new TitleClassification(family, seniority, ruleId);
  }

  /** Lower case, punctuation to spaces, runs of spaces collapsed. */
  static String normalize(String title) {
    String lower = title.toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(lower.length());
    boolean space = true;
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      boolean keep = Character.isLetterOrDigit(c) || c == '-';
      if (keep) {
        out.append(c);
        space = false;
      } else if (!space) {
        out.append(' ');
        space = true;
      }
    }
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == ' ') {
      end--;
    }
    return out.substring(0, end);
  }
}
