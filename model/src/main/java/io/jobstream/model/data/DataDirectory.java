package io.jobstream.model.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where jobstream finds data sets published by others ({@link DataSet}): the directory given with
 * {@code --data-dir}, else the one in the environment variable {@value #ENVIRONMENT_VARIABLE},
 * else the user's data directory ({@code $XDG_DATA_HOME/jobstream}, by default
 * {@code ~/.local/share/jobstream}). File names inside it are {@link DataSet#fileName()}.
 *
 * <p>Only {@code jobstream data fetch} writes into it; everything else reads, so it may be
 * read-only.
 */
public final class DataDirectory {

  /** The environment variable naming the data directory. */
  public static final String ENVIRONMENT_VARIABLE = "JOBSTREAM_DATA";

  private final Path root;
  private final String origin;

  private DataDirectory(Path root, String origin) {
    this.root = root;
    this.origin = origin;
  }

  /** The data directory of this process: {@code option} if given, else the environment's. */
  public static DataDirectory resolve(Path option) {
    return resolve(option, System.getenv(), System.getProperty("user.home"));
  }

  /** The data directory from the environment alone (what tests use). */
  public static DataDirectory fromEnvironment() {
    return resolve(null);
  }

  static DataDirectory resolve(Path option, Map<String, String> env, String userHome) {
    if (option != null) {
      return new DataDirectory(option, "--data-dir");
    }
    String named = env.get(ENVIRONMENT_VARIABLE);
    if (named != null && !named.isBlank()) {
      return new DataDirectory(Path.of(named), ENVIRONMENT_VARIABLE);
    }
    String xdg = env.get("XDG_DATA_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, ".local", "share");
    return new DataDirectory(base.resolve("jobstream"), "the user's data directory");
  }

  /** A data directory at {@code root} (for tests and callers that know it). */
  public static DataDirectory at(Path root) {
    return new DataDirectory(root, "given");
  }

  public Path root() {
    return root;
  }

  /** Where the directory's name came from: {@code --data-dir}, {@value #ENVIRONMENT_VARIABLE}, the user's data directory. */
  public String origin() {
    return origin;
  }

  /** The directory and where its name came from, for messages. */
  public String describe() {
    return root + " (" + origin + ")";
  }

  /** Where {@code set} is or would be. */
  public Path path(DataSet set) {
    return root.resolve(set.fileName());
  }

  /** Whether {@code set} is present (a readable file, or a folder with at least one file). */
  public boolean has(DataSet set) {
    Path p = path(set);
    if (set.isFolder()) {
      try (var files = Files.list(p)) {
        return files.findAny().isPresent();
      } catch (java.io.IOException | RuntimeException e) {
        return false;
      }
    }
    return Files.isRegularFile(p) && Files.isReadable(p);
  }

  /** The path of {@code set}; a {@link MissingDataSetException} with a one-line message if absent. */
  public Path require(DataSet set) {
    if (!has(set)) {
      throw new MissingDataSetException(set, this);
    }
    return path(set);
  }
}
