package io.jobstream.classify.title;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a title into lower-case tokens: letters, digits and {@code + # &} stay in a token,
 * accents are dropped ({@code Ingénieur} -> {@code ingenieur}), dots and apostrophes are removed
 * inside words ({@code Sr.} -> {@code sr}, {@code .NET} -> {@code net}), a lone {@code &} becomes
 * {@code and}, and everything else separates tokens.
 */
public final class TitleTokenizer {

  private TitleTokenizer() {}

  public static List<String> tokens(String text) {
    String s = text;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 127) {
        s = stripAccents(s);
        break;
      }
    }
    List<String> tokens = new ArrayList<>(8);
    StringBuilder current = new StringBuilder(16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        current.append((char) (c + 32));
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '#' || c == '&') {
        current.append(c);
      } else if (c == '.' || c == '\'' || c == '\u2019') {
        // dropped: joins "sr." to "sr", ".net" to "net", "o'neil" to "oneil"
      } else if (Character.isLetterOrDigit(c)) {
        current.append(Character.toLowerCase(c));
      } else if (current.length() > 0) {
        add(tokens, current);
      }
    }
    if (current.length() > 0) {
      add(tokens, current);
    }
    return tokens;
  }

  private static void add(List<String> tokens, StringBuilder current) {
    String token = current.toString();
    current.setLength(0);
    tokens.add(token.equals("&") ? "and" : token);
  }

  private static String stripAccents(String s) {
    String decomposed = Normalizer.normalize(s.replace("ß", "ss"), Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      if (Character.getType(c) != Character.NON_SPACING_MARK) {
        out.append(c);
      }
    }
    return out.toString();
  }
}
