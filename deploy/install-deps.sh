#!/usr/bin/env bash
# Installs what partsync needs to build and test, when it is missing: PostgreSQL's server binaries (for the
# throwaway test cluster), libpq's headers, OpenSSL's headers and pkg-config. Debian/Ubuntu through apt-get
# (with sudo when not root); elsewhere it says what to install. Swift itself must already be installed.
set -euo pipefail

missing=()
have_server() {
    local dir
    if command -v pg_config >/dev/null 2>&1; then
        dir=$(pg_config --bindir 2>/dev/null || true)
        [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && return 0
    fi
    for dir in /usr/lib/postgresql/*/bin; do
        [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && return 0
    done
    [ -n "${PARTSYNC_PG_BINDIR:-}" ] && [ -x "$PARTSYNC_PG_BINDIR/initdb" ] && return 0
    return 1
}
have_server || missing+=(postgresql)
pkg-config --exists libpq 2>/dev/null || missing+=(libpq-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
[ -f /usr/include/openssl/ssl.h ] || missing+=(libssl-dev)
command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)

if [ ${#missing[@]} -gt 0 ]; then
    echo "partsync: installing ${missing[*]}" >&2
    if command -v apt-get >/dev/null 2>&1; then
        SUDO=""
        if [ "$(id -u)" -ne 0 ]; then
            if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
                echo "partsync: need root or sudo to run: apt-get install -y ${missing[*]}" >&2
                exit 1
            fi
        fi
        export DEBIAN_FRONTEND=noninteractive
        $SUDO apt-get update -qq
        $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
        echo "partsync: please install: ${missing[*]} (PostgreSQL server and libpq headers; macOS: brew install postgresql pkg-config)" >&2
        exit 1
    fi
fi

if ! command -v swift >/dev/null 2>&1; then
    echo "partsync: Swift 6 is required (https://www.swift.org/install/); 'swift' is not on PATH" >&2
    exit 1
fi
