package io.jobstream.classify.wording;

import java.util.List;

/**
 * Gender-coded wording of an ad, after Gaucher, Friesen and Kay, "Evidence That Gendered Wording
 * in Job Advertisements Exists and Sustains Gender Inequality" (J. Pers. Soc. Psychol., 2011),
 * with the word lists of their study as used by the widely used Gender Decoder.
 *
 * <p>{@code score = (masculine - feminine) / (masculine + feminine)}, from -1 (only
 * feminine-coded words) to +1 (only masculine-coded), 0 when there are none. Labels: at least 0.5
 * {@code strongly_masculine}, above 0.1 {@code somewhat_masculine}, -0.1..0.1 {@code neutral},
 * below -0.1 {@code somewhat_feminine}, at most -0.5 {@code strongly_feminine}. Known false hits
 * of stem matching (headings such as "Responsibilities", "data-driven", "competitive salary",
 * equal-opportunity boilerplate) are not counted; see {@link GenderCoder}. Note that the published masculine list
 * contains stems such as "analy*", "lead*" and "individual*", so analytical roles lean masculine by
 * construction; compare ads of one family with each other rather than across families.
 *
 * @param masculine masculine-coded words found (with repeats)
 * @param feminine feminine-coded words found (with repeats)
 * @param masculineWords distinct masculine-coded words, at most 20
 * @param feminineWords distinct feminine-coded words, at most 20
 */
public record GenderCoding(int masculine, int feminine, double score, String label,
    List<String> masculineWords, List<String> feminineWords) {

  public static String label(double score, int total) {
    if (total == 0) {
      return "neutral";
    }
    if (score >= 0.5) {
      return "strongly_masculine";
    }
    if (score > 0.1) {
      return "somewhat_masculine";
    }
    if (score >= -0.1) {
      return "neutral";
    }
    if (score > -0.5) {
      return "somewhat_feminine";
    }
    return "strongly_feminine";
  }
}
