package io.jobstream.ingest.file;

/** A row that cannot become a posting; the message says which field and why. */
final class RowException extends Exception {
  RowException(String message) {
    super(message);
  }
}
