package io.jobstream.report.page;

/**
 * The Wilson score interval of a share: {@code k} of {@code n} ads, at 95% ({@code z} 1.96). Unlike
 * the normal approximation it stays within 0..1 and is honest for small {@code n} and shares near 0
 * or 1, which is what the emphasis shares of a few dozen ads are.
 *
 * @param low lower end, 0..1
 * @param high upper end, 0..1
 */
public record Wilson(double low, double high) {

  static final double Z95 = 1.959963984540054;

  /** The 95% interval of {@code k} successes in {@code n} trials ({@code n} > 0). */
  public static Wilson of(long k, long n) {
    if (n <= 0 || k < 0 || k > n) {
      throw new IllegalArgumentException("no share of " + k + " in " + n);
    }
    double p = (double) k / n;
    double z2 = Z95 * Z95;
    double centre = (p + z2 / (2.0 * n)) / (1 + z2 / n);
    double half = Z95 / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
    return new Wilson(Math.max(0, centre - half), Math.min(1, centre + half));
  }

  /** The interval of a share of {@code n} (the count rounded from it, as the topic gives shares). */
  public static Wilson ofShare(double share, long n) {
    return of(Math.round(share * n), n);
  }
}
