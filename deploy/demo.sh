#!/usr/bin/env bash
# Installs what is missing, builds partsync in release mode, and runs `partsync demo` with the arguments given
# (for example --rows 1000000, --keep, --out DIR): the whole migration of the Atlas tables, live, on a
# throwaway PostgreSQL cluster that it starts and deletes itself. Reports go to ./partsync-demo/.
set -euo pipefail
cd "$(dirname "$0")/.."

./deploy/install-deps.sh

echo "partsync: building (release)" >&2
swift build -c release --product partsync

exec "$(swift build -c release --show-bin-path)/partsync" demo "$@"
