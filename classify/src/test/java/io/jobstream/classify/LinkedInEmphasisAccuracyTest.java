package io.jobstream.classify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jobstream.classify.emphasis.Emphasis;
import io.jobstream.model.data.DataDirectory;
import io.jobstream.model.data.DataSet;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The emphasis classifier on real job ads labelled blind by a careful reader
 * ({@code /dev/emphasis-labels.tsv}): LinkedIn postings and skills-ml samples read from the data
 * directory by id. The ads are split for good before any tuning: an ad is held out when the
 * CRC-32 of its id, mod 10, is below 3 (41 of 120 ads); the rules were tuned looking only at the
 * misses of the rest (the dev part). Prints the confusion matrix and per-class precision and
 * recall of each part, and the misses of the dev part only.
 */
@Tag("data")
class LinkedInEmphasisAccuracyTest {

  record Labelled(String set, String id, String title, String label) {
    boolean heldOut() {
      CRC32 crc = new CRC32();
      crc.update(id.getBytes(StandardCharsets.UTF_8));
      return crc.getValue() % 10 < 3;
    }
  }

  static List<Labelled> labels() {
    List<Labelled> out = new ArrayList<>();
    for (String line : LabelledAds.lines("/dev/emphasis-labels.tsv")) {
      String[] f = line.split("\t", -1);
      out.add(new Labelled(f[0], f[1], f[2], f[3]));
    }
    return out;
  }

  /** LinkedIn description, and the skills text when there is one (the reader read both). */
  static Map<String, String> linkedIn(DataSet set, Set<String> ids) throws IOException {
    Map<String, String> out = new HashMap<>();
    try (CsvRecords csv = new CsvRecords(Files.newBufferedReader(
        DataDirectory.fromEnvironment().require(set), StandardCharsets.UTF_8))) {
      List<String> header = csv.next();
      int id = header.indexOf("job_id");
      int description = header.indexOf("description");
      int skills = header.indexOf("skills_desc");
      for (List<String> row = csv.next(); row != null; row = csv.next()) {
        if (row.size() == header.size() && ids.contains(row.get(id))) {
          String text = row.get(description);
          if (skills >= 0 && !row.get(skills).isBlank()) {
            text = text + "\n\n" + row.get(skills);
          }
          out.put(row.get(id), text);
        }
      }
    }
    return out;
  }

  /** The text fields of the skills-ml sample postings, one paragraph each. */
  static Map<String, String> skillsMl(Set<String> ids) throws IOException {
    Map<String, String> out = new HashMap<>();
    Path dir = DataDirectory.fromEnvironment().require(DataSet.SKILLS_ML_SAMPLE);
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(dir.resolve("50_sample.json.gz"))), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        JsonNode posting = json.readTree(line);
        String id = posting.path("id").asText();
        if (!ids.contains(id)) {
          continue;
        }
        StringBuilder text = new StringBuilder();
        for (String field : List.of("jobDescription", "description", "responsibilities", "qualifications",
            "experienceRequirements", "educationRequirements", "skills")) {
          JsonNode value = posting.get(field);
          if (value == null || value.isNull()) {
            continue;
          }
          if (value.isArray()) {
            value.forEach(v -> text.append(v.asText()).append('\n'));
          } else {
            text.append(value.asText()).append('\n');
          }
          text.append('\n');
        }
        out.put(id, text.toString());
      }
    }
    return out;
  }

  @Test
  void realAdsAgreeWithTheReader() throws IOException {
    List<Labelled> labels = labels();
    Map<String, Set<String>> idsBySet = new HashMap<>();
    labels.forEach(l -> idsBySet.computeIfAbsent(l.set(), s -> new HashSet<>()).add(l.id()));
    Map<String, String> texts = new HashMap<>();
    texts.putAll(linkedIn(DataSet.LINKEDIN_POSTINGS_A, idsBySet.get("linkedin-postings-2024-a")));
    texts.putAll(linkedIn(DataSet.LINKEDIN_POSTINGS_B, idsBySet.get("linkedin-postings-2024-b")));
    texts.putAll(skillsMl(idsBySet.get("skills-ml-sample")));
    PostingEnricher enricher = new PostingEnricher();
    Confusion dev = new Confusion("real ads, dev part");
    Confusion heldOut = new Confusion("real ads, held-out part");
    for (Labelled l : labels) {
      String text = texts.get(l.id());
      assertThat(text).as(l.set() + " " + l.id()).isNotNull();
      Emphasis e = enricher.enrich(l.title(), text, null, null, null, null).emphasis();
      if (l.heldOut()) {
        heldOut.add(l.id(), l.label(), e.label());
      } else {
        dev.add(l.id(), l.label(), e.label());
        if (Boolean.getBoolean("emphasis.verbose")) {
          System.out.printf(java.util.Locale.ROOT, "  %-5s %-15s %-15s ml %5.1f sw %5.1f ne %5.1f  %s%n",
              l.label().equals(e.label()) ? "ok" : "MISS", l.label(), e.label(), e.ml(), e.software(), e.neither(), l.title());
        } else if (!l.label().equals(e.label())) {
          // misses are shown for the dev part only: the held-out part is for measuring
          System.out.println("  MISS " + l.id() + " " + l.title() + ": reader " + l.label() + ", says "
              + EmphasisAccuracyTest.describe(e));
        }
      }
    }
    System.out.println(dev.report());
    System.out.println(heldOut.report());
    // set from the figures reached (dev 75 of 79, held-out 35 of 41), a little below them; the
    // dev part has 2 ML-heavy ads and the held-out part 3, too few for a recall target of their own
    assertThat(dev.agreement()).as(dev.report()).isGreaterThanOrEqualTo(0.9);
    assertThat(dev.recall(Emphasis.SOFTWARE_HEAVY)).as(dev.report()).isGreaterThanOrEqualTo(0.9);
    assertThat(dev.recall(Emphasis.NEITHER)).as(dev.report()).isGreaterThanOrEqualTo(0.9);
    assertThat(heldOut.agreement()).as(heldOut.report()).isGreaterThanOrEqualTo(0.8);
    assertThat(heldOut.recall(Emphasis.SOFTWARE_HEAVY)).as(heldOut.report()).isGreaterThanOrEqualTo(0.75);
    assertThat(heldOut.recall(Emphasis.NEITHER)).as(heldOut.report()).isGreaterThanOrEqualTo(0.85);
    assertThat(dev.recall(Emphasis.ML_HEAVY) + heldOut.recall(Emphasis.ML_HEAVY)).isPositive();
  }
}
