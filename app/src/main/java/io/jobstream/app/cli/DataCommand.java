package io.jobstream.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobstream.app.data.DataFetcher;
import io.jobstream.app.data.FetchException;
import io.jobstream.app.data.RowCount;
import io.jobstream.model.data.DataDirectory;
import io.jobstream.model.data.DataSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jobstream data}: the data sets published by others, in the data directory. */
@Command(name = "data", mixinStandardHelpOptions = true,
    description = {"The data sets published by others that jobstream reads from its data directory:"
        + " --data-dir, else $" + DataDirectory.ENVIRONMENT_VARIABLE + ", else $XDG_DATA_HOME/jobstream"
        + " (~/.local/share/jobstream). None of them ships with jobstream.",
        "list shows each set, whether it is there, and how to get it; fetch downloads those with a"
            + " direct download."},
    subcommands = {DataCommand.ListSets.class, DataCommand.FetchSets.class})
public final class DataCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command: list or fetch");
  }

  /** {@code jobstream data list}. */
  @Command(name = "list", mixinStandardHelpOptions = true,
      description = {"For each known data set: id, file, whether it is present and how many rows"
          + " (CSV data rows, JSON lines or elements) or files it holds, licence, attribution, source,"
          + " and whether `jobstream data fetch` can download it or the steps to get it.",
          "Says which data directory it looked at and where that name came from."})
  public static final class ListSets implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "The data directory (default: $"
        + DataDirectory.ENVIRONMENT_VARIABLE + ", else $XDG_DATA_HOME/jobstream).")
    Path dataDir;

    @Option(names = "--json", description = "One JSON object on standard output instead of the table.")
    boolean json;

    private record Row(DataSet set, Optional<RowCount> rows, String error) {}

    @Override
    public Integer call() throws IOException {
      DataDirectory dir = DataDirectory.resolve(dataDir);
      List<Row> rows = new ArrayList<>();
      for (DataSet set : DataSet.values()) {
        try {
          rows.add(new Row(set, RowCount.of(set, dir), null));
        } catch (IOException | RuntimeException e) {
          // one unreadable set should not hide the others
          rows.add(new Row(set, Optional.empty(), "cannot be read: " + e.getMessage()));
        }
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(json(dir, rows));
      } else {
        table(out, dir, rows);
      }
      out.flush();
      return JobstreamCli.OK;
    }

    private static String json(DataDirectory dir, List<Row> rows) throws IOException {
      ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      ObjectNode root = mapper.createObjectNode();
      root.put("dataDirectory", dir.root().toString());
      root.put("from", dir.origin());
      root.put("exists", Files.isDirectory(dir.root()));
      ArrayNode sets = root.putArray("sets");
      for (Row row : rows) {
        DataSet set = row.set();
        ObjectNode node = sets.addObject();
        node.put("id", set.id());
        node.put("file", set.fileName());
        node.put("description", set.description());
        node.put("present", row.rows().isPresent());
        if (row.rows().isPresent()) {
          node.put("count", row.rows().get().count());
          node.put("unit", row.rows().get().unit());
        } else {
          node.putNull("count");
          node.putNull("unit");
        }
        if (row.error() != null) {
          node.put("error", row.error());
        }
        node.put("publisher", set.publisher());
        node.put("licence", set.licence());
        node.put("attribution", set.attribution());
        node.put("source", set.sourceUrl());
        node.put("fetchable", DataFetcher.canFetch(set));
        node.put("download", set.downloadUrl().orElse(null));
        node.put("steps", set.steps().orElse(null));
      }
      return mapper.writeValueAsString(root);
    }

    private static void table(PrintWriter out, DataDirectory dir, List<Row> rows) {
      out.println("data directory: " + dir.describe()
          + (Files.isDirectory(dir.root()) ? "" : ", which does not exist yet (jobstream data fetch creates it)"));
      out.println();
      List<String[]> cells = new ArrayList<>();
      cells.add(new String[] {"SET", "FILE", "PRESENT", "ROWS", "LICENCE", "GET"});
      for (Row row : rows) {
        DataSet set = row.set();
        cells.add(new String[] {set.id(), set.fileName() + (set.isFolder() ? "/" : ""),
            row.error() != null ? "unreadable" : row.rows().isPresent() ? "yes" : "no",
            row.rows().map(RowCount::text).orElse("-"), set.licence(),
            DataFetcher.canFetch(set) ? "fetch" : "by hand"});
      }
      int[] widths = new int[cells.get(0).length];
      for (String[] line : cells) {
        for (int i = 0; i < line.length; i++) {
          widths[i] = Math.max(widths[i], line[i].length());
        }
      }
      for (String[] line : cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < line.length; i++) {
          // counts read best aligned right; the last column needs no padding
          String cell = i == 3 ? " ".repeat(widths[i] - line[i].length()) + line[i]
              : i == line.length - 1 ? line[i] : line[i] + " ".repeat(widths[i] - line[i].length());
          b.append(cell).append(i == line.length - 1 ? "" : "  ");
        }
        out.println(b.toString().stripTrailing());
      }
      for (Row row : rows) {
        DataSet set = row.set();
        out.println();
        out.println(set.id() + ": " + set.description());
        out.println("  publisher: " + set.publisher() + "; attribution: " + set.attribution());
        out.println("  source: " + set.sourceUrl());
        out.println(DataFetcher.canFetch(set)
            ? "  get: jobstream data fetch " + set.id() + " (" + set.downloadUrl().orElseThrow() + ")"
            : "  get: " + set.steps().orElse("see the source"));
        if (row.error() != null) {
          out.println("  " + set.fileName() + " " + row.error());
        }
      }
    }
  }

  /** {@code jobstream data fetch}. */
  @Command(name = "fetch", mixinStandardHelpOptions = true,
      description = {"Download data sets into the data directory (created if missing): the named ones, or"
          + " every set with a direct download. Progress goes to standard error. A file is replaced only"
          + " by a whole download with the right content; a failed fetch leaves the directory as it was.",
          "A named set without a direct download is not fetched: its steps go to standard error.",
          "Exit 0 when every requested set with a direct download was fetched, 1 when one failed,"
              + " 2 for an unknown set name."})
  public static final class FetchSets implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "The data directory (default: $"
        + DataDirectory.ENVIRONMENT_VARIABLE + ", else $XDG_DATA_HOME/jobstream).")
    Path dataDir;

    @Option(names = "--from", paramLabel = "URL",
        description = "Download from a mirror laid out like the data directory (URL/FILE) instead of"
            + " each publisher's site.")
    String from;

    @Option(names = "--timeout", converter = DurationConverter.class, paramLabel = "DURATION",
        description = "Longest one download attempt may take, e.g. 2m (default: 5m).")
    Duration timeout;

    @Parameters(paramLabel = "SET", arity = "0..*",
        description = "Set ids as `jobstream data list` shows them (default: every set with a direct download).")
    List<String> names = new ArrayList<>();

    @Override
    public Integer call() {
      Set<DataSet> sets = new LinkedHashSet<>();
      for (String name : names) {
        sets.add(DataSet.byId(name).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
            "unknown data set '" + name + "'; known: " + DataSet.ids())));
      }
      if (sets.isEmpty()) {
        sets.addAll(DataSet.downloadable());
      }
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      DataFetcher fetcher = fetcher(err);
      DataDirectory dir = DataDirectory.resolve(dataDir);
      err.println("data directory: " + dir.describe());
      int failed = 0;
      for (DataSet set : sets) {
        if (!DataFetcher.canFetch(set)) {
          err.println(set.id() + ": not fetched, no direct download; " + set.steps().orElse("see " + set.sourceUrl()));
          continue;
        }
        try {
          Path path = fetcher.fetch(set, dir);
          out.println(set.id() + ": " + path + rowsNote(set, dir));
        } catch (FetchException e) {
          err.println("jobstream: " + e.getMessage());
          failed++;
        }
      }
      out.flush();
      err.flush();
      return failed == 0 ? JobstreamCli.OK : JobstreamCli.FAILURE;
    }

    private DataFetcher fetcher(PrintWriter err) {
      DataFetcher fetcher = new DataFetcher().withProgress(err);
      if (timeout != null) {
        if (timeout.isZero() || timeout.isNegative()) {
          throw new CommandLine.ParameterException(spec.commandLine(), "--timeout must be positive");
        }
        fetcher = fetcher.withTimeouts(DataFetcher.DEFAULT_CONNECT_TIMEOUT, timeout);
      }
      if (from != null) {
        try {
          fetcher = fetcher.from(URI.create(from));
        } catch (IllegalArgumentException e) {
          throw new CommandLine.ParameterException(spec.commandLine(), "--from " + from + ": " + e.getMessage());
        }
      }
      return fetcher;
    }

    private static String rowsNote(DataSet set, DataDirectory dir) {
      try {
        return RowCount.of(set, dir).map(r -> " (" + r.text() + (r.unit().equals("rows") ? " rows)" : ")")).orElse("");
      } catch (IOException e) {
        return "";
      }
    }
  }
}
