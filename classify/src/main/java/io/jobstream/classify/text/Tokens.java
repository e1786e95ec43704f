package io.jobstream.classify.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits running text (a description) into lower-case word tokens the way the skill and wording
 * dictionaries are written: letters, digits and {@code + # &} stay in a token, dots and
 * apostrophes inside a word are dropped ({@code node.js} -> {@code nodejs}, {@code don't} ->
 * {@code dont}), everything else separates. One pass, one string per token.
 */
public final class Tokens {

  private Tokens() {}

  public static List<String> of(String text) {
    List<String> tokens = new ArrayList<>(text.length() / 6 + 4);
    char[] buffer = new char[64];
    int length = 0;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
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
        if (length > 0) {
          tokens.add(new String(buffer, 0, length));
          length = 0;
        }
        continue;
      }
      if (length == buffer.length) {
        buffer = java.util.Arrays.copyOf(buffer, length * 2);
      }
      buffer[length++] = lower;
    }
    if (length > 0) {
      tokens.add(new String(buffer, 0, length));
    }
    return tokens;
  }
}
