package io.jobstream.aggregate;

import io.jobstream.aggregate.dedup.CopyFeatures;
import io.jobstream.classify.Enrichment;
import io.jobstream.classify.PostingEnricher;
import io.jobstream.classify.Salary;
import io.jobstream.classify.emphasis.Emphasis;
import io.jobstream.model.ClassifiedPosting;
import io.jobstream.model.DeadLetter;
import io.jobstream.model.EmphasisEvidence;
import io.jobstream.model.JsonSerde;
import io.jobstream.model.Pay;
import io.jobstream.model.RawPosting;
import io.jobstream.model.RecordSizes;
import io.jobstream.model.SalaryGiven;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Validates one raw record and enriches it with the classify library (title, pay, skills,
 * emphasis, wording). Pure: no Kafka state, so the topology and tests call it the same way.
 *
 * <p>Rejection reasons (the DLQ's {@code reason}): {@code no_key}, {@code no_value},
 * {@code not_json} (also wrong types), {@code unsupported_schema}, {@code no_title},
 * {@code no_date}, {@code too_large} (an id, title or company longer than a classified posting
 * carries, see {@link RecordSizes}, so nothing downstream goes over its size budget).
 */
public final class PostingClassifier {

  private static final JsonSerde<RawPosting> RAW = JsonSerde.of(RawPosting.class);

  private static final JsonSerde<ClassifiedPosting> CLASSIFIED = JsonSerde.of(ClassifiedPosting.class);

  /** Every reason a dead letter of {@link #classify} can carry (the meters' {@code reason} tags). */
  static final java.util.List<String> REASONS =
      java.util.List.of("no_key", "no_value", "not_json", "unsupported_schema", "no_title", "no_date", "too_large");

  /** Bytes of a record besides its key and value (batch and record framing), with room to spare. */
  static final int RECORD_FRAMING_BYTES = 512;

  private final PostingEnricher enricher;
  private final int maxRecordBytes;

  public PostingClassifier() {
    this(new PostingEnricher());
  }

  public PostingClassifier(PostingEnricher enricher) {
    this(enricher, RecordSizes.KAFKA_DEFAULT_LIMIT_BYTES);
  }

  /**
   * @param maxRecordBytes the most bytes a classified posting's record may take (key, value and
   *     framing); a posting that would take more is a dead letter {@code too_large}
   */
  public PostingClassifier(PostingEnricher enricher, int maxRecordBytes) {
    this.enricher = enricher;
    this.maxRecordBytes = Math.min(maxRecordBytes, RecordSizes.CLASSIFIED_POSTING_BYTES + RECORD_FRAMING_BYTES);
  }

  /**
   * @param key the record key: the stable posting id
   * @param value the raw JSON bytes
   * @param origin where the record came from (topic/partition@offset), for the dead letter
   */
  public ClassifyOutcome classify(String key, byte[] value, String origin) {
    return classify(key, value, origin, null);
  }

  /**
   * As {@link #classify(String, byte[], String)}, for a posting already seen dated
   * {@code knownDate}: without a {@code datePosted} of its own it keeps that date, rather than
   * moving to the day of each re-fetch.
   */
  public ClassifyOutcome classify(String key, byte[] value, String origin, LocalDate knownDate) {
    if (key == null || key.isBlank()) {
      return reject(value == null ? "no_value" : "no_key",
          "raw record has no key (the stable posting id)", origin, key, value);
    }
    if (value == null) {
      // Kafka's convention: a tombstone deletes the posting with this id
      return ClassifyOutcome.DELETION;
    }
    RawPosting raw;
    try {
      raw = RAW.read(value);
    } catch (SerializationException e) {
      return reject("not_json", e.getMessage(), origin, key, value);
    }
    if (raw == null) {
      return reject("not_json", "value is JSON null", origin, key, value);
    }
    if (raw.schemaVersion() > RawPosting.SCHEMA_VERSION) {
      return reject("unsupported_schema", "schemaVersion " + raw.schemaVersion()
          + " is newer than " + RawPosting.SCHEMA_VERSION, origin, key, value);
    }
    if (raw.title() == null || raw.title().isBlank()) {
      return reject("no_title", "posting has no title", origin, key, value);
    }
    String oversize = oversize(key, raw);
    if (oversize != null) {
      return reject("too_large", oversize, origin, key, value);
    }
    LocalDate eventDate = raw.datePosted();
    String eventDateSource = "datePosted";
    if (eventDate == null && (knownDate != null || raw.fetchedAt() != null)) {
      eventDate = knownDate != null ? knownDate : raw.fetchedAt().atZone(ZoneOffset.UTC).toLocalDate();
      eventDateSource = "fetchedAt";
    }
    if (eventDate == null) {
      return reject("no_date", "posting has neither datePosted nor fetchedAt", origin, key, value);
    }
    SalaryGiven given = raw.salary();
    PostingEnricher.StructuredPay structured = given == null ? null
        : new PostingEnricher.StructuredPay(given.currency(), given.value(), given.min(), given.max(), given.unit());
    Enrichment e = enricher.enrich(raw.title(), raw.description(), structured,
        given == null ? null : given.text(), given == null ? null : given.currency(), eventDate);
    ClassifiedPosting classified = new ClassifiedPosting(
        ClassifiedPosting.SCHEMA_VERSION,
        key,
        raw.source(),
        raw.url(),
        raw.title(),
        raw.company(),
        raw.location() == null ? null : raw.location().country(),
        raw.remote(),
        e.classification().family(),
        e.classification().seniority(),
        e.classification().rule(),
        e.classification().soc(),
        e.classification().confidence(),
        e.classification().explanation(),
        pay(e.salary()),
        e.salaryRejected(),
        e.skills(),
        e.emphasis() == null ? null : e.emphasis().label(),
        e.emphasis() == null ? null : e.emphasis().score(),
        raw.description() == null || raw.description().isBlank() ? null : e.genderCoding().score(),
        CopyFeatures.duplicateKey(raw),
        eventDate,
        eventDateSource,
        raw.fetchedAt(),
        evidence(e.emphasis()),
        CopyFeatures.traits(raw));
    String over = overBudget(key, classified);
    if (over != null) {
      return reject("too_large", over, origin, key, value);
    }
    return ClassifyOutcome.of(classified);
  }

  /**
   * Why the classified posting's record would not fit {@link #maxRecordBytes}, or null. Most
   * postings are far below it by a bound on their text (a character is at most six bytes of JSON),
   * so only the rare large one is serialized to be measured.
   */
  private String overBudget(String key, ClassifiedPosting p) {
    long chars = key.length() + length(p.title()) + length(p.company()) + length(p.url())
        + length(p.explanation()) + length(p.payRejected()) + length(p.source()) + length(p.duplicateKey())
        + (p.copyTraits() == null ? 0 : length(p.copyTraits().place()) + length(p.copyTraits().signature()) + 80);
    if (p.skills() != null) {
      for (String skill : p.skills()) {
        chars += length(skill) + 3;
      }
    }
    if (p.emphasisEvidence() != null) {
      for (EmphasisEvidence e : p.emphasisEvidence()) {
        chars += length(e.phrase()) + length(e.side()) + length(e.section()) + 64;
      }
    }
    if (chars * 6 + 4096 + RECORD_FRAMING_BYTES <= maxRecordBytes) {
      return null;
    }
    int bytes = CLASSIFIED.write(p).length + key.getBytes(StandardCharsets.UTF_8).length + RECORD_FRAMING_BYTES;
    return bytes <= maxRecordBytes ? null
        : String.format("the classified posting would take %,d bytes, more than the %,d its topic takes", bytes,
            maxRecordBytes);
  }

  private static int length(String s) {
    return s == null ? 0 : s.length();
  }

  /** What of the posting is longer than a classified posting carries, or null. */
  private static String oversize(String key, RawPosting raw) {
    if (key.length() > RecordSizes.URL_CHARS) {
      return "a posting id of " + key.length() + " characters (at most " + RecordSizes.URL_CHARS + ")";
    }
    if (raw.title().length() > RecordSizes.NAME_CHARS) {
      return "a title of " + raw.title().length() + " characters (at most " + RecordSizes.NAME_CHARS + ")";
    }
    if (raw.company() != null && raw.company().length() > RecordSizes.NAME_CHARS) {
      return "a company of " + raw.company().length() + " characters (at most " + RecordSizes.NAME_CHARS + ")";
    }
    if (raw.url() != null && raw.url().length() > RecordSizes.URL_CHARS) {
      return "a URL of " + raw.url().length() + " characters (at most " + RecordSizes.URL_CHARS + ")";
    }
    return null;
  }

  /** The phrases that decided the emphasis, as the topic carries them; null without an emphasis. */
  static List<EmphasisEvidence> evidence(Emphasis emphasis) {
    if (emphasis == null) {
      return null;
    }
    List<EmphasisEvidence> out = new ArrayList<>(emphasis.evidence().size());
    for (Emphasis.Evidence e : emphasis.evidence()) {
      out.add(new EmphasisEvidence(e.side(), e.phrase(), e.weight(), e.section()));
    }
    return out;
  }

  private static Pay pay(Salary s) {
    if (s == null) {
      return null;
    }
    return new Pay(s.currency(), s.period(), s.min(), s.max(), s.annualMin(), s.annualMax(),
        s.reportingCurrency(), s.annualMinReporting(), s.annualMaxReporting(), s.periodGiven());
  }

  private static ClassifyOutcome reject(
      String reason, String detail, String origin, String key, byte[] value) {
    String input = value == null ? null : new String(value, StandardCharsets.UTF_8);
    return ClassifyOutcome.rejected(DeadLetter.of("stream", reason, detail, origin, key, input));
  }
}
