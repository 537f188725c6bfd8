package com.acme.analytics.domain.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one rule for every outbound call (provider sync, alert webhooks): which URLs the server may reach, from
 * {@code analytics.outbound.allowed-hosts}, a comma-separated list of host names, {@code host:port}s and CIDRs.
 * Public addresses are allowed unless the list holds {@code strict}; loopback, link-local, private, unique-local,
 * carrier-grade NAT, multicast and unspecified addresses are refused unless an entry names them, so that no
 * integration or webhook URL reaches the server's own network (SSRF). Every address a name resolves to is checked:
 * a name that also resolves to a private address is refused unless listed.
 */
public final class OutboundHosts {

    private final boolean strict;
    private final List<String> hosts;
    private final List<HostPort> hostPorts;
    private final List<Cidr> ranges;
    private final Resolver resolver;

    private OutboundHosts(boolean strict, List<String> hosts, List<HostPort> hostPorts, List<Cidr> ranges,
                          Resolver resolver) {
        this.strict = strict;
        this.hosts = hosts;
        this.hostPorts = hostPorts;
        this.ranges = ranges;
        this.resolver = resolver;
    }

    /** Reads the setting; blank means "public hosts only". Throws IllegalArgumentException naming a bad entry. */
    public static OutboundHosts parse(String setting) {
        return parse(setting, InetAddress::getAllByName);
    }

    static OutboundHosts parse(String setting, Resolver resolver) {
        boolean strict = false;
        List<String> hosts = new ArrayList<>();
        List<HostPort> hostPorts = new ArrayList<>();
        List<Cidr> ranges = new ArrayList<>();
        for (String raw : setting == null ? new String[0] : setting.split(",")) {
            String entry = raw.trim().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("strict")) {
                strict = true;
            } else if (entry.contains("/")) {
                ranges.add(Cidr.parse(entry));
            } else if (HostPort.looksLikeOne(entry)) {
                hostPorts.add(HostPort.parse(entry));
            } else {
                hosts.add(bare(entry));
            }
        }
        return new OutboundHosts(strict, List.copyOf(hosts), List.copyOf(hostPorts), List.copyOf(ranges), resolver);
    }

    /**
     * Refuses the URL unless it is http(s) to a permitted host. Resolves the host name, so call it right before
     * the request; the message says which host and why, for a problem+json or a sync error.
     */
    public void check(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new OutboundRefusedException("only http and https URLs may be called, not '" + uri + "'");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new OutboundRefusedException("the URL '" + uri + "' names no host");
        }
        host = bare(host.toLowerCase(Locale.ROOT));
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        if (named(host, port)) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new OutboundRefusedException("the host '" + host + "' cannot be resolved");
        }
        for (InetAddress address : addresses) {
            if (inRanges(address)) {
                continue;
            }
            if (strict) {
                throw new OutboundRefusedException("the host '" + host + "' is not in analytics.outbound.allowed-hosts"
                        + " (strict)");
            }
            if (AddressKind.isInternal(address)) {
                throw new OutboundRefusedException("the host '" + host + "' resolves to the internal address "
                        + address.getHostAddress() + ", which analytics.outbound.allowed-hosts does not list");
            }
        }
    }

    /** True when {@link #check} would let the URL through; for validation that wants a yes or no. */
    public boolean permits(URI uri) {
        try {
            check(uri);
            return true;
        } catch (OutboundRefusedException e) {
            return false;
        }
    }

    private boolean named(String host, int port) {
        return hosts.contains(host) || hostPorts.stream().anyMatch(entry -> entry.matches(host, port));
    }

    private boolean inRanges(InetAddress address) {
        return ranges.stream().anyMatch(range -> range.contains(address));
    }

    /** An IPv6 literal in a URL comes in brackets; the list may write it either way. */
    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** Name resolution, replaceable in tests. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private record HostPort(String host, int port) {

        static boolean looksLikeOne(String entry) {
            // host:port, or [v6]:port; a bare IPv6 address has several colons and no brackets.
            return entry.startsWith("[") ? entry.contains("]:") : entry.indexOf(':') > 0
                    && entry.indexOf(':') == entry.lastIndexOf(':');
        }

        static HostPort parse(String entry) {
            int colon = entry.lastIndexOf(':');
            try {
                int port = Integer.parseInt(entry.substring(colon + 1));
                if (port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
                return new HostPort(bare(entry.substring(0, colon)), port);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("analytics.outbound.allowed-hosts: '" + entry
                        + "' has no valid port");
            }
        }

        boolean matches(String otherHost, int otherPort) {
            return host.equals(otherHost) && port == otherPort;
        }
    }
}
