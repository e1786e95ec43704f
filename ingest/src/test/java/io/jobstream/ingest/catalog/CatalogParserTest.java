package io.jobstream.ingest.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogParserTest {

  @Test
  void readsBoardsWithTheirEmployersSkippingCommentsAndBlankLines() {
    List<CatalogEntry> entries = CatalogParser.parse("labs", "labs.txt", """
        # invented labs
        greenhouse:quillworks   Quillworks Research

        lever:tallowtree        Tallow Tree Labs   # trailing comment
          ashby:Ferngate-AI\tFerngate AI
        """);
    assertThat(entries).extracting(CatalogEntry::spec)
        .containsExactly("greenhouse:quillworks", "lever:tallowtree", "ashby:Ferngate-AI");
    assertThat(entries).extracting(CatalogEntry::employer)
        .containsExactly("Quillworks Research", "Tallow Tree Labs", "Ferngate AI");
    assertThat(entries).extracting(CatalogEntry::line).containsExactly(2, 4, 5);
    assertThat(entries).allSatisfy(e -> assertThat(e.catalog()).isEqualTo("labs"));
    assertThat(entries.get(0).source().isApi()).isTrue();
  }

  @Test
  void anUnknownTypeNamesTheFileAndLine() {
    assertThatThrownBy(() -> CatalogParser.parse("x", "sources/x.txt", "greenhouse:a  A\nbamboo:b  B\n"))
        .isInstanceOf(CatalogException.class)
        .hasMessageStartingWith("sources/x.txt:2: unknown board type 'bamboo'")
        .hasMessageContaining("greenhouse");
  }

  @Test
  void aLineWithoutAnEmployerOrColonOrWithABadTargetIsAnError() {
    assertThatThrownBy(() -> CatalogParser.parse("x", "x.txt", "# c\ngreenhouse:acme\n"))
        .isInstanceOf(CatalogException.class).hasMessageStartingWith("x.txt:2: ")
        .hasMessageContaining("no employer name");
    assertThatThrownBy(() -> CatalogParser.parse("x", "x.txt", "acme Acme Corp\n"))
        .hasMessageStartingWith("x.txt:1: 'acme' is not TYPE:TARGET");
    assertThatThrownBy(() -> CatalogParser.parse("x", "x.txt", "\n\nlever:acme/jobs  Acme\n"))
        .hasMessageStartingWith("x.txt:3: ").hasMessageContaining("not a valid");
    assertThatThrownBy(() -> CatalogParser.parse("x", "x.txt", "lever:acme@1h  Acme\n"))
        .hasMessageStartingWith("x.txt:1: ").hasMessageContaining("@interval");
  }

  @Test
  void aBoardListedTwiceInOneFileIsAnError() {
    assertThatThrownBy(() -> CatalogParser.parse("x", "x.txt", "lever:acme  Acme\nashby:acme  Acme\nlever:acme  Acme\n"))
        .hasMessage("x.txt:3: lever:acme is already listed on line 1");
  }

  @Test
  void aCatalogueIsReadFromAPathAndUnknownNamesAreErrors(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("mine.txt");
    Files.writeString(file, "recruitee:brambleco  Bramble & Co\n");
    assertThat(Catalogs.load(file.toString())).singleElement()
        .satisfies(e -> {
          assertThat(e.spec()).isEqualTo("recruitee:brambleco");
          assertThat(e.catalog()).isEqualTo("mine");
        });
    assertThatThrownBy(() -> Catalogs.load("no-such-catalogue")).isInstanceOf(CatalogException.class)
        .hasMessageContaining("no catalogue 'no-such-catalogue'").hasMessageContaining("ai-labs");
  }

  @Test
  void theShippedCataloguesParseAndNameAtLeast150Employers() {
    assertThat(Catalogs.shippedNames()).contains("ai-labs", "big-tech", "data-platforms", "finance", "health",
        "retail", "public-sector");
    List<CatalogEntry> all = Catalogs.load(List.of(Catalogs.ALL));
    assertThat(all.stream().map(CatalogEntry::employer).distinct().count()).isGreaterThanOrEqualTo(150);
    assertThat(all).extracting(CatalogEntry::spec).doesNotHaveDuplicates();
    // a board in two catalogues is read once
    assertThat(Catalogs.load(List.of("finance", "finance", "health"))).hasSize(
        Catalogs.load("finance").size() + Catalogs.load("health").size());
  }
}
