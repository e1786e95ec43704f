package io.jobstream.ingest.catalog;

import io.jobstream.ingest.SourceSpec;
import io.jobstream.ingest.api.Connectors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a catalogue file. Its lines are blank, comments ({@code #} to the end of the line), or
 * one board: {@code TYPE:TARGET}, white space, and the employer's name, e.g.
 *
 * <pre>
 * # AI labs
 * greenhouse:anthropic   Anthropic
 * ashby:openai           OpenAI
 * </pre>
 *
 * <p>The type must be one of the job-board API connectors ({@link Connectors}) and the target
 * well formed for it. A line that is not a board, and a board listed twice in one file, are errors
 * naming the file and the line: a catalogue is written by hand, and a typo should be seen rather
 * than skipped.
 */
public final class CatalogParser {

  private CatalogParser() {
  }

  /**
   * Parses {@code text}, the catalogue called {@code name}.
   *
   * @param file what to call the file in errors (its name or path)
   * @throws CatalogException for the first line that is not a board, naming {@code file} and the line
   */
  public static List<CatalogEntry> parse(String name, String file, String text) {
    List<CatalogEntry> entries = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      String line = lines[i];
      int hash = line.indexOf('#');
      if (hash >= 0) {
        line = line.substring(0, hash);
      }
      line = line.strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] parts = line.split("\\s+", 2);
      String spec = parts[0];
      if (parts.length < 2) {
        throw error(file, lineNo, "'" + spec + "' has no employer name after it (TYPE:TARGET  Employer)");
      }
      int colon = spec.indexOf(':');
      if (colon <= 0) {
        throw error(file, lineNo, "'" + spec + "' is not TYPE:TARGET");
      }
      String type = spec.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
      if (Connectors.of(type) == null) {
        throw error(file, lineNo, "unknown board type '" + type + "' (known: "
            + String.join(", ", Connectors.types()) + ")");
      }
      if (spec.contains("@")) {
        throw error(file, lineNo, "'" + spec + "': a catalogue board takes no @interval");
      }
      SourceSpec source;
      try {
        source = SourceSpec.parse(spec);
      } catch (IllegalArgumentException e) {
        throw error(file, lineNo, e.getMessage());
      }
      String key = source.type() + ":" + source.target();
      Integer earlier = seen.putIfAbsent(key, lineNo);
      if (earlier != null) {
        throw error(file, lineNo, key + " is already listed on line " + earlier);
      }
      entries.add(new CatalogEntry(source, parts[1].strip(), name, lineNo));
    }
    return List.copyOf(entries);
  }

  private static CatalogException error(String file, int line, String message) {
    return new CatalogException(file + ":" + line + ": " + message);
  }
}
