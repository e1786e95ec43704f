package io.jobstream.report.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.jobstream.model.data.DataDirectory;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemandIndexTest {

  private static final String CSV = """
      date,jobcountry,indeed_job_postings_index,variable,display_name
      2023-12-31,US,90,total postings,Software Development
      2024-01-01,US,80,total postings,Software Development
      2024-06-30,US,70,total postings,Software Development
      2024-01-01,US,60,total postings,Mathematics
      2024-01-02,US,not a number,total postings,Mathematics
      2024-01-01,US,50,total postings,Electrical Engineering
      """;

  @Test
  void meansOfTheTwoSectorsPerPeriod() throws Exception {
    DemandIndex index = DemandIndex.parse(new StringReader(CSV));
    assertThat(index.mean(DemandIndex.SOFTWARE, LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1)))
        .isCloseTo(75.0, within(1e-9));
    assertThat(index.mean(DemandIndex.MATHEMATICS, LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1))).isEqualTo(60.0);
    assertThat(index.mean(DemandIndex.MATHEMATICS, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1))).isNull();
    assertThat(index.span().orElseThrow()).containsExactly(LocalDate.of(2023, 12, 31), LocalDate.of(2024, 6, 30));
  }

  @Test
  void readFromTheDataDirectoryWhenItIsThere(@TempDir Path root) throws Exception {
    assertThat(DemandIndex.load(DataDirectory.at(root))).isEmpty();
    Files.createDirectories(root.resolve("indeed-hiring-lab"));
    Files.writeString(root.resolve("indeed-hiring-lab/a-notes.csv"), "sector,job_titles\nMathematics,\"analyst\"\n");
    Files.writeString(root.resolve("indeed-hiring-lab/b-index.csv"), CSV);
    assertThat(DemandIndex.load(DataDirectory.at(root))).isPresent();
  }
}
