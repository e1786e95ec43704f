package io.jobstream.ingest.publish;

import io.jobstream.model.DeadLetter;
import io.jobstream.model.RawPosting;
import java.util.List;

/**
 * Gives a dead letter without a key the source being read ({@code TYPE:TARGET}) as its key, so a
 * board-level failure (a fetch that failed, an answer that is not JSON) can be told apart by
 * source in the dead-letter topic: the report's scorecard per source counts them by it. Sources
 * are read one at a time, so one current source suffices.
 */
public final class SourceKeySink implements PostingSink {

  private final PostingSink next;
  private volatile String current;

  public SourceKeySink(PostingSink next) {
    this.next = next;
  }

  /** The source read from now on ({@code TYPE:TARGET}), or null between sources. */
  public void reading(String source) {
    this.current = source;
  }

  @Override
  public void publish(RawPosting posting) {
    next.publish(posting);
  }

  @Override
  public void reject(DeadLetter d) {
    String source = current;
    next.reject(d.key() != null || source == null ? d
        : new DeadLetter(d.schemaVersion(), d.stage(), d.reason(), d.detail(), d.origin(), source, d.excerpt(), d.at()));
  }

  @Override
  public void flush() {
    next.flush();
  }

  @Override
  public int maxPostingBytes() {
    return next.maxPostingBytes();
  }

  @Override
  public List<String> drainRefused() {
    return next.drainRefused();
  }

  @Override
  public void close() {
    next.close();
  }
}
