package io.jobstream.ingest.catalog;

import io.jobstream.ingest.SourceSpec;

/**
 * One board of the catalogue: the source to read and the employer it belongs to, with where it
 * was written (for messages).
 *
 * @param source the board, a job-board API source such as {@code greenhouse:anthropic}
 * @param employer the employer's name as the catalogue writes it
 * @param catalog the catalogue's name (its file name without extension)
 * @param line the line of the catalogue file, counted from 1
 */
public record CatalogEntry(SourceSpec source, String employer, String catalog, int line) {

  /** {@code TYPE:TARGET} of the board. */
  public String spec() {
    return source.type() + ":" + source.target();
  }
}
