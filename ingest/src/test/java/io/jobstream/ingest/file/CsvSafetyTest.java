package io.jobstream.ingest.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.ingest.publish.PostingSink;
import io.jobstream.model.DeadLetter;
import io.jobstream.model.RawPosting;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken CSV rows are dead letters with their row, and the rows after them are still read. */
class CsvSafetyTest {

  static final String HEADER = "work_year,experience_level,employment_type,job_title,salary,salary_currency,"
      + "salary_in_usd,employee_residence,remote_ratio,company_location,company_size";

  @TempDir
  Path dir;

  private final Collecting sink = new Collecting();
  private final FileBackfill backfill = new FileBackfill(sink, Clock.systemUTC(), MonthDay.of(7, 1));

  static String row(int i) {
    return "2024,SE,FT,Data Scientist " + i + "," + (100_000 + i) + ",USD," + (100_000 + i) + ",US,0,US,M";
  }

  /** A survey-layout file of {@code good} rows with {@code bad} put in after row {@code at}. */
  static String survey(int good, int at, String bad, String newline) {
    StringBuilder s = new StringBuilder(HEADER).append(newline);
    for (int i = 1; i <= good; i++) {
      s.append(row(i)).append(newline);
      if (i == at) {
        s.append(bad).append(newline);
      }
    }
    return s.toString();
  }

  @Test
  void anOpenQuoteThatNeverClosesIsOneDeadLetterAndTheRowsAfterItAreRead() throws IOException {
    Path file = write("open-quote.csv", survey(100, 50, "2024,SE,FT,\"Data Scientist, unterminated quote,1,USD,1,US,0,US,M", "\n"));
    FileBackfill.Summary s = backfill.csv(file, c -> { });
    assertThat(s.postings()).isEqualTo(100);
    assertThat(s.rejected()).isEqualTo(1);
    assertThat(sink.postings).extracting(RawPosting::title).contains("Data Scientist 51", "Data Scientist 100");
    DeadLetter bad = sink.deadLetters.get(0);
    assertThat(bad.reason()).isEqualTo("bad_row");
    assertThat(bad.origin()).endsWith("open-quote.csv row 51");
    assertThat(bad.detail()).contains("quoted field opened on line 52", "end of the file");
    assertThat(bad.excerpt()).startsWith("2024,SE,FT,\"Data Scientist, unterminated");
  }

  @Test
  void anOpenQuoteClosedByALaterRowsQuoteIsCaughtByTheFieldCount() throws IOException {
    String text = survey(100, 50, "2024,SE,FT,\"Data Scientist, unterminated quote,1,USD,1,US,0,US,M", "\n")
        .replace(row(80), "2024,SE,FT,\"Lead, Data\",180000,USD,180000,US,0,US,M");
    FileBackfill.Summary s = backfill.csv(write("later-quote.csv", text), c -> { });
    assertThat(s.postings()).isEqualTo(100);
    assertThat(s.rejected()).isEqualTo(1);
    assertThat(sink.postings).extracting(RawPosting::title).contains("Lead, Data", "Data Scientist 51");
  }

  @Test
  void aQuotedFieldMaySpanLines() throws IOException {
    String text = HEADER + "\n" + row(1) + "\n2024,SE,FT,\"Data\nScientist\",1,USD,1,US,0,US,M\n" + row(3) + "\n";
    FileBackfill.Summary s = backfill.csv(write("multi.csv", text), c -> { });
    assertThat(s.postings()).isEqualTo(3);
    assertThat(sink.postings.get(1).title()).isEqualTo("Data\nScientist");
    assertThat(sink.postings.get(2).postingId()).isEqualTo("csv:multi.csv:3");
  }

  @Test
  void aRecordPastTheLineLimitIsBrokenAndReadingResumes() throws IOException {
    StringBuilder text = new StringBuilder(HEADER).append('\n').append("2024,SE,FT,\"runaway\n");
    for (int i = 0; i < CsvReader.MAX_RECORD_LINES + 10; i++) {
      text.append("more text without a quote\n");
    }
    text.append("2024,SE,FT,\"closing\",1,USD,1,US,0,US,M\n").append(row(2)).append('\n');
    CsvReader reader = new CsvReader(new StringReader(text.toString()));
    reader.next();
    CsvReader.Record first = reader.nextRecord();
    assertThat(first.broken()).isTrue();
    assertThat(first.problem()).contains("still open after " + CsvReader.MAX_RECORD_LINES + " lines");
    assertThat(reader.nextRecord().fields()).containsExactly("more text without a quote");
  }

  @Test
  void nulBytesCrlfBomAndNoFinalNewline() throws IOException {
    String text = "\uFEFF" + survey(3, 1, "2024,SE,FT,Data\0Scientist,1,USD,1,US,0,US,M", "\r\n");
    text = text.substring(0, text.length() - 2); // no newline at the end
    FileBackfill.Summary s = backfill.csv(write("crlf.csv", text), c -> { });
    assertThat(s.postings()).isEqualTo(3);
    assertThat(s.rejected()).isEqualTo(1);
    assertThat(sink.deadLetters.get(0).detail()).contains("NUL");
    assertThat(sink.postings).extracting(RawPosting::title)
        .containsExactly("Data Scientist 1", "Data Scientist 2", "Data Scientist 3");
  }

