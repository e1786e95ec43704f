package io.jobstream.bench;

import io.jobstream.classify.Enrichment;
import io.jobstream.classify.PostingEnricher;
import io.jobstream.classify.text.TokenSpans;
import io.jobstream.ingest.file.CsvReader;
import io.jobstream.model.data.DataDirectory;
import io.jobstream.model.data.DataSet;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Enrichment of real job ads beside lower-casing the same descriptions, in the same run: the
 * descriptions of 4-10 KB of the LinkedIn samples, read from the data directory ({@code
 * JOBSTREAM_DATA}, else the user's data directory; the benchmark fails to set up without them).
 * Most of them hold a character beyond Latin-1 (a typographic quote, a bullet), so Java stores
 * them two bytes a character, as it would most ads read from the web.
 *
 * <p>Run: {@code mvn -q -DskipTests package && java -jar bench/target/benchmarks.jar RealAds}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class RealAdsBenchmark {

  private List<String[]> ads;
  private PostingEnricher enricher;
  private int i;

  @Setup
  public void setUp() throws IOException {
    ads = new ArrayList<>();
    DataDirectory data = DataDirectory.fromEnvironment();
    for (DataSet set : List.of(DataSet.LINKEDIN_POSTINGS_A, DataSet.LINKEDIN_POSTINGS_B)) {
      try (Reader in = Files.newBufferedReader(data.require(set), StandardCharsets.UTF_8);
          CsvReader csv = new CsvReader(in)) {
        List<String> header = csv.next();
        int title = header.indexOf("title");
        int description = header.indexOf("description");
        for (List<String> row = csv.next(); row != null; row = csv.next()) {
          if (row.size() > description && row.get(description).length() >= 4000
              && row.get(description).length() <= 10_000) {
            ads.add(new String[] {row.get(title), row.get(description)});
          }
        }
      }
    }
    if (ads.isEmpty()) {
      throw new IllegalStateException("no descriptions of 4-10 KB in the LinkedIn samples under " + data.root());
    }
    enricher = new PostingEnricher();
  }

  private String[] next() {
    i = i + 1 == Integer.MAX_VALUE ? 0 : i + 1;
    return ads.get(i % ads.size());
  }

  @Benchmark
  public String baselineLowercase() {
    return next()[1].toLowerCase(Locale.ROOT);
  }

  @Benchmark
  public TokenSpans tokenize() {
    return TokenSpans.of(next()[1]);
  }

  @Benchmark
  public Enrichment enrich() {
    String[] ad = next();
    return enricher.enrich(ad[0], ad[1], null, null, null, LocalDate.of(2024, 4, 1));
  }
}
