package io.jobstream.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A posting after validation and classification: the value of {@code jobs.postings.classified},
 * a changelog keyed by posting id in which the latest version of each posting is the truth.
 *
 * @param family role family id, e.g. {@code data_scientist}
 * @param seniority seniority id, e.g. {@code senior}
 * @param classification id of the rule that decided the family, e.g. {@code ml_engineer#1}
 * @param soc O*NET-SOC code of the family (null for {@code other})
 * @param confidence 0..1, how sure the title classification is
 * @param explanation the rule and evidence that decided, for audits
 * @param pay normalized pay, or null when the posting gave none that could be read
 * @param payRejected why a pay figure was not kept (e.g. implausible), or null
 * @param skills skills the description asks for
 * @param emphasis what the ad mainly asks for: {@code ml_heavy}, {@code software_heavy},
 *     {@code balanced} or {@code neither} (analytics, management, support... or too little
 *     evidence of either depth); null when the posting has no description
 * @param emphasisScore (ML points - software points) / (ML + software points), -1..1 (0 with
 *     neither), or null
 * @param genderCodingScore (masculine - feminine) / (masculine + feminine) coded words, 0 if none;
 *     null when the posting has no description (nothing to score)
 * @param duplicateKey what a cross-posted copy of this posting shares with it: its company and
 *     title, normalized ({@code acmerobotics|data engineer senior}; see {@code docs/dedup.md}), or
 *     null when the posting has no company, title or description (it is then never merged with
 *     another)
 * @param eventDate the day the posting counts on (UTC)
 * @param eventDateSource {@code datePosted}, or {@code fetchedAt} when the source gave no date
 * @param fetchedAt when the posting was read
 * @param emphasisEvidence the phrases that weighed most in the emphasis, a few per side; null
 *     when there is no emphasis (or from a producer older than the field)
 * @param copyTraits what else a copy is compared by (place, end, description signature), with a
 *     duplicate key; null without one (or from a producer older than the field)
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
    String soc,
    double confidence,
    String explanation,
    Pay pay,
    String payRejected,
    java.util.List<String> skills,
    String emphasis,
    Double emphasisScore,
    Double genderCodingScore,
    String duplicateKey,
    LocalDate eventDate,
    String eventDateSource,
    Instant fetchedAt,
    java.util.List<EmphasisEvidence> emphasisEvidence,
    CopyTraits copyTraits) {

  public static final int SCHEMA_VERSION = 1;

  /** A posting without copy traits: the components before they were added. */
  public ClassifiedPosting(int schemaVersion, String postingId, String source, String url,
      String title, String company, String country, Boolean remote, String family,
      String seniority, String classification, String soc, double confidence, String explanation,
      Pay pay, String payRejected, java.util.List<String> skills, String emphasis,
      Double emphasisScore, Double genderCodingScore, String duplicateKey, LocalDate eventDate,
      String eventDateSource, Instant fetchedAt, java.util.List<EmphasisEvidence> emphasisEvidence) {
    this(schemaVersion, postingId, source, url, title, company, country, remote, family, seniority,
        classification, soc, confidence, explanation, pay, payRejected, skills, emphasis,
        emphasisScore, genderCodingScore, duplicateKey, eventDate, eventDateSource, fetchedAt, emphasisEvidence,
        null);
  }

  /** A posting without emphasis evidence: the components before the evidence was added. */
  public ClassifiedPosting(int schemaVersion, String postingId, String source, String url,
      String title, String company, String country, Boolean remote, String family,
      String seniority, String classification, String soc, double confidence, String explanation,
      Pay pay, String payRejected, java.util.List<String> skills, String emphasis,
      Double emphasisScore, Double genderCodingScore, String duplicateKey, LocalDate eventDate,
      String eventDateSource, Instant fetchedAt) {
    this(schemaVersion, postingId, source, url, title, company, country, remote, family, seniority,
        classification, soc, confidence, explanation, pay, payRejected, skills, emphasis,
        emphasisScore, genderCodingScore, duplicateKey, eventDate, eventDateSource, fetchedAt, null);
  }
}
