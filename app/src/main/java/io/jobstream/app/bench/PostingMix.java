package io.jobstream.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobstream.app.demo.GeneratedMarket;
import io.jobstream.model.JsonSerde;
import io.jobstream.model.Location;
import io.jobstream.model.RawPosting;
import io.jobstream.model.SalaryGiven;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A deterministic stream of raw postings shaped like a crawl of job boards, for the end-to-end
 * benchmark. Titles, companies, locations, the start of each description (its first
 * {@value #DESCRIPTION_CHARS} characters) and pay come from the demo's generated market
 * ({@link GeneratedMarket}), whose roles cover every divergence pair. Each new posting is an ad of
 * its own: after that start come {@value #INVENTED_SENTENCES} sentences the mix makes up from word
 * lists ({@link #inventedSentences}), so two new postings of one company and title share well under
 * half of their 3-word shingles, below the copy rule's 80% (records stay about 1 KB). Of every 100
 * records: 88 new postings, 8 edits of an earlier posting (pay changed), 3 cross-posted copies of
 * an earlier posting under a new id (the same ad, dated up to 4 days later), 1 record that is not
 * JSON (a dead letter). Pay: about 60% structured (as the source gave it), 20% as text in the
 * description, 20% none. Posting dates advance from {@code firstDay} over {@code days} days as
 * records go by, as in a live crawl.
 */
public final class PostingMix {

  /** Characters of the demo ad's description a new posting starts with. */
  public static final int DESCRIPTION_CHARS = 300;

  /** Sentences made up for each new posting, after the start of the demo ad. */
  public static final int INVENTED_SENTENCES = 6;

  private static final String[] ADJECTIVES = {"Reliable", "Curious", "Small", "Fast", "Careful", "Growing",
    "Distributed", "Friendly", "Seasoned", "Quiet", "Busy", "Regional", "Modern", "Shared", "Weekly", "Honest",
    "Steady", "Bold", "Patient", "Practical"};
  private static final String[] NOUNS = {"dashboards", "analysts", "pipelines", "customers", "models", "clinics",
    "warehouses", "schedules", "forecasts", "vendors", "partners", "reviews", "experiments", "routes", "invoices",
    "sensors", "farmers", "orders", "tickets", "libraries", "stores", "drivers", "surveys", "budgets", "archives"};
  private static final String[] VERBS = {"support", "measure", "connect", "improve", "shape", "audit", "track",
    "explain", "serve", "balance", "simplify", "protect", "rank", "clean", "plan", "test", "review", "guide"};
  private static final String[] PREPOSITIONS = {"across", "for", "with", "beside", "around", "behind", "among",
    "through", "near", "under"};

  private final List<JsonNode> rows;
  private final Random random;
  private final LocalDate firstDay;
  private final int days;
  private final long total;
  private final List<RawPosting> published = new ArrayList<>();
  private final Serializer<RawPosting> serializer = JsonSerde.of(RawPosting.class).serializer();
  private long next;

  /**
   * @param seed the same seed gives the same records
   * @param total how many records the run will take (spreads the dates over {@code days})
   */
  public PostingMix(long seed, long total, LocalDate firstDay, int days) {
    this.rows = GeneratedMarket.demo().postings(GeneratedMarket.DEFAULT_POSTINGS);
    this.random = new Random(seed);
    this.firstDay = firstDay;
    this.days = days;
    this.total = total;
  }

  /** A record: key (posting id, or a poison key) and value bytes. */
  public record Entry(String key, byte[] value) {}

  /** The next record. */
  public Entry next() {
    long i = next++;
    int roll = random.nextInt(100);
    if (roll == 0) {
      return new Entry("bench:poison:" + i, ("{not json " + i).getBytes(StandardCharsets.UTF_8));
    }
    if (roll <= 8 && !published.isEmpty()) {
      RawPosting old = published.get(random.nextInt(published.size()));
      RawPosting edited = withSalary(old, raise(old.salary()), i);
      return entry(edited);
    }
    if (roll <= 11 && !published.isEmpty()) {
      RawPosting original = published.get(random.nextInt(published.size()));
      String id = "bench:" + i;
      RawPosting copy = new RawPosting(RawPosting.SCHEMA_VERSION, "bench", id, id, "https://jobs.example.org/" + i,
          original.title(), original.company(), original.location(), original.remote(), original.employmentType(),
          original.datePosted().plusDays(random.nextInt(5)), null, original.description(), null,
          original.salary(), Instant.now(), "f" + i);
      return entry(copy);
    }
    RawPosting fresh = fresh(i);
    if (published.size() < 100_000) {
      published.add(fresh);
    } else {
      published.set(random.nextInt(published.size()), fresh);
    }
    return entry(fresh);
  }

  private RawPosting fresh(long i) {
    JsonNode row = rows.get(random.nextInt(rows.size()));
    String title = row.path("title").asText();
    String description = row.path("description").asText();
    description = description.substring(0, Math.min(DESCRIPTION_CHARS, description.length()));
    // an ad of its own, not a cross-posted copy of the demo row it was made from: real ads of one
    // company and title differ in their text, and the copies below are the only ones meant to cluster
    description = description + inventedSentences(random, INVENTED_SENTENCES);
    SalaryGiven salary = null;
    int pay = random.nextInt(10);
    if (pay < 6 && row.hasNonNull("max_salary")) {
      salary = new SalaryGiven(row.path("currency").asText("USD"), null,
          decimal(row.path("min_salary")), decimal(row.path("max_salary")), unit(row.path("pay_period").asText()), null);
    } else if (pay < 8) {
      int low = 60 + random.nextInt(140);
      description = description + " The pay range for this role is $" + low + ",000 - $" + (low + 30) + ",000 per year.";
    }
    LocalDate date = firstDay.plusDays(Math.min(days - 1, i * days / Math.max(1, total)));
    String id = "bench:" + i;
    return new RawPosting(RawPosting.SCHEMA_VERSION, "bench", id, id, "https://jobs.example.org/" + i, title,
        row.path("company_name").asText(null), new Location(null, null, row.path("country").asText("US"), row.path("location").asText(null)),
        row.path("remote_allowed").asDouble(0) == 1.0, row.path("work_type").asText(null), date, null,
        description, null, salary, Instant.now(), "f" + i);
  }

  /**
   * {@code count} made-up sentences of six words drawn from word lists ({@code " Reliable
   * dashboards support analysts across regions."}): with 20-25 words per slot, two of them share
   * a 3-word shingle about once in several thousand.
   */
  static String inventedSentences(Random random, int count) {
    StringBuilder out = new StringBuilder();
    for (int s = 0; s < count; s++) {
      out.append(' ').append(pick(random, ADJECTIVES)).append(' ').append(pick(random, NOUNS))
          .append(' ').append(pick(random, VERBS)).append(' ').append(pick(random, NOUNS))
          .append(' ').append(pick(random, PREPOSITIONS)).append(' ').append(pick(random, NOUNS)).append('.');
    }
    return out.toString();
  }

  private static String pick(Random random, String[] words) {
    return words[random.nextInt(words.length)];
  }

  private Entry entry(RawPosting posting) {
    return new Entry(posting.postingId(), serializer.serialize("jobs.postings.raw", posting));
  }

  private RawPosting withSalary(RawPosting p, SalaryGiven salary, long i) {
    return new RawPosting(p.schemaVersion(), p.source(), p.sourceId(), p.postingId(), p.url(), p.title(), p.company(),
        p.location(), p.remote(), p.employmentType(), p.datePosted(), p.validThrough(),
        salary == null ? p.description() + " Edited " + i + "." : p.description(), p.descriptionHtml(),
        salary, Instant.now(), "f" + i);
  }

  private static SalaryGiven raise(SalaryGiven s) {
    if (s == null || s.max() == null) {
      return s;
    }
    BigDecimal factor = new BigDecimal("1.05");
    return new SalaryGiven(s.currency(), s.value(), s.min() == null ? null : s.min().multiply(factor),
        s.max().multiply(factor), s.unit(), s.text());
  }

  private static BigDecimal decimal(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? null : new BigDecimal(node.asText());
  }

  private static String unit(String payPeriod) {
    return switch (payPeriod) {
      case "HOURLY" -> "HOUR";
      case "WEEKLY" -> "WEEK";
      case "MONTHLY" -> "MONTH";
      case "BIWEEKLY" -> "BIWEEKLY";
      default -> "YEAR";
    };
  }
}
