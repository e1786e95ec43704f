package io.jobstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.app.cli.JobstreamCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code jobstream ingest --help} names the ATS sources and their targets, and their settings are known keys. */
class AtsSourcesHelpTest {

  @Test
  void ingestHelpListsTheAtsSources() {
    CommandLine cmd = JobstreamCli.commandLine();
    StringWriter out = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(new StringWriter(), true));

    assertThat(cmd.execute("ingest", "--help")).isZero();

    // picocli wraps the description: compare with the line breaks and indents taken out
    String help = out.toString().replaceAll("\\s+", " ");
    assertThat(help).contains("smartrecruiters:COMPANY", "workday:TENANT.wdN/SITE", "personio:COMPANY",
        "teamtailor:COMPANY", "workable:ACCOUNT");
    assertThat(KnownSettings.apiSettings()).contains("ingest.smartrecruiters.base-url", "ingest.workday.base-url",
        "ingest.personio.base-url", "ingest.teamtailor.base-url", "ingest.workable.base-url");
  }
}
