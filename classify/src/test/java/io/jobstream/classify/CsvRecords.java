package io.jobstream.classify;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader for the data sets the tests read: commas, double-quoted fields with
 * doubled quotes, and line breaks inside quotes kept as they are (descriptions span many lines,
 * and the pay offsets count every character of them). classify cannot use ingest's reader:
 * ingest depends on classify.
 */
final class CsvRecords implements AutoCloseable {

  private final Reader in;
  private int pending = -2;

  CsvRecords(Reader in) {
    this.in = in;
  }

  /** The next record's fields, or null at the end of the input. */
  List<String> next() throws IOException {
    int c = read();
    if (c == -1) {
      return null;
    }
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    while (true) {
      if (c == -1) {
        fields.add(field.toString());
        return fields;
      }
      if (quoted) {
        if (c == '"') {
          int after = read();
          if (after != '"') {
            quoted = false;
            c = after;
            continue;
          }
        }
        field.append((char) c);
      } else if (c == '"' && field.isEmpty()) {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r') {
          int after = read();
          if (after != '\n') {
            pending = after;
          }
        }
        fields.add(field.toString());
        return fields;
      } else {
        field.append((char) c);
      }
      c = read();
    }
  }

  private int read() throws IOException {
    if (pending != -2) {
      int c = pending;
      pending = -2;
      return c;
    }
    return in.read();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
