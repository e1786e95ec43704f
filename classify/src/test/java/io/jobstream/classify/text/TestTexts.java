package io.jobstream.classify.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Texts for comparing the fast matchers with plain reference ones: every job ad the project wrote
 * for the classify tests (the descriptions and the emphasis ads, titles included), and random
 * texts made of the characters the tokenizer treats specially.
 */
final class TestTexts {

  private TestTexts() {}

  /** The ads of {@code /descriptions/} and {@code /emphasis/}, whole files. */
  static List<String> ads() {
    List<String> out = new ArrayList<>();
    for (String dir : List.of("/descriptions", "/emphasis")) {
      try (Stream<Path> files = Files.walk(Path.of(TestTexts.class.getResource(dir).toURI()))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
          out.add(Files.readString(file, StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    if (out.size() < 40) {
      throw new IllegalStateException("expected the 40 written ads, found " + out.size());
    }
    return out;
  }

  /**
   * Random texts of words, separators, dots, apostrophes, bullets and letters beyond ASCII, in
   * the combinations ads rarely show ("end. .Next", "U.S.'s", ": -").
   */
  static List<String> random(int count, long seed) {
    String[] pieces = {"data", "Data", "ML", "model", "models", "build", "5", "10+", "c#", "c++",
        "R&D", "Node.js", "don't", "don\u2019t", "Zürich", "ÄÖÜ", "é", "\u00b5", ".", "..", "...",
        "'", "\u2019", " ", "  ", "\n", "\r\n", "\t", ":", ";", "!", "?", ",", "-", "/", "(", ")",
        "\u2022", "\u00b7", "\u25cf", "\u25aa", "\u2013", "\u00a0", "e.g.", "U.S.", "years",
        "machine-learning", "nice to have", "a plus", "Requirements:", "Benefits", "\uD83D\uDE80"};
    Random random = new Random(seed);
    List<String> out = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      StringBuilder b = new StringBuilder();
      int n = random.nextInt(40);
      for (int i = 0; i < n; i++) {
        b.append(pieces[random.nextInt(pieces.length)]);
      }
      out.add(b.toString());
    }
    return out;
  }
}
