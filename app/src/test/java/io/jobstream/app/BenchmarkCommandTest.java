package io.jobstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.app.cli.JobstreamCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The benchmark command runs end to end on a small backlog and prints its figures. */
@Tag("integration")
class BenchmarkCommandTest {

  @TempDir
  Path dir;

  @Test
  void printsThroughputLatencyAndHeapOfBothApps() {
    CommandLine cli = JobstreamCli.commandLine();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out));
    int exit = cli.execute("benchmark", "--postings", "3000", "--latency-seconds", "3", "--trickle-seconds", "3",
        "--data-dir", dir.toString());
    String text = out.toString();
    assertThat(exit).as(text).isZero();
    assertThat(text).contains("produced 3,000 raw postings");
    assertThat(text).containsPattern("(?m)^pass-through +3,000 +[\\d,]+ +- +- +[\\d,]+ MB$");
    assertThat(text).containsPattern("(?m)^jobstream +3,000 +[\\d,]+ +[\\d.]+ s +[\\d.]+ s +[\\d,]+ MB$");
    // the second pass-through reads the backlog plus the records of jobstream's latency phase
    assertThat(recordsOf(text, "pass-through", 2)).isGreaterThanOrEqualTo(3_000);
    assertThat(text).containsPattern("(?m)^pass-through +[\\d,]+ +[\\d,]+ +[\\d.]+ s +[\\d.]+ s +[\\d,]+ MB$");
    assertThat(text).containsPattern("jobstream / pass-through throughput: [01]\\.\\d{3}");
    // the classify stage alone reads the backlog and the latency phase's records too
    assertThat(recordsOf(text, "classify stage", 1)).isGreaterThanOrEqualTo(3_000);
    assertThat(text).containsPattern("(?m)^classify stage +[\\d,]+ +[1-9][\\d,]* +- +- +[\\d,]+ MB$");
    assertThat(text).containsPattern("classify stage alone / pass-through throughput: \\d\\.\\d{3}");
    // the last line is the figures as one JSON object
    String last = text.strip().lines().reduce((x, y) -> y).orElseThrow();
    com.fasterxml.jackson.databind.JsonNode json;
    try {
      json = io.jobstream.model.JsonSerde.MAPPER.readTree(last);
    } catch (java.io.IOException e) {
      throw new AssertionError("last line is not JSON: " + last, e);
    }
    assertThat(json.path("postings").asLong()).isEqualTo(3000);
    assertThat(json.path("pipelinePerSec").asLong()).isPositive();
    assertThat(json.path("pipelineToClassifyStage").asDouble())
        .isEqualTo(json.path("pipelinePerSec").asDouble() / json.path("classifyStagePerSec").asDouble(),
            org.assertj.core.api.Assertions.within(0.01));
    assertThat(json.has("p99LatencySeconds")).isTrue();
    assertThat(json.path("peakHeapBytes").asLong()).isPositive();
    // one instance did all of every stage
    assertThat(json.path("instances").asInt()).isEqualTo(1);
    assertThat(json.path("stageShares").path("classify").get(0).asDouble()).isEqualTo(1.0);
    assertThat(json.path("stageShares").path("windows").get(0).asDouble()).isEqualTo(1.0);
    assertThat(json.path("stageShares").path("divergence").get(0).asDouble()).isEqualTo(1.0);
    assertThat(json.path("stageShares").path("clusters").get(0).asDouble()).isEqualTo(1.0);
    // the trickle phase: 30 postings at 10 a second, each in the statistics within the histogram's bounds
    assertThat(text).containsPattern("latency at a trickle of 10 postings/s for 3 s: p50 [\\d.]+ s, p99 [\\d.]+ s \\(30 postings");
    assertThat(json.path("trickleP99Seconds").asDouble()).isPositive();
    // every raw posting is read once by the classify stage: one record per posting (the backlog and both
    // phases), less what the stage sampler had not seen committed when it last looked
    assertThat(json.path("recordsPerPosting").path("classify").asDouble()).isBetween(0.8, 1.0);
    // where the stream thread's time went, by stage, adding up to the whole
    double sum = 0;
    for (var share : json.path("threadTimeShares")) {
      sum += share.asDouble();
    }
    assertThat(sum).isCloseTo(1.0, org.assertj.core.api.Assertions.within(0.001));
    assertThat(json.path("threadTimeShares").path("classify").asDouble()).isPositive();
    assertThat(json.path("threadTimeShares").path("windows and divergence").asDouble()).isPositive();
  }

  /** The records column of the {@code nth} table row of {@code app} (the backlog, or more when a latency phase came before). */
  private static long recordsOf(String text, String app, int nth) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^" + app + " +([\\d,]+) ").matcher(text);
    long records = -1;
    for (int i = 0; i < nth && m.find(); i++) {
      records = Long.parseLong(m.group(1).replace(",", ""));
    }
    return records;
  }

  @Test
  void twoInstancesEachInItsOwnJvmAndWhatEachStageDidOnEach() throws Exception {
    CommandLine cli = JobstreamCli.commandLine();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out));
    int exit = cli.execute("benchmark", "--postings", "3000", "--latency-seconds", "3", "--trickle-seconds", "2",
        "--instances", "2", "--instance-heap", "384m", "--data-dir", dir.toString());
    String text = out.toString();
    assertThat(exit).as(text).isZero();
    assertThat(text).contains("jobstream (2 instances): every record read after");
    assertThat(text).containsPattern("(?m)^jobstream +3,000 +[\\d,]+ +[\\d.]+ s +[\\d.]+ s +[\\d,]+ MB$");
    String last = text.strip().lines().reduce((x, y) -> y).orElseThrow();
    com.fasterxml.jackson.databind.JsonNode json = io.jobstream.model.JsonSerde.MAPPER.readTree(last);
    assertThat(json.path("instances").asInt()).isEqualTo(2);
    assertThat(text).containsPattern("latency at a trickle of 10 postings/s for 2 s: p50 [\\d.]+ s, p99 [\\d.]+ s \\(20 postings");
    com.fasterxml.jackson.databind.JsonNode classify = json.path("stageShares").path("classify");
    assertThat(classify.size()).isEqualTo(2);
    // six raw partitions over two instances: both classify, and the shares add up to the whole
    assertThat(classify.get(0).asDouble()).as(text).isPositive();
    assertThat(classify.get(1).asDouble()).as(text).isPositive();
    assertThat(classify.get(0).asDouble() + classify.get(1).asDouble()).isCloseTo(1.0,
        org.assertj.core.api.Assertions.within(1e-9));
    assertThat(text).containsPattern(
        "(?m)^stage classify +[\\d,]+ records \\([\\d.]+ per posting\\): instance 0 [\\d,]+ \\(\\d+%\\) instance 1 ");
    // the window stage took in the postings' changes on whichever instances hold its partitions, combined
    // per family and block before the hop: fewer records than postings (one per change would be about 1.4
    // per posting)
    assertThat(recordsOfStage(text, "windows")).as(text).isPositive().isLessThan(3_000);
    // and the divergence stage the changes of the pairs' postings with pay
    assertThat(recordsOfStage(text, "divergence")).as(text).isPositive();
    assertThat(json.path("p99LatencySeconds").isNumber()).as(text).isTrue();
    assertThat(json.path("peakHeapBytes").asLong()).isPositive();
  }

  private static long recordsOfStage(String text, String stage) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^stage " + stage + " +([\\d,]+) records").matcher(text);
    return m.find() ? Long.parseLong(m.group(1).replace(",", "")) : -1;
  }

  @Test
  void rejectsNonsense() {
    assertThat(JobstreamCli.commandLine().execute("benchmark", "--postings", "0")).isEqualTo(JobstreamCli.USAGE);
    assertThat(JobstreamCli.commandLine().execute("benchmark", "--trickle-seconds", "-1")).isEqualTo(JobstreamCli.USAGE);
    assertThat(JobstreamCli.commandLine().execute("benchmark", "--instances", "0")).isEqualTo(JobstreamCli.USAGE);
    assertThat(JobstreamCli.commandLine().execute("benchmark", "--window", "fortnight")).isEqualTo(JobstreamCli.USAGE);
  }
}
