package io.jobstream.ingest.jsonld;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What extraction needs from a whole document, found in one walk over it: its JSON-LD blocks, its
 * canonical link, and its top-level JobPosting items in microdata and in RDFa Lite, each in
 * document order. One walk instead of a selector query per kind: each query is parsed and then
 * matched against every element, which cost as much as a third of the parse on microdata pages.
 *
 * @param blocks the content of each {@code <script type="application/ld+json">}
 * @param canonicalHref the {@code href} of the first {@code <link rel=canonical href>}, or null
 * @param microdata {@code itemscope} elements of a JobPosting {@code itemtype} within no other {@code itemscope}
 * @param rdfa {@code typeof} elements of type JobPosting within no other {@code typeof}
 */
record DocumentItems(List<String> blocks, String canonicalHref, List<Element> microdata, List<Element> rdfa) {

  static DocumentItems of(Document document) {
    Walk walk = new Walk();
    walk.children(document, false, false);
    return new DocumentItems(walk.blocks, walk.canonicalHref, walk.microdata, walk.rdfa);
  }

  /**
   * The walk: a recursion over child elements by index rather than a {@code NodeTraversor}, which
   * visits every text node too and steps by sibling, looking each node's index up in its parent
   * (it cost a twentieth of extraction on a microdata page). The depth is the parser's: Jsoup
   * stops nesting at 512 elements.
   */
  private static final class Walk {
    final List<String> blocks = new ArrayList<>();
    String canonicalHref;
    final List<Element> microdata = new ArrayList<>();
    final List<Element> rdfa = new ArrayList<>();

    /** The child elements of {@code parent}; the flags tell whether it is inside an item, an RDFa node. */
    void children(Element parent, boolean inItem, boolean inTypeof) {
      for (int i = 0, n = parent.childNodeSize(); i < n; i++) {
        if (parent.childNode(i) instanceof Element e) {
          element(e, inItem, inTypeof);
        }
      }
    }

    private void element(Element e, boolean inItem, boolean inTypeof) {
      if (e.attributesSize() == 0) {
        children(e, inItem, inTypeof); // most elements of a description: no attribute to look up
        return;
      }
      if (e.nameIs("script")) {
        if (e.hasAttr("type") && JsonLdBlocks.isJsonLdType(e.attr("type"))) {
          blocks.add(e.data());
        }
      } else if (e.nameIs("link")) {
        // as link[rel=canonical][href] matches: the rel value trimmed, case ignored
        if (canonicalHref == null && e.hasAttr("href") && e.attr("rel").trim().equalsIgnoreCase("canonical")) {
          canonicalHref = e.attr("href");
        }
      }
      boolean item = inItem;
      if (!inItem && e.hasAttr("itemscope")) {
        item = true; // items inside this one belong to it, JobPosting or not
        if (e.hasAttr("itemtype") && JsonLdExtractor.isJobPostingType(e.attr("itemtype"))) {
          microdata.add(e);
        }
      }
      boolean typeof = inTypeof;
      if (!inTypeof && e.hasAttr("typeof")) {
        typeof = true;
        if (JsonLdExtractor.isRdfaJobPosting(e)) {
          rdfa.add(e);
        }
      }
      children(e, item, typeof);
    }
  }
}
