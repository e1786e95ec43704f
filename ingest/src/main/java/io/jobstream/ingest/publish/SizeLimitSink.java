package io.jobstream.ingest.publish;

import io.jobstream.ingest.IngestMetrics;
import io.jobstream.model.DeadLetter;
import io.jobstream.model.RawPosting;
import io.jobstream.model.RecordSizes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes every posting fit the raw posting budget before it goes on ({@link RecordSizes#fit}): a
 * posting over it is published reduced and flagged {@code truncated}; one that cannot be reduced
 * enough is a dead letter {@code too_large} with its sizes. A too-large posting is dead-lettered
 * once per content (its id and fingerprint are remembered for the life of the process), so a
 * continuous ingest does not repeat it every pass.
 */
public final class SizeLimitSink implements PostingSink {

  private final PostingSink next;
  private final IngestMetrics metrics;
  private volatile int budget;
  private final Map<String, String> tooLarge = new ConcurrentHashMap<>();
  private final AtomicLong truncated = new AtomicLong();

  /** A limit of {@code next}'s {@link PostingSink#maxPostingBytes()}, asked on the first posting. */
  public SizeLimitSink(PostingSink next, IngestMetrics metrics) {
    this.next = next;
    this.metrics = metrics;
  }

  @Override
  public void publish(RawPosting posting) {
    int budget = maxPostingBytes();
    RecordSizes.Fit fit = RecordSizes.fit(posting, budget);
    switch (fit.outcome()) {
      case FITS -> next.publish(posting);
      case TRUNCATED -> {
        truncated.incrementAndGet();
        metrics.truncated(posting.source());
        next.publish(fit.posting());
      }
      case TOO_LARGE -> {
        String fingerprint = String.valueOf(posting.fingerprint());
        if (!fingerprint.equals(tooLarge.put(posting.postingId(), fingerprint))) {
          next.reject(DeadLetter.of("ingest", "too_large",
              String.format("posting of %,d bytes (%,d after dropping the HTML and cutting the description to"
                  + " %,d characters), the budget is %,d bytes", fit.bytesBefore(), fit.bytesAfter(),
                  RecordSizes.DESCRIPTION_CHARS, budget),
              posting.url() != null ? posting.url() : posting.source(), posting.postingId(),
              posting.title()));
        }
      }
      default -> throw new IllegalStateException(fit.outcome().toString());
    }
  }

  /** Postings published reduced so far. */
  public long truncated() {
    return truncated.get();
  }

  @Override
  public void reject(DeadLetter deadLetter) {
    next.reject(deadLetter);
  }

  @Override
  public void flush() {
    next.flush();
  }

  @Override
  public int maxPostingBytes() {
    if (budget == 0) {
      budget = next.maxPostingBytes();
    }
    return budget;
  }

  @Override
  public void close() {
    next.close();
  }
}
