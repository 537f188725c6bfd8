package com.acme.analytics.domain.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address range such as {@code 10.0.0.0/8} or {@code fd00::/8}, as an entry of the allowed hosts. */
record Cidr(byte[] network, int prefix) {

    static Cidr parse(String entry) {
        int slash = entry.indexOf('/');
        String address = entry.substring(0, slash);
        if (!address.matches("[0-9a-f.:]+")) {
            // Only literals: a name here would be resolved, which a range must never need.
            throw new IllegalArgumentException("analytics.outbound.allowed-hosts: '" + entry
                    + "' is not an address range");
        }
        try {
            byte[] network = InetAddress.getByName(address).getAddress();
            int prefix = Integer.parseInt(entry.substring(slash + 1));
            if (prefix < 0 || prefix > network.length * 8) {
                throw new NumberFormatException();
            }
            return new Cidr(network, prefix);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("analytics.outbound.allowed-hosts: '" + entry
                    + "' is not an address range");
        }
    }

    boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int whole = prefix / 8;
        for (int i = 0; i < whole; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (bytes[whole] & mask) == (network[whole] & mask);
    }
}
