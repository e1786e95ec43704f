package io.jobstream.ingest.jsonld;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.jobstream.model.JsonSerde;
import io.jobstream.model.Location;
import io.jobstream.model.RawPosting;
import io.jobstream.model.SalaryGiven;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds schema.org {@code JobPosting} objects in the JSON-LD blocks of an HTML page, or (when the
 * page has none there) in its microdata ({@code itemscope itemtype=".../JobPosting"}), and maps
 * each to a {@link RawPosting}, keeping what the page said.
 *
 * <p>Handles a posting at the top level, arrays of postings, {@code @graph} arrays and
 * {@code @type} lists. A block that is not valid JSON, and a posting without a title, are
 * reported as problems; the rest of the page is still read.
 */
public final class JsonLdExtractor {

  public static final String SOURCE = "jsonld";

  private static final ObjectMapper LENIENT = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
      .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
      .build();

  /** Extracts the postings of an already fetched page. */
  public Extraction extract(URI pageUri, String html, Instant fetchedAt) {
    Document document = Jsoup.parse(html, pageUri.toString());
    List<RawPosting> postings = new ArrayList<>();
    List<Extraction.Problem> problems = new ArrayList<>();
    for (Element script : document.select("script[type=application/ld+json]")) {
      String json = script.data();
      JsonNode root;
      try {
        root = LENIENT.readTree(json);
      } catch (JsonProcessingException e) {
        problems.add(new Extraction.Problem("bad_jsonld",
            "JSON-LD block is not valid JSON: " + e.getOriginalMessage(), json));
        continue;
      }
      collect(root, pageUri, fetchedAt, postings, problems);
    }
    if (postings.isEmpty()) {
      // microdata: <div itemscope itemtype="https://schema.org/JobPosting"> ... itemprop="title"
      for (Element item : document.select("[itemscope][itemtype]")) {
        if (isJobPostingType(item.attr("itemtype")) && !item.parents().is("[itemscope]")) {
          collect(microdata(item), pageUri, fetchedAt, postings, problems);
        }
      }
    }
    return new Extraction(postings, problems);
  }

  private static boolean isJobPostingType(String itemtype) {
    for (String t : itemtype.trim().split("\\s+")) {
      if (t.endsWith("/JobPosting")) {
        return true;
      }
    }
    return false;
  }

  /** A microdata item as the JSON-LD object it stands for (nested items become objects). */
  private static ObjectNode microdata(Element item) {
    ObjectNode node = JsonSerde.MAPPER.createObjectNode();
    String type = item.attr("itemtype").trim();
    node.put("@type", type.substring(type.lastIndexOf('/') + 1));
    addProperties(item, node);
    return node;
  }

  private static void addProperties(Element scope, ObjectNode node) {
    for (Element child : scope.children()) {
      if (child.hasAttr("itemprop")) {
        JsonNode value = child.hasAttr("itemscope") ? microdata(child) : TextNode.valueOf(microdataValue(child));
        for (String name : child.attr("itemprop").trim().split("\\s+")) {
          if (!node.has(name)) {
            node.set(name, value);
          }
        }
      }
      if (!child.hasAttr("itemscope")) {
        addProperties(child, node); // properties below a plain element still belong to this item
      }
    }
  }

  private static String microdataValue(Element e) {
    return switch (e.tagName()) {
      case "meta" -> e.attr("content");
      case "a", "link", "area" -> e.absUrl("href");
      case "img", "audio", "video", "source" -> e.absUrl("src");
      case "time" -> e.hasAttr("datetime") ? e.attr("datetime") : e.text();
      case "data", "meter" -> e.attr("value");
      default -> e.attr("itemprop").contains("description") ? e.html() : e.text();
    };
  }

