package io.jobstream.app.bench;

import io.jobstream.aggregate.JobstreamTopology;
import io.jobstream.model.Topics;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which instance processed how many records of each stage, from the broker's view: every half
 * second, the application group's committed offsets and which member holds each partition; a
 * partition's progress since the last look is credited to the instance that holds it. Stages by
 * the topic they read: {@code classify} (the raw topic), {@code re-routed} (the raw records a
 * producer put on another partition than their posting id's, re-routed by posting id), {@code clusters} (the changes by
 * cluster of copies), {@code windows} (the counted changes by family and block: counts and
 * statistics), {@code divergence} (the changes by pair and block),
 * {@code stats-table} and {@code divergence-table} (the query API's tables).
 */
final class StageSampler implements AutoCloseable {

  static final List<String> STAGES = List.of("classify", "re-routed", "clusters", "windows", "divergence", "stats-table", "divergence-table");

  private final Admin admin;
  private final String group;
  private final int instances;
  private final Map<TopicPartition, Long> last = new HashMap<>();
  private final Map<String, long[]> records = new LinkedHashMap<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "bench-stage-sampler");
    t.setDaemon(true);
    return t;
  });

  StageSampler(Properties client, String group, int instances) {
    this.admin = Admin.create(client);
    this.group = group;
    this.instances = instances;
    STAGES.forEach(s -> records.put(s, new long[instances]));
    timer.scheduleWithFixedDelay(this::sample, 0, 500, TimeUnit.MILLISECONDS);
  }

  static String stageOf(String topic, String group) {
    if (topic.equals(Topics.RAW.name())) {
      return "classify";
    }
    if (topic.equals(group + "-" + JobstreamTopology.BY_POSTING + "-repartition")) {
      return "re-routed";
    }
    if (topic.equals(group + "-" + JobstreamTopology.BY_CLUSTER + "-repartition")) {
      return "clusters";
    }
    if (topic.equals(group + "-" + JobstreamTopology.BY_WINDOW + "-repartition")) {
      return "windows";
    }
    if (topic.equals(group + "-" + JobstreamTopology.BY_PAIR + "-repartition")) {
      return "divergence";
    }
    if (topic.equals(Topics.STATS.name())) {
      return "stats-table";
    }
    return topic.equals(Topics.DIVERGENCE.name()) ? "divergence-table" : null;
  }

  private synchronized void sample() {
    try {
      ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
          .get(10, TimeUnit.SECONDS).get(group);
      Map<TopicPartition, Integer> owner = new HashMap<>();
      for (MemberDescription m : description.members()) {
        int instance = instanceOf(m.clientId());
        if (instance >= 0) {
          m.assignment().topicPartitions().forEach(tp -> owner.put(tp, instance));
        }
      }
      Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
          .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
      committed.forEach((tp, offset) -> {
        if (offset == null) {
          return;
        }
        long before = last.getOrDefault(tp, 0L);
        last.put(tp, offset.offset());
        String stage = stageOf(tp.topic(), group);
        Integer instance = owner.get(tp);
        if (stage != null && instance != null && offset.offset() > before) {
          records.get(stage)[instance] += offset.offset() - before;
        }
      });
    } catch (Exception e) {
      // a look that failed (a rebalance in progress, a slow broker) is made up by the next one
    }
  }

  private int instanceOf(String clientId) {
    for (int i = 0; i < instances; i++) {
      if (clientId.startsWith(InstanceFleet.CLIENT_ID_PREFIX + i + "-")) {
        return i;
      }
    }
    return -1;
  }

  /** Records (committed offsets passed) per stage and instance so far. */
  synchronized Map<String, long[]> records() {
    sample();
    Map<String, long[]> copy = new LinkedHashMap<>();
    records.forEach((k, v) -> copy.put(k, v.clone()));
    return copy;
  }

  @Override
  public void close() {
    timer.shutdownNow();
    admin.close();
  }
}
