package io.jobstream.ingest.jsonld;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.parser.Parser;

/**
 * The JSON-LD blocks ({@code <script type="application/ld+json">}) and the canonical link of an
 * HTML page, found by one scan of its text without building a document: most posting pages carry
 * their posting there, and building the whole document only to read two kinds of element costs
 * more than everything else extraction does. The scan follows the HTML tokenizer where it
 * matters: comments, and the raw text of {@code style}, {@code textarea}, {@code title} and the
 * like, hold no tags; a script's content runs to the first {@code </script}; attribute names are
 * case-insensitive, values quoted, unquoted or absent, the first of repeated names wins, and
 * values have their character references decoded. What it finds equals what the scripts of type
 * {@code application/ld+json} and the first {@code link[rel=canonical][href]} of a Jsoup document
 * are (a test compares both on pages made to trip it up and on pages around real descriptions).
 *
 * @param blocks the content of each JSON-LD script, in page order
 * @param canonicalHref the {@code href} of the first {@code <link rel=canonical>}, or null
 */
record JsonLdBlocks(List<String> blocks, String canonicalHref) {

  /** Elements whose content is text up to their end tag, not markup. */
  private static final List<String> RAW_TEXT = List.of("style", "textarea", "title", "xmp", "iframe", "noembed",
      "noframes");

  static JsonLdBlocks scan(String html) {
    List<String> blocks = new ArrayList<>();
    String canonical = null;
    int n = html.length();
    int i = 0;
    while (i < n) {
      int lt = html.indexOf('<', i);
      if (lt < 0 || lt + 1 >= n) {
        break;
      }
      if (html.startsWith("<!--", lt)) {
        int end = html.indexOf("-->", lt + 4);
        i = end < 0 ? n : end + 3;
        continue;
      }
      int nameStart = lt + 1;
      if (!Character.isLetter(html.charAt(nameStart))) {
        i = nameStart;
        continue;
      }
      int nameEnd = nameStart;
      while (nameEnd < n && isNameChar(html.charAt(nameEnd))) {
        nameEnd++;
      }
      String name = html.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
      Map<String, String> attributes = new HashMap<>();
      int tagEnd = attributes(html, nameEnd, attributes);
      i = tagEnd;
      if (name.equals("script")) {
        int close = indexOfIgnoreCase(html, "</script", tagEnd);
        int contentEnd = close < 0 ? n : close;
        String type = attributes.get("type");
        if (type != null && isJsonLdType(type)) {
          blocks.add(html.substring(tagEnd, contentEnd));
        }
        i = close < 0 ? n : close + 8;
      } else if (name.equals("link")) {
        String rel = attributes.get("rel");
        if (canonical == null && rel != null && rel.trim().equalsIgnoreCase("canonical") && attributes.containsKey("href")) {
          canonical = attributes.get("href");
        }
      } else if (RAW_TEXT.contains(name)) {
        int close = indexOfIgnoreCase(html, "</" + name, tagEnd);
        i = close < 0 ? n : close + 2 + name.length();
      }
    }
    return new JsonLdBlocks(blocks, canonical);
  }

  /**
   * False when the page cannot hold a JSON-LD block, so that pages without one skip the scan: its
   * text has "json" nowhere, case ignored, and no numeric character reference that could spell
   * one of its letters inside an attribute ({@code ld+&#106;son}); no named reference is an ASCII
   * letter.
   */
  static boolean mayHold(String html) {
    // String.indexOf of one character is vectorized; a loop over charAt cost a fifth of extraction
    return hasJson(html, 'j') || hasJson(html, 'J') || hasSpelledLetter(html);
  }

  private static boolean hasJson(String html, char first) {
    for (int i = html.indexOf(first); i >= 0; i = html.indexOf(first, i + 1)) {
      if (html.regionMatches(true, i, "json", 0, 4)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasSpelledLetter(String html) {
    for (int i = html.indexOf("&#"); i >= 0; i = html.indexOf("&#", i + 2)) {
      if (spellsALetterOfJson(html, i + 2)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the numeric reference whose digits start at {@code i} ("106;", "x6A;") is one of j, s, o, n. */
  private static boolean spellsALetterOfJson(String html, int i) {
    int n = html.length();
    boolean hex = i < n && (html.charAt(i) == 'x' || html.charAt(i) == 'X');
    int radix = hex ? 16 : 10;
    int value = 0;
    int digits = 0;
    for (int k = hex ? i + 1 : i; k < n && digits < 8; k++, digits++) {
      int d = Character.digit(html.charAt(k), radix);
      if (d < 0) {
        break;
      }
      value = value * radix + d;
    }
    return digits > 0 && "jsonJSON".indexOf(value) >= 0;
  }

  /** A script's type names JSON-LD: case ignored, and the white space around it, as browsers do. */
  static boolean isJsonLdType(String type) {
    return type.strip().equalsIgnoreCase("application/ld+json");
  }

  private static boolean isNameChar(char c) {
    return !(Character.isWhitespace(c) || c == '/' || c == '>');
  }

  /** Reads a start tag's attributes from {@code i}; returns the index after its {@code >}. */
  private static int attributes(String html, int i, Map<String, String> out) {
    int n = html.length();
    while (i < n) {
      char c = html.charAt(i);
      if (c == '>') {
        return i + 1;
      }
      if (Character.isWhitespace(c) || c == '/') {
        i++;
        continue;
      }
      int nameStart = i;
      while (i < n && !Character.isWhitespace(html.charAt(i)) && html.charAt(i) != '/' && html.charAt(i) != '>'
          && html.charAt(i) != '=') {
        i++;
      }
      String name = html.substring(nameStart, i).toLowerCase(Locale.ROOT);
      while (i < n && Character.isWhitespace(html.charAt(i))) {
        i++;
      }
      String value = "";
      if (i < n && html.charAt(i) == '=') {
        i++;
        while (i < n && Character.isWhitespace(html.charAt(i))) {
          i++;
        }
        if (i < n && (html.charAt(i) == '"' || html.charAt(i) == '\'')) {
          char quote = html.charAt(i);
          int end = html.indexOf(quote, i + 1);
          end = end < 0 ? n : end;
          value = html.substring(i + 1, end);
          i = Math.min(n, end + 1);
        } else {
          int start = i;
          while (i < n && !Character.isWhitespace(html.charAt(i)) && html.charAt(i) != '>') {
            i++;
          }
          value = html.substring(start, i);
        }
      }
      out.putIfAbsent(name, value.indexOf('&') >= 0 ? Parser.unescapeEntities(value, true) : value);
    }
    return n;
  }

  /** Where the end tag {@code what} ({@code </name}, followed by space, {@code /} or {@code >}) starts, or -1. */
  private static int indexOfIgnoreCase(String s, String what, int from) {
    int last = s.length() - what.length();
    for (int i = s.indexOf('<', from); i >= 0 && i <= last; i = s.indexOf('<', i + 1)) {
      if (s.regionMatches(true, i, what, 0, what.length())) {
        int after = i + what.length();
        if (after == s.length() || Character.isWhitespace(s.charAt(after)) || s.charAt(after) == '/' || s.charAt(after) == '>') {
          return i;
        }
      }
    }
    return -1;
  }
}
