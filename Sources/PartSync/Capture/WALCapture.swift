import Foundation
import Logging
import PostgresClient

/// What the phases need of a WAL capture beyond the change log they share with the trigger: a point in the
/// stream up to which everything is in the log (`settle`), the slot's WAL retention (`slotReport`), and
/// dropping the slot (`dropSlot`).
///
/// With a trigger, a write's keys are in the log the moment it commits; with the WAL they arrive a moment
/// later, when the decoder has read and logged them. Whatever must see "every write committed so far" in the
/// log — a catch-up, a verification classifying a difference, a swap or a finish draining under its lock —
/// first settles the capture: a transactional logical message committed now marks the point, and once the
/// decoded position passes it, every transaction that committed before it is in the log (or applied).
public enum WALCapture {
    /// The decoded position of the migration's forward capture (nil before the decoder wrote anything).
    static func decodedPosition(_ key: String, on connection: Connection) async throws -> LSN? {
        try await connection.query(
            "SELECT decoded_lsn::text FROM partsync.captures WHERE migration = $1 AND direction = 'forward'", [key]
        ).first?[0].flatMap(LSN.init)
    }

    /// The WAL position once the backfill had finished (nil until it has).
    static func backfilledPosition(_ key: String, on connection: Connection) async throws -> LSN? {
        try await connection.query("SELECT backfilled_lsn::text FROM partsync.migrations WHERE key = $1", [key])
            .first?[0].flatMap(LSN.init)
    }

    /// Commits a marker on `connection` (which must not be in a transaction) and returns its position.
    static func emitMarker(_ key: String, on connection: Connection) async throws -> LSN {
        let text = try await connection.query(
            "SELECT pg_catalog.pg_logical_emit_message(true, $1, $2)::text", [TransactionDecoder.markerPrefix, key]
        ).first?.decode(String.self, at: 0)
        guard let text, let lsn = LSN(text) else {
            throw PostgresError(kind: .client, message: "pg_logical_emit_message returned \(text ?? "nothing")")
        }
        return lsn
    }

    /// How long `settle` waits for a decoder in another session to pass its marker.
    static let settleTimeout: Duration = .seconds(60)

