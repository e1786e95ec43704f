package io.jobstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.app.cli.JobstreamCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class JobstreamCliTest {

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cmd = JobstreamCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int code = cmd.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo", "broker", "ingest", "stream", "report", "data", "sources"})
  void everyCommandHasHelp(String command) {
    Run run = run(command, "--help");
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("Usage: jobstream " + command);
  }

  @Test
  void noCommandIsAUsageError() {
    Run run = run();
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).startsWith("jobstream: missing command");
  }

  @Test
  void unknownOptionIsAUsageErrorWithOneLineReason() {
    Run run = run("broker", "--prot", "1");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err().lines().findFirst().orElseThrow()).contains("--prot");
  }

  @Test
  void badSourceSpecIsAUsageError() {
    Run run = run("ingest", "--source", "ftp:whatever", "--bootstrap-servers", "127.0.0.1:1");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("unknown source type 'ftp'");
  }

  @Test
  void ingestWithoutBrokersIsAUsageError() {
    Run run = run("ingest", "--source", "jsonld:http://127.0.0.1/jobs");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--bootstrap-servers");
  }

  @Test
  void aReportPairTheStreamsAppDoesNotComputeIsAUsageError() {
    // refused before it talks to the cluster: nothing listens on port 1
    Run run = run("report", "--bootstrap-servers", "127.0.0.1:1", "--out", "target/no-report", "--pair", "quant:intern");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--pair quant:intern is not one of jobstream.divergence.pairs");
    Run same = run("report", "--bootstrap-servers", "127.0.0.1:1", "--out", "target/no-report", "--pair", "ml_engineer");
    assertThat(same.code()).isEqualTo(2);
    assertThat(same.err()).contains("a pair is two different families as A:B");
  }

  @Test
  void aDemoQueryPortInUseIsAUsageErrorBeforeAnythingStarts() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Run run = run("demo", "--query-port", Integer.toString(taken.getLocalPort()), "--metrics-port", "-2");
      assertThat(run.code()).isEqualTo(2);
      assertThat(run.err()).contains("--query-port " + taken.getLocalPort() + " is in use");
      assertThat(run.out()).doesNotContain("starting the embedded Kafka broker");
    }
  }

  @Test
  void aReportWindowSpecThatCannotBeReadIsAUsageError() {
    Run run = run("report", "--bootstrap-servers", "127.0.0.1:1", "--out", "target/no-report", "--window", "weekly");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("weekly");
  }

  @Test
  void badWindowSpecIsAUsageError() {
    Run run = run("stream", "--window", "30x");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("window spec '30x'");
  }

  @Test
  void missingConfigFileIsAUsageError() {
    Run run = run("stream", "--config", "does-not-exist.properties");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("cannot read config file");
  }

  @Test
  void badDurationIsAUsageError() {
    Run run = run("demo", "--duration", "soon");
    assertThat(run.code()).isEqualTo(2);
  }

  @TempDir
  Path dir;

  private Run streamWith(String... lines) throws Exception {
    Path config = dir.resolve("jobstream.properties");
    Files.write(config, List.of(lines));
    // a broker address nothing listens on: the mistake must be found before any connection
    return run("stream", "--config", config.toString(), "--bootstrap-servers", "127.0.0.1:1");
  }

  @Test
  void aMistypedSettingIsAUsageErrorWithTheNearestKnownKey() throws Exception {
    Run run = streamWith("jobstream.windowz=month");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("unknown setting jobstream.windowz (did you mean jobstream.windows?)");
    Run ingest = run("ingest", "--config", dir.resolve("jobstream.properties").toString(), "--source",
        "jsonld:http://127.0.0.1/jobs", "--bootstrap-servers", "127.0.0.1:1");
    assertThat(ingest.code()).isEqualTo(2);
    assertThat(streamWith("ingest.greenhouse.base-ur=http://127.0.0.1:1").err())
        .contains("unknown setting ingest.greenhouse.base-ur (did you mean ingest.greenhouse.base-url?)");
  }

  @Test
  void aDivergencePairNamingNoFamilyIsAUsageError() throws Exception {
    Run run = streamWith("jobstream.divergence.pairs=ml_enginer:data_scientist");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("jobstream.divergence.pairs", "names family 'ml_enginer'",
        "which the taxonomy does not have");
  }

  @Test
  void aGuaranteeOtherThanExactlyOnceIsRefusedUnlessAccepted() throws Exception {
    Run run = streamWith("processing.guarantee=at_least_once");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("processing.guarantee=at_least_once", "jobstream.statistics.accept-inexact=true");
    java.util.Properties accepted = new java.util.Properties();
    accepted.put("processing.guarantee", "at_least_once");
    accepted.put("jobstream.statistics.accept-inexact", "true");
    assertThat(io.jobstream.aggregate.StreamApp.streamsConfig(accepted, dir)
        .getProperty("processing.guarantee")).isEqualTo("at_least_once");
  }

  @Test
  void aTaxonomyFamilyIdThatKeysCannotCarryIsAUsageError() throws Exception {
    Path taxonomy = dir.resolve("taxonomy.json");
    Files.writeString(taxonomy, "{\"concepts\": {}, \"families\": [{\"id\": \"ml|ops\", \"soc\": \"15-2051.00\","
        + " \"socTitle\": \"Data Scientists\", \"rules\": [{\"all\": [\"ML\"]}]}]}");
    Run run = streamWith("jobstream.classify.taxonomy=" + taxonomy);
    assertThat(run.code()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains("family id 'ml|ops'");
  }

  @Test
  void aBrokerQuorumThatDoesNotNameTheNodeIsAUsageError() {
    Run run = run("broker", "--node-id", "4", "--controller-quorum", "1@127.0.0.1:19093,2@127.0.0.1:19095");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--controller-quorum does not name node 4");
    Run bad = run("broker", "--node-id", "1", "--controller-quorum", "one@127.0.0.1");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("is not ID@HOST:PORT");
    assertThat(run("broker", "--cluster-id", "not-an-id").err()).contains("--cluster-id 'not-an-id'");
  }
}
