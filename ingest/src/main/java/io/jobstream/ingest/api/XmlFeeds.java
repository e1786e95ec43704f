package io.jobstream.ingest.api;

import io.jobstream.ingest.http.FetchRequest;
import io.jobstream.ingest.http.FetchedPage;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reading the XML and RSS feeds of the ATS APIs strictly: a body that is not well-formed XML (an
 * HTML error or captcha page, a cut body) is a dead letter, not a feed with fewer jobs. DTDs and
 * external entities are refused. Elements are found by local name, so a feed's namespace prefixes
 * ({@code tt:}, {@code teamtailor:}) do not matter.
 */
final class XmlFeeds {

  private XmlFeeds() {
  }

  /**
   * GETs {@code url} and parses it; null when unchanged since the last read, or when the fetch
   * failed or the body is not XML (both dead-lettered).
   */
  static Document fetch(ApiContext context, String url) throws InterruptedException {
    FetchedPage page = context.fetch(FetchRequest.get(URI.create(url)));
    if (page == null) {
      return null;
    }
    try {
      return builder().parse(new ByteArrayInputStream(page.body()));
    } catch (Exception e) {
      context.reject("api_error", context.type() + " response is not well-formed XML: " + e.getMessage(), url, null,
          page.text());
      return null;
    }
  }

  private static DocumentBuilder builder() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    DocumentBuilder builder = factory.newDocumentBuilder();
    builder.setErrorHandler(null); // errors are thrown, not printed
    return builder;
  }

  /** The child elements of {@code parent} with local name {@code name}, in order. */
  static List<Element> children(Node parent, String name) {
    List<Element> found = new ArrayList<>();
    if (parent == null) {
      return found;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && name.equals(localName(e))) {
        found.add(e);
      }
    }
    return found;
  }

  /** Every element below {@code root} with local name {@code name}, in document order. */
  static List<Element> descendants(Element root, String name) {
    List<Element> found = new ArrayList<>();
    collect(root, name, found);
    return found;
  }

  private static void collect(Node node, String name, List<Element> found) {
    for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        if (name.equals(localName(e))) {
          found.add(e);
        }
        collect(e, name, found);
      }
    }
  }

  /** The first child element of {@code parent} named {@code name}, or null. */
  static Element child(Node parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? null : found.get(0);
  }

  /** The trimmed text of the first child element named {@code name}; null when absent or blank. */
  static String text(Node parent, String name) {
    Element e = child(parent, name);
    if (e == null) {
      return null;
    }
    String t = e.getTextContent().trim();
    return t.isEmpty() ? null : t;
  }

  private static String localName(Element e) {
    return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
  }

  private static final TransformerFactory TRANSFORMERS = TransformerFactory.newInstance();

  /**
   * {@code node} as XML when {@code posting} has no title (it will be a dead letter), else null:
   * writing every published item back as XML would cost more than reading the feed.
   */
  static String rawIfUntitled(io.jobstream.model.RawPosting posting, Node node) {
    return posting.title() == null || posting.title().isBlank() ? xml(node) : null;
  }

  /** {@code node} written back as XML, for a dead letter's excerpt. */
  static String xml(Node node) {
    try {
      javax.xml.transform.Transformer transformer;
      synchronized (TRANSFORMERS) {
        transformer = TRANSFORMERS.newTransformer();
      }
      transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      StringWriter out = new StringWriter();
      transformer.transform(new DOMSource(node), new StreamResult(out));
      return out.toString();
    } catch (Exception e) {
      return node.getTextContent();
    }
  }
}
