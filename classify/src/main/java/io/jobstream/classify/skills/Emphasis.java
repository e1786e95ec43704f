package io.jobstream.classify.skills;

import java.util.Collection;

/**
 * Whether an ad asks mainly for machine-learning depth or for software-engineering depth: the
 * split between the "MACHINE LEARNING engineer" and the "machine learning ENGINEER".
 *
 * <p>With {@code ml} and {@code software} the numbers of distinct skills of those tags in the ad,
 * {@code score = (ml - software) / (ml + software)}, from -1 (only software skills) to +1 (only ML
 * skills). The label is {@code ml_heavy} for a score of at least 1/3 (ML skills at least twice the
 * software ones), {@code software_heavy} for at most -1/3, and {@code balanced} in between. With
 * fewer than {@value #MIN_EVIDENCE} such skills there is too little evidence and no emphasis.
 *
 * @param ml distinct ML skills
 * @param software distinct software skills
 * @param score see above
 * @param label {@code ml_heavy}, {@code software_heavy} or {@code balanced}
 */
public record Emphasis(int ml, int software, double score, String label) {

  public static final int MIN_EVIDENCE = 2;
  public static final double THRESHOLD = 1.0 / 3;

  /** The emphasis of a set of skills, or null when there is too little evidence. */
  public static Emphasis of(Collection<Skill> skills) {
    int ml = 0;
    int software = 0;
    for (Skill s : skills) {
      if (s.tag().equals("ml")) {
        ml++;
      } else if (s.tag().equals("software")) {
        software++;
      }
    }
    if (ml + software < MIN_EVIDENCE) {
      return null;
    }
    double score = (double) (ml - software) / (ml + software);
    String label = score >= THRESHOLD ? "ml_heavy" : score <= -THRESHOLD ? "software_heavy" : "balanced";
    return new Emphasis(ml, software, Math.round(score * 1000) / 1000.0, label);
  }
}
