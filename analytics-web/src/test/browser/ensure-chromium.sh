#!/bin/sh
# Run by the build before the integration tests: the browser tests (DashboardBrowserIT) drive Debian's chromium
# through chromium-driver. When either is missing it installs both where it can (root with apt-get); otherwise it
# fails with the one command to run. It never lets the browser tests be skipped silently.
set -e
CHROMIUM=/usr/bin/chromium
DRIVER=/usr/bin/chromedriver
INSTALL="apt-get update && apt-get install -y chromium chromium-driver"

if [ -x "$CHROMIUM" ] && [ -x "$DRIVER" ]; then
    exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "[browser tests] $CHROMIUM or $DRIVER missing: installing chromium and chromium-driver with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q && apt-get install -y -q chromium chromium-driver
    if [ -x "$CHROMIUM" ] && [ -x "$DRIVER" ]; then
        exit 0
    fi
    echo "[browser tests] apt-get ran but $CHROMIUM or $DRIVER is still missing" >&2
    exit 1
fi
echo "[browser tests] they need Debian's chromium and chromium-driver ($CHROMIUM, $DRIVER). Install them with:" >&2
echo "    sudo sh -c '$INSTALL'" >&2
exit 1
