package com.acme.analytics.domain.outbound;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutboundHostsTest {

    /** Names resolve as told here, so no test depends on the machine's DNS. */
    private static final Map<String, String> DNS = Map.of(
            "api.mixpanel.com", "34.117.0.10",
            "rebind.example", "10.1.2.3",
            "metadata.internal", "169.254.169.254",
            "proxy.corp", "192.168.5.5");

    private static OutboundHosts hosts(String setting) {
        return OutboundHosts.parse(setting, host -> {
            String address = DNS.get(host);
            if (address == null) {
                if (host.matches("[0-9a-f.:]+")) {
                    return new InetAddress[]{InetAddress.getByName(host)};
                }
                throw new UnknownHostException(host);
            }
            return new InetAddress[]{InetAddress.getByName(address)};
        });
    }

    @Test
    void publicHostsAreAllowedByDefault() {
        assertDoesNotThrow(() -> hosts("").check(URI.create("https://api.mixpanel.com/api/2.0/export")));
    }

    @Test
    void internalAddressesAreRefusedUnlessListed() {
        OutboundHosts defaults = hosts(null);
        for (String url : new String[]{"http://127.0.0.1:8080/", "http://[::1]/", "http://10.0.0.7/",
                "http://172.16.3.4/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data",
                "http://metadata.internal/", "http://0.0.0.0/", "http://100.64.1.1/", "http://[fd00::1]/",
                "http://[::ffff:127.0.0.1]/", "http://rebind.example/"}) {
            OutboundRefusedException refused = assertThrows(OutboundRefusedException.class,
                    () -> defaults.check(URI.create(url)), url);
            assertTrue(refused.getMessage().contains("internal address"), refused.getMessage());
        }
    }

    @Test
    void anEntryPermitsTheInternalHostItNames() {
        OutboundHosts listed = hosts("localhost:9090, 10.0.0.0/8 ,proxy.corp,[::1]:7000");
        assertTrue(listed.permits(URI.create("http://localhost:9090/x")));
        assertFalse(listed.permits(URI.create("http://localhost:9091/x")), "another port of a host:port entry");
        assertTrue(listed.permits(URI.create("http://10.20.30.40/")));
        assertTrue(listed.permits(URI.create("http://rebind.example/")), "resolves into a listed range");
        assertTrue(listed.permits(URI.create("https://proxy.corp/")));
        assertTrue(listed.permits(URI.create("http://[::1]:7000/")));
        assertFalse(listed.permits(URI.create("http://192.168.0.1/")));
    }

    @Test
    void strictAllowsOnlyWhatIsListed() {
        OutboundHosts strict = hosts("strict, api.mixpanel.com");
        assertTrue(strict.permits(URI.create("https://api.mixpanel.com/")));
        OutboundRefusedException refused = assertThrows(OutboundRefusedException.class,
                () -> strict.check(URI.create("https://api.amplitude.com/")));
        assertTrue(refused.getMessage().contains("api.amplitude.com"), refused.getMessage());
    }

    @Test
    void onlyHttpUrlsWithAHostMayBeCalled() {
        OutboundHosts defaults = hosts("");
        assertFalse(defaults.permits(URI.create("file:///etc/passwd")));
        assertFalse(defaults.permits(URI.create("gopher://api.mixpanel.com/")));
        assertFalse(defaults.permits(URI.create("http:///nohost")));
        assertFalse(defaults.permits(URI.create("https://no-such-host.example/")), "unresolvable");
    }

    @Test
    void aBadEntryIsNamed() {
        IllegalArgumentException port = assertThrows(IllegalArgumentException.class, () -> hosts("localhost:99999"));
        assertTrue(port.getMessage().contains("localhost:99999"));
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class, () -> hosts("corp/8"));
        assertTrue(range.getMessage().contains("corp/8"));
        assertThrows(IllegalArgumentException.class, () -> hosts("10.0.0.0/33"));
    }
}
