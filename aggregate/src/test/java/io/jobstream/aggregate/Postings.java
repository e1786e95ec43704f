package io.jobstream.aggregate;

import io.jobstream.model.Location;
import io.jobstream.model.RawPosting;
import io.jobstream.model.SalaryGiven;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Raw postings for tests, shaped like what the JSON-LD connector publishes. */
final class Postings {

  private Postings() {}

  static RawPosting raw(String id, String title, LocalDate posted, Integer min, Integer max) {
    return raw(id, title, posted, min, max, "A job (" + id + ").");
  }

  /** A posting in {@code country} (ISO code). */
  static RawPosting in(String country, String id, String title, LocalDate posted, int pay) {
    RawPosting p = raw(id, title, posted, pay, pay);
    return new RawPosting(p.schemaVersion(), p.source(), p.sourceId(), p.postingId(), p.url(), p.title(),
        p.company(), new Location("Town", null, country, "Town, " + country), p.remote(), p.employmentType(),
        p.datePosted(), p.validThrough(), p.description(), p.descriptionHtml(), p.salary(), p.fetchedAt(),
        p.fingerprint());
  }

  /** A posting with the given description (null: none). */
  static RawPosting raw(String id, String title, LocalDate posted, Integer min, Integer max, String description) {
    SalaryGiven salary = min == null ? null
        : new SalaryGiven("USD", null, BigDecimal.valueOf(min), BigDecimal.valueOf(max), "YEAR", null);
    return new RawPosting(RawPosting.SCHEMA_VERSION, "jsonld", id, id, "http://board.test/jobs/" + id,
        title, "Acme", new Location("Austin", "TX", "US", "Austin, TX, US"), false, "FULL_TIME",
        posted, null, description, null, salary, Instant.parse("2024-04-20T10:00:00Z"), "fp-" + id);
  }
}
