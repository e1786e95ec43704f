package io.jobstream.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON Schema files in {@code model/src/main/resources/schemas} describe the records the
 * topics carry: every record component is a schema property and back, and real serialized
 * values validate against the schema (type, required, nested properties, array items).
 */
class SchemaFilesTest {

  static List<Arguments> topics() {
    Instant at = Instant.parse("2024-04-20T10:00:00Z");
    LocalDate day = LocalDate.parse("2024-04-10");
    Pay pay = new Pay("USD", "year", 1, 2, 1, 2, "USD", 1.0, 2.0, "biweek");
    return List.of(
        Arguments.of("raw-posting", RawPosting.class, new RawPosting(1, "jsonld", "1", "p", "http://x", "T",
            "C", new Location("a", "b", "US", "a, b"), true, "FULL_TIME", day, day, "d", "<p>d</p>",
            new SalaryGiven("USD", BigDecimal.ONE, BigDecimal.ONE, BigDecimal.TEN, "YEAR", "t"), at, "f")),
        Arguments.of("classified-posting", ClassifiedPosting.class, new ClassifiedPosting(1, "p", "jsonld",
            "http://x", "T", "C", "US", false, "data_scientist", "mid", "data_scientist#1", "15-2051.00",
            0.9, "rule", pay, null, List.of("Python"), "balanced", 0.0, 0.1, "k", day, "datePosted", at,
            List.of(new EmphasisEvidence("ml", "train models", 3.0, "role")))),
        Arguments.of("classified-posting", ClassifiedPosting.class, new ClassifiedPosting(1, "p", "jsonld",
            "http://x", "T", "C", "US", false, "data_scientist", "mid", "data_scientist#1", "15-2051.00",
            0.9, "rule", pay, null, List.of("Python"), "neither", 0.0, 0.1, "k", day, "datePosted", at)),
        Arguments.of("crawl-state-entry", CrawlStateEntry.class, CrawlStateEntry.posting("p", "f", at)),
        Arguments.of("crawl-state-entry", CrawlStateEntry.class, CrawlStateEntry.validators("http://x", "\"e\"", null, at)),
        Arguments.of("crawl-state-entry", CrawlStateEntry.class, CrawlStateEntry.sharedIdentifiers("x.example", at)),
        Arguments.of("dead-letter", DeadLetter.class, DeadLetter.of("stream", "not_json", "d", "o", "k", "x")),
        Arguments.of("salary-stats", SalaryStats.class, new SalaryStats(1, "data_scientist", "all", "all",
            "all", "30d/1d", day, day.plusDays(30), 3, 2, 0, "USD", 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0,
            1.0, 0.0, 1.0, 1.0, 0.5, new SalaryStats.EmphasisShares(2, 0.5, 0.5, 0), 0.1, at)),
        Arguments.of("salary-divergence", SalaryDivergence.class, new SalaryDivergence(1, "ml_engineer",
            "data_scientist", "year", day, day.plusYears(1), "all", "all", 40, 50, 2, 1, 1, 2.0, 0.5,
            1.5, 0.01, true, 0.05, "USD", "m", new SalaryDivergence.Trend(day, 1, 0, -1, 1,
                "no_clear_change"), at)),
        Arguments.of("salary-divergence", SalaryDivergence.class, new SalaryDivergence(1, "ml_engineer",
            "data_scientist", "year", day, day.plusYears(1), "all", "all", 40, 50, 2, 1, 1, 2.0, 0.5,
            1.5, 0.01, true, 0.05, "USD", "m", null, at, 0.8, 0.1, 1.5, 0.9,
            List.of(new SalaryDivergence.AdjustedCell("senior", "US", 30, 31, 2, 1, 1, 0.6),
                new SalaryDivergence.AdjustedCell("mid", "other", 30, 30, 1.5, 1, 0.5, 0.4)))));
  }

