package io.jobstream.classify.pay;

/**
 * A text read with A-Z and the Latin-1 capitals lower-cased, nothing else, so that positions in it
 * are positions in the text (for Latin-1 text that is what {@link String#toLowerCase} gives). The
 * characters are lower-cased as they are read, not copied: the phrases around an amount of money
 * are a few hundred characters of a description of thousands, and lower-casing a whole copy cost
 * more than reading all of them.
 */
final class LowerText {

  private final String text;

  LowerText(String text) {
    this.text = text;
  }

  /** The text as given (its characters other than letters are those of this view). */
  String text() {
    return text;
  }

  int length() {
    return text.length();
  }

  char charAt(int i) {
    return lower(text.charAt(i));
  }

  /**
   * As {@link String#startsWith(String, int)} on the lower-cased text; {@code prefix} is in lower
   * case.
   */
  boolean startsWith(String prefix, int at) {
    int n = prefix.length();
    if (at < 0 || at > text.length() - n) {
      return false;
    }
    for (int k = 0; k < n; k++) {
      if (lower(text.charAt(at + k)) != prefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** The lower-cased characters {@code [from, to)}. */
  String substring(int from, int to) {
    char[] out = new char[to - from];
    for (int k = 0; k < out.length; k++) {
      out[k] = lower(text.charAt(from + k));
    }
    return new String(out);
  }

  /** A-Z and the Latin-1 capitals such as 'Ä' (the word lists are Latin-1) lower-cased. */
  static char lower(char c) {
    return isCapital(c) ? (char) (c + 32) : c;
  }

  private static boolean isCapital(char c) {
    return c >= 'A' && c <= 'Z' || c >= '\u00c0' && c <= '\u00de' && c != '\u00d7';
  }
}
