#!/usr/bin/env bash
# Points a running Payara Server domain at the application's PostgreSQL: the JDBC driver goes into the domain's
# lib/ (the application's datasource, java:app/jdbc/analytics, is created by the server and cannot load it from the
# WAR), and the database into the server's system properties analytics.db.url, .user and .password, which the
# datasource and the application's own connections (the committer's, the LISTEN feed's) read through MicroProfile
# Config. Safe to run again; the application takes new values at its next start (redeploy or restart).
#
# Environment: ANALYTICS_DB_URL (required, jdbc:postgresql://host:5432/db), ANALYTICS_DB_USER (analytics),
# ANALYTICS_DB_PASSWORD (empty); ASADMIN (asadmin on the PATH) and ASADMIN_PORT (4848) reach the domain;
# ANALYTICS_JDBC_DRIVER (the jar the build put in analytics-ear/target/jdbc/postgresql.jar).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

url="${ANALYTICS_DB_URL:?set ANALYTICS_DB_URL, e.g. jdbc:postgresql://db.example.com:5432/analytics}"
user="${ANALYTICS_DB_USER:-analytics}"
password="${ANALYTICS_DB_PASSWORD:-}"
driver="${ANALYTICS_JDBC_DRIVER:-$here/../../analytics-ear/target/jdbc/postgresql.jar}"
asadmin() { "${ASADMIN:-asadmin}" --port "${ASADMIN_PORT:-4848}" --interactive=false "$@"; }
# asadmin separates properties with ':' and names from values with '='; both are escaped inside a value.
escape() { sed -e 's/\\/\\\\/g' -e 's/:/\\:/g' -e 's/=/\\=/g' <<<"$1"; }

[[ -f $driver ]] || { echo "No JDBC driver at $driver (build the EAR, or set ANALYTICS_JDBC_DRIVER)" >&2; exit 1; }
if ! asadmin list-libraries | grep -qx "$(basename "$driver")"; then
    asadmin add-library "$driver"
fi

props="analytics.db.url=$(escape "$url"):analytics.db.user=$(escape "$user")"
if [[ -n $password ]]; then
    props+=":analytics.db.password=$(escape "$password")"
elif asadmin list-system-properties | grep -q '^analytics\.db\.password='; then
    # asadmin refuses an empty value; without the property the application's default (empty) applies.
    asadmin delete-system-property analytics.db.password
fi
asadmin create-system-properties "$props"
echo "Database for the application: $url (user $user)"
