package io.jobstream.ingest.state;

import io.jobstream.model.CrawlStateEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What ingest has published, kept across restarts: the content fingerprint of every posting
 * (so a re-crawl of an unchanged posting publishes nothing) and the HTTP validators of fetched
 * URLs ({@code ETag}, {@code Last-Modified}) for conditional requests.
 *
 * <p>The state lives in a {@link CrawlStateLog}, normally the compacted topic
 * {@code jobstream.ingest.state} of the cluster the postings go to ({@link KafkaCrawlStateLog}):
 * a new or emptied cluster has no state, so it gets every posting; an ingest process on another
 * machine reads the same state. It is read whole at start and only the entries that changed are
 * appended, by {@link #save()}, after the postings they describe are written.
 */
public final class CrawlState {

  private static final Logger LOG = LoggerFactory.getLogger(CrawlState.class);

  /** HTTP validators of one URL. */
  public record Validators(String etag, String lastModified) {}

  private final CrawlStateLog log;
  private final Clock clock;
  private final FingerprintTable fingerprints = new FingerprintTable();
  private final Map<String, Validators> validators = new ConcurrentHashMap<>();
  private final java.util.Set<String> sharedIdentifierSites = ConcurrentHashMap.newKeySet();
  private final List<CrawlStateEntry> pending = new ArrayList<>();

  private CrawlState(CrawlStateLog log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  /** A state that lives only in memory (nothing is saved). */
  public static CrawlState inMemory() {
    return new CrawlState(null, Clock.systemUTC());
  }

  /** Reads the state kept in {@code log}; {@link #save()} appends to it. */
  public static CrawlState readFrom(CrawlStateLog log) {
    CrawlState state = new CrawlState(log, Clock.systemUTC());
    long started = System.nanoTime();
    long[] unreadable = new long[1];
    log.readAll(entry -> {
      if (entry == null) {
        unreadable[0]++;
      } else if (entry.postingId() != null) {
        state.fingerprints.put(entry.postingId(), entry.fingerprint());
      } else if (entry.site() != null) {
        state.sharedIdentifierSites.add(entry.site());
      } else if (entry.url() != null) {
        state.putValidators(entry.url(), new Validators(entry.etag(), entry.lastModified()));
      } else {
        unreadable[0]++;
      }
    });
    if (unreadable[0] > 0) {
      LOG.warn("crawl state: {} unreadable entries skipped (their postings are published again)", unreadable[0]);
    }
    LOG.info("crawl state: {} postings and {} URLs read in {} ms", state.fingerprints.size(),
        state.validators.size(), (System.nanoTime() - started) / 1_000_000);
    return state;
  }

  /** Whether {@code fingerprint} is what was last published for the posting. */
  public boolean isPublished(String postingId, String fingerprint) {
    return fingerprint != null && fingerprints.contains(postingId, fingerprint);
  }

  public void published(String postingId, String fingerprint) {
    fingerprints.put(postingId, fingerprint);
    remember(CrawlStateEntry.posting(postingId, fingerprint, Instant.now(clock)));
  }

  /** Forgets what was last published for the posting (it was not written after all), also unsaved. */
  public void notPublished(String postingId) {
    fingerprints.forget(postingId);
    synchronized (pending) {
      pending.removeIf(e -> postingId.equals(e.postingId()));
    }
  }

  public int postings() {
    return fingerprints.size();
  }

  public Validators validators(String url) {
    return validators.get(url);
  }

  public void validators(String url, Validators v) {
    Validators before = validators.get(url);
    putValidators(url, v);
    if (!java.util.Objects.equals(before, validators.get(url))) {
      remember(CrawlStateEntry.validators(url, v == null ? null : v.etag(),
          v == null ? null : v.lastModified(), Instant.now(clock)));
    }
  }

  /** Whether the pages of {@code host} were seen to share identifiers. */
  public boolean sharesIdentifiers(String host) {
    return sharedIdentifierSites.contains(host);
  }

  /** Remembers that the pages of {@code host} share identifiers; its postings take canonical-URL ids. */
  public void sharedIdentifiers(String host) {
    if (sharedIdentifierSites.add(host)) {
      remember(CrawlStateEntry.sharedIdentifiers(host, Instant.now(clock)));
    }
  }

  private void putValidators(String url, Validators v) {
    if (v == null || (v.etag() == null && v.lastModified() == null)) {
      validators.remove(url);
    } else {
      validators.put(url, v);
    }
  }

  private void remember(CrawlStateEntry entry) {
    if (log != null) {
      synchronized (pending) {
        pending.add(entry);
      }
    }
  }

  /** Entries not yet saved. */
  public int unsaved() {
    synchronized (pending) {
      return pending.size();
    }
  }

  /** Appends what changed since the last save to the log; a no-op for an in-memory state. */
  public void save() {
    if (log == null) {
      return;
    }
    List<CrawlStateEntry> batch;
    synchronized (pending) {
      if (pending.isEmpty()) {
        return;
      }
      batch = new ArrayList<>(pending);
      pending.clear();
    }
    try {
      log.append(batch);
    } catch (RuntimeException e) {
      synchronized (pending) {
        pending.addAll(0, batch); // kept for the next save
      }
      throw e;
    }
  }
}
