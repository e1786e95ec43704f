package io.jobstream.app;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A salary survey the tests make themselves, in the layout of the ai-jobs.net export (the
 * {@code csv:} source reads it the same way): rows drawn from a fixed seed over the survey's
 * titles, levels, countries and currencies, with some rows repeated exactly, as in the real
 * export (its answers have no ids). Suites that test the pipeline's mechanics run on it; the
 * {@code data} group replays the real survey from the data directory.
 */
public final class SurveyFixture {

  public static final String HEADER = "work_year,experience_level,employment_type,job_title,salary,"
      + "salary_currency,salary_in_usd,employee_residence,remote_ratio,company_location,company_size";

  /** Title, weight, median annual pay in USD at mid level. */
  private static final Object[][] TITLES = {
      {"Data Scientist", 20, 150_000},
      {"Data Engineer", 16, 145_000},
      {"Data Analyst", 12, 100_000},
      {"Software Engineer", 12, 160_000},
      {"Machine Learning Engineer", 10, 185_000},
      {"Research Scientist", 4, 190_000},
      {"Applied Scientist", 3, 195_000},
      {"Data Architect", 2, 160_000},
      {"Analytics Engineer", 2, 140_000},
      {"Research Engineer", 2, 180_000},
      {"AI Engineer", 1, 175_000},
      {"Business Intelligence Analyst", 1, 95_000},
      {"Machine Learning Scientist", 1, 190_000},
  };

  /** Country, weight, currency, units of the currency per USD, pay level against the US. */
  private static final Object[][] COUNTRIES = {
      {"US", 70, "USD", 1.0, 1.0},
      {"GB", 8, "GBP", 0.79, 0.62},
      {"CA", 6, "CAD", 1.35, 0.75},
      {"DE", 6, "EUR", 0.92, 0.6},
      {"IN", 5, "INR", 83.0, 0.2},
      {"ES", 5, "EUR", 0.92, 0.45},
  };

  private static final String[] LEVELS = {"EN", "MI", "SE", "EX"};
  private static final double[] LEVEL_PAY = {0.7, 1.0, 1.2, 1.5};
  private static final int[] LEVEL_WEIGHT = {15, 30, 50, 5};

  private SurveyFixture() {}

  /** {@code rows} survey rows (2020-2024) from {@code seed}, without the header. */
  public static List<String> rows(long seed, int rows) {
    Random random = new Random(seed);
    List<String> out = new ArrayList<>(rows);
    while (out.size() < rows) {
      if (!out.isEmpty() && random.nextInt(5) == 0) {
        // the export repeats answers exactly; they count as separate answers
        out.add(out.get(random.nextInt(out.size())));
        continue;
      }
      int year = 2020 + skewedYear(random);
      Object[] title = pick(TITLES, random);
      Object[] country = pick(COUNTRIES, random);
      int level = weighted(LEVEL_WEIGHT, random);
      double usd = (int) title[2] * LEVEL_PAY[level] * (double) country[4]
          * Math.exp(random.nextGaussian() * 0.3) * (1 + 0.03 * (year - 2020));
      long usdRounded = Math.round(usd / 100) * 100;
      long local = Math.round(usdRounded * (double) country[3]);
      String employment = random.nextInt(50) == 0 ? "CT" : "FT";
      int remote = new int[] {0, 0, 0, 50, 100}[random.nextInt(5)];
      String size = new String[] {"S", "M", "M", "M", "L"}[random.nextInt(5)];
      out.add(String.join(",", Integer.toString(year), LEVELS[level], employment, (String) title[0],
          Long.toString(local), (String) country[2], Long.toString(usdRounded), (String) country[0],
          Integer.toString(remote), (String) country[0], size));
    }
    return out;
  }

  /** Writes the header and {@code rows} rows to {@code file}. */
  public static Path write(Path file, long seed, int rows) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(HEADER);
      out.write('\n');
      for (String row : rows(seed, rows)) {
        out.write(row);
        out.write('\n');
      }
    }
    return file;
  }

  /** Data rows of a survey-layout file (its lines but the header; the layout has no quoted fields). */
  public static List<String> dataRows(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    return lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).toList();
  }

  // more answers in later years, as in the real export
  private static int skewedYear(Random random) {
    return weighted(new int[] {2, 4, 10, 30, 54}, random);
  }

  private static Object[] pick(Object[][] table, Random random) {
    int[] weights = new int[table.length];
    for (int i = 0; i < table.length; i++) {
      weights[i] = (int) table[i][1];
    }
    return table[weighted(weights, random)];
  }

  private static int weighted(int[] weights, Random random) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int r = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return i;
      }
    }
    throw new AssertionError();
  }
}