  @org.junit.jupiter.api.Test
  void theAdjustedCellsAreDescribedAndARecordWrittenBeforeTheAdjustedGapStillReads() throws IOException {
    assertSameFields(schema("salary-divergence").path("properties").path("adjustedCells").path("items"),
        SalaryDivergence.AdjustedCell.class, "salary-divergence.adjustedCells");
    // a value as written before the adjusted fields existed
    String old = "{\"schemaVersion\":1,\"a\":\"ml_engineer\",\"b\":\"data_scientist\",\"window\":\"year\","
        + "\"windowStart\":\"2024-01-01\",\"windowEnd\":\"2025-01-01\",\"seniority\":\"all\",\"country\":\"all\","
        + "\"nA\":40,\"nB\":50,\"medianA\":2.0,\"medianB\":1.0,\"gap\":1.0,\"ratio\":2.0,\"ciLow\":0.5,"
        + "\"ciHigh\":1.5,\"pValue\":0.01,\"significant\":true,\"alpha\":0.05,\"currency\":\"USD\","
        + "\"method\":\"m\",\"trend\":null,\"updatedAt\":\"2024-04-20T10:00:00Z\"}";
    SalaryDivergence d = JsonSerde.MAPPER.readValue(old, SalaryDivergence.class);
    assertThat(d.gap()).isEqualTo(1.0);
    assertThat(d.adjustedGap()).isNull();
    assertThat(d.adjustedCells()).isNull();
  }

  private static JsonNode schema(String name) throws IOException {
    try (InputStream in = SchemaFilesTest.class.getResourceAsStream("/schemas/" + name + ".schema.json")) {
      return JsonSerde.MAPPER.readTree(in);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topics")
  void schemaDescribesTheRecordAndRealValuesValidate(String name, Class<?> type, Object sample) throws IOException {
    JsonNode schema = schema(name);
    assertSameFields(schema, type, name);
    JsonNode value = JsonSerde.MAPPER.readTree(JsonSerde.MAPPER.writeValueAsBytes(sample));
    List<String> errors = new ArrayList<>();
    validate(schema, value, "$", errors);
    assertThat(errors).as(name).isEmpty();
  }

  private static void assertSameFields(JsonNode schema, Class<?> type, String where) {
    Set<String> components = new HashSet<>();
    for (RecordComponent c : type.getRecordComponents()) {
      components.add(c.getName());
      JsonNode property = schema.path("properties").path(c.getName());
      if (c.getType().isRecord()) {
        assertSameFields(property, c.getType(), where + "." + c.getName());
      }
    }
    Set<String> properties = new HashSet<>();
    schema.path("properties").fieldNames().forEachRemaining(properties::add);
    assertThat(properties).as(where).isEqualTo(components);
  }

  /** A validator for the part of JSON Schema the files use. */
  private static void validate(JsonNode schema, JsonNode value, String path, List<String> errors) {
    JsonNode type = schema.get("type");
    if (type != null) {
      List<String> allowed = new ArrayList<>();
      if (type.isArray()) {
        type.forEach(t -> allowed.add(t.asText()));
      } else {
        allowed.add(type.asText());
      }
      if (!allowed.contains(typeOf(value))
          && !(typeOf(value).equals("integer") && allowed.contains("number"))) {
        errors.add(path + ": " + typeOf(value) + " is not " + allowed);
        return;
      }
    }
    if (value.isObject()) {
      for (JsonNode required : schema.path("required")) {
        if (!value.has(required.asText())) {
          errors.add(path + ": missing " + required.asText());
        }
      }
      Iterator<String> names = value.fieldNames();
      while (names.hasNext()) {
        String field = names.next();
        JsonNode sub = schema.path("properties").get(field);
        if (sub == null) {
          errors.add(path + "." + field + ": not in the schema");
        } else {
          validate(sub, value.get(field), path + "." + field, errors);
        }
      }
    }
    if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        validate(schema.get("items"), value.get(i), path + "[" + i + "]", errors);
      }
    }
  }

  private static String typeOf(JsonNode v) {
    if (v.isNull()) {
      return "null";
    }
    if (v.isIntegralNumber()) {
      return "integer";
    }
    if (v.isNumber()) {
      return "number";
    }
    if (v.isBoolean()) {
      return "boolean";
    }
    if (v.isTextual()) {
      return "string";
    }
    return v.isArray() ? "array" : "object";
  }
}
