package io.jobstream.ingest.http;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses requests to loopback, private, link-local, wildcard and cloud-metadata addresses, checked
 * on every resolved address of the host, unless the host is on the allow-list (the demo and the
 * tests allow {@code 127.0.0.1}).
 */
public final class AddressGuard {

  private final Set<String> allowedHosts;

  /** @param allowedHosts host names or literal addresses that may be fetched although internal */
  public AddressGuard(Set<String> allowedHosts) {
    this.allowedHosts = allowedHosts.stream()
        .map(h -> h.toLowerCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Throws when {@code uri} may not be fetched. */
  public void check(URI uri) throws FetchException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new FetchException("bad_scheme", "only http and https are fetched: " + uri);
    }
    String host = uri.getHost();
    if (host == null) {
      throw new FetchException("bad_scheme", "no host in " + uri);
    }
    if (allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
      return;
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new FetchException("io", "unknown host " + host, e);
    }
    for (InetAddress address : addresses) {
      if (isInternal(address)) {
        throw new FetchException("blocked_address",
            host + " resolves to internal address " + address.getHostAddress()
                + "; pass --allow-host " + host + " to fetch it anyway");
      }
    }
  }

  static boolean isInternal(InetAddress address) {
    if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
        || address.isAnyLocalAddress() || address.isMulticastAddress()) {
      return true;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet6Address) {
      return (b[0] & 0xfe) == 0xfc; // unique local fc00::/7
    }
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    return first == 0 // "this" network
        || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
        || (first == 169 && second == 254); // link-local incl. cloud metadata 169.254.169.254
  }
}
