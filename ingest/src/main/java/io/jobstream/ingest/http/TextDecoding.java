package io.jobstream.ingest.http;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes a fetched body the way browsers do (WHATWG Encoding and HTML "determining the character
 * encoding"): a byte-order mark first; then the {@code charset} of the {@code Content-Type}
 * header; then, in the first 1024 bytes, a {@code <meta charset>} or {@code <meta http-equiv
 * content-type>} (or an XML declaration's {@code encoding}); else UTF-8. Labels are read as the
 * Encoding Standard maps them: {@code iso-8859-1}, {@code latin1} and {@code us-ascii} mean
 * windows-1252, and a {@code utf-16} label in the markup means UTF-8 (the markup could not have been
 * read if it were UTF-16). Labels Java does not know are passed over.
 */
public final class TextDecoding {

  /** How many bytes the markup prescan looks at. */
  static final int PRESCAN_BYTES = 1024;

  private static final Pattern META = Pattern.compile("<meta\\s[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern CHARSET_ATTR =
      Pattern.compile("\\bcharset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern HTTP_EQUIV =
      Pattern.compile("http-equiv\\s*=\\s*[\"']?\\s*content-type", Pattern.CASE_INSENSITIVE);
  private static final Pattern XML_ENCODING =
      Pattern.compile("^<\\?xml[^>]*\\bencoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']", Pattern.CASE_INSENSITIVE);

  private TextDecoding() {}

  /**
   * @param body the raw bytes
   * @param contentTypeHeader the whole {@code Content-Type} header, parameters included (null if absent)
   */
  public static String decode(byte[] body, String contentTypeHeader) {
    if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
      return new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
    }
    if (startsWith(body, 0xFE, 0xFF)) {
      return new String(body, 2, body.length - 2, StandardCharsets.UTF_16BE);
    }
    if (startsWith(body, 0xFF, 0xFE)) {
      return new String(body, 2, body.length - 2, StandardCharsets.UTF_16LE);
    }
    return new String(body, charset(body, contentTypeHeader));
  }

  /** The encoding the header or the markup declares (no byte-order mark), else UTF-8. */
  static Charset charset(byte[] body, String contentTypeHeader) {
    Charset declared = contentTypeHeader == null ? null : fromHeader(contentTypeHeader);
    if (declared != null) {
      return declared;
    }
    Charset inMarkup = prescan(body);
    return inMarkup != null ? inMarkup : StandardCharsets.UTF_8;
  }

  private static Charset fromHeader(String header) {
    for (String param : header.split(";")) {
      String p = param.trim();
      if (p.regionMatches(true, 0, "charset=", 0, 8)) {
        return forLabel(p.substring(8).replace("\"", "").replace("'", "").trim());
      }
    }
    return null;
  }

  private static Charset prescan(byte[] body) {
    // ISO-8859-1 maps each byte to one char, so positions and ASCII markup survive whatever the encoding
    String head = new String(body, 0, Math.min(body.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
    Matcher xml = XML_ENCODING.matcher(head.stripLeading());
    if (xml.find()) {
      return inMarkup(forLabel(xml.group(1)));
    }
    Matcher meta = META.matcher(head);
    while (meta.find()) {
      String tag = meta.group();
      Matcher charset = CHARSET_ATTR.matcher(tag);
      boolean direct = tag.toLowerCase(Locale.ROOT).matches("(?s)<meta\\s+([^>]*\\s)?charset\\s*=.*");
      if (charset.find() && (direct || HTTP_EQUIV.matcher(tag).find())) {
        Charset found = inMarkup(forLabel(charset.group(1)));
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static Charset inMarkup(Charset c) {
    if (c == null) {
      return null;
    }
    return c.name().startsWith("UTF-16") ? StandardCharsets.UTF_8 : c;
  }

  /** A charset for a label, as the Encoding Standard maps the common ones; null when unknown. */
  static Charset forLabel(String label) {
    String l = label.trim().toLowerCase(Locale.ROOT);
    switch (l) {
      case "iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "iso_8859-1", "cp1252", "x-cp1252":
        return Charset.forName("windows-1252");
      case "utf8", "unicode-1-1-utf-8":
        return StandardCharsets.UTF_8;
      default:
        break;
    }
    try {
      return Charset.forName(l);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return null;
    }
  }

  private static boolean startsWith(byte[] body, int... prefix) {
    if (body.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((body[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
