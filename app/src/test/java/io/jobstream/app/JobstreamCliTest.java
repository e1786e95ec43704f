package io.jobstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.app.cli.JobstreamCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
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
  @ValueSource(strings = {"demo", "broker", "ingest", "stream"})
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
}
