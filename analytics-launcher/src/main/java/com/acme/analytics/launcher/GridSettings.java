package com.acme.analytics.launcher;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Whether Payara Micro runs its Hazelcast data grid, and if so which one it may join.
 *
 * <p>The application shares nothing through the grid (instances meet in PostgreSQL), so by default there is none:
 * Payara's {@code --nocluster} is not enough, since it leaves Hazelcast listening on a public interface and
 * discovering by multicast (on 6.2025.10 instances on one machine still joined one grid, "DG Size: 4").
 * {@code ANALYTICS_CLUSTER=true} turns the grid on, and then it joins only by TCP/IP the members listed in
 * {@code ANALYTICS_CLUSTER_MEMBERS}, under the cluster name {@code ANALYTICS_CLUSTER_NAME} (required, so that two
 * unrelated deployments never meet under Payara's default name {@code development}), listening on
 * {@code ANALYTICS_CLUSTER_INTERFACES} only.
 *
 * @param enabled    whether Hazelcast runs at all
 * @param name       the cluster name; null when disabled
 * @param members    {@code host[:port]} of each member, this one included; empty when disabled
 * @param interfaces the addresses (or wildcards such as {@code 10.0.*.*}) Hazelcast may bind; empty when disabled
 */
record GridSettings(boolean enabled, String name, List<String> members, List<String> interfaces) {

    static final String DEFAULT_MEMBERS = "127.0.0.1";
    static final String DEFAULT_INTERFACES = "127.0.0.1";

    GridSettings {
        members = List.copyOf(members);
        interfaces = List.copyOf(interfaces);
    }

    static GridSettings none() {
        return new GridSettings(false, null, List.of(), List.of());
    }

    /**
     * Reads the settings from the environment.
     *
     * @throws IllegalArgumentException when clustering is on without a name, or the flag is neither true nor false
     */
    static GridSettings from(Function<String, String> env) {
        String flag = value(env, "ANALYTICS_CLUSTER", "false");
        if (flag.equalsIgnoreCase("false")) {
            return none();
        }
        if (!flag.equalsIgnoreCase("true")) {
            throw new IllegalArgumentException("ANALYTICS_CLUSTER: '" + flag + "' is neither true nor false");
        }
        String name = value(env, "ANALYTICS_CLUSTER_NAME", "");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("ANALYTICS_CLUSTER=true needs ANALYTICS_CLUSTER_NAME, a name of this"
                    + " deployment's own (Payara's default would join any other Payara on the network)");
        }
        return new GridSettings(true, name, list(value(env, "ANALYTICS_CLUSTER_MEMBERS", DEFAULT_MEMBERS)),
                list(value(env, "ANALYTICS_CLUSTER_INTERFACES", DEFAULT_INTERFACES)));
    }

    /**
     * The pre-boot commands that confine an enabled grid: a name of its own, TCP/IP discovery of the listed
     * members only (no multicast), and the listed interfaces only. Empty when the grid is off. They are dotted
     * {@code set} commands because {@code set-hazelcast-configuration} needs the running grid, which a pre-boot
     * command does not have; Payara Micro runs them after its own, so they replace its multicast default.
     */
    List<String[]> preBootCommands() {
        if (!enabled) {
            return List.of();
        }
        return List.of(set("cluster-group-name", name), set("discovery-mode", "tcpip"),
                set("tcpip-members", String.join(",", members)), set("interface", String.join(",", interfaces)));
    }

    /**
     * The Hazelcast system properties of an enabled grid: it binds the listed interfaces only (by default it binds
     * every address and merely announces the chosen one). Empty when the grid is off.
     */
    Map<String, String> systemProperties() {
        return enabled ? Map.of("hazelcast.socket.bind.any", "false") : Map.of();
    }

    private static String[] set(String attribute, String value) {
        return new String[] {"set", "hazelcast-runtime-configuration." + attribute + "=" + value};
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String value(Function<String, String> env, String name, String fallback) {
        String value = env.apply(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
