package io.jobstream.ingest.catalog;

/**
 * A catalogue that cannot be used: a missing catalogue, or a line that is not a board. The message
 * names the file and the line; the command line turns it into exit code 2 (a usage error).
 */
public final class CatalogException extends IllegalArgumentException {

  public CatalogException(String message) {
    super(message);
  }
}
