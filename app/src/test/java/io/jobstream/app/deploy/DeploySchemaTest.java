package io.jobstream.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deploy files against the published types of the software that reads them, with the
 * TypeScript compiler ({@link TypeScriptCheck}, the npm project in {@code deploy/schema/}):
 *
 * <ul>
 *   <li>every Grafana dashboard against Grafana's dashboard model ({@code @grafana/schema}: the
 *       dashboard, its panels, the timeseries and stat panels' options) with Prometheus queries
 *       ({@code @grafana/grafana-foundation-sdk});
 *   <li>every Grafana alert-rule provisioning file against Grafana's alert rule, query and
 *       server-side expression types ({@code @grafana/grafana-foundation-sdk});
 *   <li>every Kubernetes manifest against the API types of its {@code apiVersion} and
 *       {@code kind} ({@code kubernetes-types}, from the Kubernetes OpenAPI definitions).
 * </ul>
 *
 * <p>Unknown fields, missing required fields and values of the wrong type or outside an enum
 * fail. Copies of the files with one such fault each must fail, so the check is known to bite.
 * The kustomization is not an API object: its fields and resources are checked here directly.
 */
class DeploySchemaTest {

  private static final Path DEPLOY = PrometheusTools.deployDir();
  private static Map<String, List<String>> errors;

  @BeforeAll
  static void typeCheck() throws Exception {
    TypeScriptCheck check = TypeScriptCheck.prepare("deploy-schema");
    for (String file : dashboards()) {
      JsonNode dashboard = DeployFilesTest.JSON.readTree(DEPLOY.resolve("grafana/dashboards").resolve(file).toFile());
      check.write("dashboard-" + stem(file), "grafana", "JobstreamDashboard",
          List.of(new TypeScriptCheck.Typed(dashboard, "JobstreamDashboard")));
    }
    for (String file : alertRuleFiles()) {
      JsonNode rules = DeployFilesTest.YAML.readTree(DEPLOY.resolve("grafana/provisioning/alerting").resolve(file).toFile());
      check.write("alerts-" + stem(file), "grafana", "AlertRuleFile", List.of(new TypeScriptCheck.Typed(rules, "AlertRuleFile")));
    }
    for (String file : manifests()) {
      check.write("k8s-" + stem(file), "kubernetes", "KubernetesObjects", kubernetes(documents(file)));
    }

    // one fault each: these must fail
    JsonNode market = DeployFilesTest.JSON.readTree(DEPLOY.resolve("grafana/dashboards/market.json").toFile());
    brokenDashboard(check, "grid-position-as-string", market,
        d -> ((ObjectNode) d.path("panels").path(0).path("gridPos")).put("x", "0"));
    brokenDashboard(check, "unknown-top-level-key", market, d -> ((ObjectNode) d).put("refreshEvery", "1m"));
    brokenDashboard(check, "unknown-legend-option", market,
        d -> ((ObjectNode) d.path("panels").path(0).path("options").path("legend")).put("colour", "red"));
    brokenDashboard(check, "misspelt-query-field", market,
        d -> ((ObjectNode) d.path("panels").path(0).path("targets").path(0)).set("exp", TextNode.valueOf("up")));
    brokenDashboard(check, "unknown-panel-type", market, d -> ((ObjectNode) d.path("panels").path(0)).put("type", "graph"));
    brokenDashboard(check, "stat-color-mode-outside-enum", market, d -> {
      for (JsonNode panel : d.path("panels")) {
        if (panel.path("type").asText().equals("stat")) {
          ((ObjectNode) panel.path("options")).put("colorMode", "rainbow");
        }
      }
    });
    JsonNode alerts = DeployFilesTest.YAML.readTree(DEPLOY.resolve("grafana/provisioning/alerting/market-alerts.yml").toFile());
    JsonNode rule = alerts.path("groups").path(0).path("rules").path(0);
    brokenAlerts(check, "no-data-state-outside-enum", alerts, r -> ((ObjectNode) r).put("noDataState", "Maybe"));
    brokenAlerts(check, "label-outside-labels", alerts, r -> ((ObjectNode) r).put("severity", "info"));
    brokenAlerts(check, "unknown-reducer", alerts, r -> ((ObjectNode) r.path("data").path(1).path("model")).put("reducer", "avg"));
    brokenAlerts(check, "time-range-as-text", alerts,
        r -> ((ObjectNode) r.path("data").path(0).path("relativeTimeRange")).put("from", "10m"));
    assertThat(rule.path("data").path(1).path("model").path("type").asText()).isEqualTo("reduce");
    JsonNode stream = documents("stream.yaml").stream().filter(d -> d.path("kind").asText().equals("StatefulSet")).findFirst().orElseThrow();
    brokenManifest(check, "replicas-as-text", stream, s -> ((ObjectNode) s.path("spec")).put("replicas", "two"));
    brokenManifest(check, "misspelt-container-field", stream,
        s -> ((ObjectNode) s.path("spec").path("template").path("spec").path("containers").path(0)).put("imagePullPolcy", "Always"));
    brokenManifest(check, "container-without-name", stream,
        s -> ((ObjectNode) s.path("spec").path("template").path("spec").path("containers").path(0)).remove("name"));
    brokenManifest(check, "unknown-api-version", stream, s -> ((ObjectNode) s).put("apiVersion", "apps/v1beta9"));

    errors = check.run();
  }

