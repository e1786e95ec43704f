package io.jobstream.app;

import io.jobstream.aggregate.config.JobstreamConfig;
import io.jobstream.model.Topic;
import io.jobstream.model.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the pipeline's topics that are missing, with their partitions and configs. */
public final class TopicSetup {

  private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);

  private TopicSetup() {}

  /** As {@link #ensureTopics(Properties, int)} with the default partition count. */
  public static void ensureTopics(Properties clientProps) throws Exception {
    ensureTopics(clientProps, Topics.PARTITIONS);
  }

  /** The partition count of {@code jobstream.partitions} in {@code settings}; a bad value is a usage error. */
  public static int partitions(KafkaSettings settings) {
    return JobstreamConfig.from(settings.own()).getInt(JobstreamConfig.PARTITIONS_CONFIG);
  }

  /**
   * Creates every topic of {@link Topics#ALL} that does not exist yet, with {@code partitions}
   * partitions; existing topics are left as they are, with a warning when they have fewer (their
   * stages can then spread over fewer tasks). Replication factor is the cluster's default.
   */
  public static void ensureTopics(Properties clientProps, int partitions) throws Exception {
    try (Admin admin = Admin.create(clientProps)) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      List<String> present = new ArrayList<>();
      for (Topic<String, ?> topic : Topics.ALL) {
        if (!existing.contains(topic.name())) {
          missing.add(new NewTopic(topic.name(), java.util.Optional.of(partitions),
              java.util.Optional.empty()).configs(topic.configs()));
        } else {
          present.add(topic.name());
        }
      }
      if (!present.isEmpty()) {
        admin.describeTopics(present).allTopicNames().get(30, TimeUnit.SECONDS).forEach((name, d) -> {
          if (d.partitions().size() < partitions) {
            LOG.warn("topic {} has {} partitions, fewer than {} ({}): its stages spread over at most {} tasks;"
                + " it is left as it is", name, d.partitions().size(), partitions, JobstreamConfig.PARTITIONS_CONFIG,
                d.partitions().size());
          }
        });
      }
      if (missing.isEmpty()) {
        return;
      }
      try {
        admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        LOG.info("created topics {}", missing.stream().map(NewTopic::name).toList());
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      } catch (TimeoutException e) {
        throw new IllegalStateException("timed out creating topics on " + clientProps.get("bootstrap.servers"), e);
      }
    }
  }
}
