package io.jobstream.aggregate.dedup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A job title as copies of an ad share it: abbreviations written out ({@code Sr.} is
 * {@code senior}, {@code ML} is {@code machine learning}, {@code Eng} is {@code engineer},
 * {@code Mgr} is {@code manager}...), roman level numbers as digits ({@code II} is {@code 2}),
 * gender and work-mode tags dropped ({@code (m/w/d)}, {@code Remote}), then the words sorted, so
 * that word order and punctuation do not matter: {@code "Sr. ML Eng"} and
 * {@code "Machine Learning Engineer, Senior"} are both {@code "engineer learning machine senior"}.
 */
public final class JobTitle {

  private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
      Map.entry("sr", "senior"), Map.entry("snr", "senior"), Map.entry("jr", "junior"),
      Map.entry("ml", "machine learning"), Map.entry("mle", "machine learning engineer"),
      Map.entry("eng", "engineer"), Map.entry("engr", "engineer"), Map.entry("mgr", "manager"),
      Map.entry("dev", "developer"), Map.entry("swe", "software engineer"), Map.entry("sw", "software"),
      Map.entry("vp", "vice president"), Map.entry("asst", "assistant"), Map.entry("assoc", "associate"),
      Map.entry("admin", "administrator"), Map.entry("mgmt", "management"), Map.entry("ops", "operations"),
      Map.entry("dir", "director"), Map.entry("mktg", "marketing"), Map.entry("ii", "2"), Map.entry("iii", "3"),
      Map.entry("iv", "4"));

  /** Words that copies add to or leave out of a title without it being another job. */
  private static final Set<String> NOISE = Set.of("and", "of", "the", "a", "remote", "hybrid", "onsite",
      "mwd", "fmd", "mfd", "wmd", "hf", "fh", "mfx", "fmx", "mwx", "all", "genders");

  private JobTitle() {}

  /** The normalized title: its words, written out, sorted, separated by one space. */
  public static String normalize(String title) {
    List<String> words = Text.words(title);
    List<String> out = new ArrayList<>(words.size() + 2);
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      // "I" is a level only at the end ("Engineer I"); a lone letter elsewhere is a tag's ("m/w/d")
      if (w.equals("i") && i == words.size() - 1 && i > 0) {
        out.add("1");
        continue;
      }
      if (w.length() == 1 && Character.isLetter(w.charAt(0))) {
        continue;
      }
      String expanded = ABBREVIATIONS.getOrDefault(w, w);
      for (String part : expanded.split(" ")) {
        if (!NOISE.contains(part)) {
          out.add(part);
        }
      }
    }
    Collections.sort(out);
    return String.join(" ", out);
  }
}
