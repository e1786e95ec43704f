package io.jobstream.classify;

/** Seniority levels; the lower-case ids are a contract of the output topics. */
public enum Seniority {
  INTERN,
  ENTRY,
  MID,
  SENIOR,
  STAFF,
  PRINCIPAL,
  LEAD,
  MANAGER,
  DIRECTOR,
  EXECUTIVE;

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
