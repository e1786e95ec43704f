package io.jobstream.ingest.state;

import com.fasterxml.jackson.core.type.TypeReference;
import io.jobstream.model.JsonSerde;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What ingest has published, kept across restarts: the content fingerprint of every posting
 * (so a re-crawl of an unchanged posting publishes nothing) and the HTTP validators of fetched
 * URLs ({@code ETag}, {@code Last-Modified}) for conditional requests.
 *
 * <p>Stored as one JSON file in the state directory, written atomically (temporary file, then
 * rename) by {@link #save()}. A file that cannot be read is reported and set aside, and ingest
 * starts with an empty state rather than not at all: the cost is one pass that republishes.
 */
public final class CrawlState {

  private static final Logger LOG = LoggerFactory.getLogger(CrawlState.class);
  private static final String FILE = "crawl-state.json";

  /** HTTP validators of one URL. */
  public record Validators(String etag, String lastModified) {}

  /** The stored form. */
  record Stored(Map<String, String> fingerprints, Map<String, Validators> validators) {}

  private final Path file;
  private final Map<String, String> fingerprints = new ConcurrentHashMap<>();
  private final Map<String, Validators> validators = new ConcurrentHashMap<>();

  private CrawlState(Path file) {
    this.file = file;
  }

  /** A state that lives only in memory (nothing is saved). */
  public static CrawlState inMemory() {
    return new CrawlState(null);
  }

  /** Loads the state of {@code dir}, creating the directory if needed. */
  public static CrawlState open(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create state directory " + dir, e);
    }
    CrawlState state = new CrawlState(dir.resolve(FILE));
    if (Files.exists(state.file)) {
      try {
        Stored stored = JsonSerde.MAPPER.readValue(state.file.toFile(), new TypeReference<Stored>() {});
        if (stored.fingerprints() != null) {
          state.fingerprints.putAll(stored.fingerprints());
        }
        if (stored.validators() != null) {
          state.validators.putAll(stored.validators());
        }
      } catch (IOException e) {
        Path aside = dir.resolve(FILE + ".unreadable-" + System.currentTimeMillis());
        LOG.error("crawl state {} cannot be read ({}); moved to {} and starting empty",
            state.file, e.getMessage(), aside);
        try {
          Files.move(state.file, aside);
        } catch (IOException moveFailed) {
          LOG.error("cannot move {} aside: {}", state.file, moveFailed.getMessage());
        }
      }
    }
    return state;
  }

  /** The fingerprint last published for a posting, or null. */
  public String fingerprint(String postingId) {
    return fingerprints.get(postingId);
  }

  public void published(String postingId, String fingerprint) {
    fingerprints.put(postingId, fingerprint);
  }

  public int postings() {
    return fingerprints.size();
  }

  public Validators validators(String url) {
    return validators.get(url);
  }

  public void validators(String url, Validators v) {
    if (v == null || (v.etag() == null && v.lastModified() == null)) {
      validators.remove(url);
    } else {
      validators.put(url, v);
    }
  }

  /** Writes the state atomically; a no-op for an in-memory state. */
  public synchronized void save() {
    if (file == null) {
      return;
    }
    Path tmp = file.resolveSibling(FILE + ".tmp");
    try {
      JsonSerde.MAPPER.writeValue(tmp.toFile(), new Stored(Map.copyOf(fingerprints), Map.copyOf(validators)));
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save crawl state to " + file, e);
    }
  }
}
