package io.jobstream.aggregate;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The key of a combined change not sent yet ({@link ChangeCombiner}'s store): the downstream task
 * key it is bound for and its tuple. Stored as the target's length (2 bytes), the target and the
 * tuple in UTF-8, so neither is parsed out of a joined string.
 */
record PendingChangeKey(String target, String tuple) {

  static final Serde<PendingChangeKey> SERDE = new Serde<>() {
    @Override
    public Serializer<PendingChangeKey> serializer() {
      return (topic, key) -> key == null ? null : write(key);
    }

    @Override
    public Deserializer<PendingChangeKey> deserializer() {
      return (topic, bytes) -> bytes == null ? null : read(bytes);
    }
  };

  static byte[] write(PendingChangeKey key) {
    byte[] target = key.target.getBytes(StandardCharsets.UTF_8);
    byte[] tuple = key.tuple.getBytes(StandardCharsets.UTF_8);
    if (target.length > Short.MAX_VALUE) {
      throw new SerializationException("a task key of " + target.length + " bytes is too long");
    }
    return ByteBuffer.allocate(2 + target.length + tuple.length)
        .putShort((short) target.length).put(target).put(tuple).array();
  }

  static PendingChangeKey read(byte[] bytes) {
    int length = ((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff);
    if (length > bytes.length - 2) {
      throw new SerializationException("cannot read a pending change key: target of " + length + " bytes in "
          + bytes.length);
    }
    return new PendingChangeKey(new String(bytes, 2, length, StandardCharsets.UTF_8),
        new String(bytes, 2 + length, bytes.length - 2 - length, StandardCharsets.UTF_8));
  }
}
