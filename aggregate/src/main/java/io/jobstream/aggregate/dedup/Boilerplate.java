package io.jobstream.aggregate.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What boards and aggregators add to an ad, or leave out of it, without it being another job: how
 * to apply, equal-opportunity statements, the benefits paragraph and board footers (job ids,
 * "posted via", copyright). Sentences matching one of the project's patterns are removed before
 * descriptions are compared; what is left is the job. A description that would be left empty is
 * kept whole.
 */
public final class Boilerplate {

  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n+|\\s+[•·|]\\s+");

  /** The project's patterns of boilerplate sentences, matched case-insensitively anywhere in a sentence. */
  private static final List<Pattern> PATTERNS = List.of(
      // applying
      "\\b(apply|applying)\\b.{0,40}\\b(now|today|online|here|below|button|link|website|portal|through|via)\\b",
      "\\bto apply\\b", "\\bclick\\s+(here|apply|the|on)\\b",
      "\\b(submit|send)\\s+(us\\s+)?(your|a)\\s+(resume|cv|application|cover letter)",
      "\\bapplications?\\s+(will be|are)\\s+(reviewed|accepted|considered)",
      // equal opportunity
      "\\bequal\\s+(employment\\s+)?opportunit", "\\bwithout regard to\\b", "\\baffirmative action\\b",
      "\\beeo\\b", "\\bprotected veteran", "\\breasonable accommodation", "\\be-?verify\\b", "\\bdrug[- ]free\\b",
      "\\b(race|religion|gender identity|sexual orientation|national origin)\\s*,",
      // benefits
      "\\bbenefits?\\b.{0,40}\\b(include|including|package|offered|such as)\\b", "\\bwe offer\\b", "\\b401\\s*\\(?k\\)?",
      "\\bpaid time off\\b", "\\b(health|medical),?\\s+dental\\b", "\\bdental\\s+and\\s+vision\\b",
      // board footers
      "\\b(originally\\s+)?(posted|published|listed|found)\\s+(on|via|by|at)\\b", "\\bpowered by\\b",
      "\\b(job|posting|requisition|req|reference|ref)\\s*(id|no|number|code|#)\\b", "\\bshare this (job|posting|ad)\\b",
      "\\breport this (job|posting|ad)\\b", "\\b(view|see|browse)\\s+(all|more|similar|other)\\s+(jobs|openings|positions)",
      "©", "\\bcopyright\\b", "\\ball rights reserved\\b", "\\bjob alerts?\\b", "\\bsign up\\b.{0,30}\\b(alerts|newsletter)\\b",
      "\\bdisclaimer\\b", "\\bnot responsible for\\b")
      .stream().map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE)).toList();

  /**
   * Words of which every pattern needs one (lower case): a sentence with none of them is not
   * boilerplate, and most sentences of an ad are read this way, without a regular expression.
   */
  private static final List<String> KEYWORDS = List.of("apply", "click", "submit", "send", "application", "equal",
      "regard", "affirmative", "eeo", "veteran", "accommodation", "verify", "drug", "race", "religion", "gender",
      "orientation", "origin", "benefit", "offer", "401", "paid time", "dental", "posted", "published", "listed",
      "found", "powered", "job", "posting", "req", "ref", "share", "report", "openings", "positions", "©",
      "copyright", "rights", "alert", "sign up", "disclaimer", "responsible");

  private Boilerplate() {}

  /** The description without boilerplate sentences, sentences joined by one space. */
  public static String strip(String description) {
    if (description == null) {
      return "";
    }
    List<String> kept = new ArrayList<>();
    for (String sentence : SENTENCE_END.split(description)) {
      if (!sentence.isBlank() && !isBoilerplate(sentence)) {
        kept.add(sentence.trim());
      }
    }
    return kept.isEmpty() ? description.trim() : String.join(" ", kept);
  }

  /** Whether one sentence is boilerplate by the project's patterns. */
  public static boolean isBoilerplate(String sentence) {
    String lower = sentence.toLowerCase(java.util.Locale.ROOT);
    if (KEYWORDS.stream().noneMatch(lower::contains)) {
      return false;
    }
    for (Pattern p : PATTERNS) {
      if (p.matcher(sentence).find()) {
        return true;
      }
    }
    return false;
  }
}
