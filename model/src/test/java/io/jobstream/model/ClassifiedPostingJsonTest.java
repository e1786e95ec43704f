package io.jobstream.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The emphasis evidence is an optional addition: old values still read, new ones round-trip. */
class ClassifiedPostingJsonTest {

  private static ClassifiedPosting posting(List<EmphasisEvidence> evidence) {
    return new ClassifiedPosting(1, "p", "jsonld", "http://x", "T", "C", "US", false, "ml_engineer",
        "mid", "ml_engineer#1", "15-2051.00", 0.9, "rule", null, null, List.of("Python"), "ml_heavy",
        0.8, 0.0, "k", LocalDate.parse("2024-04-10"), "datePosted",
        Instant.parse("2024-04-20T10:00:00Z"), evidence);
  }

  @Test
  void evidenceRoundTrips() throws Exception {
    ClassifiedPosting p = posting(List.of(new EmphasisEvidence("ml", "train deep learning models", 3.0, "role"),
        new EmphasisEvidence("software", "ci cd", 1.0, "preferred")));
    byte[] json = JsonSerde.MAPPER.writeValueAsBytes(p);
    assertThat(JsonSerde.MAPPER.readValue(json, ClassifiedPosting.class)).isEqualTo(p);
  }

  @Test
  void aValueWrittenBeforeTheEvidenceStillReads() throws Exception {
    ObjectNode old = JsonSerde.MAPPER.valueToTree(posting(null));
    old.remove("emphasisEvidence");
    ClassifiedPosting read = JsonSerde.MAPPER.treeToValue(old, ClassifiedPosting.class);
    assertThat(read.emphasisEvidence()).isNull();
    assertThat(read.emphasis()).isEqualTo("ml_heavy");
    assertThat(read).isEqualTo(posting(null));
  }
}
