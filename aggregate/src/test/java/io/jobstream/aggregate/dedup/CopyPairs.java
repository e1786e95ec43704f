package io.jobstream.aggregate.dedup;

import io.jobstream.model.Location;
import io.jobstream.model.RawPosting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A labelled set of posting pairs the project writes itself, from invented companies, titles,
 * places and ads: copies that differ from their original the ways cross-posted copies do (the
 * region written out, a legal form after the company, an abbreviated title word, a board's
 * sentence after the description, and combinations of these, dated up to 30 days apart), and
 * distinct jobs that look alike (the same title at another company, the same company and title in
 * another city with the same ad, another opening of the same company and title in the same city,
 * and reposts after the first posting ended). The wordings of the variations and the seed come
 * from a file ({@code dedup/wordings.txt} for the committed set), so a held-out set is the same
 * generator over wordings and a seed kept elsewhere.
 */
final class CopyPairs {

  /** One labelled pair: {@code copy} is the truth; {@code kind} says how the pair was made. */
  record Pair(RawPosting a, RawPosting b, boolean copy, String kind) {}

  private static final String[] NAMES = {"Acme", "Brightwater", "Corvid", "Dunmore", "Eastlake", "Fernhill",
      "Glimmer", "Halcyon", "Ironbark", "Juniper", "Kestrel", "Lumen", "Marlow", "Northwind", "Orchard",
      "Pinecrest", "Quarry", "Redfern", "Saltmarsh", "Tidewell", "Umber", "Vantage", "Willowby", "Yarrow"};
  private static final String[] KINDS = {"Analytics", "Labs", "Systems", "Health", "Logistics", "Robotics",
      "Software", "Foods", "Energy", "Insurance"};
  private static final String[] TITLES = {"Senior Data Engineer", "Senior Machine Learning Engineer",
      "Data Scientist", "Senior Software Engineer", "Backend Engineer", "Machine Learning Engineer",
      "Platform Engineer", "Senior Product Manager", "Analytics Engineer", "Engineering Manager",
      "Senior Data Analyst", "Machine Learning Scientist"};
  private static final String[][] PLACES = {{"Austin", "TX", "Texas"}, {"Denver", "CO", "Colorado"},
      {"Seattle", "WA", "Washington"}, {"Boston", "MA", "Massachusetts"}, {"Chicago", "IL", "Illinois"},
      {"Atlanta", "GA", "Georgia"}, {"Portland", "OR", "Oregon"}, {"Raleigh", "NC", "North Carolina"},
      {"Phoenix", "AZ", "Arizona"}, {"Columbus", "OH", "Ohio"}, {"Pittsburgh", "PA", "Pennsylvania"},
      {"Nashville", "TN", "Tennessee"}};
  private static final String[] TOOLS = {"Spark", "Airflow", "Kafka", "dbt", "PyTorch", "Kubernetes", "Postgres",
      "Snowflake", "Terraform", "Go", "Rust", "TypeScript", "Flink", "BigQuery", "scikit-learn", "Redis"};
  private static final String[] TEAMS = {"payments", "search", "fraud", "logistics", "growth", "pricing",
      "recommendations", "claims", "forecasting", "identity", "billing", "mapping"};
  private static final String[] SENTENCES = {
      "You will join the {team} team and own services built on {tool} and {tool2}.",
      "Our {team} group ships weekly and reviews every change in pairs.",
      "Day to day you design, build and operate pipelines that move {n} million events a day.",
      "You have shipped production systems with {tool} and are curious about {tool2}.",
      "The role reports to the head of {team} and works closely with product and design.",
      "We measure success by the reliability of the {team} platform and the speed of our releases.",
      "Expect to spend a third of your time on {tool} and the rest on {team} problems.",
      "You mentor two to {n} engineers and help shape the hiring of the {team} team.",
      "Experience with {tool}, {tool2} or similar tools at scale is a strong plus.",
      "In your first quarter you will rebuild the {team} reporting on {tool}.",
      "We run on {tool2} in three regions and keep our on-call light with good automation.",
      "You write clear design documents and explain trade-offs to people outside engineering.",
      "The {team} models you train are served to {n} million customers each week.",
      "You care about data quality, testing and observability in {tool} jobs.",
      "We are a team of {n} people spread across two time zones.",
      "You will migrate the {team} workloads from {tool} to {tool2} without downtime.",
      "Strong SQL and at least {n} years of experience with {tool} are expected.",
      "You will partner with analysts to define the metrics of the {team} business.",
      "Our stack includes {tool}, {tool2} and a lot of home-grown tooling.",
      "You turn ambiguous {team} questions into experiments and clear recommendations."};

