package io.jobstream.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the stream threads of an app in this JVM spend their time, by stage: a Java Flight
 * Recorder recording of execution samples (every 10 ms of each running thread) while it runs,
 * each sample of a thread named {@code *StreamThread*} credited to what its innermost known frame
 * belongs to ({@link #stageOf}). Shares are of the samples of stream threads.
 */
final class StageProfile implements AutoCloseable {

  /** The stages and the other things a stream thread does, in the order they are reported. */
  static final List<String> STAGES = List.of("classify", "clusters", "windows and divergence",
      "JSON (de)serialization", "state stores", "writing records", "reading records", "commits", "other");

  private final Recording recording = new Recording();

  StageProfile() {
    recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
    recording.setToDisk(true);
    recording.start();
  }

  /**
   * Stops the recording and returns each stage's share of the stream threads' samples (stages
   * without samples at 0), and under {@code "samples"} their number.
   */
  Map<String, Double> shares() throws IOException {
    recording.stop();
    Path file = Files.createTempFile("jobstream-stages-", ".jfr");
    try {
      recording.dump(file);
      Map<String, Long> counts = new LinkedHashMap<>();
      STAGES.forEach(s -> counts.put(s, 0L));
      long total = 0;
      for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
        if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
          continue;
        }
        var thread = event.getThread("sampledThread");
        if (thread == null || thread.getJavaName() == null || !thread.getJavaName().contains("StreamThread")) {
          continue;
        }
        List<String> frames = new ArrayList<>();
        for (RecordedFrame frame : event.getStackTrace().getFrames()) {
          frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
        }
        counts.merge(stageOf(frames), 1L, Long::sum);
        total++;
      }
      Map<String, Double> shares = new LinkedHashMap<>();
      for (Map.Entry<String, Long> e : counts.entrySet()) {
        shares.put(e.getKey(), total == 0 ? 0 : (double) e.getValue() / total);
      }
      shares.put("samples", (double) total);
      return shares;
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /**
   * What a sample belongs to, from its frames ({@code class.method}, innermost first): the first
   * frame that belongs to a stage's code or to one of the things every stage does (serdes, stores,
   * the producer, the consumer, transactions) decides; a stage's own work is what runs inside its
   * processors, and what a processor asks of a store or a serde is counted as such.
   */
  static String stageOf(List<String> frames) {
    for (String frame : frames) {
      String kind = kindOf(frame);
      if (kind != null) {
        return kind;
      }
    }
    return "other";
  }

  private static String kindOf(String frame) {
    if (frame.startsWith("com.fasterxml.jackson.")) {
      return "JSON (de)serialization";
    }
    if (frame.startsWith("org.rocksdb.") || frame.startsWith("org.apache.kafka.streams.state.")) {
      return "state stores";
    }
    if (frame.startsWith("org.apache.kafka.") && (frame.contains("TransactionManager")
        || frame.endsWith(".commit") || frame.endsWith(".commitTransaction") || frame.contains(".commitOffsets"))) {
      return "commits";
    }
    if (frame.startsWith("org.apache.kafka.clients.producer.")
        || frame.startsWith("org.apache.kafka.streams.processor.internals.RecordCollectorImpl.")) {
      return "writing records";
    }
    if (frame.startsWith("org.apache.kafka.clients.consumer.")) {
      return "reading records";
    }
    if (frame.startsWith("io.jobstream.classify.")) {
      return "classify";
    }
    if (!frame.startsWith("io.jobstream.aggregate.")) {
      return null;
    }
    String type = frame.substring(0, frame.lastIndexOf('.'));
    String name = type.substring(type.lastIndexOf('.') + 1);
    if (type.startsWith("io.jobstream.aggregate.dedup.")) {
      return null; // copy traits are made by the classify stage and compared by the cluster stage
    }
    if (name.startsWith("Cluster") || name.startsWith("PostingCluster") || name.startsWith("CopyBlock")
        || name.startsWith("MemberChange") || name.startsWith("WindowFanOut") || name.startsWith("WindowBlocks")) {
      return "clusters";
    }
    if (name.startsWith("Classify") || name.startsWith("PostingClassifier") || name.startsWith("PostingVersion")
        || name.startsWith("PostingPlacement") || name.startsWith("VersionOrder")) {
      return "classify";
    }
    if (type.startsWith("io.jobstream.aggregate.window.") || type.startsWith("io.jobstream.aggregate.stats.")
        || name.startsWith("ChangedWindows") || name.startsWith("StatsProcessor") || name.startsWith("Divergence")
        || name.startsWith("PayDistribution") || name.startsWith("Horizon") || name.startsWith("EmissionPacer")
        || name.startsWith("PostingTuple") || name.startsWith("TupleDelta") || name.startsWith("Cell")
        || name.startsWith("BlockPartitioner") || name.startsWith("WindowSpec") || name.startsWith("ChangeCombiner")
        || name.startsWith("CombinedChanges") || name.startsWith("ChangeBatch") || name.startsWith("PendingChangeKey")) {
      return "windows and divergence";
    }
    return null; // the runner, metrics and the query API: what encloses them decides
  }

  @Override
  public void close() {
    recording.close();
  }
}
