package io.jobstream.ingest.file;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads CSV records (RFC 4180: commas, double-quoted fields with doubled quotes, line breaks
 * inside quotes, CRLF, LF or CR) one at a time, counting characters read for progress reports,
 * and fails safely on records that are broken:
 *
 * <ul>
 *   <li>a quoted field may span lines, but one still open after {@value #MAX_RECORD_LINES} lines
 *       or {@value #MAX_RECORD_CHARS} characters, or at the end of the input, is a broken record
 *       (an opening quote without its closing one would otherwise swallow every row after it);
 *   <li>a record spanning lines whose field count is not the header's ({@link #expectFields})
 *       is broken too (its quote closed on a quote of a later row);
 *   <li>a line with a NUL character (binary data) is broken.
 * </ul>
 *
 * A broken record is returned as such, with its first line as the excerpt, and reading resumes at
 * the line after the one where it started, so the rows after it are read. Memory stays bounded by
 * the limits above whatever the size of the input.
 */
public final class CsvReader implements AutoCloseable {

  /** The most lines one record may span (a quoted field with line breaks). */
  public static final int MAX_RECORD_LINES = 10_000;

  /** The most characters one record may take, its line breaks included. */
  public static final int MAX_RECORD_CHARS = 8 * 1024 * 1024;

  /**
   * One record: its fields, the line it starts on (1-based), and for a broken record the reason
   * (then {@code fields} holds the first line as one field).
   */
  public record Record(List<String> fields, long line, String problem) {

    public boolean broken() {
      return problem != null;
    }
  }

  /**
   * A physical line and the line break that ended it ({@code "\r\n"}, {@code "\n"},
   * {@code "\r"}, or empty at the end of input); {@code malformed}: it held bytes its charset
   * could not decode.
   */
  private record Line(String text, String end, long number, boolean overlong, boolean malformed) {}

  private final Reader in;
  private final DecodingReader decoding;
  private final Deque<Line> pushedBack = new ArrayDeque<>();
  private long charsRead;
  private long lineNumber;
  private int peeked = -2;
  private int expectFields;

  public CsvReader(Reader in) {
    this.in = in;
    this.decoding = in instanceof DecodingReader d ? d : null;
  }

  /** Characters consumed so far. */
  public long charsRead() {
    return charsRead;
  }

  /** The number of fields every record should have (the header's); 0: any. */
  public void expectFields(int count) {
    this.expectFields = count;
  }

  /**
   * The fields of the next record, or null at the end of input. An empty line is a record with
   * one empty field; a broken record is its first line as one field (see {@link #nextRecord()}).
   */
  public List<String> next() throws IOException {
    Record record = nextRecord();
    return record == null ? null : record.fields();
  }

  /** The next record, or null at the end of input. */
  public Record nextRecord() throws IOException {
    Line first = nextLine();
    if (first == null) {
      return null;
    }
    if (first.overlong()) {
      return broken(first, "a line longer than " + MAX_RECORD_CHARS + " characters");
    }
    if (first.text().indexOf('\0') >= 0) {
      return broken(first, "binary data (a NUL character)");
    }
    FieldParser parser = new FieldParser();
    parser.feed(first.text());
    List<Line> taken = new ArrayList<>();
    taken.add(first);
    long chars = first.text().length();
    boolean malformed = first.malformed();
    while (parser.insideQuotes()) {
      Line more = taken.size() < MAX_RECORD_LINES && chars <= MAX_RECORD_CHARS ? nextLine() : null;
      if (more == null || more.overlong() || more.text().indexOf('\0') >= 0) {
        if (more != null) {
          taken.add(more);
        }
        resumeAfter(taken);
        String where = more == null && taken.size() < MAX_RECORD_LINES && chars <= MAX_RECORD_CHARS
            ? "runs to the end of the file"
            : "is still open after " + taken.size() + " lines (" + chars + " characters)";
        return broken(first, "a quoted field opened on line " + first.number() + " " + where);
      }
      // the line break inside the quoted field is kept as the file wrote it
      parser.feed(taken.get(taken.size() - 1).end());
      taken.add(more);
      chars += more.text().length() + 1;
      malformed |= more.malformed();
      parser.feed(more.text());
    }
    List<String> fields = parser.fields();
    if (taken.size() > 1 && expectFields > 0 && fields.size() != expectFields) {
      resumeAfter(taken);
      return broken(first, "a quoted field opened on line " + first.number() + " closes on line "
          + taken.get(taken.size() - 1).number() + " with " + fields.size() + " fields, not " + expectFields);
    }
    if (malformed) {
      return new Record(fields, first.number(), "bytes that are not valid " + decoding.charset());
    }
    return new Record(fields, first.number(), null);
  }

  private static Record broken(Line first, String problem) {
    return new Record(List.of(first.text()), first.number(), problem);
  }

  /** The lines after the first of {@code taken} are read again. */
  private void resumeAfter(List<Line> taken) {
    for (int i = taken.size() - 1; i >= 1; i--) {
      pushedBack.addFirst(taken.get(i));
    }
  }

  /** The next physical line without its terminator, or null at the end of input. */
  private Line nextLine() throws IOException {
    if (!pushedBack.isEmpty()) {
      return pushedBack.removeFirst();
    }
    long malformedBefore = decoding == null ? 0 : decoding.malformed();
    int c = read();
    if (c == -1) {
      return null;
    }
    StringBuilder line = new StringBuilder();
    boolean overlong = false;
    while (c != -1 && c != '\n' && c != '\r') {
      if (line.length() < MAX_RECORD_CHARS) {
        line.append((char) c);
      } else {
        overlong = true; // the rest of the line is skipped, not kept
      }
      c = read();
    }
    String end = c == '\n' ? "\n" : "";
    if (c == '\r') {
      int next = read();
      if (next == '\n') {
        end = "\r\n";
      } else {
        end = "\r";
        peeked = next;
      }
    }
    lineNumber++;
    boolean malformed = decoding != null && decoding.malformed() > malformedBefore;
    return new Line(overlong ? line.substring(0, 2000) : line.toString(), end, lineNumber, overlong, malformed);
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

  /** RFC 4180 field splitting, fed a line at a time. */
  private static final class FieldParser {

    private final List<String> fields = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();
    private boolean quoted;
    private boolean fieldStart = true;

    void feed(String line) {
      for (int i = 0; i < line.length(); i++) {
        char ch = line.charAt(i);
        if (quoted) {
          if (ch == '"') {
            if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
              field.append('"');
              i++;
            } else {
              quoted = false;
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
        } else {
          // text after a closing quote is kept, as lenient readers do
          field.append(ch);
          fieldStart = false;
        }
      }
    }

    boolean insideQuotes() {
      return quoted;
    }

    List<String> fields() {
      List<String> out = new ArrayList<>(fields);
      out.add(field.toString());
      return out;
    }
  }
}
