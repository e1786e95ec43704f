package io.jobstream.classify.text;

/**
 * Running text split into lower-case word tokens without creating a string per token: one
 * lower-cased character buffer and the start and end of each token in it. Tokens follow the
 * rules of {@link Tokens}: letters, digits and {@code + # &} form tokens, dots and apostrophes
 * inside a word are dropped, everything else separates.
 */
public final class TokenSpans {

  final char[] chars;
  final int[] starts;
  final int[] ends;
  final int size;

  private TokenSpans(char[] chars, int[] starts, int[] ends, int size) {
    this.chars = chars;
    this.starts = starts;
    this.ends = ends;
    this.size = size;
  }

  public static TokenSpans of(String text) {
    int n = text.length();
    char[] out = new char[n];
    text.getChars(0, n, out, 0); // then lower-cased in place: the write index never passes the read index
    int[] starts = new int[n / 4 + 8];
    int[] ends = new int[starts.length];
    int count = 0;
    int length = 0;
    int tokenStart = -1;
    for (int i = 0; i < n; i++) {
      char c = out[i];
      char lower;
      if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '#' || c == '&') {
        lower = c;
      } else if (c >= 'A' && c <= 'Z') {
        lower = (char) (c + 32);
      } else if (c == '.' || c == '\'' || c == '\u2019') {
        continue;
      } else if (c > 127 && Character.isLetterOrDigit(c)) {
        lower = Character.toLowerCase(c);
      } else {
        if (tokenStart >= 0) {
          if (count == starts.length) {
            starts = java.util.Arrays.copyOf(starts, count * 2);
            ends = java.util.Arrays.copyOf(ends, count * 2);
          }
          starts[count] = tokenStart;
          ends[count] = length;
          count++;
          tokenStart = -1;
        }
        continue;
      }
      if (tokenStart < 0) {
        tokenStart = length;
      }
      out[length++] = lower;
    }
    if (tokenStart >= 0) {
      if (count == starts.length) {
        starts = java.util.Arrays.copyOf(starts, count + 1);
        ends = java.util.Arrays.copyOf(ends, count + 1);
      }
      starts[count] = tokenStart;
      ends[count] = length;
      count++;
    }
    return new TokenSpans(out, starts, ends, count);
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

  /** Token {@code i} as a string (allocates; for reporting matches, not for scanning). */
  public String token(int i) {
    return new String(chars, starts[i], ends[i] - starts[i]);
  }
}
