package io.jobstream.classify.pay;

import java.util.ArrayList;
import java.util.List;

/**
 * Lower-case phrases looked up by their first character, so that a scan over a window of text
 * tries only the few phrases that can start at each position.
 */
final class PhraseList {

  private final String[][] phrases = new String[128][];
  private final String[][] values = new String[128][];
  private final boolean whole;

  /**
   * @param pairs phrase and value pairs (the value is returned on a match)
   * @param whole whether a phrase must also end at a word boundary ("min" but not "minute")
   */
  PhraseList(String[][] pairs, boolean whole) {
    this.whole = whole;
    List<List<String[]>> buckets = new ArrayList<>();
    for (int i = 0; i < 128; i++) {
      buckets.add(new ArrayList<>());
    }
    for (String[] pair : pairs) {
      char first = pair[0].charAt(0);
      if (first >= 128) {
        throw new IllegalArgumentException("phrase must start with an ASCII character: " + pair[0]);
      }
      buckets.get(first).add(pair);
    }
    for (int c = 0; c < 128; c++) {
      List<String[]> bucket = buckets.get(c);
      if (!bucket.isEmpty()) {
        phrases[c] = bucket.stream().map(p -> p[0]).toArray(String[]::new);
        values[c] = bucket.stream().map(p -> p.length > 1 ? p[1] : p[0]).toArray(String[]::new);
      }
    }
  }

  static PhraseList of(String[] words, boolean whole) {
    String[][] pairs = new String[words.length][];
    for (int i = 0; i < words.length; i++) {
      pairs[i] = new String[] {words[i]};
    }
    return new PhraseList(pairs, whole);
  }

  /** The value of a phrase starting exactly at {@code at} (first listed wins), or null. */
  String at(LowerText lower, int at) {
    char c = lower.charAt(at);
    if (c >= 128 || phrases[c] == null) {
      return null;
    }
    String[] bucket = phrases[c];
    for (int k = 0; k < bucket.length; k++) {
      String p = bucket[k];
      if (lower.startsWith(p, at) && (!whole || endsWord(lower, at + p.length(), p))) {
        return values[c][k];
      }
    }
    return null;
  }

  /**
   * The last position in {@code [from, to)} where a phrase starts at a word start and ends by
   * {@code to}, or -1.
   */
  int lastWordStart(LowerText lower, int from, int to) {
    for (int at = to - 1; at >= Math.max(0, from); at--) {
      if (at > 0 && Character.isLetter(lower.charAt(at - 1))) {
        continue;
      }
      char c = lower.charAt(at);
      if (c >= 128 || phrases[c] == null) {
        continue;
      }
      String[] bucket = phrases[c];
      for (String p : bucket) {
        if (at + p.length() <= to && lower.startsWith(p, at)
            && (!whole || endsWord(lower, at + p.length(), p))) {
          return at;
        }
      }
    }
    return -1;
  }

  private static boolean endsWord(LowerText lower, int end, String phrase) {
    return end >= lower.length() || !Character.isLetter(phrase.charAt(phrase.length() - 1))
        || !Character.isLetter(lower.charAt(end));
  }
}
