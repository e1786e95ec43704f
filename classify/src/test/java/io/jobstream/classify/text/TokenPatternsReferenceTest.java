package io.jobstream.classify.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.classify.emphasis.EmphasisRules;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scan of {@link TokenPatterns}, which passes over tokens by bit tables of the patterns' first
 * tokens and first pairs, finds exactly the matches of the plain scan ({@link
 * ReferenceTokenPatterns}) with the project's own tables, the emphasis rules and the section
 * headings, on the written ads and on random texts.
 */
class TokenPatternsReferenceTest {

  private record Tables(TokenPatterns<String> fast, ReferenceTokenPatterns<String> reference) {
    void add(String pattern, String value) {
      fast.add(pattern, value);
      reference.add(pattern, value);
    }
  }

  private static Tables emphasisRules(boolean title) {
    Tables t = new Tables(new TokenPatterns<>(), new ReferenceTokenPatterns<>());
    for (EmphasisRules.Rule rule : EmphasisRules.builtIn().rules()) {
      if (rule.title() == title) {
        t.add(rule.pattern(), rule.side() + " " + rule.index());
      }
    }
    return t;
  }

  private static Tables sectionHeadings() throws IOException {
    Tables t = new Tables(new TokenPatterns<>(), new ReferenceTokenPatterns<>());
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        EmphasisRules.class.getResourceAsStream("ad-sections.tsv"), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] f = line.split("\t");
          t.add(f[1], f[0] + ": " + f[1]);
        }
      }
    }
    return t;
  }

  private static List<String> fast(TokenPatterns<String> p, TokenSpans tokens, int from, int to) {
    List<String> out = new ArrayList<>();
    p.scan(tokens, from, to, (s, e, v) -> out.add(s + "-" + e + " " + v));
    return out;
  }

  private static List<String> reference(ReferenceTokenPatterns<String> p, TokenSpans tokens, int from, int to) {
    List<String> out = new ArrayList<>();
    p.scan(tokens, from, to, (s, e, v) -> out.add(s + "-" + e + " " + v));
    return out;
  }

  private static void sameMatches(Tables t, List<String> texts) {
    int matches = 0;
    for (String text : texts) {
      TokenSpans tokens = TokenSpans.of(text);
      List<String> expected = reference(t.reference(), tokens, 0, tokens.size());
      assertThat(fast(t.fast(), tokens, 0, tokens.size())).as(text).isEqualTo(expected);
      matches += expected.size();
      // and on every line alone, as the section reader scans its heading candidates
      for (int from = 0, to = 1; to <= tokens.size(); to++) {
        if (to == tokens.size() || (tokens.breakBefore(to) & TokenSpans.LINE) != 0) {
          assertThat(fast(t.fast(), tokens, from, to)).isEqualTo(reference(t.reference(), tokens, from, to));
          from = to;
        }
      }
    }
    assertThat(matches).isPositive();
  }

  @Test
  void emphasisRulesMatchAsThePlainScanDoes() {
    sameMatches(emphasisRules(false), TestTexts.ads());
    sameMatches(emphasisRules(false), TestTexts.random(5_000, 23));
  }

  @Test
  void titleRulesMatchAsThePlainScanDoes() {
    List<String> titles = new ArrayList<>();
    for (String ad : TestTexts.ads()) {
      titles.add(ad.substring(0, ad.indexOf('\n')));
    }
    sameMatches(emphasisRules(true), titles);
  }

  @Test
  void sectionHeadingsMatchAsThePlainScanDoes() throws IOException {
    sameMatches(sectionHeadings(), TestTexts.ads());
    sameMatches(sectionHeadings(), List.of("Responsibilities\\nDuties\\nTasks\\nWhat you'll own\\nNice to have:"
        .replace("\\n", "\n")));
  }
}
