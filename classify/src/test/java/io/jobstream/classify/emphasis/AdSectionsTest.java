package io.jobstream.classify.emphasis;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.classify.emphasis.AdSections.Layout;
import io.jobstream.classify.emphasis.AdSections.Section;
import io.jobstream.classify.text.TokenSpans;
import org.junit.jupiter.api.Test;

class AdSectionsTest {

  /** The section of the first token of the first occurrence of {@code word}. */
  private static Section sectionOf(String text, String word) {
    TokenSpans tokens = TokenSpans.of(text);
    Layout layout = AdSections.builtIn().read(tokens);
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.token(i).equals(word)) {
        return layout.at(i);
      }
    }
    throw new AssertionError(word + " not in text");
  }

  private static final String AD = String.join("\n",
      "We are a fast-growing company alpha.",
      "About us",
      "Founded in 2010, we beta.",
      "What you'll do",
      "- gamma things",
      "Basic Qualifications:",
      "- delta",
      "- Experience with epsilon",
      "Preferred Qualifications",
      "- Experience with zeta",
      "Benefits",
      "eta insurance",
      "Qualifications: theta. Our Team: we build iota.",
      "Equal Opportunity Employer",
      "kappa");

  @Test
  void headingsStartSectionsUntilTheNextHeading() {
    assertThat(sectionOf(AD, "alpha")).isEqualTo(Section.INTRO);
    assertThat(sectionOf(AD, "beta")).isEqualTo(Section.COMPANY);
    assertThat(sectionOf(AD, "gamma")).isEqualTo(Section.ROLE);
    assertThat(sectionOf(AD, "delta")).isEqualTo(Section.REQUIREMENTS);
    // a short bullet that begins like a heading ("Experience") is not one
    assertThat(sectionOf(AD, "epsilon")).isEqualTo(Section.REQUIREMENTS);
    assertThat(sectionOf(AD, "zeta")).isEqualTo(Section.PREFERRED);
    assertThat(sectionOf(AD, "eta")).isEqualTo(Section.BENEFITS);
    // inline headings end in a colon
    assertThat(sectionOf(AD, "theta")).isEqualTo(Section.REQUIREMENTS);
    assertThat(sectionOf(AD, "iota")).isEqualTo(Section.COMPANY);
    assertThat(sectionOf(AD, "kappa")).isEqualTo(Section.EEO);
  }

  @Test
  void aLongLineIsNeverAHeading() {
    String text = "Requirements of the business that we gather from many different partners every week\nomega";
    assertThat(sectionOf(text, "omega")).isEqualTo(Section.INTRO);
  }

  @Test
  void weightsRankWhatTheEmployerExpectsFirst() {
    assertThat(Section.REQUIREMENTS.weight()).isEqualTo(1.0);
    assertThat(Section.PREFERRED.weight()).isLessThan(Section.INTRO.weight());
    assertThat(Section.COMPANY.weight()).isLessThan(Section.PREFERRED.weight());
    assertThat(Section.BENEFITS.weight()).isZero();
    assertThat(Section.EEO.weight()).isZero();
  }
}
