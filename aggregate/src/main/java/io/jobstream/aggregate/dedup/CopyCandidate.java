package io.jobstream.aggregate.dedup;

import io.jobstream.model.CopyTraits;
import java.time.LocalDate;

/**
 * A posting as the copy rule sees it.
 *
 * @param id the posting id
 * @param date the day the posting counts on
 * @param key its duplicate key ({@link CopyFeatures#duplicateKey}): only postings of one key are compared
 * @param traits what else is compared
 */
public record CopyCandidate(String id, LocalDate date, String key, CopyTraits traits) {}
