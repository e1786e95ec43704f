package io.jobstream.classify.text;

/**
 * Running text split into lower-case word tokens without creating a string per token: one
 * lower-cased character buffer and the start and end of each token in it. Tokens follow the
 * rules of {@link Tokens}: letters, digits and {@code + # &} form tokens, dots and apostrophes
 * inside a word are dropped, everything else separates.
 *
 * <p>What separated each token from the one before is available as {@link #breakBefore} flags (a
 * line break, the end of a sentence, a colon) for readers of an ad's layout, such as its section
 * headings; they are read from the text on first use, so tokenizing itself stays a single cheap
 * pass. Each token's {@link #hash} is kept for the phrase tables.
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
  /** Each token's {@link #hash}, for the phrase tables that look tokens up. */
  final int[] hashes;
  final int size;
  /** The text, and where each token begins and ends in it: what lies between tokens, for the breaks. */
  private final String text;
  private final int[] sources;
  private final int[] sourceEnds;
  /** The breaks before each token, worked out on first use: most readers never ask. */
  private byte[] breaks;

  private TokenSpans(String text, char[] chars, int[] starts, int[] ends, int[] hashes, int[] sources,
      int[] sourceEnds, int size) {
    this.text = text;
    this.sourceEnds = sourceEnds;
    this.chars = chars;
    this.starts = starts;
    this.ends = ends;
    this.hashes = hashes;
    this.sources = sources;
    this.size = size;
  }

  public static TokenSpans of(String text) {
    int n = text.length();
    char[] out = new char[n];
    text.getChars(0, n, out, 0); // then lower-cased in place: the write index never passes the read index
    int[] starts = new int[n / 4 + 8];
    int[] ends = new int[starts.length];
    int[] hashes = new int[starts.length];
    int[] sources = new int[starts.length];
    int[] sourceEnds = new int[starts.length];
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
          starts[count] = tokenStart;
          ends[count] = length;
          hashes[count] = hash(out, tokenStart, length);
          sourceEnds[count] = i;
          count++;
          tokenStart = -1;
        }
        continue;
      }
      if (tokenStart < 0) {
        if (count == starts.length) {
          starts = java.util.Arrays.copyOf(starts, count * 2);
          ends = java.util.Arrays.copyOf(ends, count * 2);
          hashes = java.util.Arrays.copyOf(hashes, count * 2);
          sources = java.util.Arrays.copyOf(sources, count * 2);
          sourceEnds = java.util.Arrays.copyOf(sourceEnds, count * 2);
        }
        tokenStart = length;
        sources[count] = i;
      }
      out[length++] = lower;
    }
    if (tokenStart >= 0) {
      starts[count] = tokenStart;
      ends[count] = length;
      hashes[count] = hash(out, tokenStart, length);
      sourceEnds[count] = n;
      count++;
    }
    return new TokenSpans(text, out, starts, ends, hashes, sources, sourceEnds, count);
  }

  /** The flags of what lies between each token and the one before, from the text. */
  private byte[] readBreaks() {
    byte[] out = new byte[size];
    if (size > 0) {
      out[0] = LINE | SENTENCE;
    }
    for (int t = 1; t < size; t++) {
      // the gap runs from the separator that ended the token before to the token's first character
      int from = sourceEnds[t - 1];
      int to = sources[t];
      int flags = 0;
      for (int k = from; k < to; k++) {
        char c = text.charAt(k);
        if (c == '.') {
          if (k + 1 < to && text.charAt(k + 1) != '.' && text.charAt(k + 1) != '\'') {
            flags |= SENTENCE; // a full stop: a separator follows the dot
          }
        } else if (c != ' ') {
          flags |= separator(c);
        }
      }
      if (from < to && text.charAt(from - 1) == '.') {
        flags |= SENTENCE; // "end. Next": the dot was dropped from the token before the gap
      }
      out[t] = (byte) flags;
    }
    return out;
  }

  /**
   * A token's hash for lookup tables: from its length and its first, second, middle, second-last
   * and last characters, a few operations however long the token, so that tokenizing stays a
   * pass at the speed of copying (a hash over every character is a chain of multiplications
   * that the processor cannot overlap). Tables compare the characters after the hash.
   */
  public static int hash(char[] buf, int from, int to) {
    int n = to - from;
    int h = n;
    if (n > 0) {
      h = 31 * (31 * h + buf[from]) + buf[to - 1];
      if (n > 2) {
        h = 31 * (31 * (31 * h + buf[from + 1]) + buf[to - 2]) + buf[from + n / 2];
      }
    }
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  /** The break flags a separator character adds. */
  private static int separator(char c) {
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
        return 0;
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
    if (token >= size) {
      return LINE | SENTENCE;
    }
    if (breaks == null) {
      breaks = readBreaks(); // the same bytes whichever thread gets here first
    }
    return breaks[token];
  }

  /** Token {@code i} as a string (allocates; for reporting matches, not for scanning). */
  public String token(int i) {
    return new String(chars, starts[i], ends[i] - starts[i]);
  }
}
