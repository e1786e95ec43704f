package io.jobstream.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The one JSON serde of the project: a Jackson mapping of a record type, with any failure turned
 * into a {@link SerializationException} that names the type.
 *
 * <p>Unknown fields are ignored on read so that consumers keep working when producers add fields
 * (the topic contract allows additions within a schema version). Dates are written as ISO-8601
 * strings. A {@code null} value (a tombstone) maps to {@code null} both ways.
 */
public final class JsonSerde<T> implements Serde<T> {

  /** Shared, thread-safe mapper configured for the topic contract. */
  public static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

  private final Class<T> type;

  public JsonSerde(Class<T> type) {
    this.type = type;
  }

  public static <T> JsonSerde<T> of(Class<T> type) {
    return new JsonSerde<>(type);
  }

  public Class<T> type() {
    return type;
  }

  /** Reads one value, throwing {@link SerializationException} with the type name on failure. */
  public T read(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    try {
      return MAPPER.readValue(bytes, type);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "cannot read " + type.getSimpleName() + " from JSON: " + e.getMessage(), e);
    }
  }

  /** Writes one value, throwing {@link SerializationException} with the type name on failure. */
  public byte[] write(T value) {
    if (value == null) {
      return null;
    }
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "cannot write " + type.getSimpleName() + " as JSON: " + e.getMessage(), e);
    }
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> write(value);
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> read(bytes);
  }
}
