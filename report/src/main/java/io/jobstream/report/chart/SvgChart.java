package io.jobstream.report.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * A chart over categorical x values (window starts), drawn as SVG on the server: lines with
 * optional interval bands, or stacked bars. Every data point is an element that names its series
 * and carries its value ({@code data-series}, {@code data-x}, {@code data-y}), so a browser test
 * or a reader's tool can check what is drawn; the root's {@code data-points} says how many.
 *
 * <p>Missing values (null) leave a gap. The chart is 760 by 300 user units and scales to its
 * container.
 */
public final class SvgChart {

  /** Colours of the series in order (Okabe and Ito's palette, readable with colour blindness). */
  static final String[] PALETTE = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"};

  private static final int WIDTH = 760;
  private static final int HEIGHT = 300;
  private static final int LEFT = 78;
  private static final int RIGHT = 16;
  private static final int TOP = 48;
  private static final int BOTTOM = 46;

  private record Series(String name, List<Double> values, List<Boolean> filled, List<String> labels) {}

  private record Band(String name, List<Double> low, List<Double> high) {}

  private final String id;
  private final String title;
  private final boolean bars;
  private final List<String> x;
  private final DoubleFunction<String> format;
  private final List<Series> series = new ArrayList<>();
  private final List<Band> bands = new ArrayList<>();
  private boolean zeroLine;
  private boolean fromZero;

  private SvgChart(String id, String title, boolean bars, List<String> x, DoubleFunction<String> format) {
    this.id = id;
    this.title = title;
    this.bars = bars;
    this.x = List.copyOf(x);
    this.format = format;
  }

  /** A line chart; {@code format} renders values on the axis and in tooltips. */
  public static SvgChart lines(String id, String title, List<String> x, DoubleFunction<String> format) {
    return new SvgChart(id, title, false, x, format);
  }

  /** Bars stacked per x value, e.g. shares that add up to 1. */
  public static SvgChart stackedBars(String id, String title, List<String> x, DoubleFunction<String> format) {
    return new SvgChart(id, title, true, x, format);
  }

  public SvgChart series(String name, List<Double> values) {
    return series(name, values, null, null);
  }

  /**
   * A series whose points are drawn filled or hollow ({@code filled}, e.g. significant or not) and
   * labelled ({@code labels}, e.g. a trend verdict); either may be null.
   */
  public SvgChart series(String name, List<Double> values, List<Boolean> filled, List<String> labels) {
    check(values);
    series.add(new Series(name, values, filled, labels));
    return this;
  }

  /** A shaded band from {@code low} to {@code high}, drawn behind the series (an interval). */
  public SvgChart band(String name, List<Double> low, List<Double> high) {
    check(low);
    check(high);
    bands.add(new Band(name, low, high));
    return this;
  }

  /** Draws the line y = 0 (for gaps). */
  public SvgChart zeroLine() {
    this.zeroLine = true;
    return this;
  }

  /** Starts the value axis at 0 (for counts, shares and amounts that are never negative). */
  public SvgChart fromZero() {
    this.fromZero = true;
    return this;
  }

  private void check(List<Double> values) {
    if (values.size() != x.size()) {
      throw new IllegalArgumentException("chart " + id + ": " + values.size() + " values for " + x.size() + " x values");
    }
  }

  /** How many data points (non-null values of the series) the chart draws. */
  public int points() {
    int n = 0;
    for (Series s : series) {
      for (Double v : s.values()) {
        if (v != null) {
          n++;
        }
      }
    }
    return n;
  }

  public String id() {
    return id;
  }

