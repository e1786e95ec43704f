package io.jobstream.classify.emphasis;

import java.util.List;

/**
 * What a job ad mainly asks for: machine-learning depth, software-engineering depth, both, or
 * neither, with the evidence that decided it. See {@link EmphasisScorer} for how the points are
 * counted and the thresholds.
 *
 * @param label {@code ml_heavy}, {@code software_heavy}, {@code balanced} or {@code neither}
 * @param score {@code (ml - software) / (ml + software)}, from -1 (only software evidence) to +1
 *     (only ML evidence); 0 when there is neither
 * @param ml points of evidence for ML depth (rule weights times section weights)
 * @param software points of evidence for software-engineering depth
 * @param neither points of evidence for other work: analytics, reporting, management, support...
 * @param evidence the phrases that weighed most, a few per side, heaviest first within a side
 */
public record Emphasis(String label, double score, double ml, double software, double neither,
    List<Evidence> evidence) {

  public static final String ML_HEAVY = "ml_heavy";
  public static final String SOFTWARE_HEAVY = "software_heavy";
  public static final String BALANCED = "balanced";
  public static final String NEITHER = "neither";

  /**
   * One phrase of evidence.
   *
   * @param side {@code ml}, {@code software} or {@code neither}
   * @param phrase the words of the ad that matched, lower-cased
   * @param weight the points it added (all its mentions, after the section weights)
   * @param section where the (heaviest) mention was: {@code title}, {@code intro}, {@code role},
   *     {@code requirements}, {@code preferred}, {@code company}...
   */
  public record Evidence(String side, String phrase, double weight, String section) {}
}
