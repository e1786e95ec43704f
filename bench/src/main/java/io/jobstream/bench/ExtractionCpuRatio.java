package io.jobstream.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Microdata extraction against a bare Jsoup parse of the same pages by thread CPU time, the two
 * methods of {@link ExtractionBenchmark} interleaved in rounds within one JVM. On a shared machine
 * JMH's wall-clock iterations of one method, then the other, see different loads; CPU time of the
 * measuring thread, alternated every round, leaves out time the thread waited for a core.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar io.jobstream.bench.ExtractionCpuRatio [rounds]
 * [pagesPerRound] [-v]}, defaults 20 rounds of 2,000 pages each way after five warm-up rounds.
 * Prints the median of the rounds' ratios of parse time to extraction time (the speed of
 * extraction as a share of the bare parse's), and the ratio of the fastest round of each; with
 * {@code -v} also each round's microseconds a page.
 */
public final class ExtractionCpuRatio {

  private ExtractionCpuRatio() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int pages = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    boolean verbose = args.length > 2 && args[2].equals("-v");
    ExtractionBenchmark bench = new ExtractionBenchmark();
    bench.setUp();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int w = 0; w < 5; w++) { // warm-up: both paths compiled before the first round counts
      time(threads, bench::bareJsoupParseMicrodata, pages);
      time(threads, bench::extractMicrodataPosting, pages);
    }
    double[] ratios = new double[rounds];
    double[] parses = new double[rounds];
    double[] extracts = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      double parse;
      double extract;
      if (r % 2 == 0) { // alternate which goes first, so neither always follows the other's garbage
        parse = time(threads, bench::bareJsoupParseMicrodata, pages);
        extract = time(threads, bench::extractMicrodataPosting, pages);
      } else {
        extract = time(threads, bench::extractMicrodataPosting, pages);
        parse = time(threads, bench::bareJsoupParseMicrodata, pages);
      }
      ratios[r] = parse / extract;
      parses[r] = parse;
      extracts[r] = extract;
      if (verbose) {
        System.out.printf("round %2d: parse %6.1f us, extract %6.1f us a page, ratio %.3f%n", r + 1, parse, extract,
            ratios[r]);
      }
    }
    Arrays.sort(ratios);
    Arrays.sort(parses);
    Arrays.sort(extracts);
    // the fastest round of each is the one least slowed by other work on the machine
    System.out.printf("median ratio %.3f (min %.3f, max %.3f) over %d rounds; fastest rounds: parse %.1f us, "
            + "extract %.1f us a page, ratio %.3f%n", ratios[rounds / 2], ratios[0], ratios[rounds - 1], rounds,
        parses[0], extracts[0], parses[0] / extracts[0]);
  }

  /** Thread CPU microseconds a call, over {@code n} calls. */
  private static double time(ThreadMXBean threads, Supplier<Object> call, int n) {
    Object sink = null;
    long start = threads.getCurrentThreadCpuTime();
    for (int k = 0; k < n; k++) {
      sink = call.get();
    }
    long end = threads.getCurrentThreadCpuTime();
    if (sink == null) {
      throw new IllegalStateException("a benchmark method returned nothing");
    }
    return (end - start) / 1_000.0 / n;
  }
}
