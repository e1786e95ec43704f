package io.jobstream.aggregate;

import io.jobstream.model.ClassifiedPosting;
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
 * Each change is keyed by its posting's family, so the work after classification spreads over as
 * many tasks as there are families.
 */
final class PostingVersionProcessor implements Processor<String, ClassifiedPosting, String, MemberChange> {

  private final String storeName;
  private final String currency;
  private ProcessorContext<String, MemberChange> context;
  private KeyValueStore<String, ClusterMember> latest;

  PostingVersionProcessor(String storeName, String currency) {
    this.storeName = storeName;
    this.currency = currency;
  }

  @Override
  public void init(ProcessorContext<String, MemberChange> context) {
    this.context = context;
    this.latest = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, ClassifiedPosting> record) {
    if (record.value() == null) {
      // a deletion: the posting's last version leaves the statistics
      ClusterMember gone = latest.get(record.key());
      if (gone != null) {
        latest.delete(record.key());
        context.forward(record.withKey(gone.family()).withValue(new MemberChange(gone, null)));
      }
      return;
    }
    ClusterMember after = ClusterMember.of(record.value(), currency);
    ClusterMember before = latest.get(after.postingId());
    if (after.equals(before)) {
      return;
    }
    latest.put(after.postingId(), after);
    String to = after.family();
    String from = before == null ? to : before.family();
    if (from.equals(to)) {
      context.forward(record.withKey(to).withValue(new MemberChange(before, after)));
    } else {
      // an edit that moves the posting to another family: it leaves one family's task and joins the other's
      context.forward(record.withKey(from).withValue(new MemberChange(before, null)));
      context.forward(record.withKey(to).withValue(new MemberChange(null, after)));
    }
  }
}
