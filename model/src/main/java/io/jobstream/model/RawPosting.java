package io.jobstream.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

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
 * @param remoteCountries the countries a remote job accepts applicants from
 * @param truncated true when the posting was reduced to fit the record size budget
 *     ({@link RecordSizes}): {@code descriptionHtml} dropped and {@code description} cut; null
 *     (absent) otherwise
 *     ({@code applicantLocationRequirements}): ISO 3166-1 alpha-2 codes, an area that is not a
 *     known country as written; null when the source says nothing
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
    String fingerprint,
    List<String> remoteCountries,
    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean truncated) {

  public static final int SCHEMA_VERSION = 1;

  /** A posting as read, not reduced to fit a size budget. */
  public RawPosting(int schemaVersion, String source, String sourceId, String postingId, String url, String title,
      String company, Location location, Boolean remote, String employmentType, LocalDate datePosted,
      LocalDate validThrough, String description, String descriptionHtml, SalaryGiven salary, Instant fetchedAt,
      String fingerprint, List<String> remoteCountries) {
    this(schemaVersion, source, sourceId, postingId, url, title, company, location, remote, employmentType,
        datePosted, validThrough, description, descriptionHtml, salary, fetchedAt, fingerprint, remoteCountries, null);
  }

  /** A posting whose source names no countries for remote work (most sources). */
  public RawPosting(int schemaVersion, String source, String sourceId, String postingId, String url, String title,
      String company, Location location, Boolean remote, String employmentType, LocalDate datePosted,
      LocalDate validThrough, String description, String descriptionHtml, SalaryGiven salary, Instant fetchedAt,
      String fingerprint) {
    this(schemaVersion, source, sourceId, postingId, url, title, company, location, remote, employmentType,
        datePosted, validThrough, description, descriptionHtml, salary, fetchedAt, fingerprint, null);
  }
}
