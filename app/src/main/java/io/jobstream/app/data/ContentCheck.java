package io.jobstream.app.data;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jobstream.ingest.file.CsvReader;
import io.jobstream.model.data.DataSet;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Whether a downloaded file is what its set should be, before it is moved into place. Servers
 * answer 200 with a sign-in page, a cookie wall or a JSON error as readily as with the file, and
 * such a body saved under the set's name would be read as data by every later run.
 */
final class ContentCheck {

  /**
   * The first columns of each CSV set's header. Only the first few where later columns differ
   * between exports of the same set (the two LinkedIn samples order them differently).
   */
  private static final Map<DataSet, List<String>> FIRST_COLUMNS = Map.of(
      DataSet.SALARY_SURVEY, List.of("work_year", "experience_level", "employment_type", "job_title", "salary",
          "salary_currency", "salary_in_usd", "employee_residence", "remote_ratio", "company_location",
          "company_size"),
      DataSet.LINKEDIN_POSTINGS_A, List.of("job_id", "company_name", "title"),
      DataSet.LINKEDIN_POSTINGS_B, List.of("job_id", "company_name", "title"),
      DataSet.USAJOBS_POSTINGS, List.of("id", "posted", "closes", "agency"),
      DataSet.BLS_OEWS, List.of("reference_period", "year", "soc_code", "occ_title"),
      DataSet.BLS_CPS, List.of("year", "occupation", "employed_thousands"));

  private static final ObjectMapper JSON = new ObjectMapper();

  private ContentCheck() {}

  /** The columns a CSV set's header starts with; empty when not known. */
  static List<String> firstColumns(DataSet set) {
    return FIRST_COLUMNS.getOrDefault(set, List.of());
  }

  /** Throws a {@link FetchException} saying what {@code file} is instead, when it is not {@code set}. */
  static void check(DataSet set, Path file) throws FetchException {
    String name = set.fileName().toLowerCase(Locale.ROOT);
    String bare = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
      InputStream in = raw;
      if (name.endsWith(".gz")) {
        raw.mark(2);
        if (raw.read() != 0x1f || raw.read() != 0x8b) {
          throw wrong(set, "not gzip-compressed" + kind(file));
        }
        raw.reset();
        in = new GZIPInputStream(raw);
      }
      PushbackReader text = new PushbackReader(
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), 1);
      int first = firstVisible(text);
      if (first == -1) {
        throw wrong(set, "empty");
      }
      if (first == '<' && !bare.endsWith(".xml")) {
        throw wrong(set, "an HTML or XML page, not " + expected(bare));
      }
      if (bare.endsWith(".csv")) {
        checkCsv(set, text, first);
      } else if (bare.endsWith(".json")) {
        checkJson(set, text);
      } else if (bare.endsWith(".jsonl")) {
        if (first != '{' && first != '[') {
          throw wrong(set, "not JSON lines");
        }
      }
    } catch (FetchException e) {
      throw e;
    } catch (IOException e) {
      throw wrong(set, "cannot be read: " + e.getMessage());
    }
  }

  private static void checkCsv(DataSet set, Reader text, int first) throws IOException {
    if (first == '{' || first == '[') {
      throw wrong(set, "a JSON document, not CSV");
    }
    List<String> header = new CsvReader(text).next();
    List<String> wanted = firstColumns(set);
    if (header == null || header.size() < 2) {
      throw wrong(set, "not CSV with " + (wanted.isEmpty() ? "a header" : "the columns " + String.join(",", wanted)));
    }
    for (int i = 0; i < wanted.size(); i++) {
      if (i >= header.size() || !header.get(i).trim().equalsIgnoreCase(wanted.get(i))) {
        throw wrong(set, "a CSV file whose header starts " + abbreviate(String.join(",", header))
            + ", not " + String.join(",", wanted));
      }
    }
  }

  private static void checkJson(DataSet set, Reader text) throws IOException {
    try (JsonParser parser = JSON.getFactory().createParser(text)) {
      while (parser.nextToken() != null) {
        // reading to the end is the check: a cut or garbled document fails here
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw wrong(set, "not JSON: " + e.getOriginalMessage());
    }
  }

  /** The first character that is neither white space nor a byte order mark, pushed back. */
  private static int firstVisible(PushbackReader in) throws IOException {
    int c;
    do {
      c = in.read();
    } while (c != -1 && (Character.isWhitespace(c) || c == '\ufeff'));
    if (c != -1) {
      in.unread(c);
    }
    return c;
  }

  private static String kind(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(64);
      String start = new String(head, StandardCharsets.UTF_8).stripLeading();
      return start.startsWith("<") ? " (an HTML or XML page)" : start.startsWith("{") ? " (a JSON document)" : "";
    }
  }

  private static String expected(String bare) {
    return bare.endsWith(".csv") ? "CSV" : bare.endsWith(".json") || bare.endsWith(".jsonl") ? "JSON" : "data";
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }

  private static FetchException wrong(DataSet set, String what) {
    return new FetchException(set, "wrong content: the download is " + what);
  }
}
