package io.jobstream.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Gzip-compressed copies of files, for tests of reading {@code .gz} input. */
final class Gzip {

  private Gzip() {}

  /** Writes {@code source} compressed to {@code target} (creating its folder); returns {@code target}. */
  static Path copy(Path source, Path target) {
    try {
      Files.createDirectories(target.toAbsolutePath().getParent());
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
        Files.copy(source, out);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
