package io.jobstream.ingest.jsonld;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class HtmlTextTest {

  @Test
  void givesTheTextJsoupGives() {
    for (String html : new String[] {
        "<p>Build <b>models</b> &amp; ship them.</p><ul><li>Python</li><li>SQL &lt;3</li></ul>",
        "<h3>Who&#39;s this for</h3>\n<p>Caf&eacute; &#x41;&nbsp;B &copy; 2024</p><!-- note --><p>end</p>",
        "plain text, no tags &unknownentity; &amp; end",
        "<div><script>var x = '<p>';</script>visible<style>p{}</style></div>"}) {
      assertThat(HtmlText.of(html)).as(html).isEqualTo(Jsoup.parse(html).text());
    }
  }
}
