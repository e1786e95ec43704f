package io.jobstream.bench;

import io.jobstream.classify.Enrichment;
import io.jobstream.classify.PayExtractor;
import io.jobstream.classify.PayResult;
import io.jobstream.classify.PostingEnricher;
import io.jobstream.classify.TitleClassification;
import io.jobstream.classify.TitleClassifier;
import io.jobstream.classify.emphasis.Emphasis;
import io.jobstream.classify.emphasis.EmphasisScorer;
import io.jobstream.classify.text.TokenSpans;
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
 * Throughput of the classify library on one core, each beside a baseline that touches the same
 * input in the cheapest meaningful way (lower-casing it), measured in the same run so that the
 * ratios hold on a noisy machine. Inputs: the development sets' 491 real titles and 113 pay
 * strings (written by the project in the styles of job ads), and the classify tests' job
 * descriptions of 4-8 KB (mean about 5 KB), also written by the project. Enrichment is measured
 * whole and, for its emphasis part, alone (tokenizing and scoring).
 *
 * <p>Run: {@code mvn -q -DskipTests package && java -jar bench/target/benchmarks.jar}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ClassifyBenchmark {

  private List<String> titles;
  private List<String> salaries;
  private List<String[]> postings;
  private TitleClassifier classifier;
  private PayExtractor pay;
  private PostingEnricher enricher;
  private EmphasisScorer emphasis;
  private int i;

  @Setup
  public void setUp() {
    titles = BenchData.firstColumn("/dev/titles.tsv");
    salaries = BenchData.firstColumn("/dev/salaries.tsv");
    postings = new ArrayList<>();
    for (String[] d : BenchData.descriptions()) {
      // the descriptions of 4 KB and more (the enrichment goal is stated for 5 KB ones)
      if (d[1].length() >= 4000) {
        postings.add(d);
      }
    }
    classifier = new TitleClassifier();
    pay = new PayExtractor();
    enricher = new PostingEnricher();
    emphasis = new EmphasisScorer();
  }

  private int next(int size) {
    i = i + 1 == Integer.MAX_VALUE ? 0 : i + 1;
    return i % size;
  }

  @Benchmark
  public String titleBaselineLowercase() {
    return titles.get(next(titles.size())).toLowerCase(Locale.ROOT);
  }

  @Benchmark
  public TitleClassification titleClassifyUncached() {
    return classifier.classifyUncached(titles.get(next(titles.size())));
  }

  @Benchmark
  public TitleClassification titleClassifyCached() {
    return classifier.classify(titles.get(next(titles.size())));
  }

  @Benchmark
  public String salaryBaselineLowercase() {
    return salaries.get(next(salaries.size())).toLowerCase(Locale.ROOT);
  }

  @Benchmark
  public PayResult salaryParse() {
    return pay.fromText(salaries.get(next(salaries.size())), null, LocalDate.of(2024, 4, 1));
  }

  @Benchmark
  public String enrichBaselineLowercase() {
    return postings.get(next(postings.size()))[1].toLowerCase(Locale.ROOT);
  }

  /** The emphasis alone: tokenizing the description and scoring it (part of {@link #enrichPosting}). */
  @Benchmark
  public Emphasis enrichEmphasisOnly() {
    String[] p = postings.get(next(postings.size()));
    return emphasis.score(p[0], TokenSpans.of(p[1]));
  }

  @Benchmark
  public Enrichment enrichPosting() {
    String[] p = postings.get(next(postings.size()));
    return enricher.enrich(p[0], p[1], null, null, null, LocalDate.of(2024, 4, 1));
  }
}