  private void collect(JsonNode node, URI pageUri, Instant fetchedAt, List<RawPosting> postings,
      List<Extraction.Problem> problems) {
    if (node == null) {
      return;
    }
    if (node.isArray()) {
      node.forEach(child -> collect(child, pageUri, fetchedAt, postings, problems));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    if (node.has("@graph")) {
      collect(node.get("@graph"), pageUri, fetchedAt, postings, problems);
    }
    if (isJobPosting(node.get("@type"))) {
      String title = text(node.get("title"));
      if (title == null || title.isBlank()) {
        problems.add(new Extraction.Problem("no_title", "JobPosting without a title on " + pageUri,
            node.toString()));
      } else {
        postings.add(toPosting(node, title.strip(), pageUri, fetchedAt));
      }
    }
  }

  private static boolean isJobPosting(JsonNode type) {
    if (type == null) {
      return false;
    }
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (isJobPosting(t)) {
          return true;
        }
      }
      return false;
    }
    String value = type.asText();
    return value.equals("JobPosting") || value.endsWith("/JobPosting");
  }

  private RawPosting toPosting(JsonNode node, String title, URI pageUri, Instant fetchedAt) {
    String identifier = identifier(node.get("identifier"));
    String url = text(node.get("url"));
    String postingUrl = url != null ? pageUri.resolve(url).toString() : pageUri.toString();
    String host = pageUri.getHost() == null ? "" : pageUri.getHost().toLowerCase(Locale.ROOT);
    String stableId = SOURCE + ":" + host + ":" + (identifier != null ? identifier : pathOf(postingUrl));
    String descriptionHtml = text(node.get("description"));
    String description = descriptionHtml == null ? null : HtmlText.of(descriptionHtml);
    RawPosting posting = new RawPosting(
        RawPosting.SCHEMA_VERSION,
        SOURCE,
        identifier,
        stableId,
        postingUrl,
        title,
        organization(node.get("hiringOrganization")),
        location(node.get("jobLocation")),
        remote(node),
        joined(node.get("employmentType")),
        date(text(node.get("datePosted"))),
        date(text(node.get("validThrough"))),
        description,
        descriptionHtml,
        salary(node.get("baseSalary")),
        fetchedAt,
        null);
    return withFingerprint(posting);
  }

  /**
   * Returns the posting with its fingerprint: a 128-bit MurmurHash3 over the content fields (title, company,
   * location, dates, description text, pay, ids), so that a re-crawl of an unchanged posting has
   * the same fingerprint whatever the fetch time. The description's HTML is not hashed: its text
   * is, and markup-only edits should not count as changes.
   */
  public static RawPosting withFingerprint(RawPosting p) {
    Murmur3 digest = new Murmur3();
    Object[] fields = {p.schemaVersion(), p.source(), p.sourceId(), p.postingId(), p.url(), p.title(),
        p.company(), p.location(), p.remote(), p.employmentType(), p.datePosted(), p.validThrough(),
        p.description(), p.salary()};
    for (Object field : fields) {
      digest.update(String.valueOf(field).getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
    }
    String fingerprint = digest.hex();
    return new RawPosting(p.schemaVersion(), p.source(), p.sourceId(), p.postingId(), p.url(),
        p.title(), p.company(), p.location(), p.remote(), p.employmentType(), p.datePosted(),
        p.validThrough(), p.description(), p.descriptionHtml(), p.salary(), p.fetchedAt(),
        fingerprint);
  }

  private static String pathOf(String url) {
    URI uri = URI.create(url);
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
  }

  private static String identifier(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isObject()) {
      return text(node.get("value"));
    }
    return text(node);
  }

  private static String organization(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    return node.isObject() ? text(node.get("name")) : text(node);
  }

  private static Location location(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    JsonNode first = node.isArray() ? node.get(0) : node;
    if (first == null) {
      return null;
    }
    JsonNode address = first.has("address") ? first.get("address") : first;
    if (address.isTextual()) {
      return Location.ofText(address.asText());
    }
    String city = text(address.get("addressLocality"));
    String region = text(address.get("addressRegion"));
    JsonNode countryNode = address.get("addressCountry");
    String country = countryNode != null && countryNode.isObject()
        ? text(countryNode.get("name")) : text(countryNode);
    String countryCode = Countries.toIsoCode(country);
    List<String> parts = new ArrayList<>();
    for (String part : new String[] {city, region, country}) {
      if (part != null && !part.isBlank()) {
        parts.add(part);
      }
    }
    return new Location(city, region, countryCode, parts.isEmpty() ? null : String.join(", ", parts));
  }

  private static Boolean remote(JsonNode node) {
    String type = joined(node.get("jobLocationType"));
    if (type != null && type.toUpperCase(Locale.ROOT).contains("TELECOMMUTE")) {
      return Boolean.TRUE;
    }
    return node.has("jobLocation") ? Boolean.FALSE : null;
  }

  private static SalaryGiven salary(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isTextual() || node.isNumber()) {
      return new SalaryGiven(null, null, null, null, null, node.asText());
    }
    String currency = text(node.get("currency"));
    JsonNode value = node.get("value");
    if (value == null) {
      return new SalaryGiven(currency, null, null, null, null, node.toString());
    }
    if (!value.isObject()) {
      return new SalaryGiven(currency, number(value), null, null, text(node.get("unitText")), null);
    }
    String unit = text(value.get("unitText"));
    if (unit == null) {
      unit = text(node.get("unitText"));
    }
    return new SalaryGiven(currency, number(value.get("value")), number(value.get("minValue")),
        number(value.get("maxValue")), unit, null);
  }

  private static BigDecimal number(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    String s = node.asText().replace(",", "").trim();
    try {
      return s.isEmpty() ? null : new BigDecimal(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static LocalDate date(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.trim();
    try {
      if (t.length() > 10) {
        return OffsetDateTime.parse(t).toLocalDate();
      }
      return LocalDate.parse(t);
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(t.substring(0, Math.min(10, t.length())));
      } catch (DateTimeParseException again) {
        return null;
      }
    }
  }

  private static String joined(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isArray()) {
      List<String> parts = new ArrayList<>();
      node.forEach(n -> parts.add(n.asText()));
      return String.join(",", parts);
    }
    return node.asText();
  }

  private static String text(JsonNode node) {
    if (node == null || node.isNull() || node.isContainerNode()) {
      return null;
    }
    String s = node.asText();
    return s.isEmpty() ? null : s;
  }

}
