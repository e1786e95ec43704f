package io.jobstream.ingest.jsonld;

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
    StringBuilder html = new StringBuilder(8192);
    HtmlText.Builder text = new HtmlText.Builder();
    return children(description, html, text) ? new Read(html.toString(), text.result()) : null;
  }

  private static boolean children(Element parent, StringBuilder html, HtmlText.Builder text) {
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

  private static boolean element(Element e, StringBuilder html, HtmlText.Builder text) {
    String tag = e.tagName();
    boolean isVoid = VOID.contains(tag);
    if (!isVoid && !PLAIN.contains(tag) || !e.tag().namespace().equals(org.jsoup.parser.Parser.NamespaceHtml)) {
      return false;
    }
    html.append('<').append(tag);
    for (Attribute a : e.attributes()) {
      if (!plainAttribute(a)) {
        return false;
      }
      html.append(' ').append(a.getKey()).append("=\"").append(a.getValue()).append('"');
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

  /** Text as Jsoup escapes it between tags: &amp;, &lt;, &gt; and &nbsp;, the rest as it is. */
  private static void escapeText(String s, StringBuilder html) {
    if (s.indexOf('&') < 0 && s.indexOf('<') < 0 && s.indexOf('>') < 0 && s.indexOf('\u00a0') < 0) {
      html.append(s); // most text: four vectorized searches and one copy
      return;
    }
    int from = 0;
    for (int i = 0; i < s.length(); i++) {
      String ref = switch (s.charAt(i)) {
        case '&' -> "&amp;";
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '\u00a0' -> "&nbsp;";
        default -> null;
      };
      if (ref != null) {
        html.append(s, from, i).append(ref);
        from = i + 1;
      }
    }
    html.append(s, from, s.length());
  }
}
