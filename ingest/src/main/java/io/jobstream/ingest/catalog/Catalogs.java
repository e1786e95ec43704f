package io.jobstream.ingest.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Finds catalogues: by name among those shipped in the jar (the repository's {@code sources/}
 * folder, as resources under {@value #RESOURCE_DIR}), or as a path to a file. {@code all} names
 * every shipped catalogue.
 */
public final class Catalogs {

  /** Where the shipped catalogues are on the class path. */
  public static final String RESOURCE_DIR = "io/jobstream/ingest/catalog/sources";

  /** The name that stands for every shipped catalogue. */
  public static final String ALL = "all";

  private Catalogs() {
  }

  /** Names of the shipped catalogues (file names without {@code .txt}), sorted. */
  public static List<String> shippedNames() {
    URL dir = Catalogs.class.getClassLoader().getResource(RESOURCE_DIR);
    if (dir == null) {
      return List.of();
    }
    try {
      URI uri = dir.toURI();
      if (uri.getScheme().equals("jar")) {
        FileSystem fs;
        try {
          fs = FileSystems.getFileSystem(uri);
        } catch (FileSystemNotFoundException e) {
          fs = FileSystems.newFileSystem(uri, Map.of());
        }
        return namesIn(fs.getPath(RESOURCE_DIR));
      }
      return namesIn(Path.of(uri));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the shipped catalogues", e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> namesIn(Path dir) throws IOException {
    TreeSet<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt"))
          .forEach(n -> names.add(n.substring(0, n.length() - 4)));
    }
    return List.copyOf(names);
  }

  /**
   * The boards of the catalogues {@code names} (shipped names, {@code all}, or paths to files), in
   * order; a board in several catalogues comes once, from the first.
   *
   * @throws CatalogException when a catalogue is missing or has a bad line
   */
  public static List<CatalogEntry> load(List<String> names) {
    List<String> expanded = new ArrayList<>();
    for (String name : names) {
      if (name.equals(ALL)) {
        expanded.addAll(shippedNames());
      } else {
        expanded.add(name);
      }
    }
    Map<String, CatalogEntry> bySpec = new LinkedHashMap<>();
    for (String name : expanded) {
      for (CatalogEntry entry : load(name)) {
        bySpec.putIfAbsent(entry.spec(), entry);
      }
    }
    return List.copyOf(bySpec.values());
  }

  /**
   * The boards of one catalogue: a path to a file when one exists there, else the shipped
   * catalogue of that name.
   *
   * @throws CatalogException when there is neither, or a line is bad
   */
  public static List<CatalogEntry> load(String name) {
    Path path = Path.of(name);
    if (Files.isRegularFile(path)) {
      String file = path.getFileName().toString();
      String stem = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
      try {
        return CatalogParser.parse(stem, name, Files.readString(path, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new CatalogException("cannot read catalogue " + name + ": " + e.getMessage());
      }
    }
    if (!name.matches("[A-Za-z0-9._-]+")) {
      throw new CatalogException("no catalogue file " + name);
    }
    String resource = RESOURCE_DIR + "/" + name + ".txt";
    try (InputStream in = Catalogs.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new CatalogException("no catalogue '" + name + "' (shipped: "
            + String.join(", ", shippedNames()) + ", or all; or give a path to a file)");
      }
      return CatalogParser.parse(name, "sources/" + name + ".txt", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new CatalogException("cannot read catalogue " + name + ": " + e.getMessage());
    }
  }
}
