package io.jobstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.app.cli.JobstreamCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A keyed API source (USAJOBS, Adzuna) without its key is a usage error at startup naming the
 * missing setting, before any broker is asked; the keys are known settings of {@code --config}.
 */
class KeyedSourceUsageTest {

  private record Run(int code, String err) {}

  private static Run run(String... args) {
    CommandLine cmd = JobstreamCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return new Run(cmd.execute(args), err.toString());
  }

  @Test
  void aKeyedSourceWithoutItsKeyExitsTwoNamingTheKey() {
    Run run = run("ingest", "--source", "adzuna:gb/data engineer", "--bootstrap-servers", "127.0.0.1:1");
    assertThat(run.code()).isEqualTo(2);
    // unless the environment running the test holds one
    if (System.getenv("JOBSTREAM_ADZUNA_APP_ID") == null) {
      assertThat(run.err()).contains("ingest.adzuna.app-id").contains("JOBSTREAM_ADZUNA_APP_ID");
    }
  }

  @Test
  void keysAreKnownSettingsOfTheConfigurationFile(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("jobstream.properties");
    Files.writeString(config, "ingest.usajobs.api-key=some-key-value\n");
    Run run = run("ingest", "--config", config.toString(), "--source", "usajobs:series:1560",
        "--bootstrap-servers", "127.0.0.1:1");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).doesNotContain("unknown").doesNotContain("some-key-value");
    if (System.getenv("JOBSTREAM_USAJOBS_EMAIL") == null) {
      assertThat(run.err()).contains("ingest.usajobs.email");
    }
  }
}
