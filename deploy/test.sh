#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite against a throwaway PostgreSQL cluster that
# the tests start themselves (or against PARTSYNC_TEST_DATABASE_URL when it is set). Then the sync, verify and
# cutover suites once more with a WAL capture (`prepare --capture wal`): every one must pass in both modes; the
# WAL capture's own suite runs in that pass.
set -euo pipefail
cd "$(dirname "$0")/.."

./deploy/install-deps.sh

echo "partsync: building" >&2
swift build --build-tests

echo "partsync: testing" >&2
swift test --skip-build

echo "partsync: testing the WAL capture, and sync, verify and cutover with --capture wal" >&2
PARTSYNC_TEST_CAPTURE=wal swift test --skip-build \
    --filter 'PartSyncTests\.(WALCaptureTests|SyncTests|SyncFollowTests|VerifyTests|VerifyBoundedTests|CutoverTests|CutoverLoadTests|CutoverPreflightTests|SwapLockTests|ReportTests)/'
