package io.jobstream.app.cli;

import io.jobstream.app.KafkaSettings;
import io.jobstream.app.KnownSettings;
import io.jobstream.ingest.SourceSpec;
import io.jobstream.ingest.api.JobBoardApi;
import io.jobstream.ingest.catalog.BoardCheck;
import io.jobstream.ingest.catalog.BoardChecker;
import io.jobstream.ingest.catalog.CatalogEntry;
import io.jobstream.ingest.catalog.Catalogs;
import io.jobstream.ingest.catalog.CheckReport;
import io.jobstream.ingest.http.AddressGuard;
import io.jobstream.ingest.http.PageFetcher;
import io.jobstream.ingest.http.PoliteFetcher;
import io.jobstream.ingest.publish.PostingSink;
import io.jobstream.ingest.state.CrawlState;
import io.jobstream.model.DeadLetter;
import io.jobstream.model.RawPosting;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jobstream sources check}: fetches the first URL of each board once and reports which
 * answer, which are gone and which block us. Exit code 0 whatever the boards answer (it is a
 * report); 2 for a usage error (a bad catalogue line, an unknown source type).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Fetch each board's first page once and report which answer (with the number of"
        + " postings), which are gone (404), which block us (403, captcha, robots.txt), which are"
        + " rate-limited (429), time out or fail on the server. Publishes nothing; exit code 0"
        + " whatever the boards answer.")
public final class SourcesCheckCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--catalog", paramLabel = "NAME",
      description = "A catalogue to check (repeatable): a shipped name, all, or a path to a file"
          + " (default: all, unless --source is given).")
  List<String> catalogs = new ArrayList<>();

  @Option(names = "--source", paramLabel = "TYPE:TARGET",
      description = "A job-board API source to check besides (repeatable).")
  List<String> sources = new ArrayList<>();

  @Option(names = "--json", description = "Print the results as JSON instead of a table.")
  boolean json;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Properties file with ingest.TYPE.base-url and the connectors' other settings.")
  Path configFile;

  @Option(names = "--allow-host", paramLabel = "HOST",
      description = "A host that may be fetched although it is loopback or private (repeatable).")
  List<String> allowHosts = new ArrayList<>();

  @Option(names = "--contact", paramLabel = "URL", defaultValue = "https://github.com/jobstream/jobstream",
      description = "Contact URL sent in the User-Agent (default: ${DEFAULT-VALUE}).")
  String contact;

  @Option(names = "--min-delay", defaultValue = "1s", converter = DurationConverter.class, paramLabel = "DURATION",
      description = "Least time between two requests to one host; a longer Crawl-delay in robots.txt"
          + " wins (default: ${DEFAULT-VALUE}).")
  Duration minDelay;

  @Option(names = "--concurrency", defaultValue = "4", paramLabel = "N",
      description = "Most requests in flight overall (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(names = "--per-host", defaultValue = "1", paramLabel = "N",
      description = "Most requests in flight to one host (default: ${DEFAULT-VALUE}).")
  int perHost;

  @Option(names = "--timeout", defaultValue = "10s", converter = DurationConverter.class, paramLabel = "DURATION",
      description = "How long to wait for a board's answer (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Override
  public Integer call() throws Exception {
    if (concurrency < 1 || perHost < 1) {
      throw new IllegalArgumentException("--concurrency and --per-host must be at least 1");
    }
    List<CatalogEntry> entries = entries(catalogs, sources);
    KafkaSettings settings = KafkaSettings.load(configFile, null);
    Map<String, String> apiSettings = new HashMap<>();
    for (String key : KnownSettings.apiSettings()) {
      String value = settings.get(key, null);
      if (value != null) {
        apiSettings.put(key, value);
      }
    }
    // one request a board: a 429 or 5xx is reported, not retried, and a Retry-After not waited for
    PageFetcher pages = new PageFetcher(new AddressGuard(new HashSet<>(allowHosts)),
        IngestCommand.userAgent(contact), PageFetcher.DEFAULT_MAX_BODY_BYTES, timeout,
        new PageFetcher.RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO), d -> { });
    PoliteFetcher fetcher = new PoliteFetcher(pages, minDelay).withConcurrency(concurrency, perHost);
    JobBoardApi apis = new JobBoardApi(fetcher, new NoPublishing(), Clock.systemUTC(), CrawlState.inMemory(),
        apiSettings);
    List<BoardCheck> checks = new BoardChecker(fetcher, apis).check(entries);
    fetcher.executor().shutdown();
    spec.commandLine().getOut().print(json ? CheckReport.json(checks) + "\n" : CheckReport.table(checks));
    spec.commandLine().getOut().flush();
    return JobstreamCli.OK;
  }

  /** The boards of the catalogues and the sources, each once; every shipped catalogue when neither is given. */
  static List<CatalogEntry> entries(List<String> catalogs, List<String> sources) {
    List<String> names = catalogs.isEmpty() && sources.isEmpty() ? List.of(Catalogs.ALL) : catalogs;
    Map<String, CatalogEntry> bySpec = new LinkedHashMap<>();
    for (String source : sources) {
      SourceSpec spec = SourceSpec.parse(source);
      if (!spec.isApi()) {
        throw new IllegalArgumentException("source '" + source + "': sources check reads job-board API sources only");
      }
      bySpec.putIfAbsent(spec.type() + ":" + spec.target(), new CatalogEntry(spec, "", "--source", 0));
    }
    for (CatalogEntry entry : Catalogs.load(names)) {
      bySpec.putIfAbsent(entry.spec(), entry);
    }
    return List.copyOf(bySpec.values());
  }

  /** The sink of a check, which reads no postings: handing it one is a bug. */
  private static final class NoPublishing implements PostingSink {
    @Override
    public void publish(RawPosting posting) {
      throw new IllegalStateException("sources check publishes nothing");
    }

    @Override
    public void reject(DeadLetter deadLetter) {
      throw new IllegalStateException("sources check publishes nothing");
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  }
}
