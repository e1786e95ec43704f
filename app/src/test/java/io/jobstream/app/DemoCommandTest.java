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
  void demoShowsStatisticsFromRealPostingsWithinThirtySeconds() {
    CommandLine cmd = JobstreamCli.commandLine();
    StringWriter out = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    int code = cmd.execute("demo", "--duration", "25s", "--metrics-port", "0");
    String text = out.toString();
    assertThat(code).as(text).isZero();
    Matcher first = Pattern.compile("first statistics after ([0-9.]+) s").matcher(text);
    assertThat(first.find()).as(text).isTrue();
    assertThat(Double.parseDouble(first.group(1))).isLessThan(30.0);
    // four listing pages and 377 posting pages; the listing links to /about, a 404 (dead letter)
    assertThat(text).contains("ingest: 381 pages fetched, 377 postings published, 1 rejected");
    // the last table has a row per family with counts and pay figures
    String lastTable = text.substring(text.lastIndexOf("Rolling salary statistics, window 30d/1d"));
    assertThat(lastTable).containsPattern("software_engineer\\s+\\d+\\s+\\d+\\s+[0-9,]+");
    assertThat(lastTable).containsPattern("data_scientist\\s+\\d+");
  }
}
