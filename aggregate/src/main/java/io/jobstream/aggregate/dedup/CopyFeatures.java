package io.jobstream.aggregate.dedup;

import io.jobstream.model.CopyTraits;
import io.jobstream.model.RawPosting;

/** What the classify stage records of a posting for the copy rule: its duplicate key and {@link CopyTraits}. */
public final class CopyFeatures {

  private CopyFeatures() {}

  /**
   * The duplicate key: normalized company and title ({@code acme|data engineer senior}), the block
   * of postings the copy rule compares; null without a company, a title or a description (such a
   * posting is never merged with another).
   */
  public static String duplicateKey(RawPosting raw) {
    if (raw.company() == null || raw.description() == null || raw.description().isBlank()) {
      return null;
    }
    String company = CompanyName.normalize(raw.company());
    String title = JobTitle.normalize(raw.title());
    if (company.isEmpty() || title.isEmpty()) {
      return null;
    }
    return company + "|" + title;
  }

  /** The traits of a posting with a duplicate key; null without one. */
  public static CopyTraits traits(RawPosting raw) {
    if (duplicateKey(raw) == null) {
      return null;
    }
    return new CopyTraits(PlaceName.normalize(raw.location(), raw.remote()), raw.validThrough(),
        MinHash.signature(Boilerplate.strip(raw.description())));
  }
}
