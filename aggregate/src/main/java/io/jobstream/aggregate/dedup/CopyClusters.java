package io.jobstream.aggregate.dedup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Postings grouped into clusters of copies: the connected components of the {@link CopyRule}'s
 * "copy" relation (a copy of a copy is in the same cluster). Components do not depend on the order
 * postings arrive in, so the streaming cluster stage and a batch computation over the same
 * postings find the same clusters. Each cluster's representative, the one counted, is its
 * earliest posting, ties broken by the smallest posting id.
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

  /** The clusters of postings of one key. */
  public static List<Cluster> ofBlock(CopyRule rule, List<CopyCandidate> block) {
    List<CopyCandidate> sorted = new ArrayList<>(block);
    sorted.sort(EARLIEST);
    int n = sorted.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    List<CopyRule.Match> matches = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      java.time.LocalDate end = rule.end(sorted.get(i));
      // sorted by date: a later posting overlaps this one's span only if it starts before its end
      for (int j = i + 1; j < n && !sorted.get(j).date().isAfter(end); j++) {
        CopyRule.Match m = rule.match(sorted.get(i), sorted.get(j));
        if (m != null) {
          matches.add(m);
          int a = root(parent, i);
          int b = root(parent, j);
          if (a != b) {
            parent[Math.max(a, b)] = Math.min(a, b);
          }
        }
      }
    }
    Map<Integer, List<CopyCandidate>> members = new TreeMap<>();
    Map<Integer, List<CopyRule.Match>> links = new TreeMap<>();
    Map<String, Integer> rootOf = new java.util.HashMap<>();
    for (int i = 0; i < n; i++) {
      int r = root(parent, i);
      members.computeIfAbsent(r, k -> new ArrayList<>()).add(sorted.get(i));
      rootOf.put(sorted.get(i).id(), r);
    }
    for (CopyRule.Match m : matches) {
      links.computeIfAbsent(rootOf.get(m.a()), k -> new ArrayList<>()).add(m);
    }
    List<Cluster> out = new ArrayList<>(members.size());
    // the root of a component is its smallest index, the earliest member: the lists are in order
    members.forEach((r, list) -> out.add(new Cluster(List.copyOf(list), List.copyOf(links.getOrDefault(r, List.of())))));
    return out;
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }
}
