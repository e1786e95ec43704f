package io.jobstream.report.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * A linear value axis with "nice" ticks (1, 2 or 5 times a power of ten) that cover the data.
 *
 * @param low the axis' lower end
 * @param high its upper end
 * @param ticks tick values from low to high
 */
record Axis(double low, double high, List<Double> ticks) {

  /** An axis covering {@code [min, max]} with about {@code count} ticks. */
  static Axis covering(double min, double max, int count) {
    if (!(max > min)) {
      double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
      min -= pad;
      max += pad;
    }
    double step = niceStep((max - min) / Math.max(1, count));
    double low = Math.floor(min / step) * step;
    double high = Math.ceil(max / step) * step;
    List<Double> ticks = new ArrayList<>();
    for (double t = low; t <= high + step / 2; t += step) {
      ticks.add(Math.abs(t) < step / 1e6 ? 0.0 : t);
    }
    return new Axis(low, high, ticks);
  }

  static double niceStep(double raw) {
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    double fraction = raw / power;
    double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
    return nice * power;
  }

  /** Where {@code value} falls between the axis' ends, 0 at low and 1 at high. */
  double fraction(double value) {
    return (value - low) / (high - low);
  }
}
