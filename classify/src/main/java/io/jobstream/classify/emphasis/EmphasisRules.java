package io.jobstream.classify.emphasis;

import io.jobstream.classify.text.TokenPatterns;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The phrase table of the emphasis scorer ({@code emphasis-rules.tsv}): which phrases of an ad
 * are evidence for which side, and how much. Each line is {@code where, side, weight, pattern}:
 * <ul>
 *   <li>{@code where}: {@code title} (matched in the title) or {@code text} (in the description);</li>
 *   <li>{@code side}: {@code ml}, {@code software} or {@code neither} for evidence; {@code none}
 *       for a phrase that says nothing but must not be read as a shorter one ("machine learning
 *       engineer" is not an "engineer"); or a cue that changes the evidence of its sentence:
 *       {@code negate} (the work is someone else's: "owned by the platform team", "you will not
 *       be expected to"), {@code optional} ("a plus", "familiarity with") or {@code skip}
 *       (equal-opportunity and legal text);</li>
 *   <li>{@code weight}: points of evidence for one mention in a requirements section (see
 *       {@link AdSections.Section} for the factors elsewhere); for cues, unused;</li>
 *   <li>{@code pattern}: a {@link TokenPatterns} pattern, in which {@code $name} stands for a
 *       {@code define} line's alternatives (e.g. the verbs of building).</li>
 * </ul>
 */
public final class EmphasisRules {

  /** What a rule's phrase is evidence of, or how it changes its sentence's evidence. */
  public enum Side {
    ML, SOFTWARE, NEITHER, NONE, NEGATE, OPTIONAL, SKIP;

    private final String id = name().toLowerCase(Locale.ROOT); // once: every verdict quotes it

    /** Lower-case name, as the evidence reports it. */
    public String id() {
      return id;
    }

    boolean isEvidence() {
      return this == ML || this == SOFTWARE || this == NEITHER;
    }
  }

  /**
   * One line of the table.
   *
   * @param index the rule's position among all rules, for per-rule tallies
   * @param title matched in the title rather than the description
   * @param side see {@link Side}
   * @param weight points of one mention in a requirements section
   * @param pattern the pattern as written, macros expanded
   */
  public record Rule(int index, boolean title, Side side, double weight, String pattern) {}

  private static final Pattern MACRO = Pattern.compile("\\$([a-z_]+)");
  private static final EmphasisRules BUILT_IN = load("emphasis-rules.tsv");

  private final List<Rule> rules;
  private final TokenPatterns<Rule> titlePatterns = new TokenPatterns<>();
  private final TokenPatterns<Rule> textPatterns = new TokenPatterns<>();

  private EmphasisRules(List<Rule> rules) {
    this.rules = List.copyOf(rules);
    for (Rule rule : rules) {
      (rule.title() ? titlePatterns : textPatterns).add(rule.pattern(), rule);
    }
  }

  /** The rules of {@code emphasis-rules.tsv} in this package's resources. */
  public static EmphasisRules builtIn() {
    return BUILT_IN;
  }

  /** Rules read from TSV lines (the layout above), for tests and alternative tables. */
  public static EmphasisRules of(List<String> lines) {
    Map<String, String> macros = new LinkedHashMap<>();
    List<Rule> rules = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      if (f[0].equals("define")) {
        macros.put(f[1].trim(), expand(f[2].trim(), macros));
        continue;
      }
      if (f.length != 4 || !(f[0].equals("title") || f[0].equals("text"))) {
        throw new IllegalArgumentException("not a rule: " + line);
      }
      rules.add(new Rule(rules.size(), f[0].equals("title"),
          Side.valueOf(f[1].trim().toUpperCase(Locale.ROOT)), Double.parseDouble(f[2].trim()),
          expand(f[3].trim(), macros)));
    }
    return new EmphasisRules(rules);
  }

  private static String expand(String pattern, Map<String, String> macros) {
    Matcher m = MACRO.matcher(pattern);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = macros.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException("undefined $" + m.group(1) + " in " + pattern);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  public List<Rule> rules() {
    return rules;
  }

  TokenPatterns<Rule> titlePatterns() {
    return titlePatterns;
  }

  TokenPatterns<Rule> textPatterns() {
    return textPatterns;
  }

  private static EmphasisRules load(String resource) {
    try (InputStream in = EmphasisRules.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return of(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
