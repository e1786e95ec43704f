package io.jobstream.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A LinkedIn postings export made up by the project: the export's columns ({@link #COLUMNS}, as in
 * the "LinkedIn Job Postings 2023-2024" layout) and four invented postings, written with CSV
 * quoting:
 *
 * <ol>
 *   <li>3900000101, yearly pay, "Austin, TX", listed 2024-04-05, a description over several lines
 *       with commas, double quotes, a CRLF and non-ASCII letters;
 *   <li>3900000102.0 (the export's float-formatted id), hourly pay, "United States", no
 *       remote_allowed;
 *   <li>3900000103, no pay, "Toronto, Ontario, Canada", not remote, no listed_time;
 *   <li>3900000104, a min_salary that is not a number.
 * </ol>
 */
final class LinkedInFixture {

  static final List<String> COLUMNS = List.of("job_id", "company_name", "title", "description",
      "min_salary", "max_salary", "pay_period", "location", "company_id", "views", "formatted_work_type",
      "applies", "original_listed_time", "remote_allowed", "job_posting_url", "application_url",
      "application_type", "expiry", "formatted_experience_level", "listed_time", "posting_domain",
      "work_type", "currency", "compensation_type", "normalized_salary", "zip_code", "fips");

  /** The description of the first posting, as it should come out of the file. */
  static final String FIRST_DESCRIPTION = """
      About Larkspur Freight
      
      Larkspur moves "small" parcels between forty depots, overnight, and prices every route by hand.
      You will model demand, price routes, and ship the models (Python, SQL); the Zürich and Málaga \
      depots are yours first.\r
      Pay: $160,000 - $210,000 a year, plus a 5% bonus.""";

  private static final List<Map<String, String>> ROWS = List.of(
      Map.ofEntries(Map.entry("job_id", "3900000101"), Map.entry("company_name", "Larkspur Freight"),
          Map.entry("title", "Senior Staff Data Scientist (Remote) "), Map.entry("description", FIRST_DESCRIPTION),
          Map.entry("min_salary", "160000.0"), Map.entry("max_salary", "210000.0"), Map.entry("pay_period", "YEARLY"),
          Map.entry("location", "Austin, TX"), Map.entry("formatted_work_type", "Full-time"),
          Map.entry("remote_allowed", "1"), Map.entry("job_posting_url", "https://postings.example/view/3900000101"),
          Map.entry("listed_time", "1712345678000.0"), Map.entry("work_type", "FULL_TIME"),
          Map.entry("currency", "USD"), Map.entry("compensation_type", "BASE_SALARY")),
      Map.of("job_id", "3900000102.0", "company_name", "Pebblecourt Clinics", "title", "Clinical Data Analyst",
          "description", "Twenty hours a week, reporting on waiting times across our three clinics.",
          "min_salary", "45.0", "max_salary", "60.0", "pay_period", "HOURLY", "location", "United States",
          "listed_time", "1712000000000.0", "work_type", "PART_TIME"),
      Map.of("job_id", "3900000103", "company_name", "Maplestone Games", "title", "Gameplay Data Engineer",
          "description", "Telemetry, matchmaking, and the odd leaderboard, in Toronto.",
          "location", "Toronto, Ontario, Canada", "remote_allowed", "0", "work_type", "FULL_TIME"),
      Map.of("job_id", "3900000104", "company_name", "Larkspur Freight", "title", "Data Engineer",
          "min_salary", "negotiable", "pay_period", "YEARLY", "location", "Denver, CO"));

  private LinkedInFixture() {}

  /** The CSV text of the export. */
  static String csv() {
    StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append('\n');
    for (Map<String, String> row : ROWS) {
      out.append(String.join(",", COLUMNS.stream().map(c -> quoted(row.getOrDefault(c, ""))).toList())).append('\n');
    }
    return out.toString();
  }

  /** Writes the export to {@code file}; returns {@code file}. */
  static Path write(Path file) {
    try {
      return Files.writeString(file, csv(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String quoted(String field) {
    boolean plain = field.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
    return plain ? field : '"' + field.replace("\"", "\"\"") + '"';
  }
}
