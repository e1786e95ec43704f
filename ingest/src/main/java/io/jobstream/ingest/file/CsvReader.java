package io.jobstream.ingest.file;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV records (RFC 4180: commas, double-quoted fields with doubled quotes, line breaks
 * inside quotes, CRLF or LF) one at a time, counting characters read for progress reports.
 */
public final class CsvReader implements AutoCloseable {

  private final Reader in;
  private long charsRead;
  private int peeked = -2;

  public CsvReader(Reader in) {
    this.in = in;
  }

  /** Characters consumed so far. */
  public long charsRead() {
    return charsRead;
  }

  /** The next record, or null at the end of input. An empty line is a record with one empty field. */
  public List<String> next() throws IOException {
    int c = read();
    if (c == -1) {
      return null;
    }
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean fieldStart = true;
    while (true) {
      if (c == -1) {
        fields.add(field.toString());
        return fields;
      }
      char ch = (char) c;
      if (quoted) {
        if (ch == '"') {
          int next = read();
          if (next == '"') {
            field.append('"');
          } else {
            quoted = false;
            c = next;
            continue;
          }
        } else {
          field.append(ch);
        }
      } else if (ch == '"' && fieldStart) {
        quoted = true;
        fieldStart = false;
      } else if (ch == ',') {
        fields.add(field.toString());
        field.setLength(0);
        fieldStart = true;
      } else if (ch == '\n' || ch == '\r') {
        if (ch == '\r') {
          int next = read();
          if (next != '\n') {
            peeked = next;
          }
        }
        fields.add(field.toString());
        return fields;
      } else {
        field.append(ch);
        fieldStart = false;
      }
      c = read();
    }
  }

  private int read() throws IOException {
    if (peeked != -2) {
      int c = peeked;
      peeked = -2;
      return c;
    }
    int c = in.read();
    if (c != -1) {
      charsRead++;
    }
    return c;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
