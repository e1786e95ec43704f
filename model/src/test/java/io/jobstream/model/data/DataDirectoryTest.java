package io.jobstream.model.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

  @Test
  void theOptionWinsOverTheEnvironment() {
    DataDirectory dir = DataDirectory.resolve(Path.of("opt"), Map.of("JOBSTREAM_DATA", "env"), "/home/u");
    assertThat(dir.root()).isEqualTo(Path.of("opt"));
  }

  @Test
  void theEnvironmentVariableWinsOverTheUsersDataDirectory() {
    DataDirectory dir = DataDirectory.resolve(null, Map.of("JOBSTREAM_DATA", "env", "XDG_DATA_HOME", "xdg"), "/home/u");
    assertThat(dir.root()).isEqualTo(Path.of("env"));
  }

  @Test
  void theUsersDataDirectoryFollowsXdg() {
    assertThat(DataDirectory.resolve(null, Map.of("XDG_DATA_HOME", "xdg"), "/home/u").root())
        .isEqualTo(Path.of("xdg", "jobstream"));
    assertThat(DataDirectory.resolve(null, Map.of("JOBSTREAM_DATA", " "), "/home/u").root())
        .isEqualTo(Path.of("/home/u", ".local", "share", "jobstream"));
  }

  @Test
  void aMissingSetFailsWithOneLineNamingIt(@TempDir Path root) throws Exception {
    DataDirectory dir = DataDirectory.at(root);
    assertThat(dir.has(DataSet.SALARY_SURVEY)).isFalse();
    assertThatThrownBy(() -> dir.require(DataSet.SALARY_SURVEY))
        .isInstanceOf(MissingDataSetException.class)
        .hasMessageContaining("ai-jobs-salaries (ai-jobs-salaries-2020-2024.csv)")
        .hasMessageContaining("jobstream data fetch ai-jobs-salaries")
        .hasMessageNotContaining("\n");
    Files.writeString(root.resolve("ai-jobs-salaries-2020-2024.csv"), "work_year\n");
    assertThat(dir.require(DataSet.SALARY_SURVEY)).isEqualTo(root.resolve("ai-jobs-salaries-2020-2024.csv"));
  }

  @Test
  void aFolderSetIsPresentOnlyWithAFileInIt(@TempDir Path root) throws Exception {
    DataDirectory dir = DataDirectory.at(root);
    Files.createDirectories(root.resolve("jobposting-corpus"));
    assertThat(dir.has(DataSet.JOBPOSTING_CORPUS)).isFalse();
    Files.writeString(root.resolve("jobposting-corpus/a.html"), "<html></html>");
    assertThat(dir.has(DataSet.JOBPOSTING_CORPUS)).isTrue();
  }

  @Test
  void setsAreFoundByIdOrFileName() {
    assertThat(DataSet.byId("ai-jobs-salaries")).contains(DataSet.SALARY_SURVEY);
    assertThat(DataSet.byId("linkedin-postings-2024-b.csv")).contains(DataSet.LINKEDIN_POSTINGS_B);
    assertThat(DataSet.byId("nope")).isEmpty();
  }
}
