package io.jobstream.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One posting as a connector scraped it: the value of {@code jobs.postings.raw}. Fields keep what
 * the source said; nothing here is normalized except the stable id and the fingerprint.
 *
 * @param schemaVersion version of this JSON layout ({@link #SCHEMA_VERSION})
 * @param source connector type, e.g. {@code jsonld}
 * @param sourceId the source's own id for the posting, when it has one
 * @param postingId stable id across re-crawls: the Kafka key
 * @param url where the posting was read
 * @param fetchedAt when it was read
 * @param fingerprint hash of the content fields; changes when the posting changes
 */
public record RawPosting(
    int schemaVersion,
    String source,
    String sourceId,
    String postingId,
    String url,
    String title,
    String company,
    Location location,
    Boolean remote,
    String employmentType,
    LocalDate datePosted,
    LocalDate validThrough,
    String description,
    String descriptionHtml,
    SalaryGiven salary,
    Instant fetchedAt,
    String fingerprint) {

  public static final int SCHEMA_VERSION = 1;
}
