package io.jobstream.ingest.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobstream.model.JsonSerde;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckReportTest {

  private static final CatalogEntry ACME = CatalogParser.parse("x", "x.txt", "greenhouse:acme  Acme Analytics").get(0);

  @Test
  void anAnswerIsOkWithItsPostingsCountedOrBlockedOrUnexpected() {
    assertThat(BoardChecker.answered(ACME, "u", "{\"jobs\":[{},{}],\"meta\":{}}", 5))
        .satisfies(c -> {
          assertThat(c.outcome()).isEqualTo("ok");
          assertThat(c.postings()).isEqualTo(2);
        });
    assertThat(BoardChecker.answered(ACME, "u", "[{},{},{}]", 5).postings()).isEqualTo(3);
    assertThat(BoardChecker.answered(ACME, "u", "{\"meta\":{\"total\":0},\"offers\":[]}", 5).postings()).isZero();
    assertThat(BoardChecker.answered(ACME, "u", "<!doctype html><title>captcha</title>", 5).outcome())
        .isEqualTo("blocked");
    assertThat(BoardChecker.answered(ACME, "u", "{\"error\":\"moved\"}", 5).outcome()).isEqualTo("unexpected");
    assertThat(BoardChecker.answered(ACME, "u", "{\"jobs\":[", 5).outcome()).isEqualTo("unexpected");
  }

  @Test
  void theTableListsEachBoardAndCountsOutcomesAndTheJsonSaysTheSame() throws Exception {
    List<BoardCheck> checks = List.of(
        new BoardCheck(ACME, "http://h/v1/boards/acme/jobs", "ok", 200, 12, "", 40),
        new BoardCheck(ACME, "http://h/v1/boards/acme/jobs", "gone", 404, -1, "http_status: HTTP 404 from h", 9),
        new BoardCheck(ACME, "http://h/v1/boards/acme/jobs", "gone", 404, -1, "http_status: HTTP 404 from h", 9));
    String table = CheckReport.table(checks);
    assertThat(table.lines().findFirst().orElseThrow()).startsWith("CATALOG").contains("OUTCOME", "POSTINGS");
    assertThat(table).contains("greenhouse:acme", "Acme Analytics", "12").endsWith("3 boards: 1 ok, 2 gone\n");
    JsonNode json = JsonSerde.MAPPER.readTree(CheckReport.json(checks));
    assertThat(json.get("boards")).hasSize(3);
    assertThat(json.get("boards").get(0).get("postings").asInt()).isEqualTo(12);
    assertThat(json.get("boards").get(1).get("postings").isNull()).isTrue();
    assertThat(json.get("counts").get("gone").asInt()).isEqualTo(2);
    assertThat(json.get("counts").get("blocked").asInt()).isZero();
  }
}
