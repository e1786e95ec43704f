package io.jobstream.ingest.jsonld;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.junit.jupiter.api.Test;

/**
 * The one-walk reading of a microdata description gives the HTML Jsoup writes and the text
 * {@link HtmlText} reads from it, or gives up; on descriptions the project wrote and on markup
 * made to trip it up.
 */
class DescriptionMarkupTest {

  private static Element description(String inner) {
    Document document = Jsoup.parse("<html><body><div itemscope itemtype=\"https://schema.org/JobPosting\">"
        + "<div itemprop=\"description\">" + inner + "</div></div></body></html>");
    document.outputSettings().prettyPrint(false);
    return document.selectFirst("[itemprop=description]");
  }

  /** Asserts the walk's reading equals Jsoup's HTML and HtmlText's text of it; returns whether it read it. */
  private static boolean readsAsJsoupWrites(String inner) {
    Element e = description(inner);
    DescriptionMarkup.Read read = DescriptionMarkup.of(e);
    if (read != null) {
      assertThat(read.html()).as(inner).isEqualTo(e.html());
      assertThat(read.text()).as(inner).isEqualTo(HtmlText.of(e.html()));
    }
    return read != null;
  }

  @Test
  void descriptionsAsCareerSitesMarkThemUpAreReadInTheWalk() {
    List<String> inners = new ArrayList<>();
    for (String d : PostingTexts.descriptions(40)) {
      inners.add("<p>" + Entities.escape(d).replace(". ", ".</p><p>") + "</p>");
    }
    inners.add("<h3>Who we are</h3><p>Build <b>models</b> &amp; ship them &lt;fast&gt;.</p>"
        + "<ul><li>Python</li><li>SQL</li></ul><p>Caf&eacute; A&nbsp;B &copy; 2024<br>next line</p>");
    inners.add("<P CLASS=\"lead\">Upper case tags</P><a href=\"https://example.com/apply?a=1\" target=\"_blank\">apply</a>");
    inners.add("  text  with\n\tspaces  <span>inline</span><em>and</em> <strong>more</strong>  ");
    inners.add("1 < 2 and 3 > 2, \"quoted\" 'single' &#x1F600; done<hr><wbr>");
    inners.add("");
    for (String inner : inners) {
      assertThat(readsAsJsoupWrites(inner)).as(inner).isTrue();
    }
  }

  @Test
  void givesUpOnWhatItDoesNotWriteAsJsoupDoes() {
    for (String inner : List.of(
        "<p>a</p><!-- a comment --><p>b</p>",
        "<p>a</p><script>var x = '<p>';</script>",
        "<style>p{}</style><p>a</p>",
        "<a href=\"/apply?a=1&amp;b=2\">apply</a>",
        "<input disabled><p>a</p>",
        "<p title=\"\">empty attribute</p>",
        "<img src=\"/logo.png\" alt=\"logo\">",
        "<svg><circle r=\"1\"></circle></svg>",
        "<custom-tag>x</custom-tag>",
        "<textarea>a &amp; b</textarea>",
        "<p data-x=\"a\nb\">line in a value</p>")) {
      assertThat(readsAsJsoupWrites(inner)).as(inner).isFalse();
    }
  }
}
