package io.jobstream.model;

/** What {@link StatsKey} and {@link DivergenceKey} share: fields joined by {@code |}, none containing it. */
final class KeyFields {

  static final char SEPARATOR = '|';

  private KeyFields() {}

  /** Each field is present and free of the separator (else the key could not be read back). */
  static void check(String what, String... fields) {
    for (String field : fields) {
      if (field == null) {
        throw new NullPointerException(what + ": a field is null");
      }
      if (field.indexOf(SEPARATOR) >= 0) {
        throw new IllegalArgumentException(what + ": field '" + field + "' contains '" + SEPARATOR + "'");
      }
    }
  }

  /** The {@code count} fields of {@code key}; an error naming the key when it has another number. */
  static String[] split(String what, String key, int count) {
    if (key == null) {
      throw new IllegalArgumentException(what + ": null");
    }
    String[] fields = new String[count];
    int from = 0;
    for (int i = 0; i < count; i++) {
      int to = i == count - 1 ? key.length() : key.indexOf(SEPARATOR, from);
      if (to < 0) {
        throw new IllegalArgumentException(what + " '" + key + "': " + (i + 1) + " fields, not " + count);
      }
      fields[i] = key.substring(from, to);
      from = to + 1;
    }
    if (fields[count - 1].indexOf(SEPARATOR) >= 0) {
      throw new IllegalArgumentException(what + " '" + key + "': more than " + count + " fields");
    }
    return fields;
  }
}
