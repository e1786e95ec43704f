package io.jobstream.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobstream.classify.Enrichment;
import io.jobstream.classify.PayExtractor;
import io.jobstream.classify.pay.PeriodRanges;
import io.jobstream.classify.PostingEnricher;
import io.jobstream.classify.Salary;
import io.jobstream.classify.TitleClassifier;
import io.jobstream.classify.pay.CurrencyRates;
import io.jobstream.classify.title.Taxonomy;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "classify", mixinStandardHelpOptions = true,
    description = {"Classify postings read from standard input, one per line: a plain title, or a"
        + " JSON object with any of title, description, salary (text), currency, date"
        + " (yyyy-MM-dd, for exchange rates). Writes one JSON object per line: title, family,"
        + " seniority, soc, socTitle, confidence, explanation, skills, skillsByTag, emphasis (null"
        + " without a description, or {label: ml_heavy|software_heavy|balanced|neither, score, ml,"
        + " software, neither, evidence: [{side, phrase, weight, section}]}),"
        + " genderCoding, salary (null or {currency, period, min, max, annualMin, annualMax,"
        + " reportingCurrency, annualMinReporting, annualMaxReporting, periodInferred, periodGiven}), salaryRejected.",
        "A line that cannot be read gives {\"line\": N, \"error\": ...} and the run goes on."})
public final class ClassifyCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec
  CommandSpec spec;

  private java.io.InputStream input = System.in;

  /** Reads lines from {@code input} instead of standard input. */
  public void setInput(java.io.InputStream input) {
    this.input = input;
  }

  @Option(names = "--taxonomy", paramLabel = "FILE",
      description = "Taxonomy file that extends or overrides the built-in one (same JSON layout).")
  Path taxonomy;

  @Option(names = "--rates", paramLabel = "FILE",
      description = "Exchange-rate file (year,currency,per_usd) over the built-in table.")
  Path rates;

  @Option(names = "--reporting-currency", defaultValue = "USD", paramLabel = "CODE",
      description = "Currency of annualMinReporting/annualMaxReporting (default: ${DEFAULT-VALUE}).")
  String reportingCurrency;

  @Option(names = "--pay-ranges", paramLabel = "PERIOD=MIN..MAX,...",
      description = "Plausible pay per period in US dollars over the defaults, e.g."
          + " hour=7..300,month=1000..50000 (see docs/classification.md).")
  String payRanges;

  @Override
  public Integer call() throws Exception {
    PostingEnricher enricher = new PostingEnricher(
        new TitleClassifier(taxonomy == null ? Taxonomy.builtIn() : Taxonomy.withOverride(taxonomy)),
        new PayExtractor(rates == null ? CurrencyRates.builtIn() : CurrencyRates.withOverride(rates),
            PeriodRanges.withOverrides(payRanges), reportingCurrency));
    PrintWriter out = spec.commandLine().getOut();
    BufferedReader in = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
    String line;
    int number = 0;
    while ((line = in.readLine()) != null) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      out.println(JSON.writeValueAsString(classifyLine(enricher, line, number)));
      out.flush();
    }
    return 0;
  }

  /** The output object for one input line; never throws for bad input. */
  static ObjectNode classifyLine(PostingEnricher enricher, String line, int number) {
    String title;
    String description = null;
    String salary = null;
    String currency = null;
    LocalDate date = null;
    String trimmed = line.trim();
    if (trimmed.startsWith("{")) {
      JsonNode node;
      try {
        node = JSON.readTree(trimmed);
      } catch (Exception e) {
        return error(number, "not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
      }
      if (!node.isObject()) {
        return error(number, "expected a JSON object");
      }
      title = text(node, "title");
      description = text(node, "description");
      salary = text(node, "salary");
      currency = text(node, "currency");
      String dateText = text(node, "date");
      if (dateText != null) {
        try {
          date = LocalDate.parse(dateText);
        } catch (Exception e) {
          return error(number, "date '" + dateText + "' is not yyyy-MM-dd");
        }
      }
      if (title == null && description == null && salary == null) {
        return error(number, "the object has none of title, description, salary");
      }
    } else {
      title = trimmed;
    }
    Enrichment e = enricher.enrich(title, description, null, salary, currency, date);
    ObjectNode out = JSON.createObjectNode();
    out.put("title", title);
    out.put("family", e.classification().family());
    out.put("seniority", e.classification().seniority());
    out.put("soc", e.classification().soc());
    out.put("socTitle", e.classification().socTitle());
    out.put("confidence", e.classification().confidence());
    out.put("explanation", e.classification().explanation());
    out.set("skills", JSON.valueToTree(e.skills()));
    out.set("skillsByTag", JSON.valueToTree(e.skillsByTag()));
    out.set("emphasis", JSON.valueToTree(e.emphasis()));
    out.set("genderCoding", JSON.valueToTree(e.genderCoding()));
    Salary s = e.salary();
    out.set("salary", s == null ? null : JSON.valueToTree(s));
    out.put("salaryRejected", e.salaryRejected());
    return out;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static ObjectNode error(int line, String message) {
    ObjectNode out = JSON.createObjectNode();
    out.put("line", line);
    out.put("error", message);
    return out;
  }
}
