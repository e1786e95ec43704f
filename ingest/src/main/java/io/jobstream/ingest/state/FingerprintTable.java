package io.jobstream.ingest.state;

/**
 * What was last published per posting, in 16 bytes an entry: a 64-bit hash of the posting id to
 * a 64-bit hash of its content fingerprint, in one open-addressing table (linear probing, at most
 * half full). Ten million postings take 256 to 512 MB less than a map of strings would; two
 * different ids collide with a chance of about n^2 / 2^65 (3 in a million for ten million), and a
 * collision only matters when the fingerprint hashes collide too.
 */
final class FingerprintTable {

  private long[] keys = new long[1 << 10];
  private long[] values = new long[1 << 10];
  private int size;

  synchronized boolean contains(String postingId, String fingerprint) {
    int slot = find(hash(postingId));
    return keys[slot] != 0 && values[slot] == hash(fingerprint);
  }

  synchronized void put(String postingId, String fingerprint) {
    long key = hash(postingId);
    int slot = find(key);
    if (keys[slot] == 0) {
      keys[slot] = key;
      if (++size * 2 > keys.length) {
        grow();
        slot = find(key);
      }
    }
    values[slot] = hash(fingerprint);
  }

  /** Forgets the posting's fingerprint: its slot stays (linear probing needs it) with a value no hash has. */
  synchronized void forget(String postingId) {
    int slot = find(hash(postingId));
    if (keys[slot] != 0) {
      values[slot] = 0;
    }
  }

  synchronized int size() {
    return size;
  }

  private int find(long key) {
    int mask = keys.length - 1;
    int slot = (int) (key ^ (key >>> 32)) & mask;
    while (keys[slot] != 0 && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new long[oldKeys.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        int slot = find(oldKeys[i]);
        keys[slot] = oldKeys[i];
        values[slot] = oldValues[i];
      }
    }
  }

  /** FNV-1a over the UTF-16 units, then MurmurHash3's 64-bit finalizer; never 0 (the empty slot). */
  static long hash(String s) {
    if (s == null) {
      return 1;
    }
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h == 0 ? 1 : h;
  }
}
