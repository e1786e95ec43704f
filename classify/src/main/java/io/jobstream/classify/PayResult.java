package io.jobstream.classify;

/**
 * What pay extraction found: a salary, or the reason a figure was not kept (e.g. an implausible
 * annual amount), or neither when there was no pay at all.
 */
public record PayResult(Salary salary, String rejected) {

  static final PayResult NONE = new PayResult(null, null);

  public boolean found() {
    return salary != null;
  }
}
