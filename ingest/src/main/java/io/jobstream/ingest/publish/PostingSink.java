package io.jobstream.ingest.publish;

import io.jobstream.model.DeadLetter;
import io.jobstream.model.RawPosting;

/** Where connectors put what they read: postings, and dead letters for what was unusable. */
public interface PostingSink extends AutoCloseable {

  void publish(RawPosting posting);

  void reject(DeadLetter deadLetter);

  /** Blocks until everything handed over so far is durably written. */
  void flush();

  @Override
  void close();
}
