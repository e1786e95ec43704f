package io.jobstream.ingest.jsonld;

import org.jsoup.parser.Parser;

/**
 * The text of an HTML fragment such as a posting's description, without building a document:
 * tags are dropped (block-level ones leave a space), comments and script or style content are
 * skipped, entities are decoded, and runs of white space collapse to one space.
 */
final class HtmlText {

  private HtmlText() {}

  static String of(String html) {
    StringBuilder out = new StringBuilder(html.length());
    int n = html.length();
    int i = 0;
    while (i < n) {
      char c = html.charAt(i);
      if (c == '<') {
        if (html.startsWith("<!--", i)) {
          int end = html.indexOf("-->", i + 4);
          i = end < 0 ? n : end + 3;
          continue;
        }
        int end = html.indexOf('>', i + 1);
        if (end < 0) {
          out.append(html, i, n); // a lone '<' is text
          break;
        }
        String tag = tagName(html, i + 1, end);
        if (tag.equals("script") || tag.equals("style")) {
          int close = html.toLowerCase(java.util.Locale.ROOT).indexOf("</" + tag, end);
          end = close < 0 ? n - 1 : html.indexOf('>', close);
          if (end < 0) {
            end = n - 1;
          }
        }
        if (!inline(tag)) {
          out.append(' ');
        }
        i = end + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    String text = out.indexOf("&") >= 0 ? Parser.unescapeEntities(out.toString(), false) : out.toString();
    return collapse(text);
  }

  private static String tagName(String html, int from, int to) {
    int i = from;
    if (i < to && html.charAt(i) == '/') {
      i++;
    }
    int start = i;
    while (i < to && Character.isLetterOrDigit(html.charAt(i))) {
      i++;
    }
    return html.substring(start, i).toLowerCase(java.util.Locale.ROOT);
  }

  private static boolean inline(String tag) {
    return switch (tag) {
      case "b", "i", "em", "strong", "span", "a", "u", "small", "sup", "sub", "code", "abbr", "font", "mark" -> true;
      default -> false;
    };
  }

  private static String collapse(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean space = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00a0') {
        if (!space) {
          out.append(' ');
          space = true;
        }
      } else {
        out.append(c);
        space = false;
      }
    }
    int end = out.length();
    if (end > 0 && out.charAt(end - 1) == ' ') {
      end--;
    }
    return out.substring(0, end);
  }
}
