package io.jobstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jobstream.app.cli.ClassifyCommand;
import io.jobstream.app.cli.JobstreamCli;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code jobstream classify}: the line-oriented contract other tools use. */
class ClassifyCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<JsonNode> run(String input) throws Exception {
    CommandLine cmd = JobstreamCli.commandLine();
    CommandLine sub = cmd.getSubcommands().get("classify");
    ((ClassifyCommand) sub.getCommand()).setInput(
        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    StringWriter out = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    sub.setOut(new PrintWriter(out, true));
    assertThat(cmd.execute("classify")).isZero();
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.toString().split("\n")) {
      lines.add(JSON.readTree(line));
    }
    return lines;
  }

  @Test
  void plainTitlesAndJsonObjectsGiveOneJsonLineEach() throws Exception {
    List<JsonNode> out = run("Sr. ML Eng\n"
        + "{\"title\":\"Data Scientist\",\"description\":\"Python, SQL, A/B testing\","
        + "\"salary\":\"$120,000 - $150,000 a year\"}\n"
        + "{\"title\":\"Analyst\",\"salary\":\"70000-85000\",\"currency\":\"EUR\",\"date\":\"2023-05-01\"}\n");
    assertThat(out).hasSize(3);
    JsonNode ml = out.get(0);
    assertThat(ml.get("family").asText()).isEqualTo("ml_engineer");
    assertThat(ml.get("seniority").asText()).isEqualTo("senior");
    assertThat(ml.get("soc").asText()).isEqualTo("15-2051.00");
    assertThat(ml.get("salary").isNull()).isTrue();
    for (String field : List.of("title", "family", "seniority", "soc", "confidence", "explanation",
        "skills", "emphasis", "genderCoding", "salary")) {
      assertThat(ml.has(field)).as(field).isTrue();
    }
    JsonNode ds = out.get(1);
    assertThat(ds.get("skills").toString()).contains("Python", "SQL", "A/B testing");
    // the verdict comes with the phrases that decided it, per side, each with its weight
    JsonNode emphasis = ds.get("emphasis");
    assertThat(emphasis.get("label").asText()).isIn("ml_heavy", "software_heavy", "balanced", "neither");
    assertThat(emphasis.has("score")).isTrue();
    assertThat(emphasis.get("evidence").isArray()).isTrue();
    assertThat(emphasis.get("evidence").toString()).contains("b testing");
    assertThat(emphasis.get("evidence").get(0).has("weight")).isTrue();
    assertThat(ds.get("salary").get("annualMin").asDouble()).isEqualTo(120_000);
    assertThat(ds.get("salary").get("annualMaxReporting").asDouble()).isEqualTo(150_000);
    JsonNode eur = out.get(2).get("salary");
    assertThat(eur.get("currency").asText()).isEqualTo("EUR");
    assertThat(eur.get("annualMinReporting").asDouble()).isEqualTo(Math.round(70_000 / 0.924 * 100) / 100.0);
  }

  @Test
  void aMalformedLineGetsAnErrorObjectAndTheRunGoesOn() throws Exception {
    List<JsonNode> out = run("{\"title\": \"broken\n[1,2]\n{\"foo\":1}\n{\"title\":\"x\",\"date\":\"soon\"}\nNurse\n");
    assertThat(out).hasSize(5);
    assertThat(out.get(0).get("line").asInt()).isEqualTo(1);
    assertThat(out.get(0).get("error").asText()).contains("not valid JSON");
    assertThat(out.get(1).get("family").asText()).isEqualTo("other"); // not an object: read as a title
    assertThat(out.get(2).get("error").asText()).contains("none of title");
    assertThat(out.get(3).get("error").asText()).contains("yyyy-MM-dd");
    assertThat(out.get(4).get("family").asText()).isEqualTo("other");
  }
}
