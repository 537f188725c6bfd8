#!/usr/bin/env bash
# Runs the server: builds what is missing or out of date, then starts Payara Micro with the WAR and, unless
# ANALYTICS_DB_URL is set, an embedded PostgreSQL whose data lives in ${ANALYTICS_DATA_DIR:-./data}.
# Ctrl-C or SIGTERM stops it cleanly: buffered events are written, then the database is stopped.
set -euo pipefail
cd "$(dirname "$0")"

war=analytics-web/target/analytics-web.war
launcher=analytics-launcher/target/analytics-launcher.jar

out_of_date() {
    [[ ! -f $war || ! -f $launcher ]] && return 0
    # The WAR is built before the launcher, so anything newer than it means a rebuild.
    [[ -n $(find . -path ./data -prune -o -path '*/target' -prune -o -type f \
        \( -name pom.xml -o -path '*/src/main/*' \) -newer "$war" -print -quit) ]]
}

if out_of_date; then
    echo "Building..."
    ./mvnw -B -q -DskipTests package
fi

# Without a cap the JVM takes a quarter of the RAM and grows into it under load (4.8 GB RSS measured). G1's default
# pause goal (200 ms) let young collections stop every request for 50-85 ms at 1,000 events/s on 2 cores; with 20 ms
# it collects more often, each pause 10-25 ms, at no cost to batch throughput (bench/README.md).
exec java ${JAVA_OPTS:--Xmx2g -XX:MaxGCPauseMillis=20} -jar "$launcher" "$war"
