package io.jobstream.ingest.jsonld;

import java.util.Arrays;
import java.util.Locale;
import org.jsoup.nodes.Entities;

/**
 * The text of an HTML fragment such as a posting's description, without building a document, in
 * one pass over a character array: tags are dropped (block-level ones leave a space), comments and
 * script or style content are skipped, character references are decoded, and runs of white space
 * collapse to one space. Gives what {@code Jsoup.parse(html).text()} gives for the fragments job
 * boards publish, at a fraction of the cost.
 */
final class HtmlText {

  private final char[] in;
  private char[] out;
  private int length;
  private boolean space = true;

  private HtmlText(String html) {
    this.in = html.toCharArray();
    this.out = new char[in.length + 16];
  }

  static String of(String html) {
    HtmlText t = new HtmlText(html);
    t.run();
    int end = t.length;
    if (end > 0 && t.out[end - 1] == ' ') {
      end--;
    }
    return new String(t.out, 0, end);
  }

  /** Text given piece by piece, by a walk over a document's nodes, collapsed as {@link #of} collapses it. */
  static final class Builder {
    // a char array, not a StringBuilder: one non-Latin-1 character turns a builder into UTF-16,
    // where every append of one character is checked twice
    private char[] out;
    private int length;
    private boolean space = true;

    /** Writes into {@code start} (its content is overwritten), and into a larger copy when it is full. */
    Builder(char[] start) {
      this.out = start.length > 0 ? start : new char[16];
    }

    /** The array written into last: {@code start}, or the larger copy it grew into. */
    char[] buffer() {
      return out;
    }

    /** Text as the page holds it, its references already decoded. */
    void text(String s) {
      int n = s.length();
      if (length + n + 1 > out.length) {
        out = Arrays.copyOf(out, Math.max(out.length * 2, length + n + 1));
      }
      // copied in bulk, then white space folded in place (the write index never passes the read
      // index), in locals: a copy is vectorized, and charAt per character checks the string's
      // coder and bounds each time
      char[] buf = out;
      int w = length;
      boolean sp = space;
      s.getChars(0, n, buf, w);
      for (int r = w, end = w + n; r < end; r++) {
        char c = buf[r];
        if (c > ' ' && c < 0x7f || !(Character.isWhitespace(c) || c == '\u00a0')) {
          buf[w++] = c;
          sp = false;
        } else if (!sp) {
          buf[w++] = ' ';
          sp = true;
        }
      }
      length = w;
      space = sp;
    }

    /** A tag that is not {@link #inline}: one space, as its tag in the HTML gives. */
    void gap() {
      if (!space) {
        if (length == out.length) {
          out = Arrays.copyOf(out, out.length * 2);
        }
        out[length++] = ' ';
        space = true;
      }
    }

    String result() {
      int end = length > 0 && out[length - 1] == ' ' ? length - 1 : length;
      return new String(out, 0, end);
    }
  }

  private void run() {
    int n = in.length;
    int i = 0;
    while (i < n) {
      char c = in[i];
      if (c == '<') {
        i = tag(i);
      } else if (c == '&') {
        i = reference(i);
      } else if (c > ' ' && c < 0x7f) {
        // printable ASCII, most of a description: no white space test, no growth (the text is never
        // longer than its HTML: every tag and reference gives at most as many characters as it has)
        out[length++] = c;
        space = false;
        i++;
      } else {
        emit(c);
        i++;
      }
    }
  }

  private void emit(char c) {
    if (Character.isWhitespace(c) || c == '\u00a0') {
      if (!space) {
        put(' ');
        space = true;
      }
    } else {
      put(c);
      space = false;
    }
  }

  private void put(char c) {
    if (length == out.length) {
      out = Arrays.copyOf(out, length * 2 + 16);
    }
    out[length++] = c;
  }

  /** Handles the markup starting at {@code i} (a '<'); returns the index after it. */
  private int tag(int i) {
    int n = in.length;
    if (startsWith(i, "<!--")) {
      int end = indexOf("-->", i + 4);
      return end < 0 ? n : end + 3;
    }
    int end = indexOf(">", i + 1);
    if (end < 0) {
      emit('<'); // a lone '<' is text
      return i + 1;
    }
    int nameStart = i + 1 < n && in[i + 1] == '/' ? i + 2 : i + 1;
    int nameEnd = nameStart;
    while (nameEnd < end && Character.isLetterOrDigit(in[nameEnd])) {
      nameEnd++;
    }
    String tag = new String(in, nameStart, nameEnd - nameStart).toLowerCase(Locale.ROOT);
    if ((tag.equals("script") || tag.equals("style")) && in[i + 1] != '/') {
      int close = indexOfIgnoreCase("</" + tag, end);
      int closeEnd = close < 0 ? -1 : indexOf(">", close);
      end = closeEnd < 0 ? n - 1 : closeEnd;
    }
    if (!inline(tag)) {
      emit(' ');
    }
    return end + 1;
  }

  /** Decodes the character reference starting at {@code i} (a '&'); returns the index after it. */
  private int reference(int i) {
    int n = in.length;
    int semi = -1;
    for (int j = i + 1; j < Math.min(n, i + 33); j++) {
      char d = in[j];
      if (d == ';') {
        semi = j;
        break;
      }
      if (!Character.isLetterOrDigit(d) && d != '#') {
        break;
      }
    }
    String decoded = semi < 0 ? null : decode(new String(in, i + 1, semi - i - 1));
    if (decoded == null) {
      emit('&');
      return i + 1;
    }
    for (int k = 0; k < decoded.length(); k++) {
      emit(decoded.charAt(k));
    }
    return semi + 1;
  }

  static String decode(String name) {
    if (name.startsWith("#")) {
      try {
        int code = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
            ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
        return Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return switch (name) {
      case "amp" -> "&";
      case "lt" -> "<";
      case "gt" -> ">";
      case "quot" -> "\"";
      case "apos" -> "'";
      case "nbsp" -> "\u00a0";
      default -> {
        String v = Entities.getByName(name);
        yield v == null || v.isEmpty() ? null : v;
      }
    };
  }

  private boolean startsWith(int i, String s) {
    if (i + s.length() > in.length) {
      return false;
    }
    for (int k = 0; k < s.length(); k++) {
      if (in[i + k] != s.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private int indexOf(String s, int from) {
    for (int i = from; i + s.length() <= in.length; i++) {
      if (startsWith(i, s)) {
        return i;
      }
    }
    return -1;
  }

  private int indexOfIgnoreCase(String s, int from) {
    outer:
    for (int i = from; i + s.length() <= in.length; i++) {
      for (int k = 0; k < s.length(); k++) {
        if (Character.toLowerCase(in[i + k]) != s.charAt(k)) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  static boolean inline(String tag) {
    return switch (tag) {
      case "b", "i", "em", "strong", "span", "a", "u", "small", "sup", "sub", "code", "abbr", "font", "mark" -> true;
      default -> false;
    };
  }
}
