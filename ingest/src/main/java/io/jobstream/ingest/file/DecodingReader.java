package io.jobstream.ingest.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text of a file in its own charset, never silently mangled: a byte-order mark decides it (and is
 * skipped); without one, the first {@value #SNIFF_BYTES} bytes are UTF-8 if they decode as UTF-8,
 * else the file is read as windows-1252 (the superset of ISO 8859-1 that spreadsheet programs
 * write). Bytes the charset cannot decode later on become U+FFFD and are counted
 * ({@link #malformed()}), so the reader of the text can reject the record that holds them.
 */
public final class DecodingReader extends Reader {

  /** How many bytes the charset is guessed from. */
  public static final int SNIFF_BYTES = 64 * 1024;

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private final InputStream in;
  private final Charset charset;
  private final CharsetDecoder decoder;
  private final ByteBuffer bytes = ByteBuffer.allocate(SNIFF_BYTES);
  private final CharBuffer chars = CharBuffer.allocate(8192);
  private boolean endOfInput;
  private boolean flushed;
  private long malformed;

  private DecodingReader(InputStream in, byte[] start, int length, Charset charset, int skip) {
    this.in = in;
    this.charset = charset;
    this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    bytes.put(start, skip, length - skip);
    bytes.flip();
    chars.flip(); // empty until the first read
  }

  /** Opens {@code in}, reading its start to decide the charset. */
  public static DecodingReader open(InputStream in) throws IOException {
    byte[] start = in.readNBytes(SNIFF_BYTES);
    int n = start.length;
    if (n >= 3 && (start[0] & 0xff) == 0xef && (start[1] & 0xff) == 0xbb && (start[2] & 0xff) == 0xbf) {
      return new DecodingReader(in, start, n, StandardCharsets.UTF_8, 3);
    }
    if (n >= 2 && (start[0] & 0xff) == 0xff && (start[1] & 0xff) == 0xfe) {
      return new DecodingReader(in, start, n, StandardCharsets.UTF_16LE, 2);
    }
    if (n >= 2 && (start[0] & 0xff) == 0xfe && (start[1] & 0xff) == 0xff) {
      return new DecodingReader(in, start, n, StandardCharsets.UTF_16BE, 2);
    }
    Charset charset = isUtf8(start, n == SNIFF_BYTES) ? StandardCharsets.UTF_8 : WINDOWS_1252;
    return new DecodingReader(in, start, n, charset, 0);
  }

  /** Whether the bytes decode as UTF-8 (a sequence cut at the end of a partial read is fine). */
  static boolean isUtf8(byte[] start, boolean more) {
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(start);
    CharBuffer out = CharBuffer.allocate(start.length + 1);
    CoderResult result = utf8.decode(in, out, !more);
    if (result.isError()) {
      return false;
    }
    // what is left is at most a sequence the sample cut off, which the rest of the file finishes
    return in.remaining() <= 3 && (more || in.remaining() == 0);
  }

  /** The charset the text is read in. */
  public Charset charset() {
    return charset;
  }

  /** Byte sequences the charset could not decode so far (each became U+FFFD). */
  public long malformed() {
    return malformed;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (!chars.hasRemaining() && !decodeMore()) {
      return -1;
    }
    int n = Math.min(length, chars.remaining());
    chars.get(buffer, offset, n);
    return n;
  }

  /**
   * Decodes the next chunk into {@link #chars} (never split inside a surrogate pair, which a
   * caller reading one character at a time could not take whole); false at the end of input.
   */
  private boolean decodeMore() throws IOException {
    chars.clear();
    while (!flushed) {
      CoderResult result = decoder.decode(bytes, chars, endOfInput);
      if (result.isError()) {
        if (chars.remaining() == 0) {
          break; // the bad bytes are met again by the next chunk
        }
        bytes.position(bytes.position() + result.length());
        chars.put('\uFFFD');
        malformed++;
      } else if (result.isOverflow() || chars.position() > 0) {
        break;
      } else if (endOfInput) {
        decoder.flush(chars);
        flushed = true;
      } else {
        refill();
      }
    }
    chars.flip();
    return chars.hasRemaining();
  }

  private void refill() throws IOException {
    bytes.compact();
    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (n < 0) {
      endOfInput = true;
    } else {
      bytes.position(bytes.position() + n);
    }
    bytes.flip();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
