package io.jobstream.classify.pay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link LowerText}, which lower-cases characters as they are read, against a lower-cased copy
 * made the plain way: A-Z and the Latin-1 capitals but '×' lower-cased, every other character
 * kept, so that positions stay those of the text.
 */
class LowerTextTest {

  private static final String[] PREFIXES = {"salary", "per hour", "up to", "usd", "\u00e9tude", "k", "", "x"};

  private static String copy(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      boolean capital = c >= 'A' && c <= 'Z' || c >= '\u00c0' && c <= '\u00de' && c != '\u00d7';
      b.append(capital ? (char) (c + 32) : c);
    }
    return b.toString();
  }

  @Test
  void readsAsTheLowerCasedCopy() {
    Random random = new Random(41);
    String pieces = "aZ09 $\u20ac\u00a3.,-\u00c4\u00d6\u00dc\u00d7\u00de\u00df\u0130\u2019\u00a0Kk";
    String[] words = {"Salary", "PER HOUR", "Up To", "USD", "from", "\u00c9TUDE", "k", ""};
    for (int n = 0; n < 5_000; n++) {
      StringBuilder b = new StringBuilder();
      for (int i = random.nextInt(30); i >= 0; i--) {
        String piece = String.valueOf(pieces.charAt(random.nextInt(pieces.length())));
        b.append(random.nextBoolean() ? piece : words[random.nextInt(words.length)]);
      }
      String text = b.toString();
      String expected = copy(text);
      LowerText lower = new LowerText(text);
      assertThat(lower.length()).isEqualTo(expected.length());
      for (int i = 0; i < text.length(); i++) {
        assertThat(lower.charAt(i)).as(text).isEqualTo(expected.charAt(i));
      }
      for (String prefix : PREFIXES) {
        for (int at = -1; at <= text.length() + 1; at++) {
          assertThat(lower.startsWith(prefix, at)).as("%s at %d in %s", prefix, at, text)
              .isEqualTo(expected.startsWith(prefix, at));
        }
      }
      int from = random.nextInt(text.length() + 1);
      int to = from + random.nextInt(text.length() - from + 1);
      assertThat(lower.substring(from, to)).isEqualTo(expected.substring(from, to));
    }
  }

  @Test
  void latinOneTextReadsAsToLowerCase() {
    String text = "Pay: USD 95,000 PER YEAR \u00c4RGER \u00d7 \u00dcber";
    LowerText lower = new LowerText(text);
    assertThat(lower.substring(0, text.length())).isEqualTo(text.toLowerCase(Locale.ROOT));
    assertThat(lower.text()).isSameAs(text);
  }
}
