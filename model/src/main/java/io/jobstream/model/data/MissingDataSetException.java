package io.jobstream.model.data;

/** A data set a command or test needs is not in the data directory; the message is one line. */
public final class MissingDataSetException extends RuntimeException {

  private final DataSet set;

  public MissingDataSetException(DataSet set, DataDirectory dir) {
    super("data set " + set.id() + " (" + set.fileName() + ") is not in the data directory " + dir.describe()
        + (set.downloadUrl().isPresent() ? "; get it with: jobstream data fetch " + set.id()
            : "; see: jobstream data list"));
    this.set = set;
  }

  public DataSet set() {
    return set;
  }
}
