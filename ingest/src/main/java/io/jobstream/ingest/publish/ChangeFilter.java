package io.jobstream.ingest.publish;

import io.jobstream.model.DeadLetter;
import io.jobstream.model.RawPosting;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Passes a posting on only when it is new or its content fingerprint changed, so that re-polling
 * an unchanged board publishes nothing. The fingerprints are kept in memory for the life of the
 * process; they do not yet survive a restart.
 */
public final class ChangeFilter implements PostingSink {

  private final PostingSink next;
  private final Map<String, String> lastFingerprint = new ConcurrentHashMap<>();
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong unchanged = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();

  public ChangeFilter(PostingSink next) {
    this.next = next;
  }

  @Override
  public void publish(RawPosting posting) {
    String previous = lastFingerprint.put(posting.postingId(), posting.fingerprint());
    if (posting.fingerprint() != null && posting.fingerprint().equals(previous)) {
      unchanged.incrementAndGet();
      return;
    }
    published.incrementAndGet();
    next.publish(posting);
  }

  @Override
  public void reject(DeadLetter deadLetter) {
    rejected.incrementAndGet();
    next.reject(deadLetter);
  }

  @Override
  public void flush() {
    next.flush();
  }

  @Override
  public void close() {
    next.close();
  }

  public long published() {
    return published.get();
  }

  public long unchanged() {
    return unchanged.get();
  }

  public long rejected() {
    return rejected.get();
  }
}
