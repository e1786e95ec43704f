package io.jobstream.ingest.state;

import io.jobstream.model.CrawlStateEntry;
import java.util.List;
import java.util.function.Consumer;

/** Where a {@link CrawlState} is kept: read whole at start, appended to as ingest goes. */
public interface CrawlStateLog extends AutoCloseable {

  /** Hands every stored entry to {@code into}, oldest first (later entries of a key win). */
  void readAll(Consumer<CrawlStateEntry> into);

  /** Stores the entries; returns once they are durable. */
  void append(List<CrawlStateEntry> entries);

  @Override
  void close();
}
