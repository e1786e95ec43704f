package io.jobstream.app.cli;

import io.jobstream.app.KafkaSettings;
import io.jobstream.app.TopicSetup;
import io.jobstream.ingest.Ingestor;
import io.jobstream.ingest.SourceSpec;
import io.jobstream.ingest.http.AddressGuard;
import io.jobstream.ingest.http.PageFetcher;
import io.jobstream.ingest.jsonld.JsonLdCrawler;
import io.jobstream.ingest.publish.KafkaPostingSink;
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

  @Option(names = "--source", required = true, paramLabel = "TYPE:TARGET",
      description = "A source to read (repeatable). jsonld:URL reads schema.org JobPosting"
          + " JSON-LD from a posting page, a listing page or a sitemap.")
  List<String> sources = new ArrayList<>();

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

  @Option(names = "--max-pages", defaultValue = "" + JsonLdCrawler.DEFAULT_MAX_PAGES, paramLabel = "N",
      description = "Most pages fetched per source and pass (default: ${DEFAULT-VALUE}).")
  int maxPages;

  @Override
  public Integer call() throws Exception {
    List<SourceSpec> specs = sources.stream().map(SourceSpec::parse).toList();
    if (maxPages < 1) {
      throw new IllegalArgumentException("--max-pages must be at least 1");
    }
    KafkaSettings settings = kafka.requireBootstrap();
    TopicSetup.ensureTopics(settings.client());
    PageFetcher fetcher = new PageFetcher(new AddressGuard(new HashSet<>(allowHosts)),
        userAgent(contact), PageFetcher.DEFAULT_MAX_BODY_BYTES, PageFetcher.DEFAULT_TIMEOUT);
    try (KafkaPostingSink sink = new KafkaPostingSink(settings.client())) {
      Ingestor ingestor = new Ingestor(specs, fetcher, sink, maxPages);
      if (!once) {
        ingestor.runContinuously(interval);
        return 0;
      }
      Ingestor.PassSummary summary = ingestor.runOnce();
      System.out.printf("ingest: %d pages fetched, %d postings published, %d unchanged, %d rejected%n",
          summary.pages(), summary.published(), summary.unchanged(), summary.rejected());
      return summary.pages() == 0 ? 1 : 0;
    }
  }

  static String userAgent(String contact) {
    return "jobstream/0.1 (job-market monitor; +" + contact + ")";
  }
}
