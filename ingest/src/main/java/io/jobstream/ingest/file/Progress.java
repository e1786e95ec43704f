package io.jobstream.ingest.file;

import java.io.PrintStream;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * A progress line for a backfill: rows read, published, unchanged, rejected, rate and ETA. On a
 * terminal the line is rewritten in place once a second; otherwise a line is printed every five
 * seconds, so logs stay short.
 */
public final class Progress implements LongConsumer {

  private final PrintStream out;
  private final String what;
  private final long totalChars;
  private final LongSupplier published;
  private final LongSupplier unchanged;
  private final LongSupplier rejected;
  private final boolean terminal;
  private final long startNanos = System.nanoTime();
  private long lastPrint;

  public Progress(PrintStream out, String what, long totalChars, LongSupplier published,
      LongSupplier unchanged, LongSupplier rejected, boolean terminal) {
    this.out = out;
    this.what = what;
    this.totalChars = totalChars;
    this.published = published;
    this.unchanged = unchanged;
    this.rejected = rejected;
    this.terminal = terminal;
  }

  @Override
  public void accept(long charsRead) {
    long now = System.nanoTime();
    long interval = terminal ? 1_000_000_000L : 5_000_000_000L;
    if (now - lastPrint < interval) {
      return;
    }
    lastPrint = now;
    out.print((terminal ? "\r" : "") + line(charsRead, now) + (terminal ? "" : "\n"));
    out.flush();
  }

  /** Ends the progress display with a summary line. */
  public void done(String summary) {
    if (terminal) {
      out.print("\r\033[K");
    }
    out.println(what + ": " + summary);
  }

  String line(long charsRead, long now) {
    long rows = published.getAsLong() + unchanged.getAsLong() + rejected.getAsLong();
    double seconds = Math.max(1e-3, (now - startNanos) / 1e9);
    double rate = rows / seconds;
    String eta = "";
    if (totalChars > 0 && charsRead > 0 && charsRead < totalChars) {
      long remaining = (long) (seconds * (totalChars - charsRead) / charsRead);
      eta = String.format(", %d%%, ETA %d:%02d", charsRead * 100 / totalChars, remaining / 60, remaining % 60);
    }
    return String.format("%s: %,d rows read, %,d published, %,d unchanged, %,d rejected, %,.0f rows/s%s",
        what, rows, published.getAsLong(), unchanged.getAsLong(), rejected.getAsLong(), rate, eta);
  }
}
