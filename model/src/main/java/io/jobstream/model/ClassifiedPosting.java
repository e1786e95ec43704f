package io.jobstream.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A posting after validation and classification: the value of {@code jobs.postings.classified},
 * a changelog keyed by posting id in which the latest version of each posting is the truth.
 *
 * @param family role family id, e.g. {@code data_scientist}
 * @param seniority seniority id, e.g. {@code senior}
 * @param classification which rule decided the family, for audits
 * @param pay normalized pay, or null when the posting gave none that could be read
 * @param eventDate the day the posting counts on (UTC)
 * @param eventDateSource {@code datePosted}, or {@code fetchedAt} when the source gave no date
 */
public record ClassifiedPosting(
    int schemaVersion,
    String postingId,
    String source,
    String url,
    String title,
    String company,
    String country,
    Boolean remote,
    String family,
    String seniority,
    String classification,
    Pay pay,
    LocalDate eventDate,
    String eventDateSource,
    Instant fetchedAt) {

  public static final int SCHEMA_VERSION = 1;
}
