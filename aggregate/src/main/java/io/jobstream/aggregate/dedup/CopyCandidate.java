package io.jobstream.aggregate.dedup;

import io.jobstream.model.ClassifiedPosting;
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
public record CopyCandidate(String id, LocalDate date, String key, CopyTraits traits) {

  /** A classified posting as the rule sees it; one without copy traits (an older producer's) has no key. */
  public static CopyCandidate of(ClassifiedPosting p) {
    String key = p.copyTraits() == null ? null : p.duplicateKey();
    return new CopyCandidate(p.postingId(), p.eventDate(), key, key == null ? null : p.copyTraits());
  }
}
