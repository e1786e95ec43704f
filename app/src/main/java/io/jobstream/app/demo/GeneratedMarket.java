package io.jobstream.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobstream.model.JsonSerde;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A job market this project makes up, so that the demo and the benchmark need no data published
 * by others: postings with realistic titles of every role family the classifier knows (and some
 * outside them), seniority, invented companies, cities in the US and five other countries, dates
 * over {@value #FIRST_YEAR}-{@value #LAST_YEAR}, pay in several currencies and periods, and
 * descriptions written from the project's own sentence templates ({@link PostingText}); and,
 * optionally, rows in the ai-jobs.net salary survey's layout, to stand in for the survey when it is
 * not in the data directory. The same seed gives the same market. None of it is real data.
 *
 * <p>Postings are rows of the demo job board ({@link DemoJobBoard}): {@code job_id},
 * {@code title}, {@code company_name}, {@code description}, {@code min_salary},
 * {@code med_salary}, {@code max_salary}, {@code pay_period} ({@code YEARLY}, {@code MONTHLY},
 * {@code HOURLY}), {@code currency}, {@code location}, {@code country}, {@code remote_allowed},
 * {@code listed_time} (epoch milliseconds) and {@code work_type}.
 */
public final class GeneratedMarket {

  /** The seed the demo uses. */
  public static final long DEFAULT_SEED = 20240401L;

  /** Postings the demo's job board serves (four listing pages). */
  public static final int DEFAULT_POSTINGS = 400;

  /** Survey rows the demo replays when the real survey is absent. */
  public static final int DEFAULT_SURVEY_ROWS = 15_000;

  /** The first and last year of the market, the years of the real survey. */
  public static final int FIRST_YEAR = 2020;
  public static final int LAST_YEAR = 2024;

  /** The board's postings are dated from this day to the end of {@link #LAST_YEAR}. */
  private static final LocalDate FIRST_POSTING_DAY = LocalDate.of(LAST_YEAR - 2, 1, 1);

  /** The survey layout's header, as ingest's {@code csv:} source recognizes it. */
  public static final String SURVEY_HEADER = "work_year,experience_level,employment_type,job_title,salary,"
      + "salary_currency,salary_in_usd,employee_residence,remote_ratio,company_location,company_size";

  private static final Map<MarketRole, Double> BOARD_SHARES = shares(0.17, 0.17, 0.04, 0.05, 0.13, 0.20, 0.10,
      0.02, 0.02, 0.10);
  // the survey asks people in data and AI work: no postings outside those families
  private static final Map<MarketRole, Double> SURVEY_SHARES = shares(0.16, 0.22, 0.04, 0.03, 0.20, 0.10, 0.20,
      0.02, 0.03, 0.0);
  private static final double[] SURVEY_YEAR_SHARES = {0.06, 0.10, 0.20, 0.30, 0.34};

  private static final String[] COMPANY_FIRST = {"Bluefin", "Copperleaf", "Halcyon", "Larkspur", "Quillmark",
      "Redwater", "Saltmarsh", "Tidewell", "Umberfield", "Vantor", "Wrenfold", "Yarrowby", "Ashgrove", "Brightkiln",
      "Cinderpath", "Driftmoor"};
  private static final String[] COMPANY_SECOND = {"Analytics", "Labs", "Health", "Logistics", "Financial",
      "Robotics", "Systems", "Retail", "Energy", "Learning"};

  private final long seed;

  public GeneratedMarket(long seed) {
    this.seed = seed;
  }

  /** The demo's market. */
  public static GeneratedMarket demo() {
    return new GeneratedMarket(DEFAULT_SEED);
  }

  /**
   * {@code count} postings, about 3% of them cross-posted copies of an earlier one (same company,
   * title, place and text under another id, a few days later), as boards that take postings from
   * agencies have.
   */
  public List<JsonNode> postings(int count) {
    Random random = new Random(seed);
    List<JsonNode> rows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String id = String.valueOf(7_000_000 + i);
      if (i > 20 && random.nextInt(100) < 3) {
        ObjectNode copy = ((ObjectNode) rows.get(random.nextInt(rows.size()))).deepCopy();
        copy.put("job_id", id);
        copy.put("listed_time", Math.min(endMillis(), copy.get("listed_time").asLong() + random.nextInt(5) * 86_400_000L));
        rows.add(copy);
      } else {
        rows.add(posting(id, random));
      }
    }
    return rows;
  }

  private ObjectNode posting(String id, Random random) {
    MarketRole role = pick(BOARD_SHARES, random);
    MarketSeniority seniority = role.isOther() ? MarketSeniority.MID : MarketSeniority.pick(random);
    String title = seniority.title(role.titles().get(random.nextInt(role.titles().size())), random);
    MarketPlace place = MarketPlace.pick(random);
    String city = place.city(random);
    boolean remote = !role.isOther() && random.nextInt(100) < 22;
    String company = company(random);
    LocalDate day = postingDay(random);
    double annual = annualPay(role, seniority, place, day.getYear(), random);

    ObjectNode row = JsonSerde.MAPPER.createObjectNode();
    row.put("job_id", id);
    row.put("title", title);
    row.put("company_name", company);
    String payText = null;
    int form = random.nextInt(100);
    MarketPlace.PayPeriod period = place.payPeriod(random);
    if (form < 12 && place == MarketPlace.US) {
      // pay only in the text, as many postings give it
      long low = Math.round(annual * 0.9 / 1000) * 1000;
      long high = Math.round(annual * 1.1 / 1000) * 1000;
      payText = String.format("The pay range for this role is $%,d - $%,d per year.", low, high);
    } else if (form < 85) {
      row.put("pay_period", period.name());
      row.put("currency", place.currency());
      if (form < 77) {
        row.put("min_salary", period.of(annual * 0.9));
        row.put("max_salary", period.of(annual * 1.1));
      } else {
        row.put("med_salary", period.of(annual));
      }
    }
    row.put("description", PostingText.describe(random, title, company, city, remote, PostingText.lean(role, random),
        PostingText.wording(random), payText, "REQ-" + id));
    row.put("location", city);
    row.put("country", place.country());
    row.put("remote_allowed", remote);
    row.put("listed_time", day.atTime(9, random.nextInt(60)).toInstant(ZoneOffset.UTC).toEpochMilli());
    row.put("work_type", random.nextInt(100) < 92 ? "FULL_TIME" : "CONTRACT");
    return row;
  }

  /** {@code count} survey rows in the ai-jobs.net layout (without the header). */
  public List<String> surveyRows(int count) {
    Random random = new Random(seed * 31 + 7);
    List<String> rows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      MarketRole role = pick(SURVEY_SHARES, random);
      MarketSeniority seniority = MarketSeniority.pick(random);
      String title = role.titles().get(random.nextInt(role.titles().size()));
      if (title.contains(",")) {
        title = title.substring(0, title.indexOf(',')); // the survey names roles, not teams
      }
      MarketPlace place = random.nextInt(100) < 80 ? MarketPlace.US : MarketPlace.pick(random);
      int year = FIRST_YEAR + index(SURVEY_YEAR_SHARES, random);
      long salary = Math.round(annualPay(role, seniority, place, year, random) / 100) * 100;
      long salaryUsd = Math.round(salary / place.perUsd());
      int remote = random.nextInt(100) < 60 ? 0 : random.nextInt(100) < 90 ? 100 : 50;
      String size = random.nextInt(100) < 85 ? "M" : random.nextBoolean() ? "L" : "S";
      String type = random.nextInt(100) < 97 ? "FT" : random.nextBoolean() ? "CT" : "PT";
      rows.add(String.join(",", String.valueOf(year), seniority.surveyCode(), type, title, String.valueOf(salary),
          place.currency(), String.valueOf(salaryUsd), place.country(), String.valueOf(remote), place.country(),
          size));
    }
    return rows;
  }

  /** Writes {@code count} survey rows with the header to {@code file}, a plain CSV ingest reads. */
  public Path writeSurvey(Path file, int count) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        out.write(SURVEY_HEADER);
        out.write('\n');
        for (String row : surveyRows(count)) {
          out.write(row);
          out.write('\n');
        }
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the generated survey to " + file, e);
    }
  }

  /** Annual pay in the place's currency: the role's median, moved by seniority and place, with spread. */
  private static double annualPay(MarketRole role, MarketSeniority seniority, MarketPlace place, int year,
      Random random) {
    double usd = role.medianUsd(year) * seniority.payFactor() * place.payFactor() * Math.exp(0.2 * random.nextGaussian());
    return usd * place.perUsd();
  }

  private static String company(Random random) {
    return COMPANY_FIRST[random.nextInt(COMPANY_FIRST.length)] + " " + COMPANY_SECOND[random.nextInt(COMPANY_SECOND.length)];
  }

  /** A day over the board's years, more of them recent, as a live board's history is. */
  private static LocalDate postingDay(Random random) {
    long days = LocalDate.of(LAST_YEAR, 12, 31).toEpochDay() - FIRST_POSTING_DAY.toEpochDay();
    double u = random.nextDouble();
    return FIRST_POSTING_DAY.plusDays(Math.round(days * (1 - (1 - u) * (1 - u))));
  }

  private static long endMillis() {
    return LocalDate.of(LAST_YEAR, 12, 31).atTime(18, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  private static Map<MarketRole, Double> shares(double... shares) {
    Map<MarketRole, Double> map = new EnumMap<>(MarketRole.class);
    MarketRole[] roles = {MarketRole.ML_ENGINEER, MarketRole.DATA_SCIENTIST, MarketRole.RESEARCH_SCIENTIST,
        MarketRole.AI_ENGINEER, MarketRole.DATA_ENGINEER, MarketRole.SOFTWARE_ENGINEER, MarketRole.DATA_ANALYST,
        MarketRole.QUANT, MarketRole.STATISTICIAN, MarketRole.OTHER};
    for (int i = 0; i < roles.length; i++) {
      map.put(roles[i], shares[i]);
    }
    return map;
  }

  private static MarketRole pick(Map<MarketRole, Double> shares, Random random) {
    double roll = random.nextDouble();
    for (Map.Entry<MarketRole, Double> e : shares.entrySet()) {
      roll -= e.getValue();
      if (roll < 0) {
        return e.getKey();
      }
    }
    return MarketRole.SOFTWARE_ENGINEER;
  }

  private static int index(double[] weights, Random random) {
    double roll = random.nextDouble();
    for (int i = 0; i < weights.length; i++) {
      roll -= weights[i];
      if (roll < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }
}
