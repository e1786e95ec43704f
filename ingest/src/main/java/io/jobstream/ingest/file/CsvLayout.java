package io.jobstream.ingest.file;

import io.jobstream.ingest.jsonld.JsonLdExtractor;
import io.jobstream.model.Location;
import io.jobstream.model.RawPosting;
import io.jobstream.model.SalaryGiven;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The CSV layouts {@code csv:PATH} understands, recognized from the header: the ai-jobs.net
 * salary survey and the LinkedIn postings export. Each maps a row to a raw posting, keeping what
 * the row said.
 */
abstract class CsvLayout {

  final Map<String, Integer> columns = new HashMap<>();

  CsvLayout(List<String> header) {
    for (int i = 0; i < header.size(); i++) {
      columns.put(header.get(i).trim().toLowerCase(Locale.ROOT).replace("\ufeff", ""), i);
    }
  }

  abstract String name();

  /** Maps one data row (1-based {@code row} number) to a posting. */
  abstract RawPosting posting(List<String> fields, long row, String fileName, Instant fetchedAt)
      throws RowException;

  /** The layout of a header, or null when it is none of the known ones. */
  static CsvLayout detect(List<String> header, MonthDay surveyDay) {
    Set<String> names = new java.util.HashSet<>();
    header.forEach(h -> names.add(h.trim().toLowerCase(Locale.ROOT).replace("\ufeff", "")));
    if (names.containsAll(Set.of("work_year", "job_title", "salary_in_usd"))) {
      return new SalarySurvey(header, surveyDay);
    }
    if (names.containsAll(Set.of("job_id", "title", "pay_period"))) {
      return new LinkedIn(header);
    }
    return null;
  }

  String get(List<String> fields, String column) {
    Integer i = columns.get(column);
    if (i == null || i >= fields.size()) {
      return null;
    }
    String v = fields.get(i).trim();
    return v.isEmpty() || v.equalsIgnoreCase("NA") || v.equalsIgnoreCase("nan") ? null : v;
  }

  static BigDecimal number(String value, String column) throws RowException {
    if (value == null) {
      return null;
    }
    try {
      return new BigDecimal(value);
    } catch (NumberFormatException e) {
      throw new RowException(column + " is not a number: '" + value + "'");
    }
  }

  /** The ai-jobs.net survey: no ids (each row is its own answer), annual pay in US dollars. */
  static final class SalarySurvey extends CsvLayout {
    private final MonthDay surveyDay;

    SalarySurvey(List<String> header, MonthDay surveyDay) {
      super(header);
      this.surveyDay = surveyDay;
    }

    @Override
    String name() {
      return "ai-jobs.net salary survey";
    }

    @Override
    RawPosting posting(List<String> f, long row, String fileName, Instant fetchedAt) throws RowException {
      String title = get(f, "job_title");
      if (title == null) {
        throw new RowException("job_title is empty");
      }
      String year = get(f, "work_year");
      int workYear;
      try {
        workYear = Integer.parseInt(year);
      } catch (NumberFormatException | NullPointerException e) {
        throw new RowException("work_year is not a year: '" + year + "'");
      }
      if (workYear < 1990 || workYear > 2100) {
        throw new RowException("work_year out of range: " + workYear);
      }
      BigDecimal usd = number(get(f, "salary_in_usd"), "salary_in_usd");
      String country = get(f, "company_location");
      String remoteRatio = get(f, "remote_ratio");
      String id = fileName + ":" + row;
      return JsonLdExtractor.withFingerprint(new RawPosting(RawPosting.SCHEMA_VERSION, "csv", id,
          "csv:" + id, null, title, null,
          country == null ? null : new Location(null, null, country.toUpperCase(Locale.ROOT), country),
          remoteRatio == null ? null : remoteRatio.equals("100"),
          employmentType(get(f, "employment_type")),
          surveyDay.atYear(workYear), null, null, null,
          usd == null ? null : new SalaryGiven("USD", usd, null, null, "YEAR", null),
          fetchedAt, null));
    }

    private static String employmentType(String code) {
      if (code == null) {
        return null;
      }
      return switch (code) {
        case "FT" -> "FULL_TIME";
        case "PT" -> "PART_TIME";
        case "CT" -> "CONTRACTOR";
        case "FL" -> "FREELANCE";
        default -> code;
      };
    }
  }

  /** The LinkedIn postings export: ids, descriptions, min/med/max pay per period. */
  static final class LinkedIn extends CsvLayout {
    private static final Set<String> US_STATES = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT",
        "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI",
        "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR",
        "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC");

    LinkedIn(List<String> header) {
      super(header);
    }

    @Override
    String name() {
      return "LinkedIn postings";
    }

    @Override
    RawPosting posting(List<String> f, long row, String fileName, Instant fetchedAt) throws RowException {
      String jobId = get(f, "job_id");
      String title = get(f, "title");
      if (jobId == null) {
        throw new RowException("job_id is empty");
      }
      if (jobId.endsWith(".0")) {
        jobId = jobId.substring(0, jobId.length() - 2);
      }
      if (title == null) {
        throw new RowException("title is empty");
      }
      BigDecimal min = number(get(f, "min_salary"), "min_salary");
      BigDecimal max = number(get(f, "max_salary"), "max_salary");
      BigDecimal med = number(get(f, "med_salary"), "med_salary");
      String currency = get(f, "currency");
      String period = get(f, "pay_period");
      SalaryGiven salary = min == null && max == null && med == null ? null
          : new SalaryGiven(currency, med, min, max, period, null);
      BigDecimal listed = number(get(f, "listed_time"), "listed_time");
      LocalDate posted = listed == null ? null
          : Instant.ofEpochMilli(listed.longValue()).atZone(ZoneOffset.UTC).toLocalDate();
      String remote = get(f, "remote_allowed");
      return JsonLdExtractor.withFingerprint(new RawPosting(RawPosting.SCHEMA_VERSION, "csv", jobId,
          "linkedin:" + jobId, get(f, "job_posting_url"), title.strip(), get(f, "company_name"),
          location(get(f, "location")),
          remote == null ? null : (remote.equals("1") || remote.equals("1.0")),
          get(f, "work_type"), posted, null, get(f, "description"), null, salary, fetchedAt, null));
    }

    static Location location(String text) {
      if (text == null) {
        return null;
      }
      String[] parts = text.split(",\\s*");
      String city = parts[0];
      String region = parts.length > 1 ? parts[1] : null;
      boolean us = text.contains("United States") || (region != null && US_STATES.contains(region));
      return new Location(us && city.equals("United States") ? null : city,
          region != null && US_STATES.contains(region) ? region : null, us ? "US" : null, text);
    }
  }
}
