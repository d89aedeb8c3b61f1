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

/// One row of `partsync.captures`: a captured table, its change log, its signal sequence, its trigger function
/// and its notification channel. Names only, never SQL text: SQL is rendered from them with `SQLIdentifier`.
public struct CaptureRecord: Sendable, Equatable {
    public var direction: CaptureDirection
    /// The captured table (the source for `forward`).
    public var tableOID: UInt32
    public var log: SQLIdentifier
    public var signal: SQLIdentifier
    public var function: SQLIdentifier
    public var channel: String

    /// The names partsync gives a capture of `migrationKey` in `direction`.
    public static func named(migrationKey: String, direction: CaptureDirection, tableOID: UInt32) -> CaptureRecord {
        let suffix = direction == .forward ? migrationKey : "\(migrationKey)_r"
        return CaptureRecord(
            direction: direction, tableOID: tableOID,
            log: SQLIdentifier(schema: "partsync", name: "changes_\(suffix)"),
            signal: SQLIdentifier(schema: "partsync", name: "signal_\(suffix)"),
            function: SQLIdentifier(schema: "partsync", name: "capture_\(suffix)"),
            channel: "partsync_\(suffix)")
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
