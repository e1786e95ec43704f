package io.jobstream.classify.wording;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.classify.text.TokenSpans;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link GenderCoder#kindOf}, which passes over most words by a bit table of the stems' first
 * letters before walking its trie, against the stems read the plain way: the shortest stem with a
 * '*' that begins the word, else a stem equal to it (a stem in both lists counts as feminine, the
 * list added last).
 */
class GenderCoderReferenceTest {

  private static int reference(String word) {
    for (int length = 1; length <= word.length(); length++) {
      String head = word.substring(0, length);
      int kind = stemKind(head + "*");
      if (kind != 0) {
        return kind;
      }
    }
    return stemKind(word);
  }

  private static int stemKind(String stem) {
    return GenderCoder.FEMININE.contains(stem) ? 2 : GenderCoder.MASCULINE.contains(stem) ? 1 : 0;
  }

  private static List<String> words() throws IOException {
    List<String> out = new ArrayList<>();
    for (String name : List.of("ml-research-scientist-ranking", "senior-java-developer", "data-platform-engineer",
        "data-science-software-engineer", "backend-engineer-payments", "lead-data-scientist-materials",
        "frontend-engineer", "data-scientist-credit-risk", "ai-engineer-intern-assistant")) {
      try (InputStream in = GenderCoderReferenceTest.class.getResourceAsStream("/descriptions/" + name + ".txt")) {
        TokenSpans tokens = TokenSpans.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        for (int t = 0; t < tokens.size(); t++) {
          out.add(tokens.token(t));
        }
      }
    }
    // the stems themselves, their beginnings and a letter more or less, and random words
    Random random = new Random(25);
    for (String stem : concat()) {
      String word = stem.replace("*", "");
      out.add(word);
      for (int cut = 1; cut < word.length(); cut++) {
        out.add(word.substring(0, cut));
      }
      out.add(word + (char) ('a' + random.nextInt(26)));
      out.add(word + "9");
      out.add(word.substring(0, word.length() - 1) + (char) ('a' + random.nextInt(26)));
    }
    for (int k = 0; k < 20_000; k++) {
      StringBuilder b = new StringBuilder();
      for (int i = random.nextInt(9); i >= 0; i--) {
        b.append(random.nextInt(10) == 0 ? (char) ('0' + random.nextInt(10)) : (char) ('a' + random.nextInt(26)));
      }
      out.add(b.toString());
    }
    return out;
  }

  private static List<String> concat() {
    List<String> all = new ArrayList<>(GenderCoder.MASCULINE);
    all.addAll(GenderCoder.FEMININE);
    return all;
  }

  @Test
  void wordsAreCodedAsTheStemsSay() throws IOException {
    GenderCoder coder = new GenderCoder();
    int coded = 0;
    for (String word : words()) {
      char[] buf = word.toCharArray();
      int expected = reference(word);
      assertThat(coder.kindOf(buf, 0, buf.length)).as(word).isEqualTo(expected);
      coded += expected == 0 ? 0 : 1;
    }
    assertThat(coded).isGreaterThan(200);
  }
}