  private final Random random;
  private final Map<String, List<String>> wordings;
  private final LocalDate firstDay = LocalDate.of(2025, 1, 1);
  private int ids;

  private CopyPairs(long seed, Map<String, List<String>> wordings) {
    this.random = new Random(seed);
    this.wordings = wordings;
  }

  /** The wordings file's values by key ({@code seed}, {@code country}, {@code company}, {@code title}, {@code boilerplate}). */
  static Map<String, List<String>> readWordings(Path file) throws IOException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException(file + ": a line without '=': " + line);
      }
      out.computeIfAbsent(line.substring(0, eq), k -> new ArrayList<>()).add(line.substring(eq + 1));
    }
    for (String key : List.of("seed", "country", "company", "title", "boilerplate")) {
      if (!out.containsKey(key)) {
        throw new IllegalArgumentException(file + " gives no '" + key + "'");
      }
    }
    return out;
  }

  /** {@code copies} copies of each variation, as many pairs of each kind of distinct jobs. */
  static List<Pair> generate(Map<String, List<String>> wordings, int perKind) {
    return new CopyPairs(Long.parseLong(wordings.get("seed").get(0)), wordings).pairs(perKind);
  }

  private List<Pair> pairs(int perKind) {
    List<Pair> out = new ArrayList<>();
    List<String> variations = List.of("region", "company", "title", "boilerplate");
    for (int i = 0; i < perKind; i++) {
      for (String v : variations) {
        RawPosting a = original(v.equals("title"));
        out.add(new Pair(a, vary(a, List.of(v)), true, "copy: " + v));
      }
      // combinations: two or three of the variations at once
      RawPosting a = original(true);
      List<String> shuffled = new ArrayList<>(variations);
      java.util.Collections.shuffle(shuffled, random);
      List<String> some = shuffled.subList(0, 2 + random.nextInt(2));
      out.add(new Pair(a, vary(a, some), true, "copy: " + String.join("+", some.stream().sorted().toList())));
      out.addAll(distinct());
    }
    return out;
  }

  private List<Pair> distinct() {
    List<Pair> out = new ArrayList<>();
    RawPosting a = original(false);
    // the same title at another company, its own ad
    String other = company();
    while (other.equals(a.company())) {
      other = company();
    }
    out.add(new Pair(a, posting(other, a.title(), a.location(), description(), a.datePosted().plusDays(random.nextInt(10)),
        null), false, "distinct: same title, other company"));
    // the same company and title in another city, with the same ad
    Location elsewhere = a.location();
    while (elsewhere.city().equals(a.location().city())) {
      elsewhere = place();
    }
    out.add(new Pair(a, posting(a.company(), a.title(), elsewhere, a.description(), a.datePosted().plusDays(random.nextInt(10)),
        null), false, "distinct: same company and title, other city"));
    // another opening of the same company and title in the same city, its own ad
    out.add(new Pair(a, posting(a.company(), a.title(), a.location(), description(), a.datePosted().plusDays(random.nextInt(10)),
        null), false, "distinct: same company, title and city, other ad"));
    // a repost after the first ended: by its validThrough, or by the span when it gives none
    LocalDate until = a.datePosted().plusDays(20 + random.nextInt(20));
    RawPosting ended = posting(a.company(), a.title(), a.location(), a.description(), a.datePosted(), until);
    out.add(new Pair(ended, posting(a.company(), a.title(), a.location(), a.description(),
        until.plusDays(1 + random.nextInt(30)), null), false, "distinct: repost after validThrough"));
    out.add(new Pair(a, posting(a.company(), a.title(), a.location(), a.description(),
        a.datePosted().plusDays(61 + random.nextInt(60)), null), false, "distinct: repost after the span"));
    return out;
  }

  private RawPosting vary(RawPosting a, List<String> how) {
    String company = a.company();
    String title = a.title();
    Location location = a.location();
    String description = a.description();
    for (String v : how) {
      switch (v) {
        case "region" -> {
          String[] p = placeOf(location.city());
          String text = p[0] + ", " + p[2] + pick("country");
          location = new Location(null, null, null, text);
        }
        case "company" -> company = company + pick("company");
        case "title" -> {
          List<String> swaps = new ArrayList<>();
          for (String swap : wordings.get("title")) {
            if (hasWords(title, swap.split(" => ")[0])) {
              swaps.add(swap);
            }
          }
          String[] swap = swaps.get(random.nextInt(swaps.size())).split(" => ");
          // whole words only: "Engineer => Eng." leaves "Engineering" alone
          title = title.replaceAll("\\b" + java.util.regex.Pattern.quote(swap[0]) + "\\b",
              java.util.regex.Matcher.quoteReplacement(swap[1]));
        }
        case "boilerplate" -> description = description + " " + pick("boilerplate").replace("{company}", company);
        default -> throw new IllegalArgumentException(v);
      }
    }
    return posting(company, title, location, description, a.datePosted().plusDays(random.nextInt(31)), null);
  }

  /** A new job; {@code abbreviable}: with a title some title wording applies to. */
  private RawPosting original(boolean abbreviable) {
    String title;
    do {
      title = TITLES[random.nextInt(TITLES.length)];
    } while (abbreviable && !abbreviable(title));
    return posting(company(), title, place(), description(), firstDay.plusDays(random.nextInt(300)), null);
  }

  private boolean abbreviable(String title) {
    return wordings.get("title").stream().anyMatch(s -> hasWords(title, s.split(" => ")[0]));
  }

  private static boolean hasWords(String title, String words) {
    return java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(words) + "\\b").matcher(title).find();
  }

  private RawPosting posting(String company, String title, Location location, String description, LocalDate date,
      LocalDate validThrough) {
    String id = "pair-" + (++ids);
    return new RawPosting(RawPosting.SCHEMA_VERSION, "jsonld", id, id, "http://board.test/" + id, title, company,
        location, false, "FULL_TIME", date, validThrough, description, null, null,
        Instant.parse("2025-12-01T00:00:00Z"), "fp-" + id);
  }

  private String company() {
    return NAMES[random.nextInt(NAMES.length)] + " " + KINDS[random.nextInt(KINDS.length)];
  }

  private Location place() {
    String[] p = PLACES[random.nextInt(PLACES.length)];
    return new Location(p[0], p[1], "US", p[0] + ", " + p[1]);
  }

  private static String[] placeOf(String city) {
    for (String[] p : PLACES) {
      if (p[0].equals(city)) {
        return p;
      }
    }
    throw new IllegalArgumentException(city);
  }

  private String description() {
    List<String> sentences = new ArrayList<>(List.of(SENTENCES));
    java.util.Collections.shuffle(sentences, random);
    StringBuilder out = new StringBuilder();
    for (String s : sentences.subList(0, 5 + random.nextInt(4))) {
      String tool = TOOLS[random.nextInt(TOOLS.length)];
      String tool2 = TOOLS[random.nextInt(TOOLS.length)];
      out.append(out.length() == 0 ? "" : " ").append(s.replace("{team}", TEAMS[random.nextInt(TEAMS.length)])
          .replace("{tool2}", tool2).replace("{tool}", tool).replace("{n}", String.valueOf(2 + random.nextInt(40))));
    }
    return out.toString();
  }

  private String pick(String key) {
    List<String> values = wordings.get(key);
    return values.get(random.nextInt(values.size()));
  }
}
