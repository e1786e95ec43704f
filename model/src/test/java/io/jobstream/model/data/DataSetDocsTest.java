package io.jobstream.model.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code docs/data.md} documents every data set the code knows, under its id and file name. */
class DataSetDocsTest {

  @Test
  void everySetIsDocumented() throws Exception {
    String docs = Files.readString(Path.of("..", "docs", "data.md"));
    for (DataSet set : DataSet.values()) {
      assertThat(docs).as(set.id()).contains("`" + set.id() + "`");
      String file = set.isFolder() ? set.fileName() + "/" : set.fileName();
      assertThat(docs).as(set.fileName()).contains("`" + file);
    }
  }
}
