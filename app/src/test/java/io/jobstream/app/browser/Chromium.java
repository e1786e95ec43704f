package io.jobstream.app.browser;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A real headless Chromium driven over the Chrome DevTools Protocol (a WebSocket, JSON messages):
 * load a page, evaluate JavaScript in it, collect what it logged (console errors, uncaught
 * exceptions, failed loads), take a screenshot. Without a Chromium binary the test is skipped
 * with a loud message, unless {@code JOBSTREAM_REQUIRE_CHROMIUM} is set (CI sets it after
 * installing Debian's {@code chromium}), in which case it fails.
 */
public final class Chromium implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();

  private Chromium(Process process, Path profile, URI pageSocket) throws Exception {
    this.process = process;
    this.profile = profile;
    this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(pageSocket, new Listener()).get(30, TimeUnit.SECONDS);
    call("Page.enable", null);
    call("Runtime.enable", null);
    call("Log.enable", null);
  }

  /** Starts headless Chromium with an empty profile and attaches to its first tab. */
  public static Chromium start() throws Exception {
    Path binary = binary();
    Path profile = Files.createTempDirectory("jobstream-chromium");
    Process process = new ProcessBuilder(binary.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
        "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1", "--user-data-dir=" + profile,
        "--window-size=1200,900", "about:blank").redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    URI browser = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    StringBuilder seen = new StringBuilder();
    String line;
    while (browser == null && System.nanoTime() < deadline && (line = out.readLine()) != null) {
      seen.append(line).append('\n');
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        browser = URI.create(m.group(1));
      }
    }
    if (browser == null) {
      process.destroyForcibly();
      throw new IllegalStateException("Chromium did not open its DevTools port:\n" + seen);
    }
    Thread drain = new Thread(() -> {
      try {
        while (out.readLine() != null) {
          // Chromium's own log; drained so that it never blocks on a full pipe
        }
      } catch (IOException ignored) {
        // the process ended
      }
    }, "chromium-log");
    drain.setDaemon(true);
    drain.start();
    URI list = URI.create("http://" + browser.getHost() + ":" + browser.getPort() + "/json/list");
    JsonNode targets = JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(list).build(),
        HttpResponse.BodyHandlers.ofString()).body());
    for (JsonNode t : targets) {
      if (t.path("type").asText().equals("page")) {
        return new Chromium(process, profile, URI.create(t.path("webSocketDebuggerUrl").asText()));
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException("Chromium has no page to attach to: " + targets);
  }

  static Path binary() {
    List<String> names = new ArrayList<>();
    String configured = System.getenv("JOBSTREAM_CHROMIUM");
    if (configured != null && !configured.isBlank()) {
      names.add(configured);
    }
    names.addAll(List.of("chromium", "chromium-browser", "google-chrome"));
    for (String name : names) {
      if (name.contains("/") && Files.isExecutable(Path.of(name))) {
        return Path.of(name);
      }
      for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    String message = "\n*** Chromium is not installed: the browser tests of the report and the live page did"
        + " NOT run. Install it with `apt-get install chromium` (.ci/run does), or name it in JOBSTREAM_CHROMIUM. ***\n";
    System.err.println(message);
    if (System.getenv("JOBSTREAM_REQUIRE_CHROMIUM") != null) {
      fail(message);
    }
    Assumptions.abort(message);
    return null;
  }

  /** Loads {@code url} and waits for its load event. */
  public void open(String url) throws Exception {
    loaded = new CompletableFuture<>();
    ObjectNode params = JSON.createObjectNode().put("url", url);
    JsonNode result = call("Page.navigate", params);
    if (result.hasNonNull("errorText")) {
      throw new IllegalStateException("cannot load " + url + ": " + result.get("errorText").asText());
    }
    loaded.get(60, TimeUnit.SECONDS);
  }

  /** The value of a JavaScript expression in the page (JSON-serializable values). */
  public JsonNode evaluate(String expression) throws Exception {
    ObjectNode params = JSON.createObjectNode().put("expression", expression).put("returnByValue", true)
        .put("awaitPromise", true);
    JsonNode result = call("Runtime.evaluate", params);
    if (result.has("exceptionDetails")) {
      throw new IllegalStateException("evaluating " + expression + " failed: " + result.get("exceptionDetails"));
    }
    return result.path("result").path("value");
  }

  /** Evaluates {@code condition} until it is true, or fails after {@code timeout}. */
  public void await(String condition, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!evaluate(condition).asBoolean(false)) {
      if (System.nanoTime() > deadline) {
        fail("in the browser, `" + condition + "` did not become true within " + timeout + "; the page begins: "
            + evaluate("document.body.innerText.slice(0, 400)").asText() + "; logged: " + problems());
      }
      Thread.sleep(250);
    }
  }

  /** What the page logged as errors: console errors, uncaught exceptions, failed loads. */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  /** A PNG of the whole page, {@code width} CSS pixels wide. */
  public void screenshot(Path file, int width) throws Exception {
    double height = evaluate("document.documentElement.scrollHeight").asDouble();
    call("Emulation.setDeviceMetricsOverride", JSON.createObjectNode().put("width", width)
        .put("height", (int) Math.ceil(height)).put("deviceScaleFactor", 1).put("mobile", false));
    JsonNode shot = call("Page.captureScreenshot", JSON.createObjectNode().put("format", "png")
        .put("captureBeyondViewport", true));
    Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
  }

  private JsonNode call(String method, JsonNode params) throws Exception {
    int id = ids.incrementAndGet();
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    if (params != null) {
      message.set("params", params);
    }
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    socket.sendText(JSON.writeValueAsString(message), true).get(30, TimeUnit.SECONDS);
    JsonNode response = answer.get(60, TimeUnit.SECONDS);
    if (response.has("error")) {
      throw new IllegalStateException(method + " failed: " + response.get("error"));
    }
    return response.path("result");
  }

  private void event(JsonNode message) {
    String method = message.path("method").asText();
    JsonNode params = message.path("params");
    switch (method) {
      case "Page.loadEventFired" -> loaded.complete(null);
      case "Runtime.exceptionThrown" -> problems.add("uncaught: " + params.path("exceptionDetails"));
      case "Runtime.consoleAPICalled" -> {
        if (params.path("type").asText().equals("error") || params.path("type").asText().equals("assert")) {
          problems.add("console." + params.path("type").asText() + ": " + params.path("args"));
        }
      }
      case "Log.entryAdded" -> {
        JsonNode entry = params.path("entry");
        if (entry.path("level").asText().equals("error")) {
          problems.add("log: " + entry.path("text").asText() + " " + entry.path("url").asText());
        }
      }
      default -> { }
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        try {
          JsonNode message = JSON.readTree(text.toString());
          if (message.has("id")) {
            CompletableFuture<JsonNode> answer = pending.remove(message.get("id").asInt());
            if (answer != null) {
              answer.complete(message);
            }
          } else {
            event(message);
          }
        } catch (IOException e) {
          problems.add("unreadable DevTools message: " + e.getMessage());
        }
        text.setLength(0);
      }
      webSocket.request(1);
      return null;
    }
  }

  @Override
  public void close() throws Exception {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
    } catch (Exception ignored) {
      // the browser goes anyway
    }
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
