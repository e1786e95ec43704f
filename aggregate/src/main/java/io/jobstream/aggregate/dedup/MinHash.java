package io.jobstream.aggregate.dedup;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A near-duplicate signature of a text: MinHash over its word shingles ({@value #SHINGLE} words in a
 * row, after lower-casing and dropping everything but letters and digits), {@value #HASHES}
 * hash functions from a fixed seed (so every instance and every run computes the same signature:
 * each shingle's 64-bit hash mixed once, then per function a salt and an odd multiplier), each
 * minimum kept as its low 16 bits. The share of equal positions of two signatures estimates
 * the Jaccard similarity of the two texts' shingle sets (standard error at most
 * {@code 0.5 / sqrt(64)} = 0.0625); two different 16-bit minima are equal by chance once in 65,536.
 * A signature is {@value #HASHES} x 2 bytes, 171 characters of Base64.
 */
public final class MinHash {

  /** Hash functions, the signature's length. */
  public static final int HASHES = 64;

  /** Words per shingle. */
  public static final int SHINGLE = 3;

  /** The generator seed of the hash functions; changing it changes every signature. */
  static final long SEED = 0x6a6f6273747265L;

  private static final long[] SALTS = new SplittableRandom(SEED).longs(HASHES).toArray();
  private static final long[] MULTIPLIERS = new SplittableRandom(SEED + 1).longs(HASHES).map(m -> m | 1).toArray();

  private MinHash() {}

  /** The Base64 signature of a text (a text of fewer words than a shingle is one shingle). */
  public static String signature(String text) {
    List<String> words = Text.words(text);
    long[] min = new long[HASHES];
    Arrays.fill(min, -1L); // the largest unsigned value
    int shingles = Math.max(1, words.size() - SHINGLE + 1);
    for (int s = 0; s < shingles; s++) {
      long h = 0xcbf29ce484222325L; // FNV-1a over the shingle's words
      for (int w = s; w < Math.min(words.size(), s + SHINGLE); w++) {
        String word = words.get(w);
        for (int i = 0; i < word.length(); i++) {
          h = (h ^ word.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ ' ') * 0x100000001b3L;
      }
      // one full mix per shingle, then one multiplication per hash function (an odd multiplier
      // of its own after a salt of its own): a full mix for each of the 64 cost as much as the
      // rest of classifying a posting with a long description
      long mixed = mix(h);
      for (int k = 0; k < HASHES; k++) {
        long v = (mixed ^ SALTS[k]) * MULTIPLIERS[k];
        if (Long.compareUnsigned(v, min[k]) < 0) {
          min[k] = v;
        }
      }
    }
    ByteBuffer out = ByteBuffer.allocate(HASHES * 2);
    for (long m : min) {
      out.putShort((short) m);
    }
    return Base64.getEncoder().withoutPadding().encodeToString(out.array());
  }

  /** The estimated Jaccard similarity of the texts of two signatures: the share of equal positions, 0..1. */
  public static double similarity(String a, String b) {
    return similarity(decode(a), decode(b));
  }

  /** The bytes of a Base64 signature. */
  public static byte[] decode(String signature) {
    return Base64.getDecoder().decode(signature);
  }

  /** The similarity of two decoded signatures. */
  static double similarity(byte[] x, byte[] y) {
    return similarity(x, y, 0);
  }

  /**
   * The similarity of two decoded signatures when it can be at least {@code least}; otherwise -1:
   * the comparison stops once too many hashes differ for it to reach {@code least} (two different
   * ads differ in nearly every hash, so they are told apart after about a fifth of the signature
   * at the default threshold).
   */
  static double similarity(byte[] x, byte[] y, double least) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("signatures of different lengths: " + x.length + " and " + y.length);
    }
    int hashes = x.length / 2;
    // more differing hashes than this and the similarity is surely below least (the margin keeps
    // a rounding error of least * hashes from stopping a comparison that might reach it)
    int mayDiffer = hashes - (int) Math.ceil(least * hashes - 1e-9);
    int differ = 0;
    for (int i = 0; i < x.length; i += 2) {
      if ((x[i] != y[i] || x[i + 1] != y[i + 1]) && ++differ > mayDiffer) {
        return -1;
      }
    }
    return (hashes - differ) / (double) hashes;
  }

  /** SplitMix64's finalizer: a well-mixed 64-bit hash of a 64-bit value. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
