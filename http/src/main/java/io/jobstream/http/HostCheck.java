package io.jobstream.http;

import java.net.InetAddress;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which {@code Host} headers a server answers. On a loopback bind only loopback names:
 * {@code 127.0.0.1}, {@code localhost} and {@code [::1]}, each with any port, so that a web page
 * whose DNS name was rebound to 127.0.0.1 cannot read the API from a browser. On other binds any
 * well-formed host unless an allow-list is given (names, each with any port). A request without
 * {@code Host} is answered only for HTTP/1.0 (container health probes send none).
 */
public final class HostCheck {

  private static final Pattern HOST = Pattern.compile("([A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}\\])(:[0-9]{1,5})?");
  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");

  private final Set<String> allowed;

  private HostCheck(Set<String> allowed) {
    this.allowed = allowed;
  }

  /**
   * @param allowList host names answered besides the loopback ones (lower case, no port); empty:
   *     any on a non-loopback bind
   */
  public static HostCheck forBind(InetAddress bind, Set<String> allowList) {
    if (bind.isLoopbackAddress()) {
      java.util.HashSet<String> names = new java.util.HashSet<>(LOOPBACK);
      allowList.forEach(n -> names.add(n.toLowerCase(Locale.ROOT)));
      return new HostCheck(Set.copyOf(names));
    }
    return new HostCheck(allowList.isEmpty() ? null : Set.copyOf(allowList.stream()
        .map(n -> n.toLowerCase(Locale.ROOT)).toList()));
  }

  /** Whether to answer a request with this {@code Host} (null: an HTTP/1.0 request without one). */
  boolean allows(String host) {
    if (host == null) {
      return true;
    }
    var m = HOST.matcher(host);
    if (!m.matches()) {
      return false;
    }
    return allowed == null || allowed.contains(m.group(1).toLowerCase(Locale.ROOT));
  }
}
