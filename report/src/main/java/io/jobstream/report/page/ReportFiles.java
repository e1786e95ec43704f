package io.jobstream.report.page;

import io.jobstream.report.chart.SvgChart;
import io.jobstream.report.reference.OfficialReferences;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the report to a directory: {@code index.html} (self-contained, works offline), each
 * chart as {@code CHART.svg} and each table as {@code TABLE.csv}.
 */
public final class ReportFiles {

  private ReportFiles() {}

  /** Writes the files and returns their paths, {@code index.html} first. */
  public static List<Path> write(Path dir, ReportModel model, OfficialReferences refs) throws IOException {
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    written.add(write(dir.resolve("index.html"), ReportPage.html(model, refs, false)));
    for (Panel panel : Panels.all(model, refs)) {
      for (SvgChart chart : panel.charts()) {
        written.add(write(dir.resolve(chart.id() + ".svg"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + chart.render()));
      }
      for (Table table : panel.tables()) {
        written.add(write(dir.resolve(table.id() + ".csv"), table.csv()));
      }
    }
    return written;
  }

  private static Path write(Path file, String content) throws IOException {
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }
}
