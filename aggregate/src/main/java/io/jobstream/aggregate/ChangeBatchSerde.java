package io.jobstream.aggregate;

import io.jobstream.model.JsonSerde;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The binary layout of a {@link ChangeBatch} on {@code changes-by-window} and
 * {@code changes-by-pair}: a format byte ({@value #FORMAT}), the earliest timestamp (8 bytes), the
 * number of entries (4 bytes), then per entry its net count (8 bytes), the tuple's length (4
 * bytes) and the tuple in UTF-8. A batch of a thousand entries is read without a parser.
 *
 * <p>Records written before batches (one {@link TupleDelta} as a JSON object, first byte
 * {@code '{'}) are read as a batch of that one change, so that changes in flight on these
 * topics when an application is upgraded are counted, not lost.
 */
final class ChangeBatchSerde implements Serde<ChangeBatch> {

  /** The layout's first byte. */
  static final byte FORMAT = 1;

  private static final JsonSerde<TupleDelta> OLD_LAYOUT = JsonSerde.of(TupleDelta.class);

  @Override
  public Serializer<ChangeBatch> serializer() {
    return (topic, batch) -> write(batch);
  }

  @Override
  public Deserializer<ChangeBatch> deserializer() {
    return (topic, bytes) -> read(bytes);
  }

  static byte[] write(ChangeBatch batch) {
    if (batch == null) {
      return null;
    }
    List<byte[]> tuples = new ArrayList<>(batch.changes().size());
    int size = 1 + 8 + 4;
    for (TupleDelta change : batch.changes()) {
      byte[] tuple = change.tuple().getBytes(StandardCharsets.UTF_8);
      tuples.add(tuple);
      size += 8 + 4 + tuple.length;
    }
    ByteBuffer out = ByteBuffer.allocate(size).put(FORMAT).putLong(batch.earliestTimestamp())
        .putInt(tuples.size());
    for (int i = 0; i < tuples.size(); i++) {
      out.putLong(batch.changes().get(i).delta()).putInt(tuples.get(i).length).put(tuples.get(i));
    }
    return out.array();
  }

  static ChangeBatch read(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    if (bytes.length > 0 && bytes[0] == '{') {
      return new ChangeBatch(List.of(OLD_LAYOUT.read(bytes)), Long.MAX_VALUE);
    }
    try {
      ByteBuffer in = ByteBuffer.wrap(bytes);
      byte format = in.get();
      if (format != FORMAT) {
        throw new SerializationException("cannot read a change batch: unknown format " + format);
      }
      long earliest = in.getLong();
      int n = in.getInt();
      if (n < 0 || n > in.remaining() / 12) {
        throw new SerializationException("cannot read a change batch: " + n + " entries in " + bytes.length + " bytes");
      }
      List<TupleDelta> changes = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        long delta = in.getLong();
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
          throw new SerializationException("cannot read a change batch: entry " + i + " is cut short");
        }
        changes.add(new TupleDelta(new String(bytes, in.position(), length, StandardCharsets.UTF_8), delta));
        in.position(in.position() + length);
      }
      return new ChangeBatch(changes, earliest);
    } catch (java.nio.BufferUnderflowException e) {
      throw new SerializationException("cannot read a change batch: " + bytes.length + " bytes are cut short", e);
    }
  }
}
