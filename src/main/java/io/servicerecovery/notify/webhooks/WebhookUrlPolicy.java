package io.servicerecovery.notify.webhooks;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.servicerecovery.common.DomainException;

/**
 * Which URLs the service will call. Only http and https; and unless private addresses are
 * allowed (demo, tests), the host must resolve to public addresses only, so that a subscription
 * cannot make the service call into its own network (metadata endpoints, databases, admin ports).
 * Checked when a subscription is created and again before every attempt, because DNS can change.
 */
@ApplicationScoped
public class WebhookUrlPolicy {

    /** Looks a host name up; replaceable in tests. */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivateAddresses;
    private final Resolver resolver;

    @Inject
    public WebhookUrlPolicy(WebhookSettings settings) {
        this(settings.allowPrivateAddresses(), InetAddress::getAllByName);
    }

    public WebhookUrlPolicy(boolean allowPrivateAddresses, Resolver resolver) {
        this.allowPrivateAddresses = allowPrivateAddresses;
        this.resolver = resolver;
    }

    /** The URL to call; a 400 problem naming {@code url} and the reason when it may not be called. */
    public URI check(String url) {
        URI uri;
        try {
            // Parsed as a server authority (host and port), not as a free-form name that java.net.URI
            // would otherwise accept without a host.
            uri = new URI(url).parseServerAuthority();
        } catch (URISyntaxException | NullPointerException e) {
            throw refused("must be an absolute http or https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw refused("must use http or https");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw refused("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw refused("must not contain credentials");
        }
        // java.net.URI takes any number of digits as a port.
        if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65535)) {
            throw refused("must have a port from 1 to 65535");
        }
        if (uri.getRawFragment() != null) {
            throw refused("must not have a fragment: it is never sent");
        }
        if (!allowPrivateAddresses) {
            InetAddress[] addresses;
            try {
                addresses = resolver.resolve(uri.getHost());
            } catch (UnknownHostException e) {
                throw refused("host " + uri.getHost() + " cannot be resolved");
            }
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    throw refused("resolves to " + address.getHostAddress()
                            + ", a private, loopback, link-local or unique-local address; webhooks go to public addresses only");
                }
            }
        }
        return uri;
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(b[0] & 0xff, b[1] & 0xff, b[2] & 0xff);
        }
        if ((b[0] & 0xfe) == 0xfc) {
            return false; // fc00::/7, unique local
        }
        if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
            return false; // fec0::/10, the former site-local range
        }
        if (isNat64(b)) {
            return isPublicV4(b[12] & 0xff, b[13] & 0xff, b[14] & 0xff);
        }
        return true;
    }

    private static boolean isPublicV4(int first, int second, int third) {
        if (first == 0 || first == 10 || first == 127 || first >= 224) {
            return false; // this network, private, loopback, multicast and reserved
        }
        if (first == 169 && second == 254) {
            return false; // link-local, where cloud metadata endpoints live
        }
        if ((first == 172 && (second & 0xf0) == 16) || (first == 192 && second == 168)) {
            return false; // private
        }
        if (first == 100 && (second & 0xc0) == 64) {
            return false; // 100.64.0.0/10, carrier-grade NAT
        }
        return !(first == 192 && second == 0 && third == 0); // 192.0.0.0/24, protocol assignments
    }

    /** 64:ff9b::/96: an IPv4 address reached through NAT64. */
    private static boolean isNat64(byte[] b) {
        if (b.length != 16 || b[0] != 0 || b[1] != 0x64 || (b[2] & 0xff) != 0xff || (b[3] & 0xff) != 0x9b) {
            return false;
        }
        for (int i = 4; i < 12; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static DomainException.Invalid refused(String reason) {
        return DomainException.invalid("url", reason);
    }
}
