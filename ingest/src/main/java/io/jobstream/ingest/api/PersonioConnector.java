package io.jobstream.ingest.api;

import io.jobstream.model.Location;
import io.jobstream.model.RawPosting;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Personio's public XML feed of open positions, {@code personio:COMPANY} for
 * {@code https://COMPANY.jobs.personio.de/xml} (a target with a dot is the feed's host, for
 * {@code COMPANY.jobs.personio.com}). One answer holds every position with its description sections
 * (HTML), office, employment type, schedule and creation time. The feed has no pay fields.
 *
 * <p>One request per company; the fetcher's pause between requests to one host applies. A position
 * without an id is a dead letter ({@code api_error}), one without a name too ({@code no_title}).
 */
final class PersonioConnector implements ApiConnector {

  @Override
  public String type() {
    return "personio";
  }

  @Override
  public String defaultBaseUrl() {
    return "https://{company}.jobs.personio.de";
  }

  @Override
  public String targetName() {
    return "COMPANY";
  }

  @Override
  public boolean validTarget(String target) {
    return TargetHosts.valid(target);
  }

  @Override
  public String firstUrl(ApiContext context, String company) {
    return TargetHosts.base(context, this, company) + "/xml";
  }

  @Override
  public int read(ApiContext context, String company) throws InterruptedException {
    String url = firstUrl(context, company);
    Document feed = XmlFeeds.fetch(context, url);
    if (feed == null) {
      return 0;
    }
    Element root = feed.getDocumentElement();
    if (!"workzag-jobs".equals(root.getLocalName()) && !"positions".equals(root.getLocalName())) {
      context.reject("api_error", "personio feed has no <workzag-jobs> root but <" + root.getTagName() + ">", url,
          null, XmlFeeds.xml(root));
      return 0;
    }
    String base = TargetHosts.base(context, this, company);
    Instant now = context.now();
    int published = 0;
    for (Element position : XmlFeeds.children(root, "position")) {
      String id = XmlFeeds.text(position, "id");
      if (id == null) {
        context.reject("api_error", "personio position without an id", url, null, XmlFeeds.xml(position));
        continue;
      }
      RawPosting posting;
      try {
        posting = posting(company, base, id, position, now);
      } catch (RuntimeException e) {
        context.reject("api_error", "cannot map posting: " + e.getMessage(), url, "personio:" + company + ":" + id,
            XmlFeeds.xml(position));
        continue;
      }
      if (context.publish(posting, url, XmlFeeds.rawIfUntitled(posting, position))) {
        published++;
      }
    }
    return published;
  }

  static RawPosting posting(String company, String base, String id, Element p, Instant now) {
    StringBuilder html = new StringBuilder();
    for (Element section : XmlFeeds.descendants(p, "jobDescription")) {
      String value = XmlFeeds.text(section, "value");
      if (value == null) {
        continue;
      }
      String name = XmlFeeds.text(section, "name");
      if (name != null) {
        html.append("<h3>").append(Entities.escape(name)).append("</h3>");
      }
      html.append(value);
    }
    List<String> offices = new ArrayList<>();
    if (XmlFeeds.text(p, "office") != null) {
      offices.add(XmlFeeds.text(p, "office"));
    }
    for (Element office : XmlFeeds.children(XmlFeeds.child(p, "additionalOffices"), "office")) {
      String o = office.getTextContent().trim();
      if (!o.isEmpty() && !offices.contains(o)) {
        offices.add(o);
      }
    }
    String place = offices.isEmpty() ? null : String.join("; ", offices);
    String schedule = XmlFeeds.text(p, "schedule");
    String subcompany = XmlFeeds.text(p, "subcompany");
    String description = html.length() == 0 ? null : html.toString();
    return new RawPosting(RawPosting.SCHEMA_VERSION, "personio", id, "personio:" + company + ":" + id,
        base + "/job/" + id, XmlFeeds.text(p, "name"), subcompany != null ? subcompany : company,
        place == null ? null : Location.ofText(place),
        place != null && place.toLowerCase(Locale.ROOT).contains("remote") ? Boolean.TRUE : null,
        schedule != null ? schedule : XmlFeeds.text(p, "employmentType"),
        ApiFields.date(XmlFeeds.text(p, "createdAt")), null,
        description == null ? null : Jsoup.parse(description).text(), description, null, now, null);
  }
}
