package io.jobstream.ingest.api;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spacing of one API's requests as its provider asks (The Muse: 500 an hour; Remotive: at most
 * four reads a day), on top of the per-host politeness of the fetcher. The interval is the
 * connector's documented default unless {@code ingest.TYPE.request-interval} says otherwise
 * ({@code 500ms}, {@code 7s}, {@code 15m}, {@code 6h}; {@code 0} turns pacing off).
 *
 * <p>A request whose turn is at most {@link #MAX_WAIT} away waits for it; one further away is not
 * made in this pass (the caller skips the read and logs when it may come next), so a pass is never
 * held for hours. The last request time is kept per API and base URL (and target, for limits on
 * re-reading one list) for the life of the process.
 */
final class RequestPacing {

  /** The setting name after {@code ingest.TYPE.}. */
  static final String SETTING = "request-interval";

  /** Longest wait for a request's turn: 60 s. */
  static final Duration MAX_WAIT = Duration.ofSeconds(60);

  private static final Logger LOG = LoggerFactory.getLogger(RequestPacing.class);
  /** Earliest next request per API and base URL, in System.nanoTime units. */
  private static final Map<String, Long> NEXT = new ConcurrentHashMap<>();

  private RequestPacing() {
  }

  /**
   * Waits for the next request's turn and books the one after; false (nothing booked) when the
   * turn is more than {@link #MAX_WAIT} away.
   *
   * @param scope what the interval is kept for besides the API and its base URL: null for a limit
   *     on all of the API's requests (The Muse), the target for a limit on how often one list is
   *     read again (Remotive, Jobicy: reading two categories is two lists)
   */
  static boolean await(ApiContext context, String scope, Duration documented) throws InterruptedException {
    Duration interval = interval(context, documented);
    if (interval.isZero()) {
      return true;
    }
    String key = context.type() + " " + context.base("") + (scope == null ? "" : " " + scope);
    long wait;
    synchronized (NEXT) {
      long now = System.nanoTime();
      long next = NEXT.getOrDefault(key, now);
      wait = Math.max(0, next - now);
      if (wait > MAX_WAIT.toNanos()) {
        LOG.info("{}: the provider asks for at most one request every {}; next one in {} s, skipped in this pass",
            context.type(), interval, wait / 1_000_000_000L);
        return false;
      }
      NEXT.put(key, now + wait + interval.toNanos());
    }
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
    }
    return true;
  }

  /** The interval from the setting, else {@code documented}; an unreadable setting is an error. */
  static Duration interval(ApiContext context, Duration documented) {
    String text = context.setting(SETTING);
    return text == null ? documented : parse("ingest." + context.type() + "." + SETTING, text);
  }

  /** {@code 0}, or a number with {@code ms}, {@code s}, {@code m} or {@code h}. */
  static Duration parse(String name, String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (t.equals("0")) {
        return Duration.ZERO;
      }
      if (t.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
      }
      long n = Long.parseLong(t.substring(0, t.length() - 1).trim());
      return switch (t.charAt(t.length() - 1)) {
        case 's' -> Duration.ofSeconds(n);
        case 'm' -> Duration.ofMinutes(n);
        case 'h' -> Duration.ofHours(n);
        default -> throw new NumberFormatException();
      };
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(name + " '" + text + "' is not a duration such as 500ms, 7s, 15m or 6h");
    }
  }
}
