package io.jobstream.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a stream thread's sample is credited to, from its frames, innermost first. */
class StageProfileTest {

  private static final String PROCESS = "org.apache.kafka.streams.processor.internals.ProcessorNode.process";
  private static final String RUN = "org.apache.kafka.streams.processor.internals.StreamThread.run";

  @Test
  void theInnermostKnownFrameDecides() {
    assertThat(StageProfile.stageOf(List.of("io.jobstream.classify.text.TokenSpans.of",
        "io.jobstream.aggregate.ClassifyProcessor.process", PROCESS, RUN))).isEqualTo("classify");
    assertThat(StageProfile.stageOf(List.of("java.util.HashMap.get",
        "io.jobstream.aggregate.ClusterProcessor.process", PROCESS, RUN))).isEqualTo("clusters");
    assertThat(StageProfile.stageOf(List.of("io.jobstream.aggregate.window.SlidingWindows.add",
        "io.jobstream.aggregate.ChangedWindowsProcessor.process", PROCESS, RUN))).isEqualTo("windows and divergence");
    assertThat(StageProfile.stageOf(List.of("io.jobstream.aggregate.DivergenceProcessor.emit", PROCESS, RUN)))
        .isEqualTo("windows and divergence");
    // the copy rule's code belongs to the stage that calls it: traits made in classify, compared in clusters
    assertThat(StageProfile.stageOf(List.of("io.jobstream.aggregate.dedup.MinHash.signature",
        "io.jobstream.aggregate.dedup.CopyFeatures.traits", "io.jobstream.aggregate.PostingClassifier.classify",
        "io.jobstream.aggregate.ClassifyProcessor.process", PROCESS, RUN))).isEqualTo("classify");
    assertThat(StageProfile.stageOf(List.of("io.jobstream.aggregate.dedup.MinHash.similarity",
        "io.jobstream.aggregate.dedup.CopyRule.match", "io.jobstream.aggregate.ClusterProcessor.decide",
        PROCESS, RUN))).isEqualTo("clusters");
  }

  @Test
  void whatAProcessorAsksOfStoresSerdesAndTheProducerIsCountedAsSuch() {
    assertThat(StageProfile.stageOf(List.of("org.rocksdb.RocksDB.get",
        "org.apache.kafka.streams.state.internals.RocksDBStore.get",
        "io.jobstream.aggregate.ClusterProcessor.process", PROCESS, RUN))).isEqualTo("state stores");
    assertThat(StageProfile.stageOf(List.of("com.fasterxml.jackson.databind.ObjectMapper.readValue",
        "io.jobstream.model.JsonSerde.deserialize", PROCESS, RUN))).isEqualTo("JSON (de)serialization");
    assertThat(StageProfile.stageOf(List.of("org.apache.kafka.clients.producer.KafkaProducer.send",
        "org.apache.kafka.streams.processor.internals.RecordCollectorImpl.send",
        "org.apache.kafka.streams.state.internals.ChangeLoggingKeyValueBytesStore.put",
        "io.jobstream.aggregate.ChangedWindowsProcessor.process", PROCESS, RUN))).isEqualTo("writing records");
    assertThat(StageProfile.stageOf(List.of("org.apache.kafka.clients.consumer.internals.FetchCollector.collectFetch",
        "org.apache.kafka.clients.consumer.KafkaConsumer.poll", RUN))).isEqualTo("reading records");
    assertThat(StageProfile.stageOf(List.of("org.apache.kafka.clients.producer.internals.TransactionManager.beginCommit",
        "org.apache.kafka.clients.producer.KafkaProducer.commitTransaction", RUN))).isEqualTo("commits");
  }

  @Test
  void aMethodNamedCommitOutsideKafkaIsNoCommitAndUnknownFramesAreOther() {
    assertThat(StageProfile.stageOf(List.of("io.jobstream.classify.emphasis.EmphasisScorer$Reader.commit",
        "io.jobstream.aggregate.ClassifyProcessor.process", PROCESS, RUN))).isEqualTo("classify");
    assertThat(StageProfile.stageOf(List.of("java.lang.Thread.sleep", RUN))).isEqualTo("other");
    // the runner and the metrics: what encloses them decides
    assertThat(StageProfile.stageOf(List.of("io.jobstream.aggregate.StreamMetrics.counted",
        "io.jobstream.aggregate.ClusterProcessor.process", PROCESS, RUN))).isEqualTo("clusters");
  }
}
