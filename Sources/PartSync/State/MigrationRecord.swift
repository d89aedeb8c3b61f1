import Foundation
import PostgresClient

/// One row of `partsync.migrations` with its captures: everything the phases read about a migration.
public struct MigrationRecord: Sendable, Equatable {
    public var key: String
    /// The source's name when it was prepared (shown to people; SQL uses the live name found by `sourceOID`).
    public var source: SQLIdentifier
    /// The target's name when it was prepared.
    public var target: SQLIdentifier
    public var sourceOID: UInt32
    public var targetOID: UInt32
    public var partitionKey: String { shape.partitionKey }
    public var interval: PartitionInterval
    public var premake: Int
    public var defaultPartition: Bool
    public var phase: MigrationPhase
    /// The phase that stopped on an error, while `phase` is `failed`.
    public var failedFrom: MigrationPhase?
    /// Why it stopped (a short description: no row data).
    public var failure: String?
    /// `UPDATE partsync.migrations SET paused = true`: backfill batches wait.
    public var paused: Bool
    public var shape: MigrationShape
    public var captures: [CaptureRecord]

    /// The capture of one direction, if it exists.
    public func capture(_ direction: CaptureDirection) -> CaptureRecord? { captures.first { $0.direction == direction } }
}

/// Which way a capture copies: `forward` captures the source for the target (from prepare until finish);
/// `reverse` captures the new table for the retired one after cutover, so that a rollback loses nothing.
public enum CaptureDirection: String, Sendable, CaseIterable, Codable {
    case forward, reverse
}

/// How a capture learns of the captured table's writes (docs/change-capture.md).
public enum CaptureMethod: String, Sendable, CaseIterable, Codable {
    /// Statement triggers log the keys inside every write (the default; needs nothing of the server).
    case trigger
    /// A logical replication slot (`pgoutput`) read by the worker, which logs the keys after the write
    /// committed: nothing runs inside the application's writes. Needs `wal_level = logical` and a role
    /// allowed to replicate. Forward captures only; the reverse capture after cutover keeps its trigger.
    case wal
}

/// One row of `partsync.captures`: a captured table, its change log, its signal sequence, its trigger function
/// and its notification channel, and for a WAL capture its slot and publication. Names only, never SQL text:
/// SQL is rendered from them with `SQLIdentifier`.
public struct CaptureRecord: Sendable, Equatable {
    public var direction: CaptureDirection
    public var method: CaptureMethod = .trigger
    /// The captured table (the source for `forward`).
    public var tableOID: UInt32
    public var log: SQLIdentifier
    public var signal: SQLIdentifier
    public var function: SQLIdentifier
    public var channel: String
    /// A WAL capture's replication slot and publication; nil for a trigger capture. The publication is
    /// `partsync_<key>` (one per database); slots are the cluster's, so the slot's name also carries a hash of
    /// the database's name (`partsync_<key>_<hash>`: lower-case letters, digits and underscores, as slot names
    /// must be).
    public var slot: String?
    public var publication: String?

    /// The names partsync gives a capture of `migrationKey` in `direction` (`database`: the current database's
    /// name, for a WAL capture's slot).
    public static func named(
        migrationKey: String, direction: CaptureDirection, tableOID: UInt32, method: CaptureMethod = .trigger,
        database: String = ""
    ) -> CaptureRecord {
        let suffix = direction == .forward ? migrationKey : "\(migrationKey)_r"
        let wal = method == .wal
        return CaptureRecord(
            direction: direction, method: method, tableOID: tableOID,
            log: SQLIdentifier(schema: "partsync", name: "changes_\(suffix)"),
            signal: SQLIdentifier(schema: "partsync", name: "signal_\(suffix)"),
            function: SQLIdentifier(schema: "partsync", name: "capture_\(suffix)"),
            channel: "partsync_\(suffix)",
            slot: wal ? "partsync_\(suffix)_\(Naming.hash(database))" : nil,
            publication: wal ? "partsync_\(suffix)" : nil)
    }

    /// The log's two generations, `<log>_0` and `<log>_1`.
    public var generations: [SQLIdentifier] {
        [0, 1].map { SQLIdentifier(schema: log.schema, name: "\(log.name)_\($0)") }
    }

    /// The key of its applier lock: one applier per capture.
    func applierLockKey(migration: String) -> String {
        direction == .forward ? migration : "\(migration):\(direction.rawValue)"
    }
}
