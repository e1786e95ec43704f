package io.jobstream.aggregate.stats;

/** The standard normal distribution: upper tail and quantile, accurate to double precision where it matters. */
public final class Normal {

  private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);

  private Normal() {}

  /** P(Z > z). Series for |z| < 3, Laplace's continued fraction beyond (relative error ~1e-15). */
  public static double sf(double z) {
    if (Double.isNaN(z)) {
      return Double.NaN;
    }
    if (z < 0) {
      return 1 - sf(-z);
    }
    if (z < 3) {
      return 0.5 - 0.5 * erf(z / Math.sqrt(2));
    }
    double density = Math.exp(-0.5 * z * z) / SQRT_2PI;
    double fraction = 0;
    for (int k = 200; k >= 1; k--) {
      fraction = k / (z + fraction);
    }
    return density / (z + fraction);
  }

  /** erf(x) by its Taylor series (used for |x| < 2.2, where it converges fast). */
  static double erf(double x) {
    double sum = 0;
    double term = x;
    for (int n = 0; n < 200; n++) {
      double add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) {
        break;
      }
      term *= -x * x / (n + 1);
    }
    return 2 / Math.sqrt(Math.PI) * sum;
  }

  /** The p quantile, 0 < p < 1 (Acklam's rational approximation, one Newton step). */
  public static double ppf(double p) {
    if (p <= 0 || p >= 1) {
      throw new IllegalArgumentException("p must be in (0, 1): " + p);
    }
    double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
        1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
        6.680131188771972e+01, -1.328068155288572e+01};
    double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
        -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
        3.754408661907416e+00};
    double q;
    double x;
    if (p < 0.02425) {
      q = Math.sqrt(-2 * Math.log(p));
      x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
          / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    } else if (p <= 1 - 0.02425) {
      q = p - 0.5;
      double r = q * q;
      x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
          / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    } else {
      q = Math.sqrt(-2 * Math.log(1 - p));
      x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
          / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    // one Newton step on P(Z <= x) = p
    double e = (1 - sf(x)) - p;
    double u = e * SQRT_2PI * Math.exp(x * x / 2);
    return x - u / (1 + x * u / 2);
  }
}
