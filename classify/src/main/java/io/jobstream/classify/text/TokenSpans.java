package io.jobstream.classify.text;

/**
 * Running text split into lower-case word tokens without creating a string per token: one
 * lower-cased character buffer and the start and end of each token in it. Tokens follow the
 * rules of {@link Tokens}: letters, digits and {@code + # &} form tokens, dots and apostrophes
 * inside a word are dropped, everything else separates.
 *
 * <p>What separated each token from the one before is kept as {@link #breakBefore} flags (a line
 * break, the end of a sentence, a colon), so that readers of an ad's layout, such as its section
 * headings, need not go back to the text.
 */
public final class TokenSpans {

  /** A line break came before the token (or it is the first token). */
  public static final int LINE = 1;
  /** A sentence or list item ended before the token: {@code . ! ? ;}, a bullet, or a line break. */
  public static final int SENTENCE = 2;
  /** A colon came before the token, as after an inline heading ("Requirements: ..."). */
  public static final int COLON = 4;

  final char[] chars;
  final int[] starts;
  final int[] ends;
  final byte[] breaks;
  final int size;

  private TokenSpans(char[] chars, int[] starts, int[] ends, byte[] breaks, int size) {
    this.chars = chars;
    this.starts = starts;
    this.ends = ends;
    this.breaks = breaks;
    this.size = size;
  }

  public static TokenSpans of(String text) {
    int n = text.length();
    char[] out = new char[n];
    text.getChars(0, n, out, 0); // then lower-cased in place: the write index never passes the read index
    int[] starts = new int[n / 4 + 8];
    int[] ends = new int[starts.length];
    byte[] breaks = new byte[starts.length];
    int count = 0;
    int length = 0;
    int tokenStart = -1;
    int pending = LINE | SENTENCE; // separators seen since the last token
    boolean dot = false; // a dot since the last letter: a full stop if a separator follows
    for (int i = 0; i < n; i++) {
      char c = out[i];
      char lower;
      if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '#' || c == '&') {
        lower = c;
      } else if (c >= 'A' && c <= 'Z') {
        lower = (char) (c + 32);
      } else if (c == '.' || c == '\'' || c == '\u2019') {
        dot |= c == '.';
        continue;
      } else if (c > 127 && Character.isLetterOrDigit(c)) {
        lower = Character.toLowerCase(c);
      } else {
        if (tokenStart >= 0) {
          starts[count] = tokenStart;
          ends[count] = length;
          count++;
          tokenStart = -1;
        }
        pending |= separator(c, dot);
        dot = false;
        continue;
      }
      if (tokenStart < 0) {
        if (count == starts.length) {
          starts = java.util.Arrays.copyOf(starts, count * 2);
          ends = java.util.Arrays.copyOf(ends, count * 2);
          breaks = java.util.Arrays.copyOf(breaks, count * 2);
        }
        tokenStart = length;
        breaks[count] = (byte) pending;
        pending = 0;
      }
      dot = false;
      out[length++] = lower;
    }
    if (tokenStart >= 0) {
      starts[count] = tokenStart;
      ends[count] = length;
      count++;
    }
    return new TokenSpans(out, starts, ends, breaks, count);
  }

  /** The break flags a separator character adds; {@code dot}: a dot came just before it. */
  private static int separator(char c, boolean dot) {
    switch (c) {
      case '\n', '\r' -> {
        return LINE | SENTENCE;
      }
      case '!', '?', ';', '\u2022', '\u00b7', '\u25cf', '\u25aa' -> {
        return SENTENCE;
      }
      case ':' -> {
        return COLON | SENTENCE;
      }
      default -> {
        return dot ? SENTENCE : 0;
      }
    }
  }

  public int size() {
    return size;
  }

  public char[] chars() {
    return chars;
  }

  public int start(int token) {
    return starts[token];
  }

  public int end(int token) {
    return ends[token];
  }

  /**
   * The {@link #LINE}, {@link #SENTENCE} and {@link #COLON} flags of what came between token
   * {@code token - 1} and token {@code token}; the first token has {@code LINE | SENTENCE}, and
   * {@code token == size()} (past the end) has them too.
   */
  public int breakBefore(int token) {
    return token >= size ? LINE | SENTENCE : breaks[token];
  }

  /** Token {@code i} as a string (allocates; for reporting matches, not for scanning). */
  public String token(int i) {
    return new String(chars, starts[i], ends[i] - starts[i]);
  }
}
