package io.jobstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.jobstream.ingest.http.AddressGuard;
import io.jobstream.ingest.http.PageFetcher;
import io.jobstream.ingest.jsonld.JsonLdExtractor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pages decoded by the WHATWG order, served by a loopback server: byte-order mark, then the
 * Content-Type charset, then the markup's meta prescan, then UTF-8.
 */
class TextDecodingTest {

  private static final String TITLE = "Analista de Datos Señor";
  private static final Charset LATIN1 = StandardCharsets.ISO_8859_1;

  private HttpServer server;
  private final Map<String, Page> pages = new ConcurrentHashMap<>();

  private record Page(String contentType, byte[] body) {}

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", e -> {
      try (e) {
        Page p = pages.get(e.getRequestURI().getPath());
        if (p.contentType() != null) {
          e.getResponseHeaders().set("Content-Type", p.contentType());
        }
        e.sendResponseHeaders(200, p.body().length);
        e.getResponseBody().write(p.body());
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String fetched(String contentType, byte[] body) throws Exception {
    String path = "/p" + pages.size();
    pages.put(path, new Page(contentType, body));
    PageFetcher fetcher = new PageFetcher(new AddressGuard(Set.of("127.0.0.1")), "jobstream-test", 1 << 20,
        Duration.ofSeconds(5));
    return fetcher.fetch(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path)).text();
  }

  private static byte[] page(String meta, Charset encoding) {
    return ("<html><head>" + meta + "<title>" + TITLE + "</title></head><body></body></html>").getBytes(encoding);
  }

  @Test
  void theHeaderCharsetWinsOverTheMarkup() throws Exception {
    String text = fetched("text/html; charset=iso-8859-1", page("<meta charset='utf-8'>", LATIN1));
    assertThat(text).contains(TITLE);
    // and the title a crawl takes from a JSON-LD posting in such a page
    byte[] jsonLd = ("<html><head><meta charset='utf-8'><script type=\"application/ld+json\">"
        + "{\"@type\":\"JobPosting\",\"title\":\"" + TITLE + "\",\"identifier\":\"7\",\"datePosted\":\"2026-07-01\"}</script></head></html>")
        .getBytes(LATIN1);
    String html = fetched("text/html; charset=ISO-8859-1", jsonLd);
    assertThat(new JsonLdExtractor().extract(URI.create("http://127.0.0.1/p"), html, Instant.now())
        .postings().get(0).title()).isEqualTo(TITLE);
  }

  @Test
  void theMetaPrescanDecidesWhenTheHeaderNamesNoCharset() throws Exception {
    assertThat(fetched("text/html", page("<meta charset=\"iso-8859-1\">", LATIN1))).contains(TITLE);
    assertThat(fetched("text/html", page(
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">", LATIN1))).contains(TITLE);
    assertThat(fetched(null, page("<META CHARSET=latin1>", LATIN1))).contains(TITLE);
    // a header label Java does not know is passed over, to the markup
    assertThat(fetched("text/html; charset=x-unknown", page("<meta charset=iso-8859-1>", LATIN1))).contains(TITLE);
    // a meta beyond the first 1024 bytes is not seen: UTF-8, as without one
    String padding = "<!--" + "x".repeat(1100) + "-->";
    assertThat(fetched("text/html", page(padding + "<meta charset=iso-8859-1>", LATIN1))).doesNotContain(TITLE);
  }

  @Test
  void aByteOrderMarkWinsOverEverything() throws Exception {
    ByteArrayOutputStream utf8 = new ByteArrayOutputStream();
    utf8.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    utf8.write(page("<meta charset=iso-8859-1>", StandardCharsets.UTF_8));
    String text = fetched("text/html; charset=iso-8859-1", utf8.toByteArray());
    assertThat(text).startsWith("<html>").contains(TITLE);

    ByteArrayOutputStream utf16 = new ByteArrayOutputStream();
    utf16.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
    utf16.write(page("", StandardCharsets.UTF_16LE));
    assertThat(fetched("text/html", utf16.toByteArray())).startsWith("<html>").contains(TITLE);
  }

  @Test
  void withoutAnyDeclarationTheBodyIsUtf8AndAnXmlDeclarationCounts() throws Exception {
    assertThat(fetched("text/html", page("", StandardCharsets.UTF_8))).contains(TITLE);
    byte[] xml = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><urlset><url><loc>http://x/" + TITLE
        + "</loc></url></urlset>").getBytes(LATIN1);
    assertThat(fetched("application/xml", xml)).contains(TITLE);
    // utf-16 named in the markup means UTF-8: the markup could not have been read otherwise
    assertThat(fetched("text/html", page("<meta charset=utf-16>", StandardCharsets.UTF_8))).contains(TITLE);
  }
}
