package io.jobstream.app.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Type-checks deploy files with the TypeScript compiler against published types: the npm project
 * in {@code deploy/schema/} (pinned by its {@code package-lock.json}) is copied into a working
 * folder under {@code target/}, installed there with {@code npm ci} (once: again only when the
 * lock file changes; npm's cache makes later installs work offline), each checked file is written
 * as a typed constant ({@code export const x = (JSON) satisfies Type;}) under
 * {@code generated/}, and one {@code tsc} run checks them all.
 *
 * <p>Without npm a test is skipped with a loud message, unless the environment variable
 * {@code JOBSTREAM_REQUIRE_NPM} is set (CI sets it), in which case it fails.
 */
final class TypeScriptCheck {

  /** A compiler error: {@code generated/FILE.ts(LINE,COL): error TSnnnn: message}. */
  private static final Pattern ERROR = Pattern.compile("^generated/([^(]+)\\.ts\\((\\d+),\\d+\\): error (TS\\d+: .*)$");

  private final Path work;
  private final Path generated;

  private TypeScriptCheck(Path work) {
    this.work = work;
    this.generated = work.resolve("generated");
  }

  /**
   * A working copy of {@code deploy/schema/} in {@code target/NAME}, its packages installed, with
   * an empty {@code generated/} folder; skips (or fails under CI) when npm is missing.
   */
  static TypeScriptCheck prepare(String name) throws IOException, InterruptedException {
    Path npm = binary("npm");
    Path source = PrometheusTools.deployDir().resolve("schema");
    Path work = Path.of("target", name).toAbsolutePath();
    Files.createDirectories(work);
    Path installedLock = work.resolve("node_modules/.jobstream-installed-lock.json");
    byte[] lock = Files.readAllBytes(source.resolve("package-lock.json"));
    try (Stream<Path> files = Files.list(source)) {
      for (Path file : files.filter(f -> f.getFileName().toString().matches(".+\\.(ts|json)")).toList()) {
        Files.copy(file, work.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    if (!Files.exists(installedLock) || !Arrays.equals(Files.readAllBytes(installedLock), lock)) {
      PrometheusTools.Result install = PrometheusTools.run(work, npm.toString(), "ci", "--no-audit", "--no-fund",
          "--prefer-offline", "--loglevel=error");
      if (install.exitCode() != 0) {
        fail("npm ci in " + work + " failed (is the npm registry or npm's cache reachable?):\n" + install.output());
      }
      Files.write(installedLock, lock);
    }
    TypeScriptCheck check = new TypeScriptCheck(work);
    if (Files.isDirectory(check.generated)) {
      try (Stream<Path> old = Files.list(check.generated)) {
        for (Path file : old.toList()) {
          Files.delete(file);
        }
      }
    }
    Files.createDirectories(check.generated);
    return check;
  }

  /**
   * Writes {@code generated/NAME.ts}: each value as {@code export const docN = (JSON) satisfies
   * TYPE;}, {@code TYPE} imported from {@code MODULE} (a file of {@code deploy/schema/}).
   */
  void write(String name, String module, String importedType, List<Typed> values) throws IOException {
    StringBuilder ts = new StringBuilder("import type { ").append(importedType).append(" } from '../")
        .append(module).append("';\n");
    for (int i = 0; i < values.size(); i++) {
      // the parentheses keep `satisfies` on the expression: after a line break it would start a statement
      ts.append("export const doc").append(i).append(" = (")
          .append(DeployFilesTest.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(values.get(i).value()))
          .append(") satisfies ").append(values.get(i).type()).append(";\n");
    }
    Files.writeString(generated.resolve(name + ".ts"), ts.toString(), StandardCharsets.UTF_8);
  }

  /** A JSON value and the TypeScript type it must satisfy. */
  record Typed(JsonNode value, String type) {}

  /**
   * Runs {@code tsc} over everything written; returns the errors by generated file name (every
   * written file has an entry, empty when it type-checks). Each error is followed by the line of
   * the generated file it points at, so a failure shows the offending JSON.
   */
  Map<String, List<String>> run() throws IOException, InterruptedException {
    Path node = binary("node");
    Map<String, List<String>> errors = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(generated)) {
      files.map(f -> f.getFileName().toString().replaceFirst("\\.ts$", "")).sorted().forEach(f -> errors.put(f, new ArrayList<>()));
    }
    PrometheusTools.Result result = PrometheusTools.run(work, node.toString(), "node_modules/typescript/bin/tsc",
        "-p", ".", "--pretty", "false");
    List<String> unexplained = new ArrayList<>();
    List<String> current = null;
    for (String line : result.output().split("\n")) {
      Matcher m = ERROR.matcher(line);
      if (m.matches()) {
        current = errors.get(m.group(1));
        List<String> source = Files.readAllLines(generated.resolve(m.group(1) + ".ts"));
        int at = Integer.parseInt(m.group(2)) - 1;
        current.add(m.group(3) + "\n    at: " + (at < source.size() ? source.get(at).trim() : "?"));
      } else if (line.startsWith(" ") && current != null) {
        // tsc explains an error on the indented lines after it ("Types of property ... are incompatible")
        current.set(current.size() - 1, current.get(current.size() - 1) + "\n" + line);
      } else if (line.contains("error TS")) {
        unexplained.add(line);
        current = null;
      }
    }
    if (!unexplained.isEmpty() || (result.exitCode() != 0 && errors.values().stream().allMatch(List::isEmpty))) {
      // an error in deploy/schema's own files, or tsc failing to start, is a broken check
      fail("tsc failed outside the generated files (exit " + result.exitCode() + "):\n" + result.output());
    }
    return errors;
  }

  /** The named binary on the PATH, or the test is skipped (or failed under CI), loudly. */
  private static Path binary(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    String message = "\n*** " + name + " is not installed: the schema checks of deploy/ (Grafana's and"
        + " Kubernetes's types) did NOT run. Install Node.js and npm (.ci/run does). ***\n";
    System.err.println(message);
    if (System.getenv("JOBSTREAM_REQUIRE_NPM") != null) {
      fail(message);
    }
    Assumptions.abort(message);
    return null;
  }
}
