package io.jobstream.classify.text;

import java.util.Arrays;

/**
 * Running text split into lower-case word tokens without creating a string per token: one
 * lower-cased character buffer and the start and end of each token in it. Tokens follow the
 * rules of {@link Tokens}: letters, digits and {@code + # &} form tokens, dots and apostrophes
 * inside a word are dropped, everything else separates.
 *
 * <p>What separated each token from the one before is kept as {@link #breakBefore} flags (a line
 * break, the end of a sentence, a colon) for readers of an ad's layout, such as its section
 * headings and the sentence-bound phrase matchers. They are gathered in the same single pass as
 * the tokens, from the separators already in hand, because every enrichment asks for them and a
 * second walk over the text cost as much as the first. Each token's {@link #hash} is kept for
 * the phrase tables.
 *
 * <p>Where each number starts in the text ({@link #numberStart}: a digit after neither a letter
 * nor a digit) is noted in the same pass, for the pay parser: every amount of money has a number,
 * so a parser that knows where they are need not look at the rest of a description (see {@code
 * PayTextParser}). The digits are looked for at the start of each token and after the characters
 * a token may hold that are not letters or digits, never at each character of a word: a test of
 * every character made tokenizing a quarter slower.
 */
public final class TokenSpans {

  /** A line break came before the token (or it is the first token). */
  public static final int LINE = 1;
  /** A sentence or list item ended before the token: {@code . ! ? ;}, a bullet, or a line break. */
  public static final int SENTENCE = 2;
  /** A colon came before the token, as after an inline heading ("Requirements: ..."). */
  public static final int COLON = 4;

  /** The break flags each ASCII separator adds (see {@link #separator}). */
  private static final byte[] SEPARATOR_FLAGS = new byte[128];

  static {
    for (char c = 0; c < 128; c++) {
      SEPARATOR_FLAGS[c] = (byte) separator(c);
    }
  }

  final char[] chars;
  /**
   * Where each token starts in {@link #chars}, and at {@code size} where the last one ends: the
   * buffer holds nothing but tokens, so a token ends where the next one starts.
   */
  final int[] starts;
  /**
   * Each token's {@link #hash}, for the phrase tables that look tokens up; the array may be longer
   * than {@code size}.
   */
  final int[] hashes;
  /** The {@link #breakBefore} flags of each token. */
  final byte[] breaks;
  final int size;
  /** Offsets in the text of the first digit of each number, in order. */
  private final int[] numbers;
  private final int numberCount;

  private TokenSpans(char[] chars, int[] starts, int[] hashes, byte[] breaks, int size,
      int[] numbers, int numberCount) {
    this.chars = chars;
    this.starts = starts;
    this.hashes = hashes;
    this.breaks = breaks;
    this.size = size;
    this.numbers = numbers;
    this.numberCount = numberCount;
  }

