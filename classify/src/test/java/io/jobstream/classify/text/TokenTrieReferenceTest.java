package io.jobstream.classify.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link TokenTrie} with the skill dictionary's phrases finds what the plain reading finds: from
 * each token on, the longest phrase that its tokens spell, then on after it.
 */
class TokenTrieReferenceTest {

  /** The names and aliases of {@code skills.tsv}, each a phrase with its line as the value. */
  private static Map<List<String>, String> skillPhrases() throws IOException {
    Map<List<String>, String> phrases = new LinkedHashMap<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        TokenTrie.class.getResourceAsStream("/io/jobstream/classify/skills.tsv"), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        List<String> names = new ArrayList<>(List.of(f[0]));
        if (f.length > 2) {
          names.addAll(List.of(f[2].split("\\|")));
        }
        for (String name : names) {
          List<String> tokens = Tokens.of(name);
          if (!tokens.isEmpty()) {
            phrases.putIfAbsent(tokens, f[0]); // a phrase already present keeps its first value
          }
        }
      }
    }
    return phrases;
  }

  private static List<String> reference(Map<List<String>, String> phrases, List<String> tokens) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      int best = -1;
      for (List<String> phrase : phrases.keySet()) {
        int end = i + phrase.size();
        if (end <= tokens.size() && end > best && tokens.subList(i, end).equals(phrase)) {
          best = end;
        }
      }
      if (best < 0) {
        i++;
      } else {
        out.add(i + "-" + best + " " + phrases.get(tokens.subList(i, best)));
        i = best;
      }
    }
    return out;
  }

  @Test
  void skillPhrasesAreFoundAsThePlainReadingFindsThem() throws IOException {
    Map<List<String>, String> phrases = skillPhrases();
    TokenTrie<String> trie = new TokenTrie<>();
    phrases.forEach(trie::add);
    List<String> texts = new ArrayList<>(TestTexts.ads());
    texts.addAll(TestTexts.random(2_000, 24));
    texts.add("Python, SQL; machine\\nlearning with scikit learn and Apache Spark. C++ and C#".replace("\\n", "\n"));
    int found = 0;
    for (String text : texts) {
      TokenSpans tokens = TokenSpans.of(text);
      List<String> words = new ArrayList<>();
      for (int t = 0; t < tokens.size(); t++) {
        words.add(tokens.token(t));
      }
      List<String> fast = new ArrayList<>();
      trie.scan(tokens, (s, e, v) -> fast.add(s + "-" + e + " " + v));
      List<String> expected = reference(phrases, words);
      assertThat(fast).as(text).isEqualTo(expected);
      found += expected.size();
    }
    assertThat(found).isGreaterThan(200);
  }
}
