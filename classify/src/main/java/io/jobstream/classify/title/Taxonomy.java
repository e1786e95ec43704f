package io.jobstream.classify.title;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The title taxonomy: concepts and the phrases that name them, role families with their O*NET-SOC
 * codes and rules, seniority markers and level numerals. The built-in file is
 * {@code io/jobstream/classify/taxonomy.json}; a user file of the same layout extends or overrides
 * it (see {@link #withOverride(Path)}).
 */
public final class Taxonomy {

  /** A rule: all of {@code all} present, none of {@code unless}. */
  record Rule(String family, int index, ConceptMask all, ConceptMask unless, double confidence,
      boolean ambiguous, String text) {}

  /** A family: id, occupation code and title, and its rules in order. */
  public record Family(String id, String soc, String socTitle) {}

  record SeniorityMarker(String id, ConceptMask mask) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BUILT_IN = "/io/jobstream/classify/taxonomy.json";

  final PhraseMatcher phrases = new PhraseMatcher();
  final PhraseMatcher evidence = new PhraseMatcher();
  final List<Rule> rules = new ArrayList<>();
  final Map<String, Family> families = new LinkedHashMap<>();
  final List<SeniorityMarker> seniority = new ArrayList<>();
  final Map<String, String> levels = new HashMap<>();
  ConceptMask levelAfter = ConceptMask.EMPTY;
  private final Map<String, Integer> conceptIndex = new HashMap<>();

  private Taxonomy() {}

  /** The built-in taxonomy. */
  public static Taxonomy builtIn() {
    try (InputStream in = Taxonomy.class.getResourceAsStream(BUILT_IN)) {
      return build(List.of(JSON.readTree(in)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the built-in taxonomy", e);
    }
  }

  /**
   * The built-in taxonomy with a user's file over it: the file's phrases add to (or, for a phrase
   * already known, add concepts to) the built-in ones; a family in the file replaces the built-in
   * family of the same id and is tried first, as are new families; seniority and levels in the
   * file replace the built-in lists when present.
   *
   * @throws IllegalArgumentException with the reason when the file cannot be used
   */
  public static Taxonomy withOverride(Path file) {
    JsonNode user;
    try {
      user = JSON.readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read taxonomy file " + file + ": " + e.getMessage());
    }
    try (InputStream in = Taxonomy.class.getResourceAsStream(BUILT_IN)) {
      return build(List.of(user, JSON.readTree(in)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the built-in taxonomy", e);
    }
  }

  /** Builds from documents, the first taking precedence. */
  private static Taxonomy build(List<JsonNode> documents) {
    Taxonomy t = new Taxonomy();
    for (JsonNode doc : documents) {
      for (String section : List.of("concepts", "seniorityConcepts", "levelConcepts")) {
        loadConcepts(t, t.phrases, doc.path(section));
      }
      loadConcepts(t, t.evidence, doc.path("descriptionEvidence"));
    }
    Set<String> seen = new LinkedHashSet<>();
    for (JsonNode doc : documents) {
      for (JsonNode family : doc.path("families")) {
        String id = text(family, "id");
        if (!seen.add(id)) {
          continue;
        }
        t.families.put(id, new Family(id, family.path("soc").asText(null),
            family.path("socTitle").asText(null)));
        int n = 0;
        for (JsonNode rule : family.path("rules")) {
          ConceptMask all = t.masks(rule.path("all"), id);
          if (all.isEmpty()) {
            throw new IllegalArgumentException("family " + id + ": a rule needs concepts in 'all'");
          }
          t.rules.add(new Rule(id, ++n, all, t.masks(rule.path("unless"), id),
              rule.path("confidence").asDouble(0.8), rule.path("ambiguous").asBoolean(false),
              String.join(" + ", names(rule.path("all")))));
        }
      }
    }
    for (JsonNode doc : documents) {
      if (doc.has("seniority")) {
        for (JsonNode marker : doc.path("seniority")) {
          t.seniority.add(new SeniorityMarker(text(marker, "id"), t.masks(marker.path("markers"), "seniority")));
        }
        break;
      }
    }
    for (JsonNode doc : documents) {
      if (doc.has("levels")) {
        doc.path("levels").fields().forEachRemaining(e -> t.levels.put(e.getKey(), e.getValue().asText()));
        t.levelAfter = t.masks(doc.path("levelAfter"), "levelAfter");
        break;
      }
    }
    if (t.conceptIndex.size() > 128) {
      throw new IllegalArgumentException("taxonomy has " + t.conceptIndex.size() + " concepts; at most 128");
    }
    return t;
  }

  private static void loadConcepts(Taxonomy t, PhraseMatcher matcher, JsonNode section) {
    section.fields().forEachRemaining(e -> {
      if (e.getKey().startsWith("_")) {
        return;
      }
      ConceptMask mask = ConceptMask.of(t.index(e.getKey()));
      for (JsonNode phrase : e.getValue()) {
        List<String> tokens = TitleTokenizer.tokens(phrase.asText());
        if (!tokens.isEmpty()) {
          matcher.add(tokens, mask, phrase.asText());
        }
      }
    });
  }

  private int index(String concept) {
    return conceptIndex.computeIfAbsent(concept, c -> conceptIndex.size());
  }

  private ConceptMask masks(JsonNode names, String where) {
    ConceptMask mask = ConceptMask.EMPTY;
    for (JsonNode name : names) {
      Integer i = conceptIndex.get(name.asText());
      if (i == null) {
        throw new IllegalArgumentException(where + ": unknown concept '" + name.asText() + "'");
      }
      mask = mask.or(ConceptMask.of(i));
    }
    return mask;
  }

  private static List<String> names(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static String text(JsonNode node, String field) {
    String value = node.path(field).asText(null);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("taxonomy entry without '" + field + "': " + node);
    }
    return value;
  }

  /** The families in the order they are tried, with their occupation codes. */
  public List<Family> families() {
    return List.copyOf(families.values());
  }

  ConceptMask mask(String concept) {
    Integer i = conceptIndex.get(concept);
    return i == null ? ConceptMask.EMPTY : ConceptMask.of(i);
  }
}
