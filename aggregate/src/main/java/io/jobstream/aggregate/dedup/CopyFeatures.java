package io.jobstream.aggregate.dedup;

import io.jobstream.model.CopyTraits;
import io.jobstream.model.RawPosting;

/** What the classify stage records of a posting for the copy rule: its duplicate key and {@link CopyTraits}. */
public final class CopyFeatures {

  private CopyFeatures() {}

  /**
   * The duplicate key: normalized company and title ({@code acme|data engineer senior}), the block
   * of postings the copy rule compares, at most {@value #MAX_KEY_CHARS} characters; null without a company, a title or a description (such a
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
    String key = company + "|" + title;
    return key.length() <= MAX_KEY_CHARS ? key : key.substring(0, MAX_KEY_CHARS - 25) + "#" + hash(key);
  }

  /** The longest duplicate key (a store and repartition key); a longer one keeps its start and a hash of the whole. */
  static final int MAX_KEY_CHARS = 200;

  private static String hash(String key) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest, 0, 12);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
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
