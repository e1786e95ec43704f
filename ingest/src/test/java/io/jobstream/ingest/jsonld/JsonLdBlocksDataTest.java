package io.jobstream.ingest.jsonld;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.ingest.file.CsvReader;
import io.jobstream.model.data.DataDirectory;
import io.jobstream.model.data.DataSet;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonLdBlocksTest}'s checks on career pages around real posting descriptions, as they come,
 * with their quotes, angle brackets and entities: every description of the LinkedIn postings sample
 * in the data directory ({@link DataSet#LINKEDIN_POSTINGS_B}).
 */
@Tag("data")
class JsonLdBlocksDataTest {

  private static List<String> pages;

  @BeforeAll
  static void readDescriptions() throws Exception {
    Path file = DataDirectory.fromEnvironment().require(DataSet.LINKEDIN_POSTINGS_B);
    pages = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CsvReader csv = new CsvReader(in)) {
      int description = csv.next().indexOf("description");
      List<String> row;
      while ((row = csv.next()) != null) {
        if (description < row.size() && !row.get(description).isBlank()) {
          pages.add(JsonLdBlocksTest.careerPage(pages.size(), row.get(description)));
        }
      }
    }
    assertThat(pages).as("descriptions in " + file).isNotEmpty();
  }

  @Test
  void theScanFindsWhatTheDocumentFinds() {
    JsonLdBlocksTest.assertScanFindsWhatTheDocumentFinds(pages);
  }

  @Test
  void extractionThroughTheScanEqualsExtractionThroughTheDocument() {
    JsonLdBlocksTest.assertExtractionThroughTheScanEqualsTheDocument(pages);
  }
}
