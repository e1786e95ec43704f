package io.jobstream.ingest.state;

import io.jobstream.model.CrawlStateEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A crawl-state log in memory, for tests of what is saved and read back (null: an unreadable entry). */
public final class ListLog implements CrawlStateLog {

  public final List<CrawlStateEntry> entries = new ArrayList<>();

  @Override
  public synchronized void readAll(Consumer<CrawlStateEntry> into) {
    entries.forEach(into);
  }

  @Override
  public synchronized void append(List<CrawlStateEntry> batch) {
    entries.addAll(batch);
  }

  @Override
  public void close() {}
}
