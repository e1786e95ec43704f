package io.jobstream.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.model.data.DataDirectory;
import io.jobstream.model.data.DataSet;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowCountTest {

  @TempDir
  Path root;

  @Test
  void aCsvSetCountsRecordsNotLinesAndLeavesOutTheHeaderAndBlankLines() throws Exception {
    DataDirectory dir = DataDirectory.at(root);
    Files.writeString(root.resolve(DataSet.SALARY_SURVEY.fileName()),
        DataFetcherTest.SURVEY + "\n" + "2021,EX,FT,\"Head of \"\"Data\"\"\nand\nAI\",1,USD,1,US,0,US,S\r\n");
    assertThat(RowCount.of(DataSet.SALARY_SURVEY, dir)).contains(new RowCount(4, "rows"));
    assertThat(new RowCount(59_325, "rows").text()).isEqualTo("59,325");
  }

  @Test
  void anAbsentSetHasNoCount() throws Exception {
    assertThat(RowCount.of(DataSet.SALARY_SURVEY, DataDirectory.at(root.resolve("none")))).isEmpty();
    Files.createDirectories(root.resolve(DataSet.GREENHOUSE_API_2013.fileName()));
    assertThat(RowCount.of(DataSet.GREENHOUSE_API_2013, DataDirectory.at(root))).isEmpty();
  }

  @Test
  void aJsonSetCountsItsOutermostListAndJsonLinesCountLines() throws Exception {
    DataDirectory dir = DataDirectory.at(root);
    Files.writeString(dir.path(DataSet.USAJOBS_SEARCH_RESPONSE), """
        {"LanguageCode": "EN", "SearchParameters": {},
         "SearchResult": {"SearchResultCount": 3, "SearchResultItems": [
           {"MatchedObjectId": "1", "Descriptor": {"Categories": [1, 2, 3, 4, 5]}},
           {"MatchedObjectId": "2"}, {"MatchedObjectId": "3"}]}}
        """);
    assertThat(RowCount.of(DataSet.USAJOBS_SEARCH_RESPONSE, dir)).contains(new RowCount(3, "rows"));

    Path lines = root.resolve("sample.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(lines))) {
      out.write("{\"a\": 1}\n\n{\"a\": 2}\n{\"a\": 3}\n".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(RowCount.rows(lines)).isEqualTo(3);
  }

  @Test
  void aFolderSetCountsItsDataFilesButNotItsNotes() throws Exception {
    DataDirectory dir = DataDirectory.at(root);
    Path folder = dir.path(DataSet.GREENHOUSE_API_2013);
    Files.createDirectories(folder);
    for (String name : new String[] {"jobs.yml", "job.yml", "offices.yml", "PROVENANCE.md", "LICENSE.txt", ".hidden"}) {
      Files.writeString(folder.resolve(name), "x");
    }
    RowCount count = RowCount.of(DataSet.GREENHOUSE_API_2013, dir).orElseThrow();
    assertThat(count).isEqualTo(new RowCount(3, "files"));
    assertThat(count.text()).isEqualTo("3 files");
  }
}
