package io.jobstream.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jobstream.classify.title.Taxonomy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's taxonomy file extends the built-in one without recompiling. */
class TaxonomyOverrideTest {

  @TempDir
  Path dir;

  @Test
  void aUserFileAddsPhrasesAndFamiliesAndReplacesAFamilysRules() throws IOException {
    Path file = dir.resolve("taxonomy.json");
    Files.writeString(file, """
        {
          "concepts": {
            "DEVREL": ["developer relations", "developer advocate", "devrel"],
            "DATA_SCIENCE": ["datascientist"]
          },
          "families": [
            {"id": "developer_relations", "soc": "15-1299.00", "socTitle": "Computer Occupations, All Other",
             "rules": [{"all": ["DEVREL"], "confidence": 0.9}]},
            {"id": "quant", "soc": "13-2099.01", "socTitle": "Financial Quantitative Analysts",
             "rules": [{"all": ["QUANT"], "confidence": 0.8}]}
          ]
        }
        """);
    TitleClassifier classifier = new TitleClassifier(Taxonomy.withOverride(file));
    assertThat(classifier.classify("Senior Developer Advocate").family()).isEqualTo("developer_relations");
    assertThat(classifier.classify("Senior Developer Advocate").seniority()).isEqualTo("senior");
    assertThat(classifier.classify("Lead DataScientist").family()).isEqualTo("data_scientist");
    // the user's quant rule replaces the built-in one: "quantitative" alone now suffices
    assertThat(classifier.classify("Quantitative Associate").family()).isEqualTo("quant");
    assertThat(new TitleClassifier().classify("Quantitative Associate").family()).isEqualTo("other");
    // everything else still works as built in
    assertThat(classifier.classify("Machine Learning Engineer").family()).isEqualTo("ml_engineer");
  }

  @Test
  void aBrokenFileIsAClearError() throws IOException {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"families\": [{\"id\": \"x\", \"rules\": [{\"all\": [\"NO_SUCH\"]}]}]}");
    assertThatThrownBy(() -> Taxonomy.withOverride(bad)).hasMessageContaining("unknown concept 'NO_SUCH'");
    Path notJson = dir.resolve("not.json");
    Files.writeString(notJson, "families: none");
    assertThatThrownBy(() -> Taxonomy.withOverride(notJson)).hasMessageContaining("cannot read taxonomy file");
  }
}
