package io.jobstream.classify.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link TokenSpans}, which finds tokens and the breaks between them in one pass with tables,
 * against the same rules written the plain way: the tokens as strings, then each gap between two
 * tokens looked at again in the text.
 */
class TokenSpansTest {

  /** A token as the plain reading gives it: its text and the break flags before it. */
  private record Token(String text, int breakBefore) {}

  private static boolean isWordChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+'
        || c == '#' || c == '&' || c > 127 && c != '\u2019' && Character.isLetterOrDigit(c);
  }

  private static boolean isDropped(char c) {
    return c == '.' || c == '\'' || c == '\u2019';
  }

  private static int separatorFlags(char c) {
    return switch (c) {
      case '\n', '\r' -> TokenSpans.LINE | TokenSpans.SENTENCE;
      case '!', '?', ';', '\u2022', '\u00b7', '\u25cf', '\u25aa' -> TokenSpans.SENTENCE;
      case ':' -> TokenSpans.COLON | TokenSpans.SENTENCE;
      default -> 0;
    };
  }

  /** The plain reading: tokens with where they begin in the text and where their separator is. */
  static List<Token> reference(String text) {
    List<String> words = new ArrayList<>();
    List<Integer> firsts = new ArrayList<>();
    List<Integer> separators = new ArrayList<>();
    StringBuilder word = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isWordChar(c)) {
        if (word == null) {
          word = new StringBuilder();
          firsts.add(i);
        }
        word.append(Character.toLowerCase(c));
      } else if (!isDropped(c) && word != null) {
        words.add(word.toString());
        separators.add(i);
        word = null;
      }
    }
    if (word != null) {
      words.add(word.toString());
      separators.add(text.length());
    }
    List<Token> out = new ArrayList<>();
    for (int t = 0; t < words.size(); t++) {
      int flags = TokenSpans.LINE | TokenSpans.SENTENCE;
      if (t > 0) {
        // the gap: from the separator that ended the token before to this token's first character
        int from = separators.get(t - 1);
        int to = firsts.get(t);
        flags = text.charAt(from - 1) == '.' ? TokenSpans.SENTENCE : 0; // "end. Next"
        for (int k = from; k < to; k++) {
          char c = text.charAt(k);
          if (c == '.') {
            char next = k + 1 < to ? text.charAt(k + 1) : 'x';
            if (k + 1 < to && next != '.' && next != '\'') {
              flags |= TokenSpans.SENTENCE; // a full stop, not an ellipsis or "...'s"
            }
          } else {
            flags |= separatorFlags(c);
          }
        }
      }
      out.add(new Token(words.get(t), flags));
    }
    return out;
  }

  private static List<Token> fast(String text) {
    TokenSpans spans = TokenSpans.of(text);
    List<Token> out = new ArrayList<>();
    for (int t = 0; t < spans.size(); t++) {
      out.add(new Token(spans.token(t), spans.breakBefore(t)));
    }
    assertThat(spans.breakBefore(spans.size())).isEqualTo(TokenSpans.LINE | TokenSpans.SENTENCE);
    for (int t = 0; t < spans.size(); t++) {
      assertThat(spans.hashes[t]).isEqualTo(TokenSpans.hash(spans.chars, spans.start(t), spans.end(t)));
    }
    return out;
  }

  @Test
  void theWrittenAdsTokenizeAsThePlainReadingSays() {
    for (String ad : TestTexts.ads()) {
      assertThat(fast(ad)).isEqualTo(reference(ad));
    }
  }

  @Test
  void randomTextsTokenizeAsThePlainReadingSays() {
    for (String text : TestTexts.random(20_000, 21)) {
      assertThat(fast(text)).as(text).isEqualTo(reference(text));
    }
  }

  @Test
  void breaksBeforeTheFirstTokenAreALine() {
    assertThat(TokenSpans.of(": - Python").breakBefore(0)).isEqualTo(TokenSpans.LINE | TokenSpans.SENTENCE);
    assertThat(TokenSpans.of("").size()).isZero();
    assertThat(TokenSpans.of("... ;").size()).isZero();
  }

  @Test
  void numbersAreWhereEachNumberStarts() {
    // "Rs.500": the dot is dropped inside the token, the number still starts at the 5; "x9" and
    // "h1b" are words; an Arabic-Indic number; "1,000" is two numbers; "c++5" and "+7" start after '+'
    String text = "Rs.500 and 1,000 or \u0665\u0665 x9 h1b 4\n2 c++5 +7 don't'9";
    TokenSpans spans = TokenSpans.of(text);
    int[] numbers = new int[spans.numberCount()];
    for (int r = 0; r < numbers.length; r++) {
      numbers[r] = spans.numberStart(r);
    }
    assertThat(numbers).containsExactly(3, 11, 13, 20, 30, 32, 37, 40, 48);
    assertThat(TokenSpans.of("no digits here").numberCount()).isZero();
  }

  @Test
  void numbersOfRandomTextsAreThoseOfAPlainScan() {
    List<String> texts = new ArrayList<>(TestTexts.random(20_000, 22));
    texts.addAll(TestTexts.ads());
    texts.add("x.9 a'9 .9 9.9.9 #9 &9 9+9 \u0665x\u0665 \u00e99");
    for (String text : texts) {
      List<Integer> expected = new ArrayList<>();
      for (int i = 0; i < text.length(); i++) {
        if (Character.isDigit(text.charAt(i)) && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
          expected.add(i);
        }
      }
      TokenSpans spans = TokenSpans.of(text);
      List<Integer> numbers = new ArrayList<>();
      for (int r = 0; r < spans.numberCount(); r++) {
        numbers.add(spans.numberStart(r));
      }
      assertThat(numbers).as(text).isEqualTo(expected);
    }
  }
}
