package io.jobstream.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV records of a whole file, parsed here independently of the backfill's
 * {@link io.jobstream.ingest.file.CsvReader}, so that tests on data sets of any size can say what
 * the backfill should have read. RFC 4180: quoted fields with doubled quotes and line breaks;
 * records end at LF or CRLF; empty lines are no records.
 */
final class CsvRecords {

  private CsvRecords() {}

  /** The records of a UTF-8 file, header first. */
  static List<List<String>> read(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  static List<List<String>> parse(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean inQuotes = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inQuotes) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          inQuotes = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        inQuotes = true;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        endRecord(records, record, field);
        record = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    endRecord(records, record, field);
    return records;
  }

  private static void endRecord(List<List<String>> records, List<String> record, StringBuilder field) {
    record.add(field.toString());
    field.setLength(0);
    if (!(record.size() == 1 && record.get(0).isEmpty())) {
      records.add(record);
    }
  }
}
