package io.jobstream.classify.skills;

import io.jobstream.classify.text.TokenSpans;
import io.jobstream.classify.text.TokenTrie;
import io.jobstream.classify.text.Tokens;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The curated skill dictionary ({@code io/jobstream/classify/skills.tsv}): over 200 skills, each
 * with aliases and a tag. A skill is found when its name or an alias appears in the text as whole
 * words, case-insensitively ("Scikit-Learn", "sklearn" and "scikit learn" are one skill).
 */
public final class SkillDictionary {

  /** The tags, in the order reports list them. */
  public static final List<String> TAGS = List.of("ml", "software", "data", "analytics", "statistics");

  private static final String BUILT_IN = "/io/jobstream/classify/skills.tsv";

  private final TokenTrie<Skill> trie = new TokenTrie<>();
  private final List<Skill> skills = new ArrayList<>();

  private SkillDictionary() {}

  public static SkillDictionary builtIn() {
    SkillDictionary dictionary = new SkillDictionary();
    try (InputStream in = SkillDictionary.class.getResourceAsStream(BUILT_IN);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length < 2 || !TAGS.contains(f[1].trim())) {
          throw new IllegalStateException(BUILT_IN + " line " + number + ": needs name, tag, aliases");
        }
        Skill skill = new Skill(f[0].trim(), f[1].trim());
        dictionary.skills.add(skill);
        dictionary.trie.add(Tokens.of(skill.name()), skill);
        if (f.length > 2) {
          for (String alias : f[2].split("\\|")) {
            if (!alias.isBlank()) {
              dictionary.trie.add(Tokens.of(alias), skill);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + BUILT_IN, e);
    }
    return dictionary;
  }

  /** Every skill in the dictionary. */
  public List<Skill> skills() {
    return List.copyOf(skills);
  }

  /** The distinct skills mentioned in already tokenized text, in order of first mention. */
  public Set<Skill> find(TokenSpans tokens) {
    Set<Skill> found = new LinkedHashSet<>();
    trie.scan(tokens, (start, end, skill) -> found.add(skill));
    return found;
  }
}
