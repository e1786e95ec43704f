package io.jobstream.ingest.jsonld;

import java.util.Arrays;
import java.util.Set;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * A microdata description's HTML and its text, written in one walk over its nodes: the HTML as
 * {@link Element#html()} writes it (no pretty-printing), the text as {@link HtmlText#of} reads it
 * from that HTML. Jsoup's serializer and then a scan of what it wrote cost more than the rest of
 * extraction together on a microdata page. The walk knows the tags and attribute values job
 * descriptions are made of; for anything else (comments, scripts, other tags, attribute values that
 * need escaping) it gives up, and the caller takes the two steps.
 */
final class DescriptionMarkup {

  /** The description as HTML and as text. */
  record Read(String html, String text) {}

  /** Tags written as start and end tag, with nothing about them that needs care. */
  private static final Set<String> PLAIN = Set.of("p", "div", "span", "ul", "ol", "li", "b", "i", "em", "strong",
      "u", "small", "sup", "sub", "code", "abbr", "mark", "a", "h1", "h2", "h3", "h4", "h5", "h6", "dl", "dt", "dd",
      "blockquote", "section", "article", "header", "footer", "table", "thead", "tbody", "tr", "td", "th");

  /** Tags without end tag or content. */
  private static final Set<String> VOID = Set.of("br", "hr", "wbr");

  private DescriptionMarkup() {}

  /** The description's HTML and text, or null when it holds what this walk does not write as Jsoup does. */
  static Read of(Element description) {
    Scratch scratch = SCRATCH.get();
    Chars html = new Chars(scratch.html);
    HtmlText.Builder text = new HtmlText.Builder(scratch.text);
    Read read = children(description, html, text) ? new Read(html.result(), text.result()) : null;
    scratch.keep(html.out, text.buffer());
    return read;
  }

  /**
   * The arrays the HTML and the text are written into, kept per thread from one description to
   * the next: new arrays for each description, grown as it is written, are zeroed and copied over
   * more bytes than the description holds. At most two arrays of {@link Scratch#MAX_KEPT}
   * characters a thread stay reachable.
   */
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private static final class Scratch {
    /** Arrays grown beyond this many characters (65,536; 2 bytes each) by a long description are not kept. */
    static final int MAX_KEPT = 1 << 16;
    char[] html = new char[8192];
    char[] text = new char[8192];

    void keep(char[] html, char[] text) {
      if (html.length <= MAX_KEPT) {
        this.html = html;
      }
      if (text.length <= MAX_KEPT) {
        this.text = text;
      }
    }
  }

  /**
   * The HTML being written, in a char array: a StringBuilder copies part of a string (between two
   * characters to escape) one character at a time, {@link String#getChars} in bulk.
   */
  static final class Chars {
    private char[] out;
    private int length;

    /** Writes into {@code start} (its content is overwritten), and into a larger copy when it is full. */
    Chars(char[] start) {
      this.out = start.length > 0 ? start : new char[16];
    }

    Chars append(String s) {
      return append(s, 0, s.length());
    }

    /** The characters of {@code s} from {@code from} to {@code to} (exclusive). */
    Chars append(String s, int from, int to) {
      int n = to - from;
      if (length + n > out.length) {
        out = Arrays.copyOf(out, Math.max(out.length * 2, length + n));
      }
      s.getChars(from, to, out, length);
      length += n;
      return this;
    }

    Chars append(char c) {
      if (length == out.length) {
        out = Arrays.copyOf(out, out.length * 2);
      }
      out[length++] = c;
      return this;
    }

    String result() {
      return new String(out, 0, length);
    }
  }

  private static boolean children(Element parent, Chars html, HtmlText.Builder text) {
    for (int i = 0; i < parent.childNodeSize(); i++) {
      Node node = parent.childNode(i);
      if (node instanceof TextNode t && !(node instanceof CDataNode)) {
        String s = t.getWholeText();
        escapeText(s, html);
        text.text(s);
      } else if (!(node instanceof Element e) || !element(e, html, text)) {
        return false; // comments, data of scripts and styles, CDATA
      }
    }
    return true;
  }

  private static boolean element(Element e, Chars html, HtmlText.Builder text) {
    String tag = e.tagName();
    boolean isVoid = VOID.contains(tag);
    if (!isVoid && !PLAIN.contains(tag) || !e.tag().namespace().equals(org.jsoup.parser.Parser.NamespaceHtml)) {
      return false;
    }
    html.append('<').append(tag);
    // most elements have none: attributes() would give each an empty set of its own, the loop an iterator
    if (e.attributesSize() > 0) {
      for (Attribute a : e.attributes()) {
        if (!plainAttribute(a)) {
          return false;
        }
        html.append(' ').append(a.getKey()).append("=\"").append(a.getValue()).append('"');
      }
    }
    html.append('>');
    boolean gap = !HtmlText.inline(tag);
    if (gap) {
      text.gap();
    }
    if (isVoid) {
      return e.childNodeSize() == 0;
    }
    if (!children(e, html, text)) {
      return false;
    }
    html.append("</").append(tag).append('>');
    if (gap) {
      text.gap();
    }
    return true;
  }

  /** A name of letters, digits and dashes and a value Jsoup writes unchanged, non-empty (empty ones may be written bare). */
  private static boolean plainAttribute(Attribute a) {
    String key = a.getKey();
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
        return false;
      }
    }
    String value = a.getValue();
    if (key.isEmpty() || value.isEmpty()) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '&' || c == '"' || c == '<' || c == '>' || c == '\u00a0' || c < ' ') {
        return false;
      }
    }
    return true;
  }

  /**
   * Text as Jsoup escapes it between tags: &amp;, &lt;, &gt; and &nbsp;, the rest as it is. Each of
   * the four is found by {@link String#indexOf(int, int)}, which is vectorized, and looked for again
   * only past the one just escaped; the text between them is copied in bulk.
   */
  static void escapeText(String s, Chars html) {
    int amp = s.indexOf('&');
    int lt = s.indexOf('<');
    int gt = s.indexOf('>');
    int nbsp = s.indexOf('\u00a0');
    int from = 0;
    for (int i = first(amp, lt, gt, nbsp); i >= 0; i = first(amp, lt, gt, nbsp)) {
      html.append(s, from, i);
      from = i + 1;
      switch (s.charAt(i)) {
        case '&' -> {
          html.append("&amp;");
          amp = s.indexOf('&', from);
        }
        case '<' -> {
          html.append("&lt;");
          lt = s.indexOf('<', from);
        }
        case '>' -> {
          html.append("&gt;");
          gt = s.indexOf('>', from);
        }
        default -> {
          html.append("&nbsp;");
          nbsp = s.indexOf('\u00a0', from);
        }
      }
    }
    html.append(s, from, s.length());
  }

  /** The smallest of four indexes that are not negative, or -1 when all are. */
  static int first(int a, int b, int c, int d) {
    return first(first(a, b), first(c, d));
  }

  private static int first(int a, int b) {
    return a < 0 ? b : b < 0 ? a : Math.min(a, b);
  }
}
