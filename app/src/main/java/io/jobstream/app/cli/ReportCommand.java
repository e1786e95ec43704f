package io.jobstream.app.cli;

import io.jobstream.aggregate.DivergenceSettings;
import io.jobstream.aggregate.JobstreamTopology;
import io.jobstream.aggregate.WindowSpec;
import io.jobstream.aggregate.config.JobstreamConfig;
import io.jobstream.app.KafkaSettings;
import io.jobstream.app.report.TopicSnapshot;
import io.jobstream.model.SalaryDivergence;
import io.jobstream.model.SalaryStats;
import io.jobstream.model.Topics;
import io.jobstream.report.page.FamilyPair;
import io.jobstream.report.page.ReportFiles;
import io.jobstream.report.page.ReportModel;
import io.jobstream.report.page.SourceScorecard;
import io.jobstream.report.reference.OfficialReferences;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Write a self-contained report (index.html, SVG figures, CSV tables) of the pay gaps,"
        + " pay per family, the emphasis of ML engineer ads, gender-coded wording and the official BLS"
        + " figures, from the latest values of jobs.salary.stats and jobs.salary.divergence.")
public final class ReportCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  KafkaOptions kafka;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write the report to.")
  Path out;

  @Option(names = "--window", paramLabel = "SPEC",
      description = "Window spec to report (default: the first of jobstream.windows, else 30d/1d).")
  String window;

  @Option(names = "--pair", paramLabel = "A:B",
      description = "Families whose gap to show, A minus B (repeatable; default ml_engineer:data_scientist);"
          + " each must be one of jobstream.divergence.pairs.")
  List<String> pairs = new ArrayList<>();

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "The data directory, where the report looks for the Indeed Hiring Lab postings index"
          + " (default: $" + io.jobstream.model.data.DataDirectory.ENVIRONMENT_VARIABLE
          + ", else the user's data directory).")
  Path dataDir;

  @Option(names = "--timeout", converter = DurationConverter.class, defaultValue = "60s", paramLabel = "DURATION",
      description = "How long reading the topics may take (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Override
  public Integer call() throws Exception {
    KafkaSettings settings = kafka.requireBootstrap();
    Properties own = settings.own();
    String windowSpec = window != null ? window
        : own.getProperty(JobstreamConfig.WINDOWS_CONFIG, JobstreamConfig.DEFAULT_WINDOWS).split(",")[0].trim();
    WindowSpec.parse(windowSpec);
    List<FamilyPair> chosen = pairs(own, pairs);
    Map<String, SalaryStats> stats = TopicSnapshot.read(settings.client(), Topics.STATS, timeout);
    Map<String, SalaryDivergence> gaps = TopicSnapshot.read(settings.client(), Topics.DIVERGENCE, timeout);
    // a few example verdicts from the latest classified postings (a bounded read of a large topic)
    ReportModel model = ReportModel.of(windowSpec, chosen, stats.values(), gaps.values())
        .withExamples(TopicSnapshot.tail(settings.client(), Topics.CLASSIFIED, 2_000, timeout));
    // the scorecard per source, from everything ingest published and dead-lettered
    SourceScorecard scorecard = new SourceScorecard();
    boolean whole = TopicSnapshot.forEach(settings.client(), Topics.RAW, timeout, scorecard::add)
        & TopicSnapshot.forEach(settings.client(), Topics.DLQ, timeout, scorecard::add);
    model.withScorecard(scorecard);
    List<Path> files = ReportFiles.write(out, model,
        OfficialReferences.load(io.jobstream.model.data.DataDirectory.resolve(dataDir)));
    PrintWriter w = spec.commandLine().getOut();
    long withGap = chosen.stream().mapToLong(p -> model.gaps(p).size()).sum();
    w.printf("report: %d %s windows, %d gaps of %s; %d files in %s, open %s%n", model.starts().size(), windowSpec, withGap,
        chosen, files.size(), out, files.get(0));
    if (!whole) {
      w.printf("(the scorecard per source counts the first %d records of %s and %s: raise --timeout for all)%n",
          scorecard.records(), Topics.RAW.name(), Topics.DLQ.name());
    }
    if (model.isEmpty()) {
      w.printf("(no statistics for window %s on %s yet: is the streams app running with --window %s?)%n", windowSpec,
          Topics.STATS.name(), windowSpec);
    }
    return 0;
  }

  /** The pairs asked for, each checked against the configured divergence pairs. */
  static List<FamilyPair> pairs(Properties own, List<String> asked) {
    List<String> configured = Arrays.stream(own.getProperty(JobstreamConfig.PAIRS_CONFIG, JobstreamConfig.DEFAULT_PAIRS)
        .split(",")).map(String::trim).toList();
    List<FamilyPair> out = new ArrayList<>();
    for (String p : asked.isEmpty() ? List.of(FamilyPair.ML_ENGINEER_DATA_SCIENTIST.toString()) : asked) {
      FamilyPair pair = FamilyPair.parse(p);
      if (!configured.contains(pair.toString())) {
        throw new IllegalArgumentException("--pair " + pair + " is not one of " + JobstreamConfig.PAIRS_CONFIG
            + " (" + String.join(",", configured) + "), so the streams app computes no gap for it");
      }
      out.add(pair);
    }
    return out;
  }
}
