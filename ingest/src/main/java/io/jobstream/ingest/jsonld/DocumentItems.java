package io.jobstream.ingest.jsonld;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

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
    NodeTraversor.filter(walk, document);
    return new DocumentItems(walk.blocks, walk.canonicalHref, walk.microdata, walk.rdfa);
  }

  /** The walk; the depth of the item or RDFa node it is inside, -1 when none, tells top-level ones. */
  private static final class Walk implements NodeFilter {
    final List<String> blocks = new ArrayList<>();
    String canonicalHref;
    final List<Element> microdata = new ArrayList<>();
    final List<Element> rdfa = new ArrayList<>();
    private int itemDepth = -1;
    private int typeofDepth = -1;

    @Override
    public FilterResult head(Node node, int depth) {
      if (!(node instanceof Element e)) {
        return FilterResult.SKIP_CHILDREN; // text, comments, data: nothing below them
      }
      if (e.attributesSize() == 0) {
        return FilterResult.CONTINUE; // most elements of a description: no attribute to look up
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
      if (itemDepth < 0 && e.hasAttr("itemscope")) {
        itemDepth = depth; // items inside this one belong to it, JobPosting or not
        if (e.hasAttr("itemtype") && JsonLdExtractor.isJobPostingType(e.attr("itemtype"))) {
          microdata.add(e);
        }
      }
      if (typeofDepth < 0 && e.hasAttr("typeof")) {
        typeofDepth = depth;
        if (JsonLdExtractor.isRdfaJobPosting(e)) {
          rdfa.add(e);
        }
      }
      return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
      // the tail of the node an item started at comes after everything inside it
      if (depth == itemDepth) {
        itemDepth = -1;
      }
      if (depth == typeofDepth) {
        typeofDepth = -1;
      }
      return FilterResult.CONTINUE;
    }
  }
}
