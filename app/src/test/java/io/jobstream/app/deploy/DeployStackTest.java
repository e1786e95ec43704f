package io.jobstream.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import io.jobstream.app.cli.JobstreamCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The compose file and the Kubernetes manifests hang together: every file they mount exists,
 * every jobstream command line in them parses with the real command line (so a renamed option
 * breaks the build, not the deployment), Prometheus scrapes the ports the commands serve, and the
 * Kubernetes objects reference each other correctly. No container engine or cluster runs here.
 */
class DeployStackTest {

  private final Path deploy = PrometheusTools.deployDir();

  @Test
  void composeMountsExistingFilesAndItsJobstreamCommandsParse() throws Exception {
    JsonNode compose = DeployFilesTest.YAML.readTree(deploy.resolve("compose.yaml").toFile());
    JsonNode services = compose.path("services");
    Set<String> names = new HashSet<>();
    services.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactlyInAnyOrder("kafka", "stream", "ingest", "monitor", "prometheus", "alertmanager", "grafana");
    assertThat(services.path("kafka").path("image").asText()).startsWith("apache/kafka:");
    assertThat(services.path("kafka").path("environment").path("KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
    for (String service : List.of("stream", "ingest", "monitor")) {
      JsonNode s = services.path(service);
      assertThat(s.path("build").path("dockerfile").asText()).as(service).isEqualTo("deploy/Dockerfile");
      assertThat(deploy.resolve("..").resolve(s.path("build").path("dockerfile").asText())).exists();
      List<String> args = new ArrayList<>();
      s.path("command").forEach(a -> args.add(a.asText().replaceAll("\\$\\{JOBSTREAM_SOURCE[^}]*}", "greenhouse:acme")));
      assertThat(args.get(0)).isEqualTo(service);
      parses(args);
      assertThat(args).as(service + " serves /metrics beyond its container").contains("--metrics-host", "0.0.0.0");
    }
    for (JsonNode s : services) {
      for (JsonNode volume : s.path("volumes")) {
        String source = volume.asText().split(":")[0];
        if (source.startsWith("./")) {
          assertThat(deploy.resolve(source.substring(2))).as("mounted by compose").exists();
        }
      }
    }
    // Prometheus scrapes what the commands serve, and alerts go to the compose Alertmanager
    String prometheus = Files.readString(deploy.resolve("prometheus/prometheus.yml"));
    assertThat(prometheus).contains("ingest:9401", "stream:9402", "monitor:9403", "alertmanager:9093");
  }

  @Test
  void healthChecksRunWithoutBashInShAndThePodmanOverrideReplacesNoList() throws Exception {
    JsonNode services = DeployFilesTest.YAML.readTree(deploy.resolve("compose.yaml").toFile()).path("services");
    JsonNode podman = DeployFilesTest.YAML.readTree(deploy.resolve("compose.podman.yaml").toFile()).path("services");
    List<String> checked = new ArrayList<>();
    for (JsonNode file : List.of(services, podman)) {
      file.fields().forEachRemaining(service -> {
        JsonNode test = service.getValue().path("healthcheck").path("test");
        if (!test.isMissingNode()) {
          checked.add(service.getKey());
          // a string is CMD-SHELL, run by /bin/sh: dash in Debian and Ubuntu images, without /dev/tcp
          assertThat(test.isTextual()).as(service.getKey() + " health check is a string").isTrue();
          if (test.asText().contains("/dev/tcp")) {
            assertThat(test.asText()).as(service.getKey() + " health check").startsWith("bash -c '");
          }
        }
      });
    }
    assertThat(checked).contains("kafka", "stream", "ingest", "monitor");
    // podman-compose 1.0 appends an override's list to the list it overrides: the override may add
    // keys and replace strings, never give a list where compose.yaml has one
    podman.fields().forEachRemaining(service -> {
      assertThat(services.has(service.getKey())).as(service.getKey() + " is a compose.yaml service").isTrue();
      replacesNoList(service.getKey(), service.getValue(), services.path(service.getKey()));
    });
  }

  private static void replacesNoList(String path, JsonNode override, JsonNode base) {
    override.fields().forEachRemaining(key -> {
      JsonNode value = key.getValue();
      JsonNode was = base.path(key.getKey());
      assertThat(value.isArray() && was.isArray()).as(path + "." + key.getKey() + " replaces a list").isFalse();
      if (value.isObject() && was.isObject()) {
        replacesNoList(path + "." + key.getKey(), value, was);
      }
    });
  }

  @Test
  void kubernetesManifestsAreConsistent() throws Exception {
    Map<String, JsonNode> byKindAndName = new HashMap<>();
    List<String> files = DeployFilesTest.files(deploy.resolve("k8s"), ".yaml");
    JsonNode kustomization = DeployFilesTest.YAML.readTree(deploy.resolve("k8s/kustomization.yaml").toFile());
    List<String> listed = new ArrayList<>();
    kustomization.path("resources").forEach(r -> listed.add(r.asText()));
    assertThat(listed).containsExactlyInAnyOrderElementsOf(files.stream().filter(f -> !f.equals("kustomization.yaml")).toList());
    for (String file : listed) {
      try (MappingIterator<JsonNode> docs = DeployFilesTest.YAML.readerFor(JsonNode.class)
          .readValues(deploy.resolve("k8s").resolve(file).toFile())) {
        for (JsonNode doc : docs.readAll()) {
          String kind = doc.path("kind").asText();
          assertThat(doc.path("apiVersion").asText()).as(file).isNotBlank();
          assertThat(kind).as(file).isNotBlank();
          assertThat(doc.path("metadata").path("name").asText()).as(file).isNotBlank();
          byKindAndName.put(kind + "/" + doc.path("metadata").path("name").asText(), doc);
        }
      }
    }
    JsonNode stream = byKindAndName.get("StatefulSet/jobstream-stream");
    assertThat(stream).isNotNull();
    JsonNode headless = byKindAndName.get("Service/" + stream.path("spec").path("serviceName").asText());
    assertThat(headless.path("spec").path("clusterIP").asText()).isEqualTo("None");
    assertThat(stream.path("spec").path("volumeClaimTemplates")).isNotEmpty();
    assertThat(byKindAndName.get("ConfigMap/jobstream-config").path("data").path("jobstream.properties").asText())
        .contains("num.standby.replicas=1");
    assertThat(byKindAndName).containsKeys("Deployment/jobstream-ingest", "Deployment/jobstream-monitor",
        "NetworkPolicy/jobstream-ingest-egress");
    for (String workload : List.of("StatefulSet/jobstream-stream", "Deployment/jobstream-ingest", "Deployment/jobstream-monitor")) {
      JsonNode spec = byKindAndName.get(workload).path("spec");
      JsonNode labels = spec.path("template").path("metadata").path("labels");
      spec.path("selector").path("matchLabels").fields().forEachRemaining(e ->
          assertThat(labels.path(e.getKey()).asText()).as(workload + " selector matches its pods").isEqualTo(e.getValue().asText()));
      JsonNode container = spec.path("template").path("spec").path("containers").path(0);
      List<String> args = new ArrayList<>();
      container.path("args").forEach(a -> args.add(a.asText().replace("$(POD_NAME)", "jobstream-stream-0")));
      parses(args);
      String port = spec.path("template").path("metadata").path("annotations").path("prometheus.io/port").asText();
      assertThat(container.path("ports").findValuesAsText("containerPort")).as(workload).contains(port);
      Set<String> volumes = new HashSet<>();
      spec.path("template").path("spec").path("volumes").forEach(v -> volumes.add(v.path("name").asText()));
      spec.path("volumeClaimTemplates").forEach(v -> volumes.add(v.path("metadata").path("name").asText()));
      container.path("volumeMounts").forEach(m -> assertThat(volumes).as(workload).contains(m.path("name").asText()));
    }
  }

  /** Parses {@code args} with the real command line; an unknown option or bad value fails. */
  private static void parses(List<String> args) {
    CommandLine cli = new CommandLine(new JobstreamCli());
    CommandLine.ParseResult result = cli.parseArgs(args.toArray(String[]::new));
    assertThat(result.subcommand()).as(String.join(" ", args)).isNotNull();
    assertThat(result.subcommand().commandSpec().name()).isEqualTo(args.get(0));
  }
}
