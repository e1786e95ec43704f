package io.jobstream.app.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jobstream.ingest.file.CsvReader;
import io.jobstream.model.data.DataDirectory;
import io.jobstream.model.data.DataSet;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * How much a present data set holds: data rows of a CSV file (header left out; a quoted field may
 * span lines, so lines are not rows), lines of a JSON-lines file, elements of a JSON file's outermost
 * list (a search response's results), or files of a folder (notes such as {@code PROVENANCE.md},
 * {@code README*} and {@code LICENSE*} left out).
 *
 * @param count how many
 * @param unit {@code rows} or {@code files}
 */
public record RowCount(long count, String unit) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The count of {@code set} in {@code dir}; empty when the set is not there. */
  public static Optional<RowCount> of(DataSet set, DataDirectory dir) throws IOException {
    if (!dir.has(set)) {
      return Optional.empty();
    }
    Path path = dir.path(set);
    return Optional.of(set.isFolder() ? new RowCount(dataFiles(path), "files") : new RowCount(rows(path), "rows"));
  }

  /** The count as a table shows it: {@code 59,325} rows, {@code 6 files}. */
  public String text() {
    String n = String.format(Locale.ROOT, "%,d", count);
    return unit.equals("rows") ? n : n + " " + unit;
  }

  /** Rows of one file, by its name: {@code .csv}, {@code .jsonl}, {@code .json}, each maybe {@code .gz}. */
  static long rows(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    String bare = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    try (Reader in = open(file, name.endsWith(".gz"))) {
      if (bare.endsWith(".csv")) {
        return csvRows(in);
      }
      if (bare.endsWith(".json")) {
        return outermostList(JSON.readTree(in));
      }
      return nonBlankLines(in);
    }
  }

  private static Reader open(Path file, boolean gzip) throws IOException {
    InputStream in = Files.newInputStream(file);
    try {
      return new BufferedReader(new InputStreamReader(gzip ? new GZIPInputStream(in) : in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      in.close();
      throw e;
    }
  }

  private static long csvRows(Reader in) throws IOException {
    CsvReader csv = new CsvReader(in);
    if (csv.next() == null) {
      return 0;
    }
    long rows = 0;
    for (List<String> record = csv.next(); record != null; record = csv.next()) {
      // a blank line is a record of one empty field to the reader, but no row of data
      if (record.size() > 1 || !record.get(0).isBlank()) {
        rows++;
      }
    }
    return rows;
  }

  private static long nonBlankLines(Reader in) throws IOException {
    BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in);
    long n = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (!line.isBlank()) {
        n++;
      }
    }
    return n;
  }

  /**
   * The size of the outermost array (breadth first, so a search response's result list rather than
   * a list inside one result); 1 for a document with none (one record).
   */
  private static long outermostList(JsonNode root) {
    if (root == null || root.isMissingNode()) {
      return 0;
    }
    Deque<JsonNode> todo = new ArrayDeque<>(List.of(root));
    while (!todo.isEmpty()) {
      JsonNode node = todo.removeFirst();
      if (node.isArray()) {
        return node.size();
      }
      node.forEach(todo::addLast);
    }
    return 1;
  }

  private static long dataFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).filter(p -> !isNote(p.getFileName().toString())).count();
    }
  }

  private static boolean isNote(String name) {
    String n = name.toUpperCase(Locale.ROOT);
    return name.startsWith(".") || n.startsWith("PROVENANCE") || n.startsWith("README") || n.startsWith("LICENSE")
        || n.startsWith("ATTRIBUTION");
  }
}
