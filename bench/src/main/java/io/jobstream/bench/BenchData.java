package io.jobstream.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Real inputs for the benchmarks: the classify development sets and real descriptions. */
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

  /** The real LinkedIn descriptions of the classify tests as (title, description) pairs. */
  static List<String[]> descriptions() {
    List<String[]> out = new ArrayList<>();
    for (String name : List.of("data-scientist-fi-solutions", "senior-java-developer", "data-platform-engineer",
        "data-science-software-engineer", "backend-engineer", "rnd-lead-data-scientist", "frontend-engineer",
        "ai-engineer-intern-chatbot")) {
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
