package io.jobstream.ingest.jsonld;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * MurmurHash3 x64 128-bit (Austin Appleby's public-domain algorithm): a fast non-cryptographic
 * hash for change detection of posting contents, where SHA-256 would cost more than parsing the
 * page. Incremental: {@link #update} any number of byte arrays, then {@link #hex}.
 */
final class Murmur3 {

  private static final long C1 = 0x87c37b91114253d5L;
  private static final long C2 = 0x4cf5ad432745937fL;

  private long h1;
  private long h2;
  private long length;
  private final byte[] tail = new byte[16];
  private int tailLength;

  void update(byte[] data) {
    int i = 0;
    length += data.length;
    if (tailLength > 0) {
      while (tailLength < 16 && i < data.length) {
        tail[tailLength++] = data[i++];
      }
      if (tailLength < 16) {
        return;
      }
      block(tail, 0);
      tailLength = 0;
    }
    for (; i + 16 <= data.length; i += 16) {
      block(data, i);
    }
    while (i < data.length) {
      tail[tailLength++] = data[i++];
    }
  }

  void update(byte b) {
    update(new byte[] {b});
  }

  private void block(byte[] d, int o) {
    long k1 = getLong(d, o);
    long k2 = getLong(d, o + 8);
    k1 *= C1;
    k1 = Long.rotateLeft(k1, 31);
    k1 *= C2;
    h1 ^= k1;
    h1 = Long.rotateLeft(h1, 27);
    h1 += h2;
    h1 = h1 * 5 + 0x52dce729;
    k2 *= C2;
    k2 = Long.rotateLeft(k2, 33);
    k2 *= C1;
    h2 ^= k2;
    h2 = Long.rotateLeft(h2, 31);
    h2 += h1;
    h2 = h2 * 5 + 0x38495ab5;
  }

  String hex() {
    long k1 = 0;
    long k2 = 0;
    for (int j = tailLength - 1; j >= 8; j--) {
      k2 ^= (tail[j] & 0xffL) << ((j - 8) * 8);
    }
    for (int j = Math.min(tailLength, 8) - 1; j >= 0; j--) {
      k1 ^= (tail[j] & 0xffL) << (j * 8);
    }
    long a = h1;
    long b = h2;
    if (tailLength > 8) {
      k2 *= C2;
      k2 = Long.rotateLeft(k2, 33);
      k2 *= C1;
      b ^= k2;
    }
    if (tailLength > 0) {
      k1 *= C1;
      k1 = Long.rotateLeft(k1, 31);
      k1 *= C2;
      a ^= k1;
    }
    a ^= length;
    b ^= length;
    a += b;
    b += a;
    a = fmix(a);
    b = fmix(b);
    a += b;
    b += a;
    // by hand: String.format parses its pattern and boxes both longs on every call
    char[] hex = new char[32];
    digits(a, hex, 0);
    digits(b, hex, 16);
    return new String(hex);
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** The 16 lower-case hex digits of {@code v}, leading zeros kept, into {@code out} from {@code at}. */
  private static void digits(long v, char[] out, int at) {
    for (int k = 15; k >= 0; k--) {
      out[at + k] = HEX[(int) (v & 0xf)];
      v >>>= 4;
    }
  }

  private static long fmix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }

  /** Eight bytes read as one little-endian long (one load where the platform allows, not eight). */
  private static final VarHandle LITTLE_ENDIAN_LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static long getLong(byte[] d, int o) {
    return (long) LITTLE_ENDIAN_LONG.get(d, o);
  }
}
