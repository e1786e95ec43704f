package io.jobstream.model;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What kind of failure a failed fetch was, for the scorecard per source, its meters and
 * {@code jobstream sources check}: a small fixed set, so it may be a meter tag.
 *
 * <ul>
 *   <li>{@code blocked}: the site refuses us (401, 403, 451, robots.txt disallows, a captcha or
 *       HTML page where JSON was expected)
 *   <li>{@code rate_limited}: 429, or a Retry-After longer than we wait
 *   <li>{@code timeout}: no answer in time
 *   <li>{@code server_error}: 5xx
 *   <li>{@code gone}: 404 or 410, the board no longer exists
 *   <li>{@code other}: anything else (an address we may not fetch, too large, redirects, ...)
 * </ul>
 */
public final class FetchFailureClass {

  public static final String BLOCKED = "blocked";
  public static final String RATE_LIMITED = "rate_limited";
  public static final String TIMEOUT = "timeout";
  public static final String SERVER_ERROR = "server_error";
  public static final String GONE = "gone";
  public static final String OTHER = "other";

  /** Every class, in the order tables show them. */
  public static final List<String> ALL = List.of(BLOCKED, RATE_LIMITED, TIMEOUT, SERVER_ERROR, GONE, OTHER);

  private static final Pattern STATUS = Pattern.compile("HTTP (\\d{3})");

  private FetchFailureClass() {
  }

  /**
   * The class of a fetch failure.
   *
   * @param reason the fetch failure's reason, with or without the dead letters' {@code fetch_}
   *     prefix ({@code http_status}, {@code io}, {@code robots_denied}, {@code robots_unavailable}, {@code retry_after}, ...)
   * @param status the HTTP status, or 0 to read it from {@code detail} ("HTTP 403 from ...")
   * @param detail the failure's message, may be null
   */
  public static String of(String reason, int status, String detail) {
    String r = reason == null ? "" : reason.startsWith("fetch_") ? reason.substring(6) : reason;
    String d = detail == null ? "" : detail;
    switch (r) {
      case "robots_denied":
        return BLOCKED;
      case "robots_unavailable": {
        // the site's robots.txt did not come: classed by why (a timeout, a server error, no such
        // host), never as a refusal
        if (status >= 500) {
          return SERVER_ERROR;
        }
        String lower = d.toLowerCase(Locale.ROOT);
        return lower.contains("timed out") || lower.contains("timeout") || lower.contains("not complete within")
            ? TIMEOUT : OTHER;
      }
      case "retry_after":
        return RATE_LIMITED;
      case "io": {
        String lower = d.toLowerCase(Locale.ROOT);
        return lower.contains("timed out") || lower.contains("timeout") || lower.contains("not complete within")
            ? TIMEOUT : OTHER;
      }
      case "http_status": {
        int s = status;
        if (s == 0) {
          Matcher m = STATUS.matcher(d);
          s = m.find() ? Integer.parseInt(m.group(1)) : 0;
        }
        return ofStatus(s);
      }
      default:
        return OTHER;
    }
  }

  /** The class of an HTTP status that is not success. */
  public static String ofStatus(int status) {
    if (status == 401 || status == 403 || status == 451) {
      return BLOCKED;
    }
    if (status == 404 || status == 410) {
      return GONE;
    }
    if (status == 429) {
      return RATE_LIMITED;
    }
    if (status >= 500 && status <= 599) {
      return SERVER_ERROR;
    }
    return OTHER;
  }

  /** Whether an answer's body looks like an HTML page (a captcha or block page) rather than data. */
  public static boolean looksLikeHtml(String body) {
    if (body == null) {
      return false;
    }
    String head = body.stripLeading();
    head = head.substring(0, Math.min(200, head.length())).toLowerCase(Locale.ROOT);
    return head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<head")
        || head.startsWith("<body") || head.startsWith("<meta") || head.startsWith("<div")
        || head.startsWith("<!--");
  }
}
