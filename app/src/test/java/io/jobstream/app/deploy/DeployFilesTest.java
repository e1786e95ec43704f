package io.jobstream.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitoring files of {@code deploy/} are well-formed and their PromQL parses: the Prometheus
 * configuration and rules with {@code promtool check}, the rules' behaviour with
 * {@code promtool test rules}, and every expression of the Grafana dashboards and alert rules by
 * handing it to {@code promtool check rules} as a recording rule, so a typo fails the build.
 */
class DeployFilesTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  /** Values for Grafana's variables, so that an expression becomes plain PromQL. */
  private static final Map<String, String> VARIABLES = Map.of(
      "$__rate_interval", "5m", "$__interval", "1m", "$__range", "1h",
      "$window", "30d/1d", "$seniority", "all", "$family", "ml_engineer", "$pair", "ml_engineer:data_scientist");

  @TempDir
  Path tmp;

  private final Path deploy = PrometheusTools.deployDir();

  @Test
  void prometheusConfigAndRulesAreValidAndTheirUnitTestsPass() throws Exception {
    Path promtool = PrometheusTools.binary("promtool");
    Path prometheus = deploy.resolve("prometheus");
    assertSucceeds(PrometheusTools.run(prometheus, promtool.toString(), "check", "config", "prometheus.yml"));
    List<String> rules = files(prometheus.resolve("rules"), ".yml").stream().map(f -> "rules/" + f).toList();
    assertThat(rules).hasSize(3);
    assertSucceeds(PrometheusTools.run(prometheus, concat(promtool.toString(), "check", "rules", rules)));
    List<String> tests = files(prometheus.resolve("tests"), ".yml").stream().map(f -> "tests/" + f).toList();
    assertThat(tests).isNotEmpty();
    PrometheusTools.Result result = PrometheusTools.run(prometheus, concat(promtool.toString(), "test", "rules", tests));
    assertSucceeds(result);
    assertThat(result.output()).doesNotContain("FAILED");
  }

  @Test
  void everyAlertHasASummaryADescriptionAndARunbookSectionThatExists() throws Exception {
    String runbook = Files.readString(deploy.resolve("README.md"), StandardCharsets.UTF_8);
    Set<String> anchors = new HashSet<>();
    Matcher heading = Pattern.compile("(?m)^#+ (.+)$").matcher(runbook);
    while (heading.find()) {
      anchors.add(heading.group(1).trim().toLowerCase().replaceAll("[^a-z0-9 -]", "").replace(' ', '-'));
    }
    Set<String> alerts = new HashSet<>();
    Set<String> tested = new HashSet<>();
    for (String test : files(deploy.resolve("prometheus/tests"), ".yml")) {
      Matcher m = Pattern.compile("alertname: (\\w+)").matcher(Files.readString(deploy.resolve("prometheus/tests").resolve(test)));
      while (m.find()) {
        tested.add(m.group(1));
      }
    }
    for (JsonNode rule : prometheusRules()) {
      String alert = rule.path("alert").asText();
      alerts.add(alert);
      JsonNode annotations = rule.path("annotations");
      assertThat(annotations.path("summary").asText()).as(alert + " summary").isNotBlank();
      assertThat(annotations.path("description").asText()).as(alert + " description").isNotBlank();
      String url = annotations.path("runbook_url").asText();
      assertThat(url).as(alert).contains("deploy/README.md#" + alert.toLowerCase());
      assertThat(anchors).as(alert + " runbook section in deploy/README.md").contains(alert.toLowerCase());
      assertThat(rule.path("labels").path("severity").asText()).as(alert).isIn("critical", "warning", "info");
    }
    assertThat(alerts).containsExactlyInAnyOrder("JobstreamTargetDown", "JobstreamIngestStalled",
        "JobstreamCrawlerErrorRatioHigh", "JobstreamDeadLetterRateHigh", "JobstreamUnclassifiedShareHigh",
        "JobstreamConsumerLagHigh", "JobstreamDataStale", "JobstreamStreamsAppNotRunning", "JobstreamPipelineStuck",
        "JobstreamDivergenceBecameSignificant", "JobstreamGapMoved", "JobstreamAdjustedGapMoved", "JobstreamPayDropped",
        "JobstreamSourceMarkupChanged", "JobstreamSourceBlocked");
    assertThat(tested).as("alerts with a promtool unit test").containsAll(alerts);
  }

  @Test
  void dashboardsAreWellFormedAndUseTheProvisionedDataSource() throws Exception {
    String uid = YAML.readTree(deploy.resolve("grafana/provisioning/datasources/prometheus.yml").toFile())
        .path("datasources").path(0).path("uid").asText();
    assertThat(uid).isEqualTo("prometheus");
    List<String> dashboards = files(deploy.resolve("grafana/dashboards"), ".json");
    assertThat(dashboards).containsExactlyInAnyOrder("market.json", "pipeline-health.json");
    Set<String> uids = new HashSet<>();
    for (String file : dashboards) {
      JsonNode dashboard = JSON.readTree(deploy.resolve("grafana/dashboards").resolve(file).toFile());
      assertThat(uids.add(dashboard.path("uid").asText())).as(file + " uid unique").isTrue();
      assertThat(dashboard.path("title").asText()).as(file).isNotBlank();
      assertThat(dashboard.path("panels")).as(file).isNotEmpty();
      Set<Integer> ids = new HashSet<>();
      for (JsonNode panel : dashboard.path("panels")) {
        String where = file + " panel " + panel.path("title").asText();
        assertThat(ids.add(panel.path("id").asInt())).as(where + " id unique").isTrue();
        assertThat(panel.path("gridPos").path("w").asInt()).as(where).isBetween(1, 24);
        assertThat(panel.path("datasource").path("uid").asText()).as(where).isEqualTo(uid);
        assertThat(panel.path("targets")).as(where).isNotEmpty();
        for (JsonNode target : panel.path("targets")) {
          assertThat(target.path("expr").asText()).as(where).isNotBlank();
          for (Matcher v = Pattern.compile("\\$\\w+").matcher(target.path("expr").asText()); v.find(); ) {
            String name = v.group();
            assertThat(name.startsWith("$__") || variables(dashboard).contains(name.substring(1)))
                .as(where + " uses a variable the dashboard defines: " + name).isTrue();
          }
        }
      }
    }
  }

  @Test
  void grafanaAlertRulesAreWellFormedAndMatchThePrometheusMarketRules() throws Exception {
    JsonNode file = YAML.readTree(deploy.resolve("grafana/provisioning/alerting/market-alerts.yml").toFile());
    assertThat(file.path("apiVersion").asInt()).isEqualTo(1);
    Map<String, String> prometheusExprByRunbook = new HashMap<>();
    for (JsonNode rule : prometheusRules()) {
      prometheusExprByRunbook.put(rule.path("annotations").path("runbook_url").asText(), normalize(rule.path("expr").asText()));
    }
    int rules = 0;
    for (JsonNode group : file.path("groups")) {
      assertThat(group.path("folder").asText()).isNotBlank();
      assertThat(group.path("interval").asText()).matches("\\d+[smh]");
      for (JsonNode rule : group.path("rules")) {
        rules++;
        String where = rule.path("uid").asText();
        Set<String> refIds = new HashSet<>();
        rule.path("data").forEach(d -> refIds.add(d.path("refId").asText()));
        assertThat(refIds).as(where).contains(rule.path("condition").asText());
        for (JsonNode data : rule.path("data")) {
          String ds = data.path("datasourceUid").asText();
          assertThat(ds).as(where).isIn("prometheus", "__expr__");
          if (ds.equals("__expr__")) {
            assertThat(refIds).as(where + " expression input").contains(data.path("model").path("expression").asText());
          }
        }
        String expr = rule.path("data").path(0).path("model").path("expr").asText();
        String runbook = rule.path("annotations").path("runbook_url").asText();
        assertThat(prometheusExprByRunbook).as(where + " has a Prometheus twin").containsKey(runbook);
        assertThat(normalize(expr)).as(where + " same PromQL as its Prometheus twin").isEqualTo(prometheusExprByRunbook.get(runbook));
      }
    }
    assertThat(rules).isEqualTo(4);
  }

  @Test
  void everyPromQlExpressionOfTheDashboardsAndGrafanaRulesParses() throws Exception {
    Path promtool = PrometheusTools.binary("promtool");
    List<String> expressions = new ArrayList<>();
    for (String file : files(deploy.resolve("grafana/dashboards"), ".json")) {
      JsonNode dashboard = JSON.readTree(deploy.resolve("grafana/dashboards").resolve(file).toFile());
      dashboard.path("panels").forEach(p -> p.path("targets").forEach(t -> expressions.add(t.path("expr").asText())));
      // a variable's label_values(metric, label) query names a metric selector
      dashboard.path("templating").path("list").forEach(v -> {
        Matcher m = Pattern.compile("label_values\\((.+), *\\w+\\)").matcher(v.path("query").path("query").asText());
        assertThat(m.matches()).as("variable " + v.path("name").asText()).isTrue();
        expressions.add(m.group(1));
      });
    }
    JsonNode alerts = YAML.readTree(deploy.resolve("grafana/provisioning/alerting/market-alerts.yml").toFile());
    alerts.path("groups").forEach(g -> g.path("rules").forEach(r -> r.path("data").forEach(d -> {
      if (d.path("datasourceUid").asText().equals("prometheus")) {
        expressions.add(d.path("model").path("expr").asText());
      }
    })));
    assertThat(expressions).hasSizeGreaterThan(30);
    StringBuilder rules = new StringBuilder("groups:\n  - name: grafana-expressions\n    rules:\n");
    for (int i = 0; i < expressions.size(); i++) {
      String expr = expressions.get(i);
      for (var variable : VARIABLES.entrySet()) {
        expr = expr.replace(variable.getKey(), variable.getValue());
      }
      assertThat(expr).as("unknown Grafana variable left in " + expressions.get(i)).doesNotContain("$");
      rules.append("      - record: grafana:expression_").append(i).append("\n")
          .append("        expr: ").append(JSON.writeValueAsString(expr)).append("\n");
    }
    Path file = tmp.resolve("grafana-expressions.yml");
    Files.writeString(file, rules.toString());
    assertSucceeds(PrometheusTools.run(tmp, promtool.toString(), "check", "rules", file.toString()));

    // and the check can fail: one typo is caught
    Files.writeString(file, "groups:\n  - name: typo\n    rules:\n      - record: grafana:typo\n"
        + "        expr: 'sum by (family (rate(jobstream_classify_postings_total[5m]))'\n");
    assertThat(PrometheusTools.run(tmp, promtool.toString(), "check", "rules", file.toString()).exitCode()).isNotZero();
  }

  private static Set<String> variables(JsonNode dashboard) {
    Set<String> names = new HashSet<>();
    dashboard.path("templating").path("list").forEach(v -> names.add(v.path("name").asText()));
    return names;
  }

  private List<JsonNode> prometheusRules() throws IOException {
    List<JsonNode> rules = new ArrayList<>();
    for (String file : files(deploy.resolve("prometheus/rules"), ".yml")) {
      YAML.readTree(deploy.resolve("prometheus/rules").resolve(file).toFile()).path("groups")
          .forEach(g -> g.path("rules").forEach(rules::add));
    }
    return rules;
  }

  private static String normalize(String expr) {
    return expr.replaceAll("\\s+", " ").replace("( ", "(").replace(" )", ")").trim();
  }

  static List<String> files(Path dir, String suffix) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix)).sorted().toList();
    }
  }

  private static String[] concat(String first, String second, String third, List<String> rest) {
    List<String> all = new ArrayList<>(List.of(first, second, third));
    all.addAll(rest);
    return all.toArray(String[]::new);
  }

  private static void assertSucceeds(PrometheusTools.Result result) {
    assertThat(result.exitCode()).as(result.output()).isZero();
  }
}
