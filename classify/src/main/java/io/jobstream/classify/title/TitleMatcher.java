package io.jobstream.classify.title;

import io.jobstream.classify.TitleClassification;
import java.util.ArrayList;
import java.util.List;

/** Applies a {@link Taxonomy} to one title: phrases to concepts, concepts to family and level. */
public final class TitleMatcher {

  private final Taxonomy taxonomy;
  private final ConceptMask computing;
  private final ConceptMask lab;

  public TitleMatcher(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
    this.computing = taxonomy.mask("COMPUTING_EVIDENCE");
    this.lab = taxonomy.mask("LAB_EVIDENCE");
  }

  public TitleClassification classify(String title, String description) {
    List<String> tokens = TitleTokenizer.tokens(title);
    List<PhraseMatcher.Match> matches = new ArrayList<>(tokens.size());
    taxonomy.phrases.scan(tokens, matches::add);
    ConceptMask concepts = ConceptMask.EMPTY;
    for (PhraseMatcher.Match m : matches) {
      concepts = concepts.or(m.mask());
    }

    Taxonomy.Rule decided = null;
    for (Taxonomy.Rule rule : taxonomy.rules) {
      if (concepts.containsAll(rule.all()) && !concepts.intersects(rule.unless())) {
        decided = rule;
        break;
      }
    }
    Level level = seniority(tokens, matches, concepts);

    if (decided == null) {
      String why = tokens.isEmpty() ? "empty title" : "no family rule matched";
      return new TitleClassification(TitleClassification.OTHER, level.id, null, null,
          tokens.isEmpty() ? 0.5 : 0.85, why + "; seniority " + level.why, "none");
    }
    Taxonomy.Family family = taxonomy.families.get(decided.family());
    String ruleId = decided.family() + "#" + decided.index();
    String explanation = "rule " + ruleId + " (" + decided.text() + ")";
    double confidence = decided.confidence();
    if (decided.ambiguous() && description != null && !description.isBlank()) {
      int[] counts = evidence(description);
      if (counts[1] >= 2 && counts[0] == 0) {
        return new TitleClassification(TitleClassification.OTHER, level.id, null, null, 0.7,
            explanation + " is ambiguous and the description is about lab or hardware work ("
                + counts[1] + " terms, no computing terms); seniority " + level.why, ruleId);
      }
      if (counts[0] > 0) {
        confidence = Math.min(0.95, confidence + 0.1);
        explanation += ", confirmed by " + counts[0] + " computing terms in the description";
      }
    }
    return new TitleClassification(family.id(), level.id, family.soc(), family.socTitle(),
        confidence, explanation + "; seniority " + level.why, ruleId);
  }

  private record Level(String id, String why) {}

  private Level seniority(List<String> tokens, List<PhraseMatcher.Match> matches, ConceptMask concepts) {
    for (Taxonomy.SeniorityMarker marker : taxonomy.seniority) {
      if (concepts.intersects(marker.mask())) {
        for (PhraseMatcher.Match m : matches) {
          if (m.mask().intersects(marker.mask())) {
            return new Level(marker.id(), marker.id() + " ('" + m.phrase() + "')");
          }
        }
      }
    }
    // A level numeral right after a role noun: "Analyst II", "Data Scientist 3 (718)".
    for (PhraseMatcher.Match m : matches) {
      if (m.end() < tokens.size() && m.mask().intersects(taxonomy.levelAfter)) {
        String level = taxonomy.levels.get(tokens.get(m.end()));
        if (level != null) {
          return new Level(level, level + " (level '" + tokens.get(m.end()) + "')");
        }
      }
    }
    return new Level(TitleClassification.MID, "mid (no marker)");
  }

  /** Counts of computing and lab terms in a description. */
  private int[] evidence(String description) {
    int[] counts = new int[2];
    taxonomy.evidence.scan(TitleTokenizer.tokens(description), m -> {
      if (m.mask().intersects(computing)) {
        counts[0]++;
      }
      if (m.mask().intersects(lab)) {
        counts[1]++;
      }
    });
    return counts;
  }
}