  @Test
  void everyDashboardAndAlertRuleFileSatisfiesGrafanasTypes() throws IOException {
    assertThat(dashboards()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(alertRuleFiles()).containsExactly("market-alerts.yml");
    for (String file : dashboards()) {
      assertThat(errors.get("dashboard-" + stem(file))).as("deploy/grafana/dashboards/" + file).isEmpty();
    }
    for (String file : alertRuleFiles()) {
      assertThat(errors.get("alerts-" + stem(file))).as("deploy/grafana/provisioning/alerting/" + file).isEmpty();
    }
  }

  @Test
  void everyKubernetesManifestSatisfiesTheKubernetesApiTypes() throws IOException {
    assertThat(manifests()).hasSizeGreaterThanOrEqualTo(6);
    for (String file : manifests()) {
      assertThat(errors.get("k8s-" + stem(file))).as("deploy/k8s/" + file).isEmpty();
    }
  }

  @Test
  void aBrokenDashboardOrAlertRuleFails() {
    assertFails("dashboard-grid-position-as-string", "Type 'string' is not assignable to type 'number'");
    assertFails("dashboard-unknown-top-level-key", "'\"refreshEvery\"' does not exist");
    assertFails("dashboard-unknown-legend-option", "'\"colour\"' does not exist");
    assertFails("dashboard-misspelt-query-field", "'\"exp\"' does not exist");
    assertFails("dashboard-unknown-panel-type", "'\"graph\"' is not assignable");
    assertFails("dashboard-stat-color-mode-outside-enum", "'\"rainbow\"' is not assignable");
    assertFails("alerts-no-data-state-outside-enum", "'\"Maybe\"' is not assignable");
    assertFails("alerts-label-outside-labels", "'\"severity\"' does not exist");
    assertFails("alerts-unknown-reducer", "'\"avg\"' is not assignable");
    assertFails("alerts-time-range-as-text", "Type 'string' is not assignable to type 'number'");
  }

  @Test
  void aBrokenManifestFails() {
    assertFails("k8s-replicas-as-text", "Type 'string' is not assignable to type 'number'");
    assertFails("k8s-misspelt-container-field", "'\"imagePullPolcy\"' does not exist in type 'Container'");
    assertFails("k8s-container-without-name", "Property 'name' is missing");
    assertFails("k8s-unknown-api-version", "'apps/v1beta9/StatefulSet' does not exist on type 'KubernetesObjects'");
  }

  /**
   * The kustomization is kustomize's file, not a Kubernetes API object: its kind and version,
   * fields kustomize knows (the ones jobstream uses), and resources that exist and are each checked above.
   */
  @Test
  void theKustomizationNamesExistingCheckedManifests() throws IOException {
    JsonNode kustomization = DeployFilesTest.YAML.readTree(DEPLOY.resolve("k8s/kustomization.yaml").toFile());
    assertThat(kustomization.path("apiVersion").asText()).isEqualTo("kustomize.config.k8s.io/v1beta1");
    assertThat(kustomization.path("kind").asText()).isEqualTo("Kustomization");
    List<String> fields = new ArrayList<>();
    kustomization.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).isSubsetOf("apiVersion", "kind", "namespace", "resources", "images", "labels", "commonLabels",
        "commonAnnotations", "configMapGenerator", "secretGenerator", "patches", "replicas", "namePrefix", "nameSuffix");
    List<String> resources = new ArrayList<>();
    kustomization.path("resources").forEach(r -> resources.add(r.asText()));
    assertThat(resources).isNotEmpty();
    for (String resource : resources) {
      assertThat(DEPLOY.resolve("k8s").resolve(resource)).as("kustomization resource").isRegularFile();
      assertThat(errors).as("kustomization resource " + resource + " is type-checked").containsKey("k8s-" + stem(resource));
    }
    assertThat(kustomization.path("namespace").asText()).isEqualTo(documents("namespace.yaml").get(0).path("metadata").path("name").asText());
  }

