package io.jobstream.app.data;

import io.jobstream.model.data.DataSet;
import java.io.IOException;

/**
 * A data set could not be fetched. The message is one line naming the set and the cause, e.g.
 * {@code ai-jobs-salaries not fetched: HTTP 404 from https://...}; the data directory holds what
 * it held before.
 */
public final class FetchException extends IOException {

  private final transient DataSet set;

  FetchException(DataSet set, String cause) {
    super(set.id() + " not fetched: " + cause);
    this.set = set;
  }

  /** The set that was not fetched. */
  public DataSet set() {
    return set;
  }
}
