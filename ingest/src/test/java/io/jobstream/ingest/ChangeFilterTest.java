package io.jobstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.ingest.publish.ChangeFilter;
import io.jobstream.model.RawPosting;
import org.junit.jupiter.api.Test;

class ChangeFilterTest {

  private static RawPosting posting(String id, String fingerprint) {
    return new RawPosting(1, "jsonld", id, id, null, "Data Scientist", null, null, null, null, null,
        null, null, null, null, null, fingerprint);
  }

  @Test
  void passesNewAndChangedPostingsOnly() {
    JsonLdCrawlerTest.CollectingSink next = new JsonLdCrawlerTest.CollectingSink();
    ChangeFilter filter = new ChangeFilter(next);
    filter.publish(posting("a", "1"));
    filter.publish(posting("a", "1"));
    filter.publish(posting("b", "1"));
    filter.publish(posting("a", "2"));
    assertThat(next.postings).extracting(RawPosting::postingId).containsExactly("a", "b", "a");
    assertThat(filter.published()).isEqualTo(3);
    assertThat(filter.unchanged()).isEqualTo(1);
  }
}