  private static void assertFails(String name, String message) {
    assertThat(errors).containsKey(name);
    assertThat(errors.get(name)).as(name + " must fail the type check").isNotEmpty();
    assertThat(String.join("\n", errors.get(name))).as(name).contains(message);
  }

  private static void brokenDashboard(TypeScriptCheck check, String name, JsonNode dashboard, Consumer<JsonNode> fault)
      throws IOException {
    JsonNode copy = dashboard.deepCopy();
    fault.accept(copy);
    check.write("dashboard-" + name, "grafana", "JobstreamDashboard", List.of(new TypeScriptCheck.Typed(copy, "JobstreamDashboard")));
  }

  private static void brokenAlerts(TypeScriptCheck check, String name, JsonNode file, Consumer<JsonNode> faultInFirstRule)
      throws IOException {
    JsonNode copy = file.deepCopy();
    faultInFirstRule.accept(copy.path("groups").path(0).path("rules").path(0));
    check.write("alerts-" + name, "grafana", "AlertRuleFile", List.of(new TypeScriptCheck.Typed(copy, "AlertRuleFile")));
  }

  private static void brokenManifest(TypeScriptCheck check, String name, JsonNode manifest, Consumer<JsonNode> fault)
      throws IOException {
    JsonNode copy = manifest.deepCopy();
    fault.accept(copy);
    check.write("k8s-" + name, "kubernetes", "KubernetesObjects", kubernetes(List.of(copy)));
  }

  /** Each document typed by its {@code apiVersion/kind}, an index of {@code KubernetesObjects}. */
  private static List<TypeScriptCheck.Typed> kubernetes(List<JsonNode> documents) {
    List<TypeScriptCheck.Typed> typed = new ArrayList<>();
    for (JsonNode doc : documents) {
      String key = doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
      assertThat(key).matches("[a-z0-9./]+/[A-Za-z]+");
      typed.add(new TypeScriptCheck.Typed(doc, "KubernetesObjects['" + key + "']"));
    }
    return typed;
  }

  private static List<JsonNode> documents(String manifest) throws IOException {
    try (MappingIterator<JsonNode> docs = DeployFilesTest.YAML.readerFor(JsonNode.class)
        .readValues(DEPLOY.resolve("k8s").resolve(manifest).toFile())) {
      return docs.readAll().stream().filter(d -> !d.isNull() && !d.isEmpty()).toList();
    }
  }

  private static List<String> dashboards() throws IOException {
    return DeployFilesTest.files(DEPLOY.resolve("grafana/dashboards"), ".json");
  }

  /** The files of {@code provisioning/alerting} that hold alert rules (the others hold contact points). */
  private static List<String> alertRuleFiles() throws IOException {
    List<String> files = new ArrayList<>();
    for (String file : DeployFilesTest.files(DEPLOY.resolve("grafana/provisioning/alerting"), ".yml")) {
      if (DeployFilesTest.YAML.readTree(DEPLOY.resolve("grafana/provisioning/alerting").resolve(file).toFile()).has("groups")) {
        files.add(file);
      }
    }
    return files;
  }

  private static List<String> manifests() throws IOException {
    return DeployFilesTest.files(DEPLOY.resolve("k8s"), ".yaml").stream()
        .filter(f -> !f.equals("kustomization.yaml")).toList();
  }

  private static String stem(String file) {
    return file.replaceFirst("\\.[a-z]+$", "");
  }
}
