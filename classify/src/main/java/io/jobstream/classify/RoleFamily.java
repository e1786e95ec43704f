package io.jobstream.classify;

/** Role families; the lower-case ids are a contract of the output topics. */
public enum RoleFamily {
  DATA_SCIENTIST,
  ML_ENGINEER,
  AI_ENGINEER,
  RESEARCH_SCIENTIST,
  DATA_ANALYST,
  DATA_ENGINEER,
  STATISTICIAN,
  QUANT,
  SOFTWARE_ENGINEER,
  OTHER;

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
