package io.jobstream.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.model.data.DataDirectory;
import io.jobstream.model.data.DataSet;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The pay extractor on real pay strings: those in the descriptions of the LinkedIn postings
 * samples, located by {@code /dev/linkedin-pay-spans.tsv} (posting id, offset, length) and
 * labeled by hand there. The descriptions are read from the data directory; the same targets as
 * {@link SalaryAccuracyTest}: at least 95% exact, no false salaries.
 */
@Tag("data")
class LinkedInSalaryAccuracyTest {

  record Span(DataSet set, String jobId, int offset, int length, String crc32, SalaryScore.Label label) {}

  static List<Span> spans() throws IOException {
    List<Span> spans = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        LinkedInSalaryAccuracyTest.class.getResourceAsStream("/dev/linkedin-pay-spans.tsv"),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t", -1);
        spans.add(new Span(dataSet(f[0]), f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]), f[4],
            SalaryScore.Label.parse(f, 5)));
      }
    }
    return spans;
  }

  private static DataSet dataSet(String id) {
    for (DataSet set : DataSet.values()) {
      if (set.id().equals(id)) {
        return set;
      }
    }
    throw new IllegalArgumentException("unknown data set " + id);
  }

  /** The descriptions of the postings {@code ids} in {@code set}, by job_id. */
  static Map<String, String> descriptions(DataSet set, Set<String> ids) throws IOException {
    Map<String, String> out = new HashMap<>();
    try (CsvRecords csv = new CsvRecords(Files.newBufferedReader(
        DataDirectory.fromEnvironment().require(set), StandardCharsets.UTF_8))) {
      List<String> header = csv.next();
      int id = header.indexOf("job_id");
      int description = header.indexOf("description");
      for (List<String> row = csv.next(); row != null; row = csv.next()) {
        if (row.size() == header.size() && ids.contains(row.get(id))) {
          out.put(row.get(id), row.get(description));
        }
      }
    }
    return out;
  }

  static String crc32(String text) {
    CRC32 crc = new CRC32();
    crc.update(text.getBytes(StandardCharsets.UTF_8));
    return String.format("%08x", crc.getValue());
  }

  @Test
  void salaryAccuracyOnRealPayStrings() throws IOException {
    List<Span> spans = spans();
    Map<DataSet, Map<String, String>> texts = new HashMap<>();
    for (DataSet set : spans.stream().map(Span::set).distinct().toList()) {
      Set<String> ids = new HashSet<>();
      spans.stream().filter(s -> s.set() == set).forEach(s -> ids.add(s.jobId()));
      texts.put(set, descriptions(set, ids));
    }
    PayExtractor extractor = new PayExtractor();
    SalaryScore score = new SalaryScore();
    for (Span s : spans) {
      String description = texts.get(s.set()).get(s.jobId());
      assertThat(description).as("posting %s in %s", s.jobId(), s.set().fileName()).isNotNull();
      assertThat(s.offset() + s.length()).as("span of posting %s", s.jobId()).isLessThanOrEqualTo(description.length());
      String text = description.substring(s.offset(), s.offset() + s.length());
      // a different copy of the data set would otherwise be scored on the wrong strings
      assertThat(crc32(text)).as("pay string of posting %s (is %s the published copy?)", s.jobId(),
          s.set().fileName()).isEqualTo(s.crc32());
      score.add(text, s.label(), extractor.fromText(text, null, SalaryAccuracyTest.APRIL_2024));
    }
    score.print("LinkedIn pay strings");
    assertThat(score.strings()).isEqualTo(spans.size()).isGreaterThanOrEqualTo(100);
    assertThat(score.accuracy()).isGreaterThanOrEqualTo(0.95);
    assertThat(score.falseSalaries()).isZero();
  }
}
