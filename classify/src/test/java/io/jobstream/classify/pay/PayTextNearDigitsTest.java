package io.jobstream.classify.pay;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.classify.text.TokenSpans;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reading only near the digits ({@link PayTextParser#parse(String, String, TokenSpans)}) gives the
 * answer of reading every character, on the project's pay strings and ads and on random texts
 * made of what amounts are built from.
 */
class PayTextNearDigitsTest {

  private final PayTextParser parser = new PayTextParser();

  private void assertSameAnswer(String text) {
    TokenSpans tokens = TokenSpans.of(text);
    for (String currency : new String[] {null, "USD"}) {
      assertThat(parser.parse(text, currency, tokens)).as("%s (default %s)", text, currency)
          .isEqualTo(parser.parse(text, currency));
    }
  }

  @Test
  void theProjectsPayStringsAndAdsGiveTheSameAnswer() throws IOException, URISyntaxException {
    List<String> texts = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        getClass().getResourceAsStream("/dev/salaries.tsv"), StandardCharsets.UTF_8))) {
      in.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).forEach(l -> texts.add(l.split("\t", -1)[0]));
    }
    for (String dir : List.of("/descriptions", "/emphasis")) {
      try (Stream<Path> files = Files.walk(Path.of(getClass().getResource(dir).toURI()))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
          texts.add(Files.readString(file, StandardCharsets.UTF_8));
        }
      }
    }
    assertThat(texts).hasSizeGreaterThan(150);
    long withPay = texts.stream().filter(t -> parser.parse(t, null).isPresent()).count();
    assertThat(withPay).as("texts with pay, so that both ways are compared on finds").isGreaterThan(60);
    texts.forEach(this::assertSameAnswer);
  }

  @Test
  void randomTextsOfAmountPartsGiveTheSameAnswer() {
    String[] pieces = {"$", "US$", "CA$", "C$", "Rs.", "Rs ", "USD", "EUR", "GBP", "\u20ac", "\u00a3",
        "\u00a5", "\u20b9", " ", "  ", "\u00a0", "120,000", "95", "1.5", "70.000", "48 000", "k", "K",
        "M", " per year", "/hr", " an hour", " a month", "-", " - ", " to ", "\u2013", "401(k)", "Salary:",
        "Pay range", "GS-13", "v2.3", "h1b", "Q3", "A", "Z", "x", ".", ",", "\n", "\u0665\u0660",
        "%", " years", "+", "(", ")", "up to ", "between ", " and ", "LPA", "bonus", "equity", "Acme"};
    Random random = new Random(29);
    int compared = 0;
    for (int k = 0; k < 30_000; k++) {
      StringBuilder b = new StringBuilder();
      int n = 1 + random.nextInt(24);
      for (int i = 0; i < n; i++) {
        b.append(pieces[random.nextInt(pieces.length)]);
      }
      assertSameAnswer(b.toString());
      compared += parser.parse(b.toString(), null).isPresent() ? 1 : 0;
    }
    assertThat(compared).as("random texts with pay").isGreaterThan(1_000);
  }

  @Test
  void anAmountFarFromOthersIsFoundFromItsDigits() {
    String text = "We build things. ".repeat(300) + "The pay is USD  \u00a0 $ 95,000 - 120,000 per year. "
        + "Benefits include a 401(k). ".repeat(50);
    PayText pay = parser.parse(text, null, TokenSpans.of(text)).orElseThrow();
    assertThat(pay.currency()).isEqualTo("USD");
    assertThat(pay.min()).isEqualTo(95_000);
    assertThat(pay.max()).isEqualTo(120_000);
    assertThat(PayTextParser.reach(text, text.indexOf("95,000"))).isLessThanOrEqualTo(text.indexOf("USD"));
  }
}
