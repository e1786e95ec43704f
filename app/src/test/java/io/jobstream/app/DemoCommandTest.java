package io.jobstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.app.cli.JobstreamCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code jobstream demo} as a new user runs it: embedded broker, board, ingest, stream, table. */
@Tag("integration")
class DemoCommandTest {

  @Test
  void demoShowsStatisticsAndTheMlEngineerDataScientistGapWithinAMinute() {
    CommandLine cmd = JobstreamCli.commandLine();
    StringWriter out = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    int code = cmd.execute("demo", "--duration", "60s", "--metrics-port", "0", "--query-port", "0");
    String text = out.toString();
    assertThat(code).as(text).isZero();
    Matcher first = Pattern.compile("first statistics after ([0-9.]+) s").matcher(text);
    assertThat(first.find()).as(text).isTrue();
    assertThat(Double.parseDouble(first.group(1))).isLessThan(30.0);
    // four listing pages and 377 posting pages (the listing links to /about, a 404: a dead letter),
    // and the salary survey's 59,325 rows
    assertThat(text).contains("ingest: 381 pages fetched, 59702 postings published, 1 rejected");
    assertThat(text).containsPattern("live page: http://127\\.0\\.0\\.1:\\d+/");
    Matcher gap = Pattern.compile("first ml_engineer / data_scientist gap after ([0-9.]+) s").matcher(text);
    assertThat(gap.find()).as(text).isTrue();
    assertThat(Double.parseDouble(gap.group(1))).isLessThan(60.0);
    // the last tables: a row per family of the latest year, and the gap per year with interval and p
    String lastTable = text.substring(text.lastIndexOf("Salary statistics, window year: 2024-01-01"));
    assertThat(lastTable).containsPattern("software_engineer\\s+\\d+\\s+\\d+\\s+[0-9,]+");
    assertThat(lastTable).containsPattern("data_scientist\\s+\\d+");
    assertThat(lastTable).containsPattern("2024-01-01\\s+4217\\s+\\d+\\s+189,000\\s+[0-9,]+\\s+\\+[0-9,]+\\s+\\+[0-9,]+ \\.\\. \\+[0-9,]+\\s+[0-9.e-]+ yes\\s+widened");
  }
}
