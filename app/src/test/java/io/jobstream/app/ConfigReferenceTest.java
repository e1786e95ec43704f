package io.jobstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.aggregate.config.JobstreamConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code docs/configuration.md} is what {@link ConfigReference} writes from the {@code ConfigDef}. */
class ConfigReferenceTest {

  @Test
  void theConfigurationPageIsTheOneGeneratedFromTheConfigDef() throws Exception {
    String expected = ConfigReference.page();
    String committed = Files.readString(Path.of("..", "docs", "configuration.md"), StandardCharsets.UTF_8);
    if (!committed.equals(expected)) {
      Files.createDirectories(Path.of("target"));
      Files.writeString(Path.of("target", "configuration.actual.md"), expected, StandardCharsets.UTF_8);
    }
    assertThat(committed)
        .as("docs/configuration.md is stale: regenerate it with ./jobstream config-reference > docs/configuration.md"
            + " (or copy app/target/configuration.actual.md there)")
        .isEqualTo(expected);
  }

  @Test
  void theCommandPrintsThePage() {
    picocli.CommandLine cmd = io.jobstream.app.cli.JobstreamCli.commandLine();
    java.io.StringWriter out = new java.io.StringWriter();
    cmd.setOut(new java.io.PrintWriter(out, true));
    assertThat(cmd.execute("config-reference")).isZero();
    assertThat(out.toString()).isEqualTo(ConfigReference.page());
  }

  @Test
  void everyUserKeyIsOnThePageWithItsDefaultAndNoInternalKeyIs() {
    String page = ConfigReference.page();
    for (String key : JobstreamConfig.userKeys()) {
      Object defaultValue = JobstreamConfig.DEFINITION.configKeys().get(key).defaultValue;
      assertThat(page).contains("| `" + key + "` | ");
      if (defaultValue != null) {
        assertThat(page).contains("| `" + defaultValue + "` |");
      }
    }
    assertThat(page).doesNotContain(JobstreamConfig.RAW_PARTITIONS_CONFIG);
    assertThat(page).contains("| `jobstream.windows.emit-pause-factor` | long | `3` | 0 to 1000 |");
  }
}