  public static TokenSpans of(String text) {
    int n = text.length();
    char[] out = new char[n];
    text.getChars(0, n, out, 0); // then lower-cased in place: the write index never passes the read index
    // The character loop records where each token starts, the breaks before it and its hash, the
    // hash at the separator that ends the token. It tells characters apart by a chain of
    // comparisons, lower-case letters first: on real ads that ran about 1.5 times as fast as one
    // load from a table of what each character is, because the branch for letters is almost
    // always taken. The hashes were once taken in a second loop over the starts; on real ads,
    // tokenized beside titles as an enrichment does, that loop cost about a third of the
    // tokenizing (as compiled, it ran several times slower than the same hashes taken here).
    int[] starts = new int[n / 4 + 8];
    byte[] breaks = new byte[starts.length];
    int[] hashes = new int[starts.length];
    int[] numbers = new int[16];
    int numberCount = 0;
    int count = 0;
    int length = 0;
    int tokenStart = -1; // where the token at hand starts in out, -1 between tokens
    int gap = LINE | SENTENCE; // the breaks seen since the last token ended; a text starts on a new line
    int tokenGap = 0; // the breaks before the token at hand
    for (int i = 0; i < n; i++) {
      char c = out[i];
      char lower;
      if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
        lower = c;
      } else if (c >= 'A' && c <= 'Z') {
        lower = (char) (c + 32);
      } else if (c == '+' || c == '#' || c == '&') {
        lower = c; // word characters ("c++", "c#", "r&d") that a number may follow ("+95")
        if (i + 1 < n && isDigit(out[i + 1])) {
          numbers = add(numbers, numberCount++, i + 1);
        }
      } else if (c == '.' || c == '\'' || c == '\u2019') {
        if (tokenStart >= 0) {
          // dropped inside a word ("Node.js", "don't"); a number may follow ("Rs.500")
          if (i + 1 < n && isDigit(out[i + 1])) {
            numbers = add(numbers, numberCount++, i + 1);
          }
        } else if (c == '.' && i + 1 < n && endsSentence(out[i + 1])) {
          gap |= SENTENCE; // a dot between words, unless a word, a dot or an apostrophe follows at once
        }
        continue;
      } else if (c > 127 && Character.isLetterOrDigit(c)) {
        lower = Character.toLowerCase(c);
      } else {
        int flags = c < 128 ? SEPARATOR_FLAGS[c] : separator(c);
        if (tokenStart >= 0) {
          // the separator that ends a word; out[i - 1] is still the text's character unless it
          // was a word character, written over by its own lower case.
          // "end. Next": the dot was dropped from the word before the separator
          if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            breaks = Arrays.copyOf(breaks, count * 2);
            hashes = Arrays.copyOf(hashes, count * 2);
          }
          starts[count] = tokenStart;
          hashes[count] = hash(out, tokenStart, length);
          breaks[count++] = (byte) tokenGap;
          tokenStart = -1;
          gap = out[i - 1] == '.' ? SENTENCE | flags : flags;
        } else {
          gap |= flags;
        }
        continue;
      }
      if (tokenStart < 0) {
        tokenStart = length;
        tokenGap = gap;
        if (isDigit(lower)) {
          numbers = add(numbers, numberCount++, i);
        }
      }
      out[length++] = lower;
    }
    if (tokenStart >= 0) {
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
        breaks = Arrays.copyOf(breaks, count * 2);
        hashes = Arrays.copyOf(hashes, count * 2);
      }
      starts[count] = tokenStart;
      hashes[count] = hash(out, tokenStart, length);
      breaks[count++] = (byte) tokenGap;
    }
    if (count > 0) {
      breaks[0] = LINE | SENTENCE; // whatever came before it
    }
    if (count == starts.length) {
      starts = Arrays.copyOf(starts, count + 1);
    }
    starts[count] = length;
    return new TokenSpans(out, starts, hashes, breaks, count, numbers, numberCount);
  }

  private static boolean isDigit(char c) {
    return c <= '9' ? c >= '0' : c >= 128 && Character.isDigit(c);
  }

  /** {@code array} with {@code value} at {@code index}, grown when full. */
  private static int[] add(int[] array, int index, int value) {
    int[] out = index == array.length ? Arrays.copyOf(array, index * 2) : array;
    out[index] = value;
    return out;
  }

  /** True when a dot between words followed by {@code next} (still as in the text) ends a sentence. */
  private static boolean endsSentence(char next) {
    // a separator (or a typographic apostrophe) follows: not a word character, a dot or an apostrophe
    return !(next >= 'a' && next <= 'z' || next >= 'A' && next <= 'Z' || next >= '0' && next <= '9'
        || next == '+' || next == '#' || next == '&' || next == '.' || next == '\''
        || next > 127 && Character.isLetterOrDigit(next));
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
    return starts[token + 1];
  }

  /**
   * The {@link #LINE}, {@link #SENTENCE} and {@link #COLON} flags of what came between token
   * {@code token - 1} and token {@code token}; the first token has {@code LINE | SENTENCE}, and
   * {@code token == size()} (past the end) has them too.
   */
  public int breakBefore(int token) {
    return token >= size ? LINE | SENTENCE : breaks[token];
  }

  /**
   * How many numbers the text has: digits ({@link Character#isDigit}) whose character before is
   * neither a letter nor a digit ({@link Character#isLetterOrDigit}), or that begin the text.
   * "USD 1,500.50" has three ("1", "500", "50"), "x9" and "h1b" none.
   */
  public int numberCount() {
    return numberCount;
  }

  /** Where number {@code number} starts in the text the tokens were made of, in increasing order. */
  public int numberStart(int number) {
    return numbers[number];
  }

  /** Token {@code i} as a string (allocates; for reporting matches, not for scanning). */
  public String token(int i) {
    return new String(chars, starts[i], starts[i + 1] - starts[i]);
  }
}
