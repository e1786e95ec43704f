package io.jobstream.ingest.file;

import io.jobstream.ingest.jsonld.JsonLdExtractor;
import io.jobstream.ingest.publish.PostingSink;
import io.jobstream.model.DeadLetter;
import io.jobstream.model.JsonSerde;
import io.jobstream.model.RawPosting;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.MonthDay;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backfill from files: {@code csv:PATH} (the ai-jobs.net salary survey or the LinkedIn postings
 * export, recognized from the header) and {@code jsonl:PATH} (raw postings as JSON lines, the
 * layout of {@code jobs.postings.raw}). Files may be gzip-compressed ({@code .gz}). A row or line
 * that cannot become a posting goes to the sink as a dead letter with its row number; reading
 * goes on.
 */
public final class FileBackfill {

  private static final Logger LOG = LoggerFactory.getLogger(FileBackfill.class);

  /** Counts of one file. */
  public record Summary(String layout, long rows, long postings, long rejected) {}

  private final PostingSink sink;
  private final Clock clock;
  private final MonthDay surveyDay;

  /**
   * @param surveyDay the day of the year the salary survey's rows are dated on (its rows only
   *     give a year); the default is July 1
   */
  public FileBackfill(PostingSink sink, Clock clock, MonthDay surveyDay) {
    this.sink = sink;
    this.clock = clock;
    this.surveyDay = surveyDay;
  }

  /**
   * Reads a CSV file. Rows that are broken ({@link CsvReader}: a quote that never closes, binary
   * data, bytes its charset cannot decode) are dead letters {@code bad_row} with their row and
   * line numbers, and reading goes on after them. An empty file has no rows.
   *
   * @param progress called with the number of characters read so far, now and then
   * @throws IllegalArgumentException when the header is none of the known layouts
   */
  public Summary csv(Path path, LongConsumer progress) throws IOException {
    // a compressed copy of a file gives its rows the same ids as the file itself
    String fileName = path.getFileName().toString().replaceFirst("\\.gz$", "");
    try (CsvReader reader = new CsvReader(open(path))) {
      List<String> header = reader.next();
      if (header == null) {
        LOG.warn("{}: empty file, no header and no rows", path);
        return new Summary("empty file", 0, 0, 0);
      }
      CsvLayout layout = CsvLayout.detect(header, surveyDay);
      if (layout == null) {
        throw new IllegalArgumentException(path + ": unknown CSV layout (expected the ai-jobs.net"
            + " salary survey with work_year, job_title, salary_in_usd, or LinkedIn postings with"
            + " job_id, title, pay_period)");
      }
      reader.expectFields(header.size());
      long rows = 0;
      long postings = 0;
      long rejected = 0;
      CsvReader.Record record;
      Instant fetchedAt = Instant.now(clock);
      while ((record = reader.nextRecord()) != null) {
        List<String> fields = record.fields();
        if (!record.broken() && fields.size() == 1 && fields.get(0).isBlank()) {
          continue;
        }
        rows++;
        try {
          if (record.broken()) {
            throw new RowException("broken row: " + record.problem());
          }
          sink.publish(layout.posting(fields, rows, fileName, fetchedAt));
          postings++;
        } catch (RowException e) {
          rejected++;
          sink.reject(DeadLetter.of("ingest", "bad_row", e.getMessage() + " (line " + record.line() + ")",
              path + " row " + rows, null, String.join(",", fields)));
        }
        if ((rows & 1023) == 0) {
          progress.accept(reader.charsRead());
        }
      }
      progress.accept(reader.charsRead());
      return new Summary(layout.name(), rows, postings, rejected);
    }
  }

  /** Reads raw postings as JSON lines; each gets a fresh fingerprint (and fetch time if none). */
  public Summary jsonLines(Path path, LongConsumer progress) throws IOException {
    JsonSerde<RawPosting> serde = JsonSerde.of(RawPosting.class);
    long rows = 0;
    long postings = 0;
    long rejected = 0;
    long chars = 0;
    try (BufferedReader reader = new BufferedReader(open(path))) {
      String line;
      while ((line = reader.readLine()) != null) {
        chars += line.length() + 1;
        if (line.isBlank()) {
          continue;
        }
        rows++;
        String problem;
        try {
          RawPosting p = serde.read(line.getBytes(StandardCharsets.UTF_8));
          if (p == null || p.postingId() == null || p.postingId().isBlank()) {
            problem = "no postingId";
          } else if (p.title() == null || p.title().isBlank()) {
            problem = "no title";
          } else {
            Instant fetchedAt = p.fetchedAt() != null ? p.fetchedAt() : Instant.now(clock);
            sink.publish(JsonLdExtractor.withFingerprint(new RawPosting(RawPosting.SCHEMA_VERSION,
                p.source() == null ? "jsonl" : p.source(), p.sourceId(), p.postingId(), p.url(),
                p.title(), p.company(), p.location(), p.remote(), p.employmentType(),
                p.datePosted(), p.validThrough(), p.description(), p.descriptionHtml(), p.salary(),
                fetchedAt, null, p.remoteCountries())));
            postings++;
            problem = null;
          }
        } catch (SerializationException e) {
          problem = e.getMessage();
        }
        if (problem != null) {
          rejected++;
          sink.reject(DeadLetter.of("ingest", "bad_line", problem, path + " line " + rows, null, line));
        }
        if ((rows & 1023) == 0) {
          progress.accept(chars);
        }
      }
    }
    progress.accept(chars);
    return new Summary("raw posting JSON lines", rows, postings, rejected);
  }

  /** File size in characters, roughly (bytes; for compressed files the compressed size x 4). */
  public static long estimatedChars(Path path) throws IOException {
    long size = Files.size(path);
    return path.toString().endsWith(".gz") ? size * 4 : size;
  }

  /** The file's text in its own charset ({@link DecodingReader}), decompressed if {@code .gz}. */
  private static DecodingReader open(Path path) throws IOException {
    InputStream in = Files.newInputStream(path);
    if (path.toString().endsWith(".gz")) {
      in = new GZIPInputStream(in, 64 * 1024);
    }
    DecodingReader reader = DecodingReader.open(in);
    if (!reader.charset().equals(StandardCharsets.UTF_8)) {
      LOG.info("{}: read as {}", path, reader.charset());
    }
    return reader;
  }
}
