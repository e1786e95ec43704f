package io.jobstream.app.cli;

import io.jobstream.app.KafkaSettings;
import io.jobstream.app.KnownSettings;
import io.jobstream.app.TopicSetup;
import io.jobstream.ingest.Ingestor;
import io.jobstream.ingest.SourceSpec;
import io.jobstream.ingest.api.Connectors;
import io.jobstream.ingest.catalog.CatalogEntry;
import io.jobstream.ingest.catalog.Catalogs;
import io.jobstream.ingest.http.AddressGuard;
import io.jobstream.ingest.http.PageFetcher;
import io.jobstream.ingest.http.PoliteFetcher;
import io.jobstream.ingest.jsonld.JsonLdCrawler;
import io.jobstream.ingest.publish.KafkaPostingSink;
import io.jobstream.ingest.state.CrawlState;
import io.jobstream.ingest.state.KafkaCrawlStateLog;
import java.nio.file.Path;
import java.time.MonthDay;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Fetch job postings from the sources and publish them to jobs.postings.raw.")
public final class IngestCommand implements Callable<Integer> {

  @Mixin
  KafkaOptions kafka;

  @Mixin
  MetricsOptions metrics;

  static {
    // the API connectors listed in --help, from the registry rather than written out here
    System.setProperty("jobstream.catalogs", String.join(", ", Catalogs.shippedNames()));
    System.setProperty("jobstream.connectors", Connectors.all().stream()
        .map(c -> c.type() + ":" + c.targetName()).collect(java.util.stream.Collectors.joining(", ")));
  }

  @Option(names = "--source", paramLabel = "TYPE:TARGET",
      description = "A source to read (repeatable). jsonld:URL reads schema.org JobPosting"
          + " JSON-LD from a posting page, a listing page or a sitemap; csv:PATH backfills the"
          + " ai-jobs.net salary survey or the LinkedIn postings export; jsonl:PATH reads raw"
          + " postings as JSON lines (files may be .gz); ${sys:jobstream.connectors} read the job-board"
          + " and aggregator APIs.")
  List<String> sources = new ArrayList<>();

  @Option(names = "--catalog", paramLabel = "NAME",
      description = "Read every board of a catalogue of employers (repeatable; with or without"
          + " --source): a name shipped with jobstream (${sys:jobstream.catalogs}), all for every"
          + " one, or the path to a catalogue file. See docs/catalogue.md.")
  List<String> catalogs = new ArrayList<>();

  @Option(names = "--survey-day", paramLabel = "MM-DD", defaultValue = "07-01",
      description = "Day of the year that salary-survey rows (which give only a year) are dated"
          + " on (default: ${DEFAULT-VALUE}).")
  String surveyDay;

  @Option(names = "--once", description = "Make one pass over the sources and exit.")
  boolean once;

  @Option(names = "--interval", defaultValue = "1h", converter = DurationConverter.class,
      paramLabel = "DURATION", description = "Time between passes without --once (default: ${DEFAULT-VALUE}).")
  Duration interval;

  @Option(names = "--allow-host", paramLabel = "HOST",
      description = "A host that may be fetched although it is loopback or private (repeatable).")
  List<String> allowHosts = new ArrayList<>();

  @Option(names = "--contact", paramLabel = "URL", defaultValue = "https://github.com/jobstream/jobstream",
      description = "Contact URL sent in the User-Agent, so site owners can reach you (default: ${DEFAULT-VALUE}).")
  String contact;

  @Option(names = "--min-delay", defaultValue = "1s", converter = DurationConverter.class,
      paramLabel = "DURATION", description = "Least time between two requests to one host; a"
          + " longer Crawl-delay in the host's robots.txt wins (default: ${DEFAULT-VALUE}).")
  Duration minDelay;

  @Option(names = "--concurrency", defaultValue = "4", paramLabel = "N",
      description = "Most requests in flight overall (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(names = "--per-host", defaultValue = "1", paramLabel = "N",
      description = "Most requests in flight to one host (default: ${DEFAULT-VALUE}).")
  int perHost;

  @Option(names = "--max-pages", defaultValue = "" + JsonLdCrawler.DEFAULT_MAX_PAGES, paramLabel = "N",
      description = "Most pages fetched per source and pass (default: ${DEFAULT-VALUE}).")
  int maxPages;

