#!/usr/bin/env bash
# Prepares a running Payara Server domain for the application, once, before the first deployment (with
# configure-database.sh):
# - its data grid (Hazelcast) gets a cluster name of its own and listens on the given interfaces, so that it joins
#   only the instances meant to share it: the default name, "development", joins any Payara process it can see;
# - Payara's MicroProfile Health endpoint is switched off, because /health is the application's;
# Changes to the grid take effect after a restart of the domain (the smoke test restarts it).
#
# Environment: ANALYTICS_CLUSTER_NAME (analytics), ANALYTICS_CLUSTER_INTERFACES (127.0.0.1; for several machines
# the address of this one), ASADMIN (asadmin on the PATH), ASADMIN_PORT (4848).
set -euo pipefail
asadmin() { "${ASADMIN:-asadmin}" --port "${ASADMIN_PORT:-4848}" --interactive=false "$@"; }

asadmin set-hazelcast-configuration --clustername "${ANALYTICS_CLUSTER_NAME:-analytics}" \
    --interfaces "${ANALYTICS_CLUSTER_INTERFACES:-127.0.0.1}"
asadmin set-microprofile-healthcheck-configuration --enabled=false
