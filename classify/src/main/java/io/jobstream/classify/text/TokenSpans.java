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
 */
public final class TokenSpans {

  /** A line break came before the token (or it is the first token). */
  public static final int LINE = 1;
  /** A sentence or list item ended before the token: {@code . ! ? ;}, a bullet, or a line break. */
  public static final int SENTENCE = 2;
  /** A colon came before the token, as after an inline heading ("Requirements: ..."). */
  public static final int COLON = 4;

  /**
   * What each ASCII character is to the tokenizer, so that the common case costs one table load:
   * a token character's lower case (0 and up), {@link #DROPPED} for one dropped inside a word,
   * else the complement of the break flags it adds as a separator ({@code ~flags}, below 0).
   */
  private static final int[] ASCII = new int[128];
  private static final int DROPPED = -16;

  static {
    for (char c = 0; c < 128; c++) {
      ASCII[c] = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '#' || c == '&' ? c
          : c >= 'A' && c <= 'Z' ? c + 32
          : c == '.' || c == '\'' ? DROPPED
          : ~separator(c);
    }
  }

  final char[] chars;
  /**
   * Where each token starts in {@link #chars}, and at {@code size} where the last one ends: the
   * buffer holds nothing but tokens, so a token ends where the next one starts.
   */
  final int[] starts;
  /** Each token's {@link #hash}, for the phrase tables that look tokens up. */
  final int[] hashes;
  /** The {@link #breakBefore} flags of each token. */
  final byte[] breaks;
  final int size;

  private TokenSpans(char[] chars, int[] starts, int[] hashes, byte[] breaks, int size) {
    this.chars = chars;
    this.starts = starts;
    this.hashes = hashes;
    this.breaks = breaks;
    this.size = size;
  }

  public static TokenSpans of(String text) {
    int n = text.length();
    char[] out = new char[n];
    text.getChars(0, n, out, 0); // then lower-cased in place: the write index never passes the read index
    // The character loop records only where each token starts and the breaks before it: with
    // fewer arrays in hand it keeps its values in registers, and ran twice as fast as one that
    // also wrote each token's end and hash (the hashes follow from the starts, in a second loop).
    int[] starts = new int[n / 4 + 8];
    byte[] breaks = new byte[starts.length];
    int count = 0;
    int length = 0;
    boolean inWord = false;
    int gap = LINE | SENTENCE; // the breaks seen since the last token ended; a text starts on a new line
    for (int i = 0; i < n; i++) {
      char c = out[i];
      int code = c < 128 ? ASCII[c] : code(c);
      if (code >= 0) {
        if (!inWord) {
          if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            breaks = Arrays.copyOf(breaks, count * 2);
          }
          starts[count] = length;
          breaks[count++] = (byte) gap;
          inWord = true;
        }
        out[length++] = (char) code;
      } else if (inWord) {
        if (code != DROPPED) {
          // the separator that ends a word; out[i - 1] is still the text's character unless it
          // was a word character, written over by its own lower case.
          // "end. Next": the dot was dropped from the word before the separator
          gap = out[i - 1] == '.' ? SENTENCE | ~code : ~code;
          inWord = false;
        } // else a dot or apostrophe inside a word, dropped ("Node.js", "don't")
      } else if (code != DROPPED) {
        gap |= ~code;
      } else if (c == '.' && i + 1 < n && endsSentence(out[i + 1])) {
        gap |= SENTENCE; // a dot between words, unless a word, a dot or an apostrophe follows at once
      }
    }
    if (count > 0) {
      breaks[0] = LINE | SENTENCE; // whatever came before it
    }
    if (count == starts.length) {
      starts = Arrays.copyOf(starts, count + 1);
    }
    starts[count] = length;
    int[] hashes = new int[count];
    for (int t = 0; t < count; t++) {
      hashes[t] = hash(out, starts[t], starts[t + 1]);
    }
    return new TokenSpans(out, starts, hashes, breaks, count);
  }

  /** {@link #ASCII}'s code for a character beyond ASCII. */
  private static int code(char c) {
    if (c == '\u2019') {
      return DROPPED; // a typographic apostrophe
    }
    return Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : ~separator(c);
  }

  /** True when a dot between words followed by {@code next} (still as in the text) ends a sentence. */
  private static boolean endsSentence(char next) {
    if (next == '.' || next == '\'') {
      return false;
    }
    return (next < 128 ? ASCII[next] : code(next)) < 0;
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

  /** Token {@code i} as a string (allocates; for reporting matches, not for scanning). */
  public String token(int i) {
    return new String(chars, starts[i], starts[i + 1] - starts[i]);
  }
}
