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

  static String text(String resource) {
    try (InputStream in = BenchData.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
