package io.jobstream.ingest.publish;

import io.jobstream.model.DeadLetter;
import io.jobstream.model.RawPosting;
import io.jobstream.model.RecordSizes;
import java.util.List;

/** Where connectors put what they read: postings, and dead letters for what was unusable. */
public interface PostingSink extends AutoCloseable {

  void publish(RawPosting posting);

  void reject(DeadLetter deadLetter);

  /** Blocks until everything handed over so far is durably written (or refused, see {@link #drainRefused()}). */
  void flush();

  /** The most bytes of JSON a raw posting may take here (default {@link RecordSizes#RAW_POSTING_BYTES}). */
  default int maxPostingBytes() {
    return RecordSizes.RAW_POSTING_BYTES;
  }

  /**
   * Ids of the postings the destination refused for their content since the last call (they went
   * to the dead-letter topic instead); call after {@link #flush()}. None by default.
   */
  default List<String> drainRefused() {
    return List.of();
  }

  @Override
  void close();
}
