package io.jobstream.ingest.jsonld;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** A page's canonical URL: its canonical link, else its own URL without tracking parameters and fragment. */
class CanonicalUrlTest {

  @Test
  void aPageUrlWithNothingToDropIsTheCanonicalOneAsItIs() {
    for (String url : new String[] {"https://careers.example.com/jobs/1", "https://user@careers.example.com:8443/jobs/a%20b",
        "https://careers.example.com"}) {
      URI page = URI.create(url);
      assertThat(JsonLdExtractor.canonical(null, page)).isSameAs(page);
    }
  }

  @Test
  void trackingParametersAndTheFragmentAreDropped() {
    assertThat(JsonLdExtractor.canonical(null, URI.create("https://careers.example.com/jobs/1?utm_source=x&id=3#apply")))
        .isEqualTo(URI.create("https://careers.example.com/jobs/1?id=3"));
    assertThat(JsonLdExtractor.canonical(null, URI.create("https://careers.example.com/jobs/1#apply")))
        .isEqualTo(URI.create("https://careers.example.com/jobs/1"));
    assertThat(JsonLdExtractor.canonical(null, URI.create("https://careers.example.com/jobs/1?gclid=abc")))
        .isEqualTo(URI.create("https://careers.example.com/jobs/1"));
    // a query kept whole gives a URL equal to the page's, though not the same object
    assertThat(JsonLdExtractor.canonical(null, URI.create("https://careers.example.com/jobs?id=3")))
        .isEqualTo(URI.create("https://careers.example.com/jobs?id=3"));
  }

  @Test
  void theCanonicalLinkWinsResolvedAgainstThePage() {
    assertThat(JsonLdExtractor.canonical(" /jobs/canon ", URI.create("https://careers.example.com/jobs/1?utm_source=x")))
        .isEqualTo(URI.create("https://careers.example.com/jobs/canon"));
  }
}
