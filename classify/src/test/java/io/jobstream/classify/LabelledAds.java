package io.jobstream.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The job ads the project wrote, with the labels a careful reader gives them: the hard cases of
 * {@code /emphasis/written/}, the 2020-style data-science ads of {@code /emphasis/written-2020/}
 * and the test descriptions of {@code /descriptions/} (labels in the table of their README).
 */
final class LabelledAds {

  /** One ad: group, file, title (first line), description (the rest) and the reader's label. */
  record Ad(String group, String file, String title, String description, String label) {}

  private LabelledAds() {}

  static List<Ad> written(String group) {
    List<Ad> out = new ArrayList<>();
    for (String line : lines("/emphasis/" + group + "/labels.tsv")) {
      String[] f = line.split("\t");
      if (f[0].equals("file")) {
        continue;
      }
      out.add(ad(group, "/emphasis/" + group + "/" + f[0], f[0], f[1]));
    }
    return out;
  }

  private static final Pattern README_ROW = Pattern.compile("^\\| `([^`]+\\.txt)` \\|.*\\| (\\w+) \\|$");

  static List<Ad> descriptions() {
    List<Ad> out = new ArrayList<>();
    for (String line : lines("/descriptions/README.md")) {
      Matcher m = README_ROW.matcher(line);
      if (m.matches()) {
        out.add(ad("descriptions", "/descriptions/" + m.group(1), m.group(1), m.group(2)));
      }
    }
    return out;
  }

  static List<Ad> all() {
    List<Ad> out = new ArrayList<>(written("written"));
    out.addAll(written("written-2020"));
    out.addAll(descriptions());
    return out;
  }

  private static Ad ad(String group, String resource, String file, String label) {
    String text = text(resource);
    int nl = text.indexOf('\n');
    return new Ad(group, file, text.substring(0, nl).trim(), text.substring(nl + 1), label);
  }

  static String text(String resource) {
    try (InputStream in = LabelledAds.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> lines(String resource) {
    List<String> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        LabelledAds.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
