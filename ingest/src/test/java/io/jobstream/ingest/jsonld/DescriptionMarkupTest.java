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

  @Test
  void escapesTextAsJsoupDoesWhereverTheCharactersToEscapeFall() {
    for (String text : List.of("", "plain", "&", "a & b < c > d \u00a0 e", "<<>>&&\u00a0\u00a0", "end &", "& start",
        "R&D, P&L & more: 1<2>0", "no\u00a0break")) {
      DescriptionMarkup.Chars html = new DescriptionMarkup.Chars(new char[2]);
      DescriptionMarkup.escapeText(text, html);
      Element p = new Document("").appendElement("p").text(text);
      assertThat(html.result()).as(text).isEqualTo(p.html());
    }
  }

  @Test
  void theFirstIndexIsTheSmallestOfThoseFound() {
    assertThat(DescriptionMarkup.first(-1, -1, -1, -1)).isEqualTo(-1);
    assertThat(DescriptionMarkup.first(5, -1, 3, -1)).isEqualTo(3);
    assertThat(DescriptionMarkup.first(-1, 0, 7, 2)).isEqualTo(0);
    assertThat(DescriptionMarkup.first(-1, -1, -1, 9)).isEqualTo(9);
    assertThat(DescriptionMarkup.first(4, 4, -1, 6)).isEqualTo(4);
  }

  @Test
  void aDescriptionReadAfterALongerOneHoldsNothingOfIt() {
    // the arrays written into are kept per thread from one description to the next
    String longer = "<p>" + "Long paragraph of the first posting. ".repeat(2_000) + "</p>";
    String shorter = "<p>Short &amp; sweet.</p><ul><li>one</li></ul>";
    assertThat(readsAsJsoupWrites(longer)).isTrue();
    assertThat(readsAsJsoupWrites(shorter)).isTrue();
    assertThat(DescriptionMarkup.of(description(shorter)).text()).isEqualTo("Short & sweet. one");
    assertThat(readsAsJsoupWrites("<p>" + "x".repeat(100_000) + "</p>")).isTrue(); // beyond what is kept
    assertThat(readsAsJsoupWrites(shorter)).isTrue();
  }
}
