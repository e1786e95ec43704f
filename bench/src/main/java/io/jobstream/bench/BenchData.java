package io.jobstream.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Inputs for the benchmarks: the classify development sets (real titles; pay strings written by
 * the project) and the job descriptions the project wrote for the classify tests.
 */
final class BenchData {

  private BenchData() {}

  /** First column of a TSV resource, comment lines skipped. */
  static List<String> firstColumn(String resource) {
    List<String> out = new ArrayList<>();
    try (InputStream in = BenchData.class.getResourceAsStream(resource);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.startsWith("#") && !line.isBlank()) {
          out.add(line.split("\t", -1)[0]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * The job descriptions of the classify tests (written by the project, 2.5-8 KB) as (title,
   * description, file name) triples.
   */
  static List<String[]> descriptions() {
    List<String[]> out = new ArrayList<>();
    for (String name : List.of("ml-research-scientist-ranking", "senior-java-developer", "data-platform-engineer",
        "data-science-software-engineer", "backend-engineer-payments", "lead-data-scientist-materials",
        "frontend-engineer", "data-scientist-credit-risk", "ai-engineer-intern-assistant")) {
      String text = text("/descriptions/" + name + ".txt");
      int nl = text.indexOf('\n');
      out.add(new String[] {text.substring(0, nl), text.substring(nl + 1), name});
    }
    return out;
  }

  static String text(String resource) {
    try (InputStream in = BenchData.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
