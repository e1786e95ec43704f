package io.jobstream.ingest.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.model.CrawlStateEntry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CrawlStateTest {

  @Test
  void onlyWhatChangedIsAppendedAndAReaderSeesTheLatestEntryOfEachKey() {
    ListLog log = new ListLog();
    CrawlState state = CrawlState.readFrom(log);
    state.published("a", "f1");
    state.validators("http://x/jobs", new CrawlState.Validators("\"e1\"", null));
    assertThat(log.entries).as("nothing is written before save").isEmpty();
    state.save();
    assertThat(log.entries).hasSize(2);
    state.validators("http://x/jobs", new CrawlState.Validators("\"e1\"", null)); // the same again
    state.published("a", "f2");
    state.save();
    assertThat(log.entries).as("one entry for the change, none for the unchanged validators").hasSize(3);

    CrawlState reread = CrawlState.readFrom(log);
    assertThat(reread.isPublished("a", "f2")).isTrue();
    assertThat(reread.isPublished("a", "f1")).isFalse();
    assertThat(reread.isPublished("b", "f2")).isFalse();
    assertThat(reread.isPublished("a", null)).isFalse();
    assertThat(reread.validators("http://x/jobs").etag()).isEqualTo("\"e1\"");
    assertThat(reread.postings()).isEqualTo(1);
  }

  @Test
  void unreadableEntriesAreSkippedAndTheRestIsRead() {
    ListLog log = new ListLog();
    log.entries.add(null);
    log.entries.add(new CrawlStateEntry(1, null, null, null, null, null, Instant.EPOCH, null));
    log.entries.add(CrawlStateEntry.posting("p", "f", Instant.EPOCH));
    CrawlState state = CrawlState.readFrom(log);
    assertThat(state.postings()).isEqualTo(1);
    assertThat(state.isPublished("p", "f")).isTrue();
  }

  @Test
  void removedValidatorsAreSavedAsRemoved() {
    ListLog log = new ListLog();
    CrawlState state = CrawlState.readFrom(log);
    state.validators("http://x/a", new CrawlState.Validators(null, "Tue, 01 Dec 2026 10:00:00 GMT"));
    state.validators("http://x/a", null);
    state.save();
    assertThat(CrawlState.readFrom(log).validators("http://x/a")).isNull();
  }

  @Test
  void theFingerprintTableKeepsEveryEntryAcrossGrowth() {
    FingerprintTable table = new FingerprintTable();
    for (int i = 0; i < 200_000; i++) {
      table.put("jsonld:example.com:" + i, "fp" + i);
    }
    table.put("jsonld:example.com:7", "changed");
    assertThat(table.size()).isEqualTo(200_000);
    for (int i = 0; i < 200_000; i += 997) {
      if (i != 7) {
        assertThat(table.contains("jsonld:example.com:" + i, "fp" + i)).as("entry " + i).isTrue();
      }
      assertThat(table.contains("jsonld:example.com:" + i, "fp" + (i + 1))).isFalse();
    }
    assertThat(table.contains("jsonld:example.com:7", "changed")).isTrue();
    assertThat(table.contains("jsonld:example.com:7", "fp7")).isFalse();
    assertThat(table.contains("jsonld:example.com:200000", "fp200000")).isFalse();
  }
}
