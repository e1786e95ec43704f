package io.jobstream.classify;

import io.jobstream.classify.emphasis.Emphasis;
import io.jobstream.classify.emphasis.EmphasisScorer;
import io.jobstream.classify.skills.Skill;
import io.jobstream.classify.skills.SkillDictionary;
import io.jobstream.classify.text.TokenSpans;
import io.jobstream.classify.wording.GenderCoder;
import io.jobstream.classify.wording.GenderCoding;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The classify library's front: title, pay, skills, emphasis and gender-coded wording of a
 * posting in one call. Thread-safe; build one and share it.
 */
public final class PostingEnricher {

  /** Structured pay as a source gave it (any field may be null). */
  public record StructuredPay(String currency, BigDecimal value, BigDecimal min, BigDecimal max,
      String unit) {}

  private final TitleClassifier titles;
  private final PayExtractor pay;
  private final SkillDictionary skills = SkillDictionary.builtIn();
  private final GenderCoder coder = new GenderCoder();
  private final EmphasisScorer emphasisScorer = new EmphasisScorer();

  public PostingEnricher() {
    this(new TitleClassifier(), new PayExtractor());
  }

  public PostingEnricher(TitleClassifier titles, PayExtractor pay) {
    this.titles = titles;
    this.pay = pay;
  }

  public String reportingCurrency() {
    return pay.reportingCurrency();
  }

  /**
   * Enriches a posting. Pay comes from the first source that has it: the structured pay, the
   * salary text, the title, the description.
   *
   * @param currency currency for amounts in the salary text that name none (may be null)
   * @param on the posting's date, for exchange rates (null: latest)
   */
  public Enrichment enrich(String title, String description, StructuredPay structured,
      String salaryText, String currency, LocalDate on) {
    TitleClassification classification = titles.classify(title, description);
    PayResult payResult = PayResult.NONE;
    if (structured != null) {
      payResult = pay.fromStructured(structured.currency(), structured.value(), structured.min(),
          structured.max(), structured.unit(), on);
    }
    if (!payResult.found() && salaryText != null) {
      payResult = pay.fromText(salaryText, currency, on);
    }
    if (!payResult.found() && payResult.rejected() == null && title != null) {
      payResult = pay.fromText(title, null, on);
    }
    TokenSpans tokens = TokenSpans.of(description == null ? "" : description);
    if (!payResult.found() && payResult.rejected() == null && description != null) {
      payResult = pay.fromText(description, null, on, tokens);
    }
    Set<Skill> found = skills.find(tokens);
    List<String> names = new ArrayList<>(found.size());
    Map<String, Integer> byTag = new LinkedHashMap<>();
    SkillDictionary.TAGS.forEach(t -> byTag.put(t, 0));
    for (Skill s : found) {
      names.add(s.name());
      byTag.merge(s.tag(), 1, Integer::sum);
    }
    // an ad without a description has nothing to weigh: its title alone is no evidence of depth
    Emphasis emphasis = tokens.size() == 0 ? null : emphasisScorer.score(title, tokens);
    GenderCoding coding = coder.code(tokens);
    return new Enrichment(title, classification, payResult.salary(), payResult.rejected(), names,
        byTag, emphasis, coding);
  }
}