  @Test
  void charactersOutsideTheBasicPlaneAreReadWhole() throws IOException {
    // a surrogate pair: a reader taking one character at a time must still get both halves
    String text = survey(3, 0, "", "\n").replace("Data Scientist 2", "Data Scientist \uD83D\uDE80 2");
    FileBackfill.Summary s = backfill.csv(write("emoji.csv", text), c -> { });
    assertThat(s.postings()).isEqualTo(3);
    assertThat(sink.postings.get(1).title()).isEqualTo("Data Scientist \uD83D\uDE80 2");
  }

  @Test
  void emptyAndHeaderOnlyFilesHaveNoRows() throws IOException {
    assertThat(backfill.csv(write("empty.csv", ""), c -> { }).rows()).isZero();
    assertThat(backfill.csv(write("header.csv", HEADER), c -> { }).rows()).isZero();
    assertThat(sink.deadLetters).isEmpty();
  }

  @Test
  void aLatin1FileIsReadInItsCharset() throws IOException {
    String text = survey(2, 0, "", "\n").replace("Data Scientist 1", "Científico de datos");
    Path file = dir.resolve("latin1.csv");
    Files.write(file, text.getBytes(Charset.forName("ISO-8859-1")));
    backfill.csv(file, c -> { });
    assertThat(sink.postings.get(0).title()).isEqualTo("Científico de datos");
    assertThat(sink.deadLetters).isEmpty();
  }

  @Test
  void invalidUtf8AfterTheSniffedStartIsADeadLetterNotMangledText() throws IOException {
    // a UTF-8 file whose start is valid; a row far down holds a lone 0xE9 byte (latin-1 é)
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    int rows = 2_000;
    for (int i = 1; i <= rows; i++) {
      text.append(row(i)).append('\n');
    }
    byte[] utf8 = text.toString().getBytes(StandardCharsets.UTF_8);
    assertThat(utf8.length).isGreaterThan(DecodingReader.SNIFF_BYTES);
    byte[] bad = "2024,SE,FT,Cient\u00c3fico,1,USD,1,US,0,US,M\n".getBytes(StandardCharsets.ISO_8859_1);
    bad[bad.length - 20] = (byte) 0xE9; // not a valid UTF-8 sequence
    Path file = dir.resolve("mixed.csv");
    Files.write(file, concat(utf8, bad, (row(rows + 1) + "\n").getBytes(StandardCharsets.UTF_8)));
    FileBackfill.Summary s = backfill.csv(file, c -> { });
    assertThat(s.postings()).isEqualTo(rows + 1);
    assertThat(s.rejected()).isEqualTo(1);
    assertThat(sink.deadLetters.get(0).detail()).contains("not valid UTF-8");
  }

  @Test
  void aFileOfGigabytesIsReadInBoundedMemory() throws IOException {
    // 200 MB of rows streamed through the reader from a generator, never held whole
    long rows = 2_000_000;
    InputStream generated = new InputStream() {
      private final byte[] header = (HEADER + "\n").getBytes(StandardCharsets.UTF_8);
      private byte[] current = header;
      private int pos;
      private long next = 1;

      @Override
      public int read() {
        if (pos == current.length) {
          if (next > rows) {
            return -1;
          }
          current = (row((int) next++) + ",\"a quoted\nfield\"\n").getBytes(StandardCharsets.UTF_8);
          pos = 0;
        }
        return current[pos++] & 0xff;
      }
    };
    Runtime rt = Runtime.getRuntime();
    try (CsvReader reader = new CsvReader(DecodingReader.open(generated))) {
      reader.next();
      long seen = 0;
      long maxUsed = 0;
      CsvReader.Record r;
      while ((r = reader.nextRecord()) != null) {
        assertThat(r.broken()).isFalse();
        if (++seen % 400_000 == 0) {
          System.gc();
          maxUsed = Math.max(maxUsed, rt.totalMemory() - rt.freeMemory());
        }
      }
      assertThat(seen).isEqualTo(rows);
      assertThat(reader.charsRead()).isGreaterThan(150_000_000L);
      assertThat(maxUsed).as("heap in use while reading").isLessThan(64_000_000L);
    }
  }

  @Test
  void utf8IsRecognisedAndABrokenSampleIsNot() {
    byte[] ok = "Científico".getBytes(StandardCharsets.UTF_8);
    assertThat(DecodingReader.isUtf8(ok, false)).isTrue();
    // a multi-byte sequence cut at the end of a sample that goes on
    assertThat(DecodingReader.isUtf8(java.util.Arrays.copyOf(ok, 6), true)).isTrue();
    assertThat(DecodingReader.isUtf8("Científico".getBytes(StandardCharsets.ISO_8859_1), false)).isFalse();
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  static final class Collecting implements PostingSink {
    final List<RawPosting> postings = new ArrayList<>();
    final List<DeadLetter> deadLetters = new ArrayList<>();

    @Override
    public void publish(RawPosting posting) {
      postings.add(posting);
    }

    @Override
    public void reject(DeadLetter deadLetter) {
      deadLetters.add(deadLetter);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
