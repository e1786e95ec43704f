package io.jobstream.aggregate;

import io.jobstream.model.ClassifiedPosting;
import java.time.LocalDate;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the latest version of each posting (by posting id, in the task that classified it) as the
 * little the cluster stage needs of it ({@link ClusterMember}), and sends the cluster stage a
 * {@link MemberChange} when that changes: a re-crawl that changes nothing the statistics see
 * sends nothing, an edit sends the old and the new version, so that the old one's contribution is
 * replaced rather than added to, and a deletion (a null value) sends the old version alone.
 * Each change is keyed by its posting's duplicate key (normalized company and title: the
 * copy block of postings it may be a copy of), so the cluster stage spreads over as many
 * tasks as there are partitions; a posting without a duplicate key can have no copies and is keyed
 * {@value #UNCLUSTERED} (it skips the cluster stage). An edit that moves a posting from one
 * block to another sends it out of one and into the other. Postings dated before the
 * {@link Horizon} of the task's latest posting date leave the store (a sweep every
 * {@link HorizonSweep#INTERVAL}): no window that can still change needs them, and a new version
 * of one would be late.
 */
final class PostingVersionProcessor implements Processor<String, ClassifiedPosting, String, MemberChange> {

  /** The key of changes of postings without a duplicate key. */
  static final String UNCLUSTERED = "";

  private final String storeName;
  private final String latestDateStoreName;
  private final String currency;
  private final Horizon horizon;
  private final HorizonSweep<ClusterMember> sweep =
      new HorizonSweep<>(HorizonSweep.BUDGET, (id, member) -> member.eventDate());
  private ProcessorContext<String, MemberChange> context;
  private KeyValueStore<String, ClusterMember> latest;
  private KeyValueStore<String, String> latestDate;

  private final StreamMetrics metrics;

  /** @param latestDateStoreName the classify stage's store of the latest posting date (read only) */
  PostingVersionProcessor(String storeName, String latestDateStoreName, String currency, Horizon horizon,
      StreamMetrics metrics) {
    this.storeName = storeName;
    this.metrics = metrics;
    this.latestDateStoreName = latestDateStoreName;
    this.currency = currency;
    this.horizon = horizon;
  }

  @Override
  public void init(ProcessorContext<String, MemberChange> context) {
    this.context = context;
    this.latest = context.getStateStore(storeName);
    this.latestDate = context.getStateStore(latestDateStoreName);
    context.schedule(HorizonSweep.INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> evict());
  }

  /** Postings before the horizon leave the store; nothing downstream changes (their windows go there too). */
  private void evict() {
    String day = latestDate.get(ClassifyProcessor.LATEST);
    if (day == null) {
      return;
    }
    for (KeyValue<String, ClusterMember> old : sweep.expired(latest, horizon.firstNeeded(LocalDate.parse(day)))) {
      latest.delete(old.key);
      metrics.evicted();
    }
  }

  @Override
  public void process(Record<String, ClassifiedPosting> record) {
    if (record.value() == null) {
      // a deletion: the posting's last version leaves the statistics
      ClusterMember gone = latest.get(record.key());
      if (gone != null) {
        latest.delete(record.key());
        route(record, gone, null);
      }
      return;
    }
    ClusterMember after = ClusterMember.of(record.value(), currency);
    ClusterMember before = latest.get(after.postingId());
    if (after.equals(before)) {
      return;
    }
    latest.put(after.postingId(), after);
    sweep.written(after.eventDate());
    route(record, before, after);
  }

  private void route(Record<String, ClassifiedPosting> record, ClusterMember before, ClusterMember after) {
    String from = before == null ? null : clusterOf(before);
    String to = after == null ? null : clusterOf(after);
    if (from == null || to == null || from.equals(to)) {
      context.forward(record.withKey(to != null ? to : from).withValue(new MemberChange(before, after)));
    } else {
      // an edit that moves the posting to another cluster: it leaves one and joins the other
      context.forward(record.withKey(from).withValue(new MemberChange(before, null)));
      context.forward(record.withKey(to).withValue(new MemberChange(null, after)));
    }
  }

  private String clusterOf(ClusterMember member) {
    return member.duplicateKey() == null ? UNCLUSTERED : member.duplicateKey();
  }
}
