package io.jobstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SourceSpecTest {

  @Test
  void parsesJsonLdSources() {
    SourceSpec spec = SourceSpec.parse("jsonld:https://example.com/jobs?x=1");
    assertThat(spec.type()).isEqualTo("jsonld");
    assertThat(spec.uri().getHost()).isEqualTo("example.com");
  }

  @Test
  void aSourceMayCarryItsOwnPollingInterval() {
    SourceSpec spec = SourceSpec.parse("greenhouse:acme@30m");
    assertThat(spec.target()).isEqualTo("acme");
    assertThat(spec.every()).isEqualTo(java.time.Duration.ofMinutes(30));
    SourceSpec url = SourceSpec.parse("jsonld:https://user@example.com/jobs@2h");
    assertThat(url.target()).isEqualTo("https://user@example.com/jobs");
    assertThat(url.every()).isEqualTo(java.time.Duration.ofHours(2));
    assertThat(SourceSpec.parse("lever:acme").every()).isNull();
    assertThatThrownBy(() -> SourceSpec.parse("lever:acme@0s")).hasMessageContaining("positive");
  }

  @Test
  void rejectsWhatItCannotRead() {
    assertThatThrownBy(() -> SourceSpec.parse("https://example.com")).hasMessageContaining("unknown source type 'https'");
    assertThatThrownBy(() -> SourceSpec.parse("jsonld:")).hasMessageContaining("TYPE:TARGET");
    assertThatThrownBy(() -> SourceSpec.parse("jsonld:file:///etc/passwd")).hasMessageContaining("http or https");
    assertThatThrownBy(() -> SourceSpec.parse("jsonld:http://exa mple.com")).hasMessageContaining("invalid URL");
  }
}
