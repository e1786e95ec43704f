package io.jobstream.ingest.publish;

import io.jobstream.model.DeadLetter;
import io.jobstream.model.RawPosting;
import io.jobstream.ingest.state.CrawlState;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Passes a posting on only when it is new or its content fingerprint changed since it was last
 * published, so that re-polling an unchanged board, or re-reading an unchanged file, publishes
 * nothing. The fingerprints live in a {@link CrawlState}, which survives restarts; it is saved
 * after the postings it describes are written, so a crash in between publishes them again rather
 * than losing them.
 */
public final class ChangeFilter implements PostingSink {

  private final PostingSink next;
  private final CrawlState state;
  private final io.jobstream.ingest.IngestMetrics metrics;
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong unchanged = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();

  /** A filter whose memory lasts as long as the process. */
  public ChangeFilter(PostingSink next) {
    this(next, CrawlState.inMemory());
  }

  public ChangeFilter(PostingSink next, CrawlState state) {
    this(next, state, io.jobstream.ingest.IngestMetrics.none());
  }

  public ChangeFilter(PostingSink next, CrawlState state, io.jobstream.ingest.IngestMetrics metrics) {
    this.next = next;
    this.state = state;
    this.metrics = metrics;
  }

  /** A long backfill saves its state this often (postings), so memory and a restart's rework stay bounded. */
  static final int SAVE_EVERY = 10_000;

  @Override
  public void publish(RawPosting posting) {
    if (state.isPublished(posting.postingId(), posting.fingerprint())) {
      unchanged.incrementAndGet();
      metrics.posting(posting.source(), false);
      return;
    }
    published.incrementAndGet();
    metrics.posting(posting.source(), true);
    metrics.published(posting);
    next.publish(posting);
    state.published(posting.postingId(), posting.fingerprint());
    if (state.unsaved() >= SAVE_EVERY) {
      flush();
    }
  }

  @Override
  public void reject(DeadLetter deadLetter) {
    rejected.incrementAndGet();
    metrics.deadLetter(deadLetter);
    next.reject(deadLetter);
  }

  /**
   * Flushes the sink, then saves the state: a fingerprint is saved only once its posting is
   * written. Postings the destination refused are not marked as published (they count as
   * rejected), so a later pass tries them again.
   */
  @Override
  public void flush() {
    next.flush();
    for (String postingId : next.drainRefused()) {
      state.notPublished(postingId);
      published.decrementAndGet();
      rejected.incrementAndGet();
    }
    state.save();
  }

  @Override
  public int maxPostingBytes() {
    return next.maxPostingBytes();
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
