package io.jobstream.app.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds Debian's Prometheus binaries ({@code apt-get install prometheus}) and the project's
 * {@code deploy/} folder. Without the binaries a test is skipped with a loud message, unless the
 * environment variable {@code JOBSTREAM_REQUIRE_PROMETHEUS} is set (CI sets it after installing
 * them), in which case it fails.
 */
final class PrometheusTools {

  private PrometheusTools() {}

  /** The {@code deploy/} folder of the project (the tests run in the module folder). */
  static Path deployDir() {
    for (Path candidate : List.of(Path.of("..", "deploy"), Path.of("deploy"))) {
      if (Files.isDirectory(candidate.resolve("prometheus"))) {
        return candidate.toAbsolutePath().normalize();
      }
    }
    throw new IllegalStateException("deploy/ not found beside the module");
  }

  /** The named binary on the PATH, or the test is skipped (or failed under CI), loudly. */
  static Path binary(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    String message = "\n*** " + name + " is not installed: the Prometheus checks of deploy/ did NOT run."
        + " Install it with `apt-get install prometheus` (.ci/run does). ***\n";
    System.err.println(message);
    if (System.getenv("JOBSTREAM_REQUIRE_PROMETHEUS") != null) {
      fail(message);
    }
    Assumptions.abort(message);
    return null;
  }

  /** Output of a finished command (standard output and error together) and its exit code. */
  record Result(int exitCode, String output) {}

  static Result run(Path workDir, String... command) throws IOException, InterruptedException {
    Path log = Files.createTempFile("promtool", ".log");
    try {
      Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(workDir.toFile())
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail(String.join(" ", command) + " did not finish in 120 s");
      }
      return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
