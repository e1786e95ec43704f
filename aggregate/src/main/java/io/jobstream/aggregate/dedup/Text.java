package io.jobstream.aggregate.dedup;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Lower-cased, accent-free words of a text: what every normalizer starts from. */
final class Text {

  private Text() {}

  /** The text without accents, lower case ({@link Locale#ROOT}). */
  static String fold(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
  }

  /** The runs of letters and digits of the folded text, in order; {@code &} is the word "and". */
  static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    if (s == null) {
      return out;
    }
    String folded = fold(s);
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        word.append(c);
      } else {
        if (word.length() > 0) {
          out.add(word.toString());
          word.setLength(0);
        }
        if (c == '&') {
          out.add("and");
        }
      }
    }
    if (word.length() > 0) {
      out.add(word.toString());
    }
    return out;
  }

  /** Runs of one-letter words joined into one ("l l c" -> "llc", "i b m" -> "ibm"): dotted abbreviations. */
  static List<String> joinInitials(List<String> words) {
    List<String> out = new ArrayList<>(words.size());
    StringBuilder run = new StringBuilder();
    for (String w : words) {
      if (w.length() == 1 && Character.isLetter(w.charAt(0))) {
        run.append(w);
        continue;
      }
      if (run.length() > 0) {
        out.add(run.toString());
        run.setLength(0);
      }
      out.add(w);
    }
    if (run.length() > 0) {
      out.add(run.toString());
    }
    return out;
  }
}
