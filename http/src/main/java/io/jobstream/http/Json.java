package io.jobstream.http;

/** JSON string literals that are safe anywhere: markup characters and non-ASCII are escaped. */
public final class Json {

  private Json() {}

  /**
   * {@code text} as a JSON string literal. Besides what JSON requires, {@code < > & ' }} and every
   * character outside printable ASCII become {@code \}{@code uXXXX}, so that no answer ever holds
   * raw markup, whatever a browser sniffs it as.
   */
  public static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e || c == '<' || c == '>' || c == '&' || c == '\'') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
