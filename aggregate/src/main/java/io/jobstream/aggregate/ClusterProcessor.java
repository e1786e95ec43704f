package io.jobstream.aggregate;

import io.jobstream.aggregate.dedup.CopyCandidate;
import io.jobstream.aggregate.dedup.CopyClusters;
import io.jobstream.aggregate.dedup.CopyRule;
import io.jobstream.aggregate.dedup.MinHash;
import io.jobstream.model.CopyClusterEntry;
import io.jobstream.model.CopyTraits;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Groups current postings into clusters of cross-posted copies and passes on how the counted
 * tuples change. Changes come keyed by duplicate key (normalized company and title), so the
 * postings the {@link CopyRule} compares (a copy block) meet in one task, and the blocks spread
 * over the partitions. The clusters are those of {@link CopyClusters#ofBlock}: in order of date
 * (then posting id) each posting joins the first open representative it copies, else is a
 * representative itself. They do not depend on the order postings arrive in, so the statistics
 * equal a batch computation over the same postings with the same rule. Postings without a
 * duplicate key can have no copies and never come here ({@link MemberChange#unclusteredDeltas}).
 *
 * <p>State is one {@link CopyEntry} per posting (store {@code copy-block-postings}, keyed by block,
 * day and posting id, {@link CopyBlockKeys}) and one index entry per representative keyed by the
 * last day it is open ({@code copy-block-open}), holding what comparing a posting with it needs
 * (date, {@code validThrough}, place, signature). A posting's cluster depends only on the
 * representatives open on its date, which come before it. So a change on day {@code d} reads the
 * representatives still open on {@code d} from the index (a representative's entry only when its
 * count changes), then the block's postings from {@code d}
 * on, deciding each again, and stops at the first day after every representative that appeared,
 * went or moved has ended (and after the changed posting): later postings see the same open
 * representatives as before, so their clusters stand. It writes only the entries whose cluster,
 * count or version changed. Every counted tuple (a representative's, with its number of copies)
 * no longer counted loses a posting, and every new one gains one. Each entry written is also sent
 * on as the posting's cluster record ({@link CopyClusterEntry}, for {@code jobs.postings.clusters}:
 * its representative, and for a copy the similarity and the reason it was merged), and a posting
 * that leaves as a tombstone, so a merge can be audited without running the rule again.
 *
 * <p>Entries whose cluster's representative ended before the {@link Horizon} of the latest posting
 * date this task has seen leave the store (a sweep every {@link HorizonSweep#INTERVAL}): no posting
 * still to come can join that cluster, and a change's range never reaches back to it.
 */
final class ClusterProcessor implements Processor<String, MemberChange, String, ClusterOutput> {

  /** The key of the number of copies not counted in the count store. */
  private static final String COPIES = "copies";

  /** The key of the latest posting date seen (epoch day) in the count store. */
  private static final String LATEST = "latest-epoch-day";

  private static final Comparator<Work> EARLIEST =
      Comparator.comparing((Work w) -> w.member.eventDate()).thenComparing(w -> w.member.postingId());

  private final String storeName;
  private final String openStoreName;
  private final String countStoreName;
  private final CopyRule rule;
  private final Horizon horizon;
  private final StreamMetrics metrics;
  private final HorizonSweep<CopyEntry> sweep =
      new HorizonSweep<>(HorizonSweep.BUDGET, (key, entry) -> entry.clusterEnd());
  private long latestEpochDay = Long.MIN_VALUE;
  private ProcessorContext<String, ClusterOutput> context;
  private KeyValueStore<String, CopyEntry> postings;
  private KeyValueStore<String, String> open;
  private KeyValueStore<String, Long> counts;
  /** This task's copies not counted, its share of the {@code jobstream.stream.duplicates} gauge. */
  private long duplicates;

  // what one change has read (cleared at each): entries by posting id, in the order read, and the
  // open representatives dated before the change, whose entries are read only when their count changes
  private final Map<String, Work> byId = new HashMap<>();
  private final List<Work> read = new ArrayList<>();
  private final Map<String, Rep> earlierReps = new HashMap<>();

  /**
   * @param storeName the store of {@link CopyEntry} by {@link CopyBlockKeys#of block, day, posting id}
   * @param openStoreName the store of representatives by block, last open day and posting id, whose
   *     values are their keys in {@code storeName}
   * @param countStoreName a store of this task's number of copies not counted, kept with the
   *     postings so that a restarted or moved task knows it without reading every entry
   */
  ClusterProcessor(String storeName, String openStoreName, String countStoreName, CopyRule rule, Horizon horizon,
      StreamMetrics metrics) {
    this.storeName = storeName;
    this.openStoreName = openStoreName;
    this.countStoreName = countStoreName;
    this.rule = rule;
    this.horizon = horizon;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, ClusterOutput> context) {
    this.context = context;
    this.postings = context.getStateStore(storeName);
    this.open = context.getStateStore(openStoreName);
    this.counts = context.getStateStore(countStoreName);
    Long saved = counts.get(COPIES);
    duplicates = saved == null ? 0 : saved;
    metrics.addDuplicates(duplicates);
    Long latest = counts.get(LATEST);
    latestEpochDay = latest == null ? Long.MIN_VALUE : latest;
    context.schedule(HorizonSweep.INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> evict());
  }

  /** Postings whose cluster ended before the horizon leave the store; copies among them are no longer counted as dropped. */
  private void evict() {
    if (latestEpochDay == Long.MIN_VALUE) {
      return;
    }
    long copies = 0;
    for (KeyValue<String, CopyEntry> old :
        sweep.expired(postings, horizon.firstNeeded(LocalDate.ofEpochDay(latestEpochDay)))) {
      postings.delete(old.key);
      CopyEntry e = old.value;
      if (e.isRepresentative()) {
        open.delete(CopyBlockKeys.of(e.member().duplicateKey(), e.clusterEnd(), e.member().postingId()));
      } else {
        copies++;
      }
      // its cluster record leaves the compacted topic too
      context.forward(new Record<>(e.member().postingId(), ClusterOutput.cluster(null), System.currentTimeMillis()));
      metrics.evicted();
    }
    countCopies(-copies);
  }

  private void countCopies(long change) {
    if (change != 0) {
      duplicates += change;
      counts.put(COPIES, duplicates);
      metrics.addDuplicates(change);
    }
  }

  private void seen(ClusterMember member) {
    if (member != null && member.eventDate().toEpochDay() > latestEpochDay) {
      latestEpochDay = member.eventDate().toEpochDay();
      counts.put(LATEST, latestEpochDay);
    }
  }

  @Override
  public void close() {
    metrics.addDuplicates(-duplicates);
    duplicates = 0;
  }

  @Override
  public void process(Record<String, MemberChange> record) {
    ClusterMember before = record.value().before();
    ClusterMember after = record.value().after();
    seen(after);
    String from = before == null ? null : before.duplicateKey();
    String to = after == null ? null : after.duplicateKey();
    if (from != null && from.equals(to)) {
      update(record, from, before, after);
      return;
    }
    if (from != null) {
      update(record, from, before, null);
    }
    if (to != null) {
      update(record, to, null, after);
    }
  }

  /** A posting a change reads: its stored entry (null for one new here) and its cluster as decided again. */
  private final class Work {
    final String key;
    final CopyEntry old;
    final ClusterMember member;
    final LocalDate end;
    String representative;
    long copies;
    Double similarity;
    LocalDate clusterEnd;
    /** Why it joined its representative, when decided again in this change (for its cluster record). */
    CopyRule.Match match;
    private byte[] signature;

    Work(String key, CopyEntry old, ClusterMember member) {
      this.key = key;
      this.old = old;
      this.member = member;
      this.end = rule.end(member.candidate());
      if (old != null) {
        representative = old.representative();
        copies = old.copies();
        similarity = old.similarity();
        clusterEnd = old.clusterEnd();
      }
    }

    byte[] signature() {
      if (signature == null) {
        signature = MinHash.decode(member.traits().signature());
      }
      return signature;
    }

    boolean isRepresentative() {
      return member.postingId().equals(representative);
    }

    boolean wasRepresentative() {
      return old != null && old.isRepresentative();
    }

    /** Whether its stored entry is the posting as the copy rule sees it now (not new, moved, or with another text, place or end). */
    boolean sameForTheRule() {
      return old != null && old.member().candidate().equals(member.candidate());
    }

    CopyEntry entry() {
      return new CopyEntry(member, representative, copies, similarity, clusterEnd);
    }

    /** Its record on {@code jobs.postings.clusters}. */
    CopyClusterEntry clusterRecord() {
      return new CopyClusterEntry(CopyClusterEntry.SCHEMA_VERSION, member.postingId(), member.duplicateKey(),
          member.eventDate(), representative, copies, similarity,
          isRepresentative() || match == null ? null : match.reason(), clusterEnd);
    }
  }

  /**
   * A representative open on a change's day, as the copy rule compares postings with it. One
   * dated before the change comes from the index of open representatives ({@link #indexValue}),
   * without its entry, which is read only when its count of copies changes.
   */
  private final class Rep {
    final String key;
    final CopyCandidate candidate;
    final LocalDate end;
    final byte[] signature;
    private Work work;

    Rep(Work w) {
      this.key = w.key;
      this.candidate = w.member.candidate();
      this.end = w.end;
      this.signature = w.signature();
      this.work = w;
    }

    /** From the index: {@code key} is the entry's key in the postings store. */
    Rep(String block, String key, String[] fields) {
      this.key = key;
      LocalDate date = LocalDate.ofEpochDay(Long.parseLong(fields[0]));
      LocalDate validThrough = fields[1].isEmpty() ? null : LocalDate.ofEpochDay(Long.parseLong(fields[1]));
      this.candidate = new CopyCandidate(CopyBlockKeys.postingId(block, key), date, block,
          new CopyTraits(fields[2], validThrough, fields[3]));
      this.end = rule.end(candidate);
      this.signature = MinHash.decode(fields[3]);
    }

    /** Its entry, read (and counted among what this change read) the first time it is needed. */
    Work work() {
      if (work == null) {
        CopyEntry e = postings.get(key);
        if (e == null) {
          return null;
        }
        work = new Work(key, e, e.member());
        byId.put(candidate.id(), work);
        read.add(work);
      }
      return work;
    }
  }

  /**
   * The index's value for a representative: what comparing a posting with it needs (date,
   * {@code validThrough}, place, signature), tab-separated, then its entry's key.
   */
  private static String indexValue(Work w) {
    CopyTraits t = w.member.traits();
    return w.member.eventDate().toEpochDay() + "\t" + (t.validThrough() == null ? "" : t.validThrough().toEpochDay())
        + "\t" + t.place() + "\t" + t.signature() + "\t" + w.key;
  }

  /** The entry of posting {@code id} as this change has it (reading it if it is an earlier open representative); null if not read. */
  private Work loaded(String id) {
    Work w = byId.get(id);
    if (w == null) {
      Rep r = earlierReps.get(id);
      if (r != null) {
        w = r.work();
      }
    }
    return w;
  }

  private void update(Record<String, MemberChange> record, String block, ClusterMember leaves, ClusterMember joins) {
    List<Record<String, ClusterOutput>> clusterRecords = new ArrayList<>();
    byId.clear();
    read.clear();
    earlierReps.clear();
    LocalDate from = earliest(leaves, joins);
    String leavesKey = leaves == null ? null : CopyBlockKeys.of(block, leaves.eventDate(), leaves.postingId());
    String joinsKey = joins == null ? null : CopyBlockKeys.of(block, joins.eventDate(), joins.postingId());
    CopyEntry left = leavesKey == null ? null : postings.get(leavesKey);

    // the representatives dated before the change that are still open on its day, earliest first
    List<Rep> openReps = new ArrayList<>();
    try (KeyValueIterator<String, String> it = open.range(CopyBlockKeys.from(block, from), CopyBlockKeys.end(block))) {
      while (it.hasNext()) {
        String[] fields = it.next().value.split("\t", 5);
        if (LocalDate.ofEpochDay(Long.parseLong(fields[0])).isBefore(from)) {
          Rep r = new Rep(block, fields[4], fields);
          openReps.add(r);
          earlierReps.put(r.candidate.id(), r);
        }
      }
    }
    openReps.sort(Comparator.comparing((Rep r) -> r.candidate.date()).thenComparing(r -> r.candidate.id()));

    long copiesChange = 0;
    Map<String, Long> counted = new TreeMap<>();
    // the posting that leaves (when it does not stay on the same key): its count goes, its
    // representative loses a copy, and the clusters it represented are decided again
    LocalDate dirtyUntil = latest(leaves, joins);
    boolean leavesApart = left != null && !leavesKey.equals(joinsKey);
    String leftRepresentative = null;
    if (leavesApart) {
      postings.delete(leavesKey);
      if (joins == null || !joins.postingId().equals(leaves.postingId())) {
        clusterRecords.add(record.withKey(leaves.postingId()).withValue(ClusterOutput.cluster(null)));
      }
      if (left.isRepresentative()) {
        open.delete(CopyBlockKeys.of(block, left.clusterEnd(), left.member().postingId()));
        counted.merge(left.member().tuple(left.copies()), -1L, Long::sum);
        dirtyUntil = later(dirtyUntil, left.clusterEnd());
      } else {
        copiesChange--;
        Work rep = loaded(left.representative());
        if (rep != null) {
          rep.copies--;
        } else {
          // its representative is dated on or after the change's first day: read below
          leftRepresentative = left.representative();
        }
      }
    }

    // the block's postings from the change's day on, each decided again, a day at a time
    try (KeyValueIterator<String, CopyEntry> it = postings.range(CopyBlockKeys.from(block, from), CopyBlockKeys.end(block))) {
      KeyValue<String, CopyEntry> next = it.hasNext() ? it.next() : null;
      boolean joinsPending = joins != null;
      while (true) {
        LocalDate day = next == null ? null : next.value.member().eventDate();
        if (joinsPending && (day == null || joins.eventDate().isBefore(day))) {
          day = joins.eventDate();
        }
        if (day == null || day.isAfter(dirtyUntil)) {
          break;
        }
        List<Work> today = new ArrayList<>();
        while (next != null && next.value.member().eventDate().equals(day)) {
          if (next.key.equals(joinsKey)) {
            today.add(new Work(next.key, next.value, joins));
            joinsPending = false;
          } else {
            Work w = new Work(next.key, next.value, next.value.member());
            if (w.member.postingId().equals(leftRepresentative) && w.wasRepresentative()) {
              w.copies--;
              leftRepresentative = null;
            }
            today.add(w);
          }
          next = it.hasNext() ? it.next() : null;
        }
        if (joinsPending && joins.eventDate().equals(day)) {
          today.add(new Work(joinsKey, null, joins));
          joinsPending = false;
        }
        today.sort(EARLIEST);
        for (Work q : today) {
          byId.put(q.member.postingId(), q);
          read.add(q);
          dirtyUntil = decide(q, openReps, dirtyUntil, q.key.equals(joinsKey));
        }
      }
    }

    // what changed: counted tuples, the copies gauge, the entries and the index of representatives
    for (Work w : read) {
      String before = w.wasRepresentative() ? w.old.member().tuple(w.old.copies()) : null;
      String after = w.isRepresentative() ? w.member.tuple(w.copies) : null;
      if (!Objects.equals(before, after)) {
        if (before != null) {
          counted.merge(before, -1L, Long::sum);
        }
        if (after != null) {
          counted.merge(after, 1L, Long::sum);
        }
      }
      copiesChange += (w.isRepresentative() ? 0 : 1) - (w.old == null || w.wasRepresentative() ? 0 : 1);
      CopyEntry entry = w.entry();
      if (!entry.equals(w.old)) {
        postings.put(w.key, entry);
        sweep.written(entry.clusterEnd());
        clusterRecords.add(record.withKey(w.member.postingId()).withValue(ClusterOutput.cluster(w.clusterRecord())));
      }
      boolean indexedBefore = w.wasRepresentative();
      boolean indexed = w.isRepresentative();
      if (indexedBefore && !(indexed && w.old.clusterEnd().equals(entry.clusterEnd()))) {
        open.delete(CopyBlockKeys.of(block, w.old.clusterEnd(), w.member.postingId()));
      }
      if (indexed && !(indexedBefore && w.old.clusterEnd().equals(entry.clusterEnd()) && w.sameForTheRule())) {
        open.put(CopyBlockKeys.of(block, entry.clusterEnd(), w.member.postingId()), indexValue(w));
      }
    }
    countCopies(copiesChange);

    // the counted tuples no longer counted lose a posting first, then the new ones gain one
    List<TupleDelta> gained = new ArrayList<>();
    counted.forEach((tuple, change) -> {
      for (long i = 0; i < Math.abs(change); i++) {
        if (change < 0) {
          context.forward(record.withValue(ClusterOutput.counted(new TupleDelta(tuple, -1))));
        } else {
          gained.add(new TupleDelta(tuple, 1));
        }
      }
    });
    gained.forEach(delta -> context.forward(record.withValue(ClusterOutput.counted(delta))));
    clusterRecords.forEach(context::forward);
  }

  /**
   * Decides the cluster of {@code q} among the representatives open on its day (earliest first;
   * a new representative is added to them), moves a copy from its old representative's count to
   * its new one's, and returns the day up to which later postings must be decided again.
   *
   * @param changed whether {@code q} is the posting the change is about (its clusters are decided
   *     again whatever it was)
   */
  private LocalDate decide(Work q, List<Rep> openReps, LocalDate dirtyUntil, boolean changed) {
    openReps.removeIf(r -> r.end.isBefore(q.member.eventDate()));
    Rep joinedRep = null;
    CopyRule.Match match = null;
    CopyCandidate candidate = q.member.candidate();
    for (Rep r : openReps) {
      match = rule.match(r.candidate, r.end, r.signature, candidate, q.end, q.signature());
      if (match != null) {
        joinedRep = r;
        break;
      }
    }
    Work joined = joinedRep == null ? null : joinedRep.work();
    String oldRepresentative = q.old == null ? null : q.old.representative();
    boolean wasRepresentative = q.wasRepresentative();
    if (q.old != null && !wasRepresentative) {
      Work oldRep = loaded(oldRepresentative);
      // only a representative read as it was stored holds this copy in its count
      if (oldRep != null && oldRep.old != null && oldRep.old.isRepresentative()) {
        oldRep.copies--;
      }
    }
    if (joined == null) {
      q.representative = q.member.postingId();
      q.similarity = null;
      q.clusterEnd = q.end;
      if (!wasRepresentative) {
        q.copies = 0;
      }
      openReps.add(new Rep(q));
    } else {
      q.representative = joined.member.postingId();
      q.similarity = match.similarity();
      q.match = match;
      q.clusterEnd = joined.end;
      joined.copies++;
    }
    // a representative that appeared, went, or changed its span or text changes the clusters of
    // the postings dated while it is (or was) open
    boolean representativeChanged = wasRepresentative != q.isRepresentative() || (changed && !q.sameForTheRule());
    if (representativeChanged) {
      if (wasRepresentative) {
        dirtyUntil = later(dirtyUntil, q.old.clusterEnd());
      }
      if (q.isRepresentative()) {
        dirtyUntil = later(dirtyUntil, q.end);
      }
    }
    return dirtyUntil;
  }

  private static LocalDate earliest(ClusterMember a, ClusterMember b) {
    if (a == null) {
      return b.eventDate();
    }
    return b == null || a.eventDate().isBefore(b.eventDate()) ? a.eventDate() : b.eventDate();
  }

  private static LocalDate latest(ClusterMember a, ClusterMember b) {
    if (a == null) {
      return b.eventDate();
    }
    return b == null || a.eventDate().isAfter(b.eventDate()) ? a.eventDate() : b.eventDate();
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
