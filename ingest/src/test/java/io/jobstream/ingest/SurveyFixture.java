package io.jobstream.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A salary-survey export made up by the project, in the layout of the ai-jobs.net survey
 * ({@link #HEADER}): rows drawn in turn from a few titles, levels, countries and pay bands, with
 * every tenth row a repeat of the row before it, since the real survey repeats identical answers
 * and each is a posting of its own.
 */
final class SurveyFixture {

  static final String HEADER = "work_year,experience_level,employment_type,job_title,salary,salary_currency,"
      + "salary_in_usd,employee_residence,remote_ratio,company_location,company_size";

  private static final String[] TITLES = {"Data Scientist", "Data Engineer", "Machine Learning Engineer",
      "Analytics Engineer", "Research Scientist", "Data Analyst", "MLOps Engineer"};
  private static final String[] LEVELS = {"EN", "MI", "SE", "EX"};
  private static final String[] TYPES = {"FT", "FT", "PT", "CT", "FL"};
  private static final String[] COUNTRIES = {"US", "DE", "GB", "IN", "BR", "CA"};
  private static final String[] CURRENCIES = {"USD", "EUR", "GBP", "INR", "BRL", "CAD"};
  private static final String[] REMOTE = {"0", "50", "100"};
  private static final String[] SIZES = {"S", "M", "L"};

  private SurveyFixture() {}

  /** The CSV text of a survey with {@code rows} rows. */
  static String csv(int rows) {
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    String previous = null;
    for (int i = 0; i < rows; i++) {
      String row = i % 10 == 9 && previous != null ? previous : row(i);
      out.append(row).append('\n');
      previous = row;
    }
    return out.toString();
  }

  private static String row(int i) {
    int country = i % COUNTRIES.length;
    long usd = 40_000 + (i * 7_919L) % 160_000;
    return String.join(",", String.valueOf(2020 + i % 5), LEVELS[i % LEVELS.length], TYPES[i % TYPES.length],
        TITLES[i % TITLES.length], String.valueOf(usd * (country + 1)), CURRENCIES[country], String.valueOf(usd),
        COUNTRIES[(i / 3) % COUNTRIES.length], REMOTE[i % REMOTE.length], COUNTRIES[country], SIZES[i % SIZES.length]);
  }

  /** Writes a survey of {@code rows} rows to {@code file}; returns {@code file}. */
  static Path write(Path file, int rows) {
    try {
      return Files.writeString(file, csv(rows), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
