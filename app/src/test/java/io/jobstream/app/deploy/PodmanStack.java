package io.jobstream.app.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * {@code deploy/compose.yaml} with {@code deploy/compose.podman.yaml} and one more override file,
 * run by {@code podman-compose} as a project of its own name, with podman configured by
 * {@code deploy/podman/containers.conf} (unless {@code CONTAINERS_CONF} names another). Without
 * podman, podman-compose or debootstrap the test is skipped with a loud message, unless the
 * environment variable {@code JOBSTREAM_REQUIRE_PODMAN} is set (CI sets it after installing them),
 * in which case it fails.
 */
final class PodmanStack implements AutoCloseable {

  /** Longest a podman or podman-compose call may take: 10 minutes (the image build). */
  private static final Duration CALL_TIMEOUT = Duration.ofMinutes(10);

  /** Output of a finished command (standard output and error together) and its exit code. */
  record Result(int exitCode, String output) {}

  private final Path deploy;
  private final String project;
  private final List<Path> files;
  private final Map<String, String> environment;
  private final Path logs;

  /**
   * @param project the compose project name, a prefix of every container, volume and network
   * @param override an override file beside the project's two
   * @param environment variables the compose files read (source, host ports)
   * @param logs folder for the output of each call
   */
  PodmanStack(String project, Path override, Map<String, String> environment, Path logs) {
    this.deploy = PrometheusTools.deployDir();
    this.project = project;
    this.files = List.of(deploy.resolve("compose.yaml"), deploy.resolve("compose.podman.yaml"), override);
    this.environment = environment;
    this.logs = logs;
  }

  /** Skips (or under CI fails) the test unless podman, podman-compose and debootstrap are installed. */
  static void requireTools() {
    List<String> missing = new ArrayList<>();
    for (String tool : List.of("podman", "podman-compose", "debootstrap")) {
      if (!onPath(tool)) {
        missing.add(tool);
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    String message = "\n*** " + String.join(", ", missing) + " not installed: the compose stack was NOT"
        + " started in containers. Install them with `apt-get install podman podman-compose runc"
        + " debootstrap` (.ci/run does). ***\n";
    System.err.println(message);
    if (System.getenv("JOBSTREAM_REQUIRE_PODMAN") != null) {
      fail(message);
    }
    Assumptions.abort(message);
  }

  private static boolean onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, name))) {
        return true;
      }
    }
    for (String dir : List.of("/usr/sbin", "/sbin")) {
      if (Files.isExecutable(Path.of(dir, name))) {
        return true;
      }
    }
    return false;
  }

  /** Builds the local images ({@code deploy/podman/build-images.sh}); the base image is kept once built. */
  Result buildImages() throws IOException, InterruptedException {
    return check("build-images", List.of(deploy.resolve("podman/build-images.sh").toString()));
  }

  /** {@code podman-compose ... up -d SERVICES}. */
  Result up(String... services) throws IOException, InterruptedException {
    List<String> command = compose("up", "-d");
    command.addAll(List.of(services));
    return check("up", command);
  }

  /** The container of a service. */
  String container(String service) {
    return project + "_" + service + "_1";
  }

  /** {@code podman ARGS}, its exit code and output, whatever the exit code. */
  Result podman(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("podman"));
    command.addAll(List.of(args));
    return run("podman-" + args[0], command);
  }

  /** The last lines of every container's log, for a failure message. */
  String containerLogs() {
    StringBuilder out = new StringBuilder();
    try {
      Result ps = podman("ps", "-a", "--filter", "label=io.podman.compose.project=" + project,
          "--format", "{{.Names}}");
      for (String name : ps.output().strip().split("\n")) {
        if (name.startsWith(project + "_")) {
          out.append("\n--- ").append(name).append(" (last lines) ---\n")
              .append(podman("logs", "--tail", "15", name).output().strip());
        }
      }
    } catch (IOException | InterruptedException e) {
      out.append("\n(no container logs: ").append(e).append(')');
    }
    return out.toString();
  }

  /**
   * {@code podman-compose ... down -v}: containers and volumes; then the project's network, which
   * podman-compose 1.0 leaves behind.
   */
  @Override
  public void close() throws IOException, InterruptedException {
    run("down", compose("down", "-v"));
    run("network-rm", List.of("podman", "network", "rm", "-f", project + "_default"));
  }

  private List<String> compose(String... args) {
    List<String> command = new ArrayList<>(List.of("podman-compose", "-p", project));
    for (Path file : files) {
      command.add("-f");
      command.add(file.toString());
    }
    command.addAll(List.of(args));
    return command;
  }

  private Result check(String name, List<String> command) throws IOException, InterruptedException {
    Result result = run(name, command);
    if (result.exitCode() != 0) {
      throw new AssertionError(String.join(" ", command) + " exited with " + result.exitCode() + ":\n"
          + tail(result.output(), 40));
    }
    return result;
  }

  private Result run(String name, List<String> command) throws IOException, InterruptedException {
    Path log = Files.createTempFile(logs, name + "-", ".log");
    ProcessBuilder builder = new ProcessBuilder(command).directory(deploy.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    builder.environment().putIfAbsent("CONTAINERS_CONF", deploy.resolve("podman/containers.conf").toString());
    Process process = builder.start();
    if (!process.waitFor(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " still running after " + CALL_TIMEOUT + ":\n"
          + tail(Files.readString(log, StandardCharsets.UTF_8), 40));
    }
    return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  private static String tail(String text, int lines) {
    String[] all = text.split("\n");
    return String.join("\n", List.of(all).subList(Math.max(0, all.length - lines), all.length));
  }
}