  @Override
  public Integer call() throws Exception {
    List<SourceSpec> specs = specs(sources, catalogs);
    MonthDay day;
    try {
      day = MonthDay.parse("--" + surveyDay);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("--survey-day '" + surveyDay + "' is not MM-DD");
    }
    if (maxPages < 1) {
      throw new IllegalArgumentException("--max-pages must be at least 1");
    }
    if (concurrency < 1 || perHost < 1) {
      throw new IllegalArgumentException("--concurrency and --per-host must be at least 1");
    }
    KafkaSettings settings = kafka.requireBootstrap();
    java.util.Map<String, String> apiSettings = apiSettings(settings, System::getenv);
    // a keyed source without its key is a usage error now, not a dead letter per pass
    io.jobstream.ingest.api.ApiKeys.requireFor(specs.stream().map(SourceSpec::type).toList(), apiSettings);
    TopicSetup.ensureTopics(settings.client(), TopicSetup.partitions(settings));
    PageFetcher fetcher = new PageFetcher(new AddressGuard(new HashSet<>(allowHosts)),
        userAgent(contact), PageFetcher.DEFAULT_MAX_BODY_BYTES, PageFetcher.DEFAULT_TIMEOUT);
    java.util.concurrent.atomic.AtomicBoolean passDone = new java.util.concurrent.atomic.AtomicBoolean();
    try (io.jobstream.app.metrics.MetricsServer server = once ? null : metrics.start(9401, passDone::get);
        KafkaPostingSink sink = new KafkaPostingSink(settings.client());
        // what was published, kept in the cluster it was published to (jobstream.ingest.state)
        KafkaCrawlStateLog stateLog = new KafkaCrawlStateLog(settings.client())) {
      CrawlState state = CrawlState.readFrom(stateLog);
      if (server != null) {
        sink.bindMetrics(server.registry());
      }
      Ingestor ingestor = new Ingestor(specs,
          new PoliteFetcher(fetcher, minDelay).withConcurrency(concurrency, perHost), sink, maxPages, state,
          day, System.err, System.console() != null, apiSettings,
          new io.jobstream.ingest.IngestMetrics(io.micrometer.core.instrument.Metrics.globalRegistry));
      if (!once) {
        ingestor.runContinuously(interval, () -> passDone.set(true));
        return 0;
      }
      Ingestor.PassSummary summary = ingestor.runOnce();
      System.out.printf("ingest: %d pages fetched, %d rows read, %d postings published (%d truncated to fit),"
          + " %d unchanged, %d rejected%s%n", summary.pages(), summary.rows(), summary.published(),
          summary.truncated(), summary.unchanged(), summary.rejected(),
          summary.failedSources() > 0 ? ", " + summary.failedSources() + " sources failed" : "");
      return summary.failedSources() > 0 || summary.pages() + summary.rows() == 0 ? 1 : 0;
    }
  }

  /**
   * The API connectors' settings: from {@code --config}, else from the environment
   * ({@code JOBSTREAM_USAJOBS_API_KEY} for {@code ingest.usajobs.api-key}, see
   * {@link io.jobstream.ingest.api.ApiKeys}).
   */
  static java.util.Map<String, String> apiSettings(KafkaSettings settings,
      java.util.function.Function<String, String> environment) {
    java.util.Map<String, String> configured = new java.util.HashMap<>();
    for (String key : KnownSettings.apiSettings()) {
      String value = settings.get(key, null);
      if (value != null) {
        configured.put(key, value);
      }
    }
    return io.jobstream.ingest.api.ApiKeys.withEnvironment(configured, KnownSettings.apiSettings(), environment);
  }

  /**
   * The sources of {@code --source} and of the boards of {@code --catalog}, each once, in that
   * order; a usage error when there are none.
   */
  static List<SourceSpec> specs(List<String> sources, List<String> catalogs) {
    if (sources.isEmpty() && catalogs.isEmpty()) {
      throw new IllegalArgumentException("give at least one --source or --catalog");
    }
    java.util.LinkedHashMap<String, SourceSpec> specs = new java.util.LinkedHashMap<>();
    for (String source : sources) {
      SourceSpec spec = SourceSpec.parse(source);
      specs.putIfAbsent(spec.type() + ":" + spec.target(), spec);
    }
    for (CatalogEntry entry : Catalogs.load(catalogs)) {
      specs.putIfAbsent(entry.spec(), entry.source());
    }
    return List.copyOf(specs.values());
  }

  static String userAgent(String contact) {
    return "jobstream/0.1 (job-market monitor; +" + contact + ")";
  }
}
