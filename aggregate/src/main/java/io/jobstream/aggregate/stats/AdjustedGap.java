package io.jobstream.aggregate.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pay gap of two families with the mix of seniority and place held equal: the gap of medians
 * within each cell of seniority x country, averaged with one set of weights for both families.
 *
 * <p>The rule, in order:
 * <ol>
 *   <li>A country stands alone when both families have at least {@code minN} postings with pay in
 *       it (over all seniorities): the countries that get a slice of their own on the divergence
 *       topic. Every other country's postings are pooled into the country {@value #OTHER}.</li>
 *   <li>A cell (seniority, country or {@value #OTHER}) is usable when both families have at least
 *       {@code minN} postings with pay in it; its gap and variance are those of {@link MedianGap}
 *       (Price-Bonett).</li>
 *   <li>The weight of a usable cell is its share of both families' postings with pay over the
 *       usable cells, {@code (nA_i + nB_i) / sum_j (nA_j + nB_j)}: the pair's pooled mix, the same
 *       for both families.</li>
 *   <li>The adjusted gap is {@code sum_i w_i gap_i}; its variance {@code sum_i w_i^2 var_i} (cells
 *       are disjoint sets of postings, so independent; the weights are taken as fixed), and its
 *       interval {@code gap ± z(1-α/2) sqrt(variance)}.</li>
 *   <li>The coverage is the share of both families' postings with pay that are in usable cells.</li>
 * </ol>
 * Cells are listed and summed in order of seniority, then country ({@value #OTHER} after the
 * countries), so the same postings always give the same bits.
 *
 * @param gap the adjusted gap, A minus B (annual, reporting currency)
 * @param variance its estimated variance
 * @param ciLow lower end of the interval
 * @param ciHigh upper end
 * @param coverage share (0..1) of the postings with pay of both families in the usable cells
 * @param cells the usable cells, in the order they are summed
 */
public record AdjustedGap(double gap, double variance, double ciLow, double ciHigh, double coverage,
    List<CellGap> cells) {

  /** The country of the postings of countries too small to stand alone. */
  public static final String OTHER = "other";

  /**
   * One usable cell.
   *
   * @param seniority the seniority
   * @param country a country, or {@value AdjustedGap#OTHER}
   * @param nA postings of A with pay in the cell
   * @param nB postings of B with pay in the cell
   * @param medianA median pay of A in the cell
   * @param medianB median pay of B in the cell
   * @param gap {@code medianA - medianB}
   * @param variance Price-Bonett variance of the cell's gap
   * @param weight the cell's weight (0..1; the weights of a gap's cells sum to 1)
   */
  public record CellGap(String seniority, String country, long nA, long nB, double medianA, double medianB,
      double gap, double variance, double weight) {}

  /**
   * The adjusted gap of the pay of {@code a} and {@code b}, each given as seniority -> country ->
   * pay values of the postings with pay (not modified), or null when no cell is usable.
   *
   * @param minN the fewest postings with pay each family needs in a cell, and in a country for it
   *     to stand alone (the divergence stage's minimum n, default 30)
   * @param confidence of the interval, e.g. 0.95
   */
  public static AdjustedGap of(Map<String, Map<String, PayCounts>> a, Map<String, Map<String, PayCounts>> b,
      long minN, double confidence) {
    Map<String, Long> countryA = countryTotals(a);
    Map<String, Long> countryB = countryTotals(b);
    long total = countryA.values().stream().mapToLong(Long::longValue).sum()
        + countryB.values().stream().mapToLong(Long::longValue).sum();
    // seniority -> country or other -> [A's pay, B's pay]
    TreeMap<String, TreeMap<String, PayCounts[]>> cells = new TreeMap<>();
    place(a, 0, countryA, countryB, minN, cells);
    place(b, 1, countryA, countryB, minN, cells);

    List<MedianGap> gaps = new ArrayList<>();
    List<CellGap> usable = new ArrayList<>();
    long covered = 0;
    for (Map.Entry<String, TreeMap<String, PayCounts[]>> seniority : cells.entrySet()) {
      for (Map.Entry<String, PayCounts[]> country : seniority.getValue().entrySet()) {
        PayCounts pa = country.getValue()[0];
        PayCounts pb = country.getValue()[1];
        if (pa == null || pb == null || pa.total() < minN || pb.total() < minN) {
          continue;
        }
        MedianGap g = MedianGap.of(pa, pb, confidence);
        gaps.add(g);
        usable.add(new CellGap(seniority.getKey(), country.getKey(), pa.total(), pb.total(), g.medianA(),
            g.medianB(), g.gap(), g.variance(), 0));
        covered += pa.total() + pb.total();
      }
    }
    if (usable.isEmpty()) {
      return null;
    }
    double gap = 0;
    double variance = 0;
    List<CellGap> weighted = new ArrayList<>(usable.size());
    for (CellGap c : usable) {
      double w = (double) (c.nA() + c.nB()) / covered;
      gap += w * c.gap();
      variance += w * w * c.variance();
      weighted.add(new CellGap(c.seniority(), c.country(), c.nA(), c.nB(), c.medianA(), c.medianB(), c.gap(),
          c.variance(), w));
    }
    double half = Normal.ppf(1 - (1 - confidence) / 2) * Math.sqrt(variance);
    return new AdjustedGap(gap, variance, gap - half, gap + half, (double) covered / total, List.copyOf(weighted));
  }

  /** Postings with pay by country, over all seniorities. */
  private static Map<String, Long> countryTotals(Map<String, Map<String, PayCounts>> side) {
    Map<String, Long> out = new TreeMap<>();
    side.values().forEach(byCountry -> byCountry.forEach((country, pay) -> out.merge(country, pay.total(), Long::sum)));
    return out;
  }

  /** Puts one family's pay into the cells, pooling the countries that do not stand alone. */
  private static void place(Map<String, Map<String, PayCounts>> side, int index, Map<String, Long> countryA,
      Map<String, Long> countryB, long minN, TreeMap<String, TreeMap<String, PayCounts[]>> cells) {
    side.forEach((seniority, byCountry) -> byCountry.forEach((country, pay) -> {
      if (pay.total() == 0) {
        return;
      }
      boolean alone = countryA.getOrDefault(country, 0L) >= minN && countryB.getOrDefault(country, 0L) >= minN;
      // "other" sorts after every country code; a real country named so would be pooled with it
      String cell = alone && !country.equals(OTHER) ? country : OTHER;
      PayCounts[] both = cells.computeIfAbsent(seniority, s -> new TreeMap<>(AdjustedGap::countryOrder))
          .computeIfAbsent(cell, c -> new PayCounts[2]);
      if (cell.equals(OTHER)) {
        // pooled: a copy, so that the caller's counts are left as they are
        if (both[index] == null) {
          both[index] = new PayCounts();
        }
        both[index].addAll(pay);
      } else {
        both[index] = pay;
      }
    }));
  }

  /** Countries in alphabetical order, {@value #OTHER} last. */
  static int countryOrder(String x, String y) {
    boolean ox = x.equals(OTHER);
    boolean oy = y.equals(OTHER);
    if (ox || oy) {
      return Boolean.compare(ox, oy);
    }
    return x.compareTo(y);
  }
}