    /// Makes sure every transaction committed before this call is in the forward change log: commits a marker,
    /// then decodes the slot up to it here, or, when another session streams the slot (a running `sync
    /// --follow`), waits until that decoder has passed it. Nothing to do for a trigger capture. Opens its own
    /// connections, so a caller inside a transaction (a swap under its lock) can use it.
    /// - Throws: `PartSyncError(.interrupted)` when the other decoder does not get there in `settleTimeout`.
    public static func settle(_ context: MigrationContext, configuration: ConnectionConfiguration,
                              logger: Logger = Logger(label: "partsync")) async throws {
        guard let capture = context.capture(.forward), capture.method == .wal else { return }
        let connection = try await Connection.connect(configuration)
        defer { Task { await connection.close() } }
        let marker = try await emitMarker(context.record.key, on: connection)
        let decoder = WALDecoder(context: context, configuration: configuration, logger: logger)
        let deadline = ContinuousClock.now + settleTimeout
        while true {
            if let decoded = try await decodedPosition(context.record.key, on: connection), decoded >= marker { return }
            do {
                try await decoder.run(through: marker)
                return
            } catch let error as PostgresError where error.sqlState == .objectInUse {
                // Another session streams the slot: its decoder gets there.
            }
            guard ContinuousClock.now < deadline else {
                let holder = try await connection.query(
                    "SELECT active_pid FROM pg_catalog.pg_replication_slots WHERE slot_name = $1", [capture.slot ?? ""]
                ).first?[0]
                throw PartSyncError(
                    .interrupted, table: context.table,
                    message: "the decoder streaming slot \(capture.slot ?? "") (backend pid \(holder ?? "none")) did not "
                        + "reach the WAL position \(marker) in \(settleTimeout)",
                    nextStep: "check the decoder's process (partsync sync --follow) and its log; run the command again")
            }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    /// Drops a finished or abandoned capture's slot once nothing streams it; best effort after a few tries
    /// (the decoder of a stopping `sync` lets go within moments). Returns a line for the report, or nil when
    /// the capture has no slot.
    public static func dropSlot(_ capture: CaptureRecord, on connection: Connection) async -> String? {
        guard let slot = capture.slot else { return nil }
        for attempt in 1...50 {
            do {
                try await connection.query(
                    "SELECT pg_catalog.pg_drop_replication_slot(slot_name) FROM pg_catalog.pg_replication_slots "
                        + "WHERE slot_name = $1", [slot])
                return "replication slot \(slot)"
            } catch let error as PostgresError where error.sqlState == .objectInUse && attempt < 50 {
                try? await Task.sleep(for: .milliseconds(100))
            } catch {
                return "NOT the replication slot \(slot) (\(error)): drop it with "
                    + "SELECT pg_drop_replication_slot('\(slot)') once nothing streams it, or it keeps WAL forever"
            }
        }
        return nil
    }

    /// A slot as `status` shows it: whether a session streams it, and how much WAL it keeps.
    public struct SlotReport: Sendable, Equatable, Codable {
        public var slot: String
        public var activePID: Int?
        /// Bytes of WAL the slot keeps the server from removing (current position − restart position).
        public var retainedBytes: Int64?
        /// Bytes written since the decoder's confirmed position (how far it is behind).
        public var behindBytes: Int64?
        /// `pg_replication_slots.wal_status`: `reserved`, `extended`, `unreserved` or `lost`.
        public var walStatus: String?
        /// False when the slot is missing (dropped by hand): the capture has a gap.
        public var exists: Bool
    }

    /// Retained WAL above which `status` warns.
    public static let retentionWarningBytes: Int64 = 1 << 30

    /// The forward capture's slot, or nil for a trigger capture.
    public static func slotReport(_ context: MigrationContext, on connection: Connection) async throws -> SlotReport? {
        guard let capture = context.capture(.forward), let slot = capture.slot else { return nil }
        guard let row = try await connection.query(
            """
            SELECT active_pid, pg_catalog.pg_wal_lsn_diff(pg_catalog.pg_current_wal_lsn(), restart_lsn)::bigint,
                   pg_catalog.pg_wal_lsn_diff(pg_catalog.pg_current_wal_lsn(), confirmed_flush_lsn)::bigint, wal_status
            FROM pg_catalog.pg_replication_slots WHERE slot_name = $1
            """, [slot]).first
        else { return SlotReport(slot: slot, exists: false) }
        return SlotReport(slot: slot, activePID: try row.decodeIfPresent(Int.self, at: 0),
                          retainedBytes: try row.decodeIfPresent(Int64.self, at: 1),
                          behindBytes: try row.decodeIfPresent(Int64.self, at: 2), walStatus: row[3], exists: true)
    }

    /// In a verification's snapshot a write committed just before it may not be decoded yet: its key is in
    /// neither the log nor applied, and its difference looks like a divergence. Settles the capture (so every
    /// such key is in the log now, or was applied and recorded in `partsync.touched_keys` with a stamp after
    /// `position`) and splits `divergent` into what is still divergent and what was in flight.
    static func reclassify(
        _ divergent: [VerifyReport.Difference], _ context: MigrationContext, position: Int64,
        configuration: ConnectionConfiguration, on connection: Connection
    ) async throws -> (divergent: [VerifyReport.Difference], inFlight: [VerifyReport.Difference]) {
        guard !divergent.isEmpty, context.capture(.forward)?.method == .wal else { return (divergent, []) }
        try await settle(context, configuration: configuration)
        let key = context.key
        let keys = divergent.map { TextArray.literal($0.key) }
        let match = key.names(.key).enumerated().map { index, column in
            "l.\(SQLIdentifier.quote(column))::text = k.v[\(index + 1)]"
        }.joined(separator: " AND ")
        let touchedMatch = "t.key = k.v"
        let rows = try await connection.query(
            """
            SELECT k.v FROM (SELECT x::text[] AS v FROM pg_catalog.unnest($1::text[]) AS x) k
            WHERE EXISTS (SELECT 1 FROM \(context.capture.log.sql) l WHERE \(match))
               OR EXISTS (SELECT 1 FROM partsync.touched_keys t WHERE t.migration = $2 AND t.stamp > $3 AND \(touchedMatch))
            """, [ArrayLiteral.text(keys), context.record.key, position])
        let moving = Set(rows.rows.compactMap { TextArray.parse($0[0]) })
        return (divergent.filter { !moving.contains($0.key) }, divergent.filter { moving.contains($0.key) })
    }
}

extension WALCapture.SlotReport {
    /// `capture: WAL, slot partsync_x streamed by pid 123, keeps 12.0 MB of WAL (0 B behind)`.
    public var line: String {
        guard exists else { return "capture: WAL, slot \(slot) is MISSING" }
        func megabytes(_ bytes: Int64?) -> String {
            bytes.map { String(format: "%.1f MB", Double($0) / 1_048_576) } ?? "?"
        }
        let streamer = activePID.map { "streamed by pid \($0)" } ?? "not streamed (no sync running)"
        return "capture: WAL, slot \(slot) \(streamer), keeps \(megabytes(retainedBytes)) of WAL "
            + "(\(megabytes(behindBytes)) not yet decoded)" + (walStatus.map { ", wal_status \($0)" } ?? "")
    }

    /// What needs the operator: a missing or lost slot (the capture has a gap), or WAL piling up.
    public var warning: String? {
        if !exists || walStatus == "lost" {
            return "the capture's slot \(slot) is \(exists ? "lost (the server removed WAL it still needed)" : "gone"): "
                + "writes since are not captured; abandon the migration and prepare it again"
        }
        if let retained = retainedBytes, retained > WALCapture.retentionWarningBytes {
            return "slot \(slot) keeps \(retained / 1_048_576) MB of WAL"
                + (activePID == nil ? " because no `partsync sync --follow` streams it; start one, or abandon the "
                    + "migration to drop the slot" : "; the decoder is behind")
                + " (max_slot_wal_keep_size bounds it on the server)"
        }
        return nil
    }
}
