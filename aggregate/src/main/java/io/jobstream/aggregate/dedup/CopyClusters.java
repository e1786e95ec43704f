package io.jobstream.aggregate.dedup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Postings grouped into clusters of copies: each cluster is its representative, the earliest
 * posting (ties broken by the smallest posting id), and the later postings that are copies of it
 * ({@link CopyRule}) while it is open ({@link #ofBlock}). The clusters depend on the set of
 * postings only, not on the order they arrive in, so the streaming cluster stage and a batch
 * computation over the same postings find the same clusters.
 */
public final class CopyClusters {

  /** Earliest first, then by posting id: the first of a cluster is its representative. */
  public static final Comparator<CopyCandidate> EARLIEST =
      Comparator.comparing(CopyCandidate::date).thenComparing(CopyCandidate::id);

  /** One cluster: its members, representative first, and the matches that joined them. */
  public record Cluster(List<CopyCandidate> members, List<CopyRule.Match> matches) {

    public CopyCandidate representative() {
      return members.get(0);
    }
  }

  private CopyClusters() {}

  /**
   * The clusters of the postings (of any keys; postings without a key are clusters of one), in
   * the order of their representatives.
   */
  public static List<Cluster> of(CopyRule rule, List<CopyCandidate> postings) {
    Map<String, List<CopyCandidate>> byKey = new TreeMap<>();
    List<Cluster> out = new ArrayList<>();
    for (CopyCandidate p : postings) {
      if (p.key() == null) {
        out.add(new Cluster(List.of(p), List.of()));
      } else {
        byKey.computeIfAbsent(p.key(), k -> new ArrayList<>()).add(p);
      }
    }
    for (List<CopyCandidate> block : byKey.values()) {
      out.addAll(ofBlock(rule, block));
    }
    out.sort(Comparator.comparing(Cluster::representative, EARLIEST));
    return out;
  }

  /**
   * The clusters of postings of one key. In order of date (then id), each posting joins the first
   * cluster, in order of representatives, whose representative is still open on its date and of
   * which it is a copy; a posting that copies none is the representative of a new cluster. A
   * cluster therefore lasts as long as its representative is open: a repost after that starts
   * a cluster of its own, however many copies came in between (no chains of copies across a year).
   */
  public static List<Cluster> ofBlock(CopyRule rule, List<CopyCandidate> block) {
    List<CopyCandidate> sorted = new ArrayList<>(block);
    sorted.sort(EARLIEST);
    List<Open> all = new ArrayList<>();
    List<Open> open = new ArrayList<>();
    for (CopyCandidate p : sorted) {
      // clusters whose representative ended before this date can take no later posting
      open.removeIf(c -> p.date().isAfter(c.end));
      Open joined = null;
      byte[] signature = open.isEmpty() ? null : MinHash.decode(p.traits().signature());
      for (Open c : open) {
        CopyRule.Match m = rule.match(c.members.get(0), c.signature, p, signature);
        if (m != null) {
          c.members.add(p);
          c.matches.add(m);
          joined = c;
          break;
        }
      }
      if (joined == null) {
        Open c = new Open(rule.end(p), MinHash.decode(p.traits().signature()));
        c.members.add(p);
        all.add(c);
        open.add(c);
      }
    }
    List<Cluster> out = new ArrayList<>(all.size());
    for (Open c : all) {
      out.add(new Cluster(List.copyOf(c.members), List.copyOf(c.matches)));
    }
    return out;
  }

  /** A cluster being built: its members (the representative first), the matches, its representative's end. */
  private static final class Open {
    final List<CopyCandidate> members = new ArrayList<>();
    final List<CopyRule.Match> matches = new ArrayList<>();
    final java.time.LocalDate end;
    final byte[] signature;

    Open(java.time.LocalDate end, byte[] signature) {
      this.end = end;
      this.signature = signature;
    }
  }
}
