#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite against a throwaway PostgreSQL cluster that
# the tests start themselves (or against PARTSYNC_TEST_DATABASE_URL when it is set).
set -euo pipefail
cd "$(dirname "$0")/.."

./deploy/install-deps.sh

echo "partsync: building" >&2
swift build --build-tests

echo "partsync: testing" >&2
swift test --skip-build
