package io.jobstream.classify.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenPatternsTest {

  private static List<String> matches(TokenPatterns<String> patterns, String text) {
    TokenSpans tokens = TokenSpans.of(text);
    List<String> out = new ArrayList<>();
    patterns.scan(tokens, (start, end, value) -> {
      StringBuilder b = new StringBuilder(value).append(':');
      for (int t = start; t < end; t++) {
        b.append(t > start ? " " : "").append(tokens.token(t));
      }
      out.add(b.toString());
    });
    return out;
  }

  @Test
  void alternativesEndingsOptionalsAndWildcards() {
    TokenPatterns<String> p = new TokenPatterns<>();
    p.add("build|develop(s|ing) predictive|statistical? model(s)", "model");
    p.add("# years *? *? machine-learning", "years");
    p.add("ci/cd", "cicd");
    assertThat(matches(p, "You will develop statistical models and build models; developing model."))
        .containsExactly("model:develop statistical models", "model:build models", "model:developing model");
    assertThat(matches(p, "5+ years in applied machine learning, or five years in machine learning"))
        .containsExactly("years:5+ years in applied machine learning", "years:five years in machine learning");
    assertThat(matches(p, "We use CI/CD")).containsExactly("cicd:ci cd");
    assertThat(matches(p, "one of the years")).isEmpty();
  }

  @Test
  void longestMatchWinsAndMatchesDoNotOverlap() {
    TokenPatterns<String> p = new TokenPatterns<>();
    p.add("machine-learning", "short");
    p.add("machine-learning engineer", "long");
    p.add("engineer", "role");
    assertThat(matches(p, "machine learning engineer and machine learning; engineer"))
        .containsExactly("long:machine learning engineer", "short:machine learning", "role:engineer");
  }

  @Test
  void matchesStopAtTheEndOfASentence() {
    TokenPatterns<String> p = new TokenPatterns<>();
    p.add("distributed systems", "x");
    assertThat(matches(p, "distributed. Systems")).isEmpty();
    assertThat(matches(p, "distributed\nsystems")).isEmpty();
    assertThat(matches(p, "distributed, systems")).containsExactly("x:distributed systems");
  }

  @Test
  void manyOneTokenAlternativesAreMatchedAsASet() {
    TokenPatterns<String> p = new TokenPatterns<>();
    p.add("train|fit|tune|evaluate|validate|calibrate ranking|risk|credit|fraud|churn|demand model(s)", "m");
    assertThat(matches(p, "we calibrate churn models and fit demand model")).containsExactly(
        "m:calibrate churn models", "m:fit demand model");
    assertThat(matches(p, "calibrate the model")).isEmpty();
  }

  @Test
  void badPatternsAreRejected() {
    TokenPatterns<String> p = new TokenPatterns<>();
    assertThatThrownBy(() -> p.add("* models", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> p.add("a|b|c|d|e|f|g|h *? *? *? *? *? *? *? *? *? *? *? *? *? x", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tokenSpansKeepLineSentenceAndColonBreaks() {
    TokenSpans t = TokenSpans.of("Requirements:\n- 5 years. Node.js, Python; Go\nNice");
    // requirements | 5 years | node js? no: node.js is one token | python | go | nice
    assertThat(Tokens.of("Requirements:\n- 5 years. Node.js, Python; Go\nNice"))
        .containsExactly("requirements", "5", "years", "nodejs", "python", "go", "nice");
    assertThat(t.breakBefore(0)).isEqualTo(TokenSpans.LINE | TokenSpans.SENTENCE);
    assertThat(t.breakBefore(1)).isEqualTo(TokenSpans.LINE | TokenSpans.SENTENCE | TokenSpans.COLON);
    assertThat(t.breakBefore(2)).isZero();
    assertThat(t.breakBefore(3)).isEqualTo(TokenSpans.SENTENCE); // full stop
    assertThat(t.breakBefore(4)).isZero(); // a comma
    assertThat(t.breakBefore(5)).isEqualTo(TokenSpans.SENTENCE); // semicolon
    assertThat(t.breakBefore(6)).isEqualTo(TokenSpans.LINE | TokenSpans.SENTENCE);
    assertThat(t.breakBefore(7)).isEqualTo(TokenSpans.LINE | TokenSpans.SENTENCE); // past the end
  }
}
