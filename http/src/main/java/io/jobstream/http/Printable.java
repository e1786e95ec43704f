package io.jobstream.http;

/**
 * Text from a request made fit for a log line or a header value: printable ASCII kept, everything
 * else (CR, LF, other controls, non-ASCII) written as {@code \xNN} or {@code \}{@code uNNNN}, and
 * long text cut, so no client can forge a log line or a header.
 */
public final class Printable {

  /** Characters kept of a value, beyond which it is cut with {@code ...}. */
  public static final int MAX_CHARS = 200;

  private Printable() {}

  public static String of(String text) {
    return of(text, MAX_CHARS);
  }

  /** As {@link #of(String)}, cut after {@code maxChars}. */
  public static String of(String text, int maxChars) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), maxChars) + 8);
    for (int i = 0; i < text.length() && out.length() < maxChars; i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x7f && c != '\\') {
        out.append(c);
      } else if (c < 0x100) {
        out.append(String.format("\\x%02x", (int) c));
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    return out.length() >= maxChars ? out + "..." : out.toString();
  }

  /** Whether {@code value} may stand in a header as it is: printable ASCII and spaces only. */
  static boolean isHeaderSafe(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }
}