  public String render() {
    StringBuilder svg = new StringBuilder(4096);
    svg.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"chart-%s\" data-chart=\"%s\""
            + " data-points=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\""
            + " font-family=\"system-ui, sans-serif\" font-size=\"12\">",
        Html.escape(id), Html.escape(id), points(), WIDTH, HEIGHT, Html.escape(title)));
    svg.append("<title>").append(Html.escape(title)).append("</title>");
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"14\" font-weight=\"600\">%s</text>",
        LEFT, Html.escape(title)));
    if (points() == 0) {
      // a short strip: the panel says what is missing without taking a chart's room
      svg.setLength(0);
      svg.append(String.format(Locale.ROOT,
          "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"chart-%s\" data-chart=\"%s\""
              + " data-points=\"0\" viewBox=\"0 0 %d 64\" role=\"img\" aria-label=\"%s\""
              + " font-family=\"system-ui, sans-serif\" font-size=\"12\"><title>%s</title>"
              + "<text x=\"%d\" y=\"18\" font-size=\"14\" font-weight=\"600\">%s</text>"
              + "<text class=\"empty\" x=\"%d\" y=\"46\" fill=\"#666\">no data for this panel yet</text></svg>",
          Html.escape(id), Html.escape(id), WIDTH, Html.escape(title), Html.escape(title), LEFT, Html.escape(title), LEFT));
      return svg.toString();
    }
    Axis axis = axis();
    legend(svg);
    grid(svg, axis);
    for (int i = 0; i < bands.size(); i++) {
      band(svg, axis, bands.get(i), PALETTE[i % PALETTE.length]);
    }
    if (zeroLine && axis.low() < 0 && axis.high() > 0) {
      double y = y(axis, 0);
      svg.append(String.format(Locale.ROOT, "<line class=\"zero\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>",
          LEFT, WIDTH - RIGHT, y, y));
    }
    if (bars) {
      bars(svg, axis);
    } else {
      for (int i = 0; i < series.size(); i++) {
        line(svg, axis, series.get(i), PALETTE[i % PALETTE.length]);
      }
    }
    svg.append("</svg>");
    return svg.toString();
  }

  private Axis axis() {
    double min = bars ? 0 : Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    if (bars) {
      for (int i = 0; i < x.size(); i++) {
        double sum = 0;
        for (Series s : series) {
          Double v = s.values().get(i);
          sum += v == null ? 0 : v;
        }
        max = Math.max(max, sum);
      }
    } else {
      for (Series s : series) {
        for (Double v : s.values()) {
          if (v != null) {
            min = Math.min(min, v);
            max = Math.max(max, v);
          }
        }
      }
      for (Band b : bands) {
        for (int i = 0; i < x.size(); i++) {
          if (b.low().get(i) != null && b.high().get(i) != null) {
            min = Math.min(min, b.low().get(i));
            max = Math.max(max, b.high().get(i));
          }
        }
      }
      if (zeroLine || fromZero) {
        min = Math.min(min, 0);
        max = Math.max(max, 0);
      }
    }
    return Axis.covering(min, max, 5);
  }

  private double xCenter(int i) {
    double slot = (double) (WIDTH - LEFT - RIGHT) / x.size();
    return LEFT + slot * (i + 0.5);
  }

  private double y(Axis axis, double value) {
    return HEIGHT - BOTTOM - axis.fraction(value) * (HEIGHT - TOP - BOTTOM);
  }

  /** One row under the title, left to right. */
  private void legend(StringBuilder svg) {
    double at = LEFT;
    for (int i = 0; i < series.size(); i++) {
      String name = series.get(i).name();
      svg.append(String.format(Locale.ROOT,
          "<g class=\"legend\"><rect x=\"%.1f\" y=\"26\" width=\"10\" height=\"10\" fill=\"%s\"/>"
              + "<text x=\"%.1f\" y=\"35\">%s</text></g>",
          at, PALETTE[i % PALETTE.length], at + 14, Html.escape(name)));
      at += 28 + name.length() * 6.4;
    }
  }

  private void grid(StringBuilder svg, Axis axis) {
    svg.append("<g class=\"axis\" fill=\"#444\">");
    for (double t : axis.ticks()) {
      double y = y(axis, t);
      svg.append(String.format(Locale.ROOT,
          "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
              + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
          LEFT, WIDTH - RIGHT, y, y, LEFT - 6, y + 4, Html.escape(format.apply(t))));
    }
    int every = Math.max(1, (int) Math.ceil(x.size() / 12.0));
    for (int i = 0; i < x.size(); i += every) {
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
          xCenter(i), HEIGHT - BOTTOM + 18, Html.escape(x.get(i))));
    }
    svg.append("</g>");
  }

  private void band(StringBuilder svg, Axis axis, Band band, String colour) {
    // one polygon per run of consecutive windows that have the interval
    int i = 0;
    while (i < x.size()) {
      if (band.low().get(i) == null || band.high().get(i) == null) {
        i++;
        continue;
      }
      int end = i;
      while (end + 1 < x.size() && band.low().get(end + 1) != null && band.high().get(end + 1) != null) {
        end++;
      }
      StringBuilder d = new StringBuilder();
      double half = end == i ? 8 : 0; // a single window gets a visible bar
      for (int k = i; k <= end; k++) {
        d.append(k == i ? 'M' : 'L').append(fmt(xCenter(k) - (k == i ? half : 0))).append(',')
            .append(fmt(y(axis, band.high().get(k))));
      }
      for (int k = end; k >= i; k--) {
        d.append('L').append(fmt(xCenter(k) + (k == i ? half : 0))).append(',').append(fmt(y(axis, band.low().get(k))));
      }
      svg.append(String.format(Locale.ROOT, "<path class=\"band\" data-series=\"%s\" d=\"%sZ\" fill=\"%s\" fill-opacity=\"0.18\"/>",
          Html.escape(band.name()), d, colour));
      i = end + 1;
    }
  }

  private void line(StringBuilder svg, Axis axis, Series s, String colour) {
    StringBuilder d = new StringBuilder();
    boolean pen = false;
    for (int i = 0; i < x.size(); i++) {
      Double v = s.values().get(i);
      if (v == null) {
        pen = false;
        continue;
      }
      d.append(pen ? 'L' : 'M').append(fmt(xCenter(i))).append(',').append(fmt(y(axis, v)));
      pen = true;
    }
    svg.append(String.format(Locale.ROOT, "<path class=\"line\" data-series=\"%s\" d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>",
        Html.escape(s.name()), d, colour));
    boolean markers = x.size() <= 60 || s.filled() != null || s.labels() != null;
    for (int i = 0; i < x.size(); i++) {
      Double v = s.values().get(i);
      if (v == null) {
        continue;
      }
      boolean filled = s.filled() == null || Boolean.TRUE.equals(s.filled().get(i));
      double cx = xCenter(i);
      double cy = y(axis, v);
      svg.append(String.format(Locale.ROOT,
          "<circle class=\"point\" data-series=\"%s\" data-x=\"%s\" data-y=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"%s\""
              + " fill=\"%s\" stroke=\"%s\" stroke-width=\"2\"><title>%s %s: %s</title></circle>",
          Html.escape(s.name()), Html.escape(x.get(i)), exact(v), cx, cy, markers ? "4" : "1.5",
          filled ? colour : "#fff", colour, Html.escape(s.name()), Html.escape(x.get(i)), Html.escape(format.apply(v))));
      String label = s.labels() == null ? null : s.labels().get(i);
      if (label != null && !label.isEmpty()) {
        svg.append(String.format(Locale.ROOT, "<text class=\"point-label\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"%s\">%s</text>",
            cx, cy - 9, colour, Html.escape(label)));
      }
    }
  }

  private void bars(StringBuilder svg, Axis axis) {
    double slot = (double) (WIDTH - LEFT - RIGHT) / x.size();
    double width = Math.max(1, slot * 0.7);
    for (int i = 0; i < x.size(); i++) {
      double base = 0;
      for (int k = 0; k < series.size(); k++) {
        Series s = series.get(k);
        Double v = s.values().get(i);
        if (v == null) {
          continue;
        }
        double top = y(axis, base + v);
        double bottom = y(axis, base);
        svg.append(String.format(Locale.ROOT,
            "<rect class=\"bar point\" data-series=\"%s\" data-x=\"%s\" data-y=\"%s\" x=\"%.1f\" y=\"%.1f\""
                + " width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s %s: %s</title></rect>",
            Html.escape(s.name()), Html.escape(x.get(i)), exact(v), xCenter(i) - width / 2, top, width,
            Math.max(0, bottom - top), PALETTE[k % PALETTE.length], Html.escape(s.name()), Html.escape(x.get(i)),
            Html.escape(format.apply(v))));
        base += v;
      }
    }
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  /** A value as written in data attributes: exact, so tests compare it with the topics'. */
  static String exact(double v) {
    return Double.toString(v);
  }
}
