import Foundation
import Logging
import PostgresClient

/// Turns a WAL capture's `pgoutput` stream into change-log entries, one committed transaction at a time. Pure:
/// it sees messages and returns each committed transaction's entries (`Committed`), so it is unit-tested
/// without a server.
///
/// What each change logs (docs/change-capture.md, "Capture from the WAL"): an INSERT its pair; an UPDATE its
/// new pair, exact when the old pair is known (the old row came with it, under REPLICA IDENTITY FULL or because
/// the primary key changed and holds the partition key, or the partition key is part of the primary key) and
/// `newPair` otherwise, plus the old key when the primary key changed; a DELETE its old pair, or its primary
/// key alone (`key`) when the stream does not carry the old partition key. Changes to other tables, and the
/// transactions of the reverse applier (marked with an echo message, see `Applier`), log nothing.
struct TransactionDecoder: Sendable {
    struct Entry: Sendable, Equatable {
        /// The values of the target key columns (`MigrationShape.targetKey`) as text; the partition key is nil
        /// in a `key` entry.
        var values: [String?]
        var kind: CaptureSQL.EntryKind
    }

    /// One committed transaction: its entries, where its commit record starts and where it ends, and when it
    /// committed (microseconds since 2000-01-01 UTC: what the entries' `partsync_logged_at` says, so the lag
    /// counts from the write, not from the moment it was decoded).
    struct Committed: Sendable, Equatable {
        var entries: [Entry]
        var commitLSN: LSN
        var end: LSN
        var commitTime: Int64 = 0
        /// The transaction's id (32 bits, as the stream sends it).
        var xid: UInt32 = 0
        /// The echo token of the transaction's echo mark, if it has one: the writer skips the transaction only
        /// when it is the reverse applier's (anyone may emit the mark; only the applier knows its token).
        var echoToken: String?
    }

    /// The logical message an apply batch of the reverse applier emits first in its transaction, so its writes
    /// to the retired table (which the publication still streams) are not captured again (invariant 5).
    static let echoPrefix = "partsync_echo"
    /// The prefix of the markers `WALCapture.settle` emits; their transactions carry nothing else.
    static let markerPrefix = "partsync"

    let tableOID: UInt32
    let targetKey: [String]
    let primaryKey: [String]
    /// The migration key: the content of this migration's echo messages.
    let migrationKey: String

    /// Where each target-key column is in the captured relation's tuples (from its last Relation message).
    private var positions: [Int]?
    private var entries: [Entry] = []
    private var echo: String?
    private var commitTime: Int64 = 0
    private var xid: UInt32 = 0
    /// Between a transaction's Begin and its Commit.
    private(set) var isInTransaction = false

    init(shape: MigrationShape, tableOID: UInt32, migrationKey: String) {
        self.tableOID = tableOID
        self.targetKey = shape.targetKey
        self.primaryKey = shape.primaryKey
        self.migrationKey = migrationKey
    }

    private var partitionKeyInPrimaryKey: Bool { targetKey.count == primaryKey.count }

    /// Takes one message; returns the transaction when it is its commit.
    mutating func consume(_ message: PgOutput.Message) throws -> Committed? {
        switch message {
        case .begin(_, let time, let id):
            entries = []
            echo = nil
            commitTime = time
            xid = id
            isInTransaction = true
        case .relation(let relation) where relation.id == tableOID:
            let names = relation.columns.map(\.name)
            let found = targetKey.map { names.firstIndex(of: $0) }
            guard found.allSatisfy({ $0 != nil }) else {
                let missing = zip(targetKey, found).filter { $0.1 == nil }.map(\.0)
                throw PgOutput.DecodeError(description: "the stream's \(relation.namespace).\(relation.name) has no "
                    + "column \(missing.joined(separator: ", ")) (was the table altered?)")
            }
            positions = found.compactMap { $0 }
        case .insert(let relation, let new) where relation == tableOID:
            entries.append(Entry(values: try pair(new), kind: .pair))
        case .update(let relation, let old, _, let new) where relation == tableOID:
            let newPair = try pair(new)
            if let old {
                let oldPair = try pair(old)
                if oldPair.allSatisfy({ $0 != nil }) {
                    entries.append(Entry(values: oldPair, kind: .pair))
                    entries.append(Entry(values: newPair, kind: .pair))
                } else {
                    // The primary key changed; the old partition key is not in the stream.
                    entries.append(Entry(values: keyOnly(oldPair), kind: .key))
                    entries.append(Entry(values: newPair, kind: .newPair))
                }
            } else {
                entries.append(Entry(values: newPair, kind: partitionKeyInPrimaryKey ? .pair : .newPair))
            }
        case .delete(let relation, let old, _) where relation == tableOID:
            let oldPair = try pair(old)
            entries.append(oldPair.allSatisfy { $0 != nil }
                ? Entry(values: oldPair, kind: .pair) : Entry(values: keyOnly(oldPair), kind: .key))
        case .logicalMessage(true, _, Self.echoPrefix, let content)
            where String(decoding: content, as: UTF8.self).hasPrefix(migrationKey + ":"):
            echo = String(String(decoding: content, as: UTF8.self).dropFirst(migrationKey.count + 1))
        case .commit(let commitLSN, let end):
            isInTransaction = false
            defer { entries = [] }
            return Committed(entries: entries, commitLSN: commitLSN, end: end, commitTime: commitTime, xid: xid,
                             echoToken: echo)
        case .truncate(let relations) where relations.contains(tableOID):
            throw PgOutput.DecodeError(description: "the stream holds a TRUNCATE of the captured table, which "
                + "partsync's guard trigger should have refused")
        default:
            break
        }
        return nil
    }

    /// The target-key values of a tuple; nil where the tuple has NULL (a key-only old tuple's partition key).
    private func pair(_ tuple: [PgOutput.Value]) throws -> [String?] {
        guard let positions else {
            throw PgOutput.DecodeError(description: "a change of the captured table before its Relation message")
        }
        return try positions.map { position in
            guard position < tuple.count else { throw PgOutput.DecodeError(description: "a tuple shorter than its relation") }
            switch tuple[position] {
            case .text(let text): return text
            case .null: return nil
            case .unchangedToast:
                throw PgOutput.DecodeError(description: "a key column was sent as an unchanged TOAST value")
            }
        }
    }

    private func keyOnly(_ values: [String?]) -> [String?] {
        Array(values.prefix(primaryKey.count)) + Array(repeating: nil, count: targetKey.count - primaryKey.count)
    }

    /// The entries to log for `committed`: a change committed before the backfill finished also logs its key
    /// alone for every new pair whose old one is unknown. Block-range chunks can copy a row's version from
    /// before such an UPDATE and the version after it (they read in snapshots of their own), and the applier
    /// would otherwise keep both (docs/change-capture.md).
    static func entries(of committed: Committed, backfilledAt backfilled: LSN?) -> [Entry] {
        guard backfilled.map({ committed.commitLSN <= $0 }) ?? true else { return committed.entries }
        return committed.entries.flatMap { entry -> [Entry] in
            guard entry.kind == .newPair, let partitionKey = entry.values.indices.last else { return [entry] }
            var key = entry.values
            key[partitionKey] = nil
            return [entry, Entry(values: key, kind: .key)]
        }
    }
}

/// Reads a WAL capture's slot and commits the keys of every decoded transaction into the change log, then
/// tells the slot how far it got (docs/change-capture.md, "Capture from the WAL").
///
/// Two tasks: the stream's messages are decoded as they come (`TransactionDecoder`) and queued by transaction;
/// the writer takes what is queued (waiting a moment for more when it is little) and commits it in one
/// statement: the entries into the generation the signal names, the decoded position in `partsync.captures`,
/// and a notification when the applier sleeps, as the capture trigger does. Only after that commit is the
/// position confirmed to the server, so a crash in between sends the transactions again and their keys are
/// logged twice, which applying tolerates (invariant 2). One decoder per slot: PostgreSQL lets one session
/// stream a slot at a time (SQLSTATE 55006 for another).
struct WALDecoder: Sendable {
    let context: MigrationContext
    let capture: CaptureRecord
    let configuration: ConnectionConfiguration
    let logger: Logger

    /// `application_name` of the decoder's sessions (the stream's walsender and the writer).
    static let applicationName = "partsync decode"
    /// Entries per write at most, and how long a write waits for more when it has fewer than `gatherBelow`.
    static let writeLimit = 5_000
    static let gather: Duration = .milliseconds(2)
    static let gatherBelow = 200

    init(context: MigrationContext, configuration: ConnectionConfiguration, logger: Logger) {
        self.context = context
        self.capture = context.capture(.forward)!
        self.configuration = configuration
        self.logger = logger
    }

    private var sessionConfiguration: ConnectionConfiguration {
        var configuration = configuration
        configuration.applicationName = Self.applicationName
        return configuration
    }

    /// Streams the slot and logs what it decodes until one of `stops` fires or, with `through`, until everything
    /// up to that position is in the log; calls `written` after each write that logged something. Returns the
    /// decoded position.
    /// - Throws: `PostgresError` 55006 when another session streams the slot; connection errors as they come.
    @discardableResult
    func run(through target: LSN? = nil, stops: [StopSignal] = [], written: @Sendable () -> Void = {}) async throws
        -> LSN
    {
        var stopped: Bool { stops.contains { $0.isStopped } }
        let writer = try await Connection.connect(sessionConfiguration)
        defer { Task { await writer.close() } }
        var decoded = try await WALCapture.decodedPosition(context.record.key, on: writer) ?? .zero
        if let target, decoded >= target { return decoded }
        let publication = capture.publication ?? ""
        let stream = try await ReplicationStream.start(
            sessionConfiguration, slot: capture.slot ?? "",
            options: [("proto_version", "1"), ("publication_names", SQLIdentifier.quote(publication)),
                      ("messages", "true")])
        let queue = DecodedQueue()
        for stop in stops { stop.attach(queue.wakeups) }
        let decoder = TransactionDecoder(shape: context.shape, tableOID: capture.tableOID,
                                         migrationKey: context.record.key)
        let pump = Task { [stream] in
            var decoder = decoder
            do {
                for try await messages in stream.messages {
                    var committed: [TransactionDecoder.Committed] = []
                    for message in messages {
                        switch message {
                        case .data(_, _, let payload):
                            if let one = try decoder.consume(try PgOutput.decode(payload)) { committed.append(one) }
                        case .keepalive(let serverEnd):
                            // Nothing of the captured table is in flight: the slot may move on (it keeps WAL only
                            // from the oldest position still needed). A keepalive may come in the middle of a
                            // transaction's messages, or after ones not yet queued: not then.
                            if !decoder.isInTransaction && committed.isEmpty && queue.isIdle {
                                stream.confirm(flushed: serverEnd)
                            }
                        }
                    }
                    if !committed.isEmpty { await queue.push(committed) }
                }
                queue.fail(PostgresError(kind: .connectionLost, message: "the replication stream ended"))
            } catch {
                queue.fail(error)
            }
        }
        defer {
            pump.cancel()
            stream.close()
        }
        var backfilled = try await WALCapture.backfilledPosition(context.record.key, on: writer)
        var echoTokens = EchoTokens()
        let write = writeSQL
        while true {
            if let target, decoded >= target { break }
            if stopped || Task.isCancelled { break }
            await queue.wakeups.wait(upTo: .seconds(1))
            var taken = try queue.take(upTo: Self.writeLimit)
            guard !taken.isEmpty else { continue }
            if taken.reduce(0, { $0 + $1.entries.count }) < Self.gatherBelow, target == nil {
                try? await Task.sleep(for: Self.gather)
                taken += try queue.take(upTo: Self.writeLimit)
            }
            if backfilled == nil { backfilled = try await WALCapture.backfilledPosition(context.record.key, on: writer) }
            let end = taken.last!.end
            var columns = Array(repeating: [String?](), count: context.shape.targetKey.count)
            var kinds: [String?] = []
            var times: [String?] = []
            var logged = 0
            var xids: [String?] = []
            for committed in taken {
                if let token = committed.echoToken, try await echoTokens.isApplier(token, context, on: writer) {
                    continue
                }
                if !committed.entries.isEmpty { xids.append(String(committed.xid)) }
                for entry in TransactionDecoder.entries(of: committed, backfilledAt: backfilled) {
                    for (index, value) in entry.values.enumerated() { columns[index].append(value) }
                    kinds.append(entry.kind.rawValue)
                    times.append(String(committed.commitTime))
                    logged += 1
                }
            }
            let parameters: [(any PostgresEncodable)?] = columns.map { ArrayLiteral.text($0) }
                + [ArrayLiteral.text(kinds), ArrayLiteral.text(times), end.description, context.record.key,
                   ArrayLiteral.text(xids)]
            // A transaction's commit is in the WAL (and decoded) a moment before other sessions' snapshots see
            // it: logged at once, its keys could be applied by a snapshot that does not see the change yet, and
            // the applier would re-read the row as it was before (an insert missed, a delete not applied). The
            // statement logs nothing until every transaction of the batch is visible to it; it is tried again
            // after 1 ms, then up to 20 ms, until it is (a moment, normally: the commit is already durable).
            var pause = 1
            while try await writer.query(prepared: write, parameters).first?.decode(Bool.self, at: 2) == false {
                try await Task.sleep(for: .milliseconds(pause))
                pause = min(pause * 2, 20)
            }
            decoded = max(decoded, end)
            queue.written(through: end)
            stream.confirm(flushed: end)
            if logged > 0 { written() }
        }
        return decoded
    }

    /// `sync --follow`'s decoder: runs until one of `stops` fires, starting again after a lost connection (with
    /// backoff) or while another session streams the slot for a moment (a cutover's or a verification's
    /// `settle`). A stream it cannot decode (the table was altered beyond the frozen shape) ends the run.
    func follow(stops: [StopSignal], retry: RetryPolicy, written: @Sendable @escaping () -> Void) async throws {
        var stopped: Bool { stops.contains { $0.isStopped } }
        let logger = self.logger.with(table: context.table, phase: .syncing).with(worker: "decoder")
        var failures = 0
        var inUseSince: ContinuousClock.Instant?
        var lastReport = ContinuousClock.now - .seconds(60)
        while !stopped && !Task.isCancelled {
            let began = ContinuousClock.now
            do {
                try await run(stops: stops) {
                    written()
                }
                return
            } catch let error as PgOutput.DecodeError {
                throw PartSyncError(
                    .database, table: context.table, phase: .syncing,
                    message: "the WAL stream of slot \(capture.slot ?? "") cannot be logged: \(error.description)",
                    nextStep: "see `partsync status --table \(context.table)`; a source altered since prepare needs "
                        + "the migration abandoned and prepared again")
            } catch let error as PostgresError where error.sqlState == .objectInUse {
                // Another session streams the slot (a settle elsewhere, or a stream that is still letting go).
                let since = inUseSince ?? .now
                inUseSince = since
                if ContinuousClock.now - since > .seconds(5), ContinuousClock.now - lastReport > .seconds(10) {
                    lastReport = .now
                    logger.warning("""
                        \(context.table): sync: slot \(capture.slot ?? "") is streamed by another session \
                        (\(error.message)); waiting for it
                        """)
                }
                try? await Task.sleep(for: .milliseconds(20))
            } catch {
                if stopped || Task.isCancelled { return }
                inUseSince = nil
                // A stream that ran a while before it failed starts the backoff again.
                failures = ContinuousClock.now - began > .seconds(5) ? 1 : failures + 1
                if ContinuousClock.now - lastReport > .seconds(5) {
                    lastReport = .now
                    logger.warning("\(context.table): sync: the WAL decoder failed (\(error)); starting it again")
                }
                try? await Task.sleep(for: .milliseconds(Int(retry.delay(forAttempt: min(failures, 6)))))
            }
        }
    }

    /// The writer's statement: the entries into the generation the signal names, the decoded position, and a
    /// notification when the applier sleeps and something was logged.
    var writeSQL: String {
        let columns = context.shape.loggedColumns
        let count = columns.count
        let unnest = (1...count + 2).map { "$\($0)::text[]" }.joined(separator: ", ")
        let aliases = (0..<count).map { "c\($0)" } + ["kind", "committed"]
        let values = columns.enumerated().map { "u.c\($0.offset)::\($0.element.type)" }.joined(separator: ", ")
        // The batch's transactions as xid8 (the stream's 32-bit ids in the epoch of this snapshot's xmax, or the
        // one before when that would put them past it), and whether this statement's snapshot sees every one.
        return """
            WITH snapshot AS (
                SELECT pg_catalog.pg_current_snapshot() AS s,
                       pg_catalog.pg_snapshot_xmax(pg_catalog.pg_current_snapshot())::text::int8 AS xmax
            ), visible AS (
                SELECT COALESCE(pg_catalog.bool_and(pg_catalog.pg_visible_in_snapshot(
                           (CASE WHEN (n.xmax >> 32 << 32 | x.v) <= n.xmax THEN n.xmax >> 32 << 32 | x.v
                                 ELSE ((n.xmax >> 32) - 1) << 32 | x.v END)::text::xid8, n.s)), true) AS ok
                FROM snapshot n, unnest($\(count + 5)::int8[]) AS x(v)
            ), signal AS (
                SELECT COALESCE(pg_catalog.pg_sequence_last_value(\(SQLLiteral.quote(capture.signal.sql))::pg_catalog.regclass), 0) AS v
            ), logged AS (
                INSERT INTO \(capture.log.sql)
                    (partsync_generation, \(KeySQL(context.shape).list(.target)), partsync_kind, partsync_logged_at)
                SELECT ((SELECT v FROM signal) / 2)::int2, \(values), u.kind::"char",
                       timestamptz '2000-01-01 00:00:00+00' + u.committed::int8 * interval '1 microsecond'
                FROM unnest(\(unnest)) AS u(\(aliases.joined(separator: ", ")))
                WHERE (SELECT ok FROM visible)
                RETURNING 1
            ), position AS (
                UPDATE partsync.captures
                SET decoded_lsn = GREATEST(decoded_lsn, $\(count + 3)::pg_lsn), decoded_at = pg_catalog.now()
                WHERE migration = $\(count + 4) AND direction = 'forward' AND (SELECT ok FROM visible)
                RETURNING 1
            )
            SELECT (SELECT count(*) FROM logged), (SELECT count(*) FROM position), (SELECT ok FROM visible),
                   CASE WHEN (SELECT v FROM signal) % 2 = 1 AND (SELECT count(*) FROM logged) > 0
                        THEN pg_catalog.pg_notify(\(SQLLiteral.quote(capture.channel)), '') END IS NULL
            """
    }
}

/// The reverse applier's echo token, as `partsync.appliers` holds it (read again whenever a mark carries another:
/// the applier registers a new token each time it takes its lock).
struct EchoTokens {
    private var known: String?

    mutating func isApplier(_ token: String, _ context: MigrationContext, on connection: Connection) async throws
        -> Bool
    {
        guard !token.isEmpty else { return false }
        if token == known { return true }
        known = try await connection.query(
            "SELECT echo_token FROM partsync.appliers WHERE migration = $1 AND direction = 'reverse'",
            [context.record.key]).first?[0]
        return token == known
    }
}

/// The decoded transactions between the stream's task and the writer, and whether everything decoded so far
/// is written (then a keepalive's position may be confirmed).
///
/// Invariant behind `@unchecked Sendable`: every stored property is read and written only under `lock`.
final class DecodedQueue: @unchecked Sendable {
    let wakeups = Wakeups()
    private let lock = NSLock()
    private var queued: [TransactionDecoder.Committed] = []
    private var queuedEntries = 0
    private var failure: (any Error)?
    private var lastQueued = LSN.zero
    private var lastWritten = LSN.zero
    /// Entries queued beyond which the stream's task waits for the writer (memory stays bounded).
    static let capacity = 50_000

    /// Queues the transactions of one read of the stream, waiting while the queue is full.
    func push(_ committed: [TransactionDecoder.Committed]) async {
        while !tryPush(committed) {
            try? await Task.sleep(for: .milliseconds(1))
            if Task.isCancelled { return }
        }
        wakeups.ring()
    }

    private func tryPush(_ committed: [TransactionDecoder.Committed]) -> Bool {
        lock.withLock {
            guard queuedEntries < Self.capacity else { return false }
            queued += committed
            queuedEntries += committed.reduce(0) { $0 + $1.entries.count }
            lastQueued = committed.last?.end ?? lastQueued
            return true
        }
    }

    func fail(_ error: any Error) {
        lock.lock()
        if failure == nil { failure = error }
        lock.unlock()
        wakeups.ring()
    }

    /// Whole transactions, at least one, until `limit` entries; throws the stream's error once it is drained.
    func take(upTo limit: Int) throws -> [TransactionDecoder.Committed] {
        lock.lock()
        defer { lock.unlock() }
        var count = 0
        var taken = 0
        while taken < queued.count, taken == 0 || count + queued[taken].entries.count <= limit {
            count += queued[taken].entries.count
            taken += 1
        }
        if taken == 0, let failure { throw failure }
        let result = Array(queued.prefix(taken))
        queued.removeFirst(taken)
        queuedEntries -= count
        return result
    }

    func written(through end: LSN) {
        lock.lock()
        lastWritten = max(lastWritten, end)
        lock.unlock()
    }

    /// Nothing decoded waits to be written.
    var isIdle: Bool {
        lock.lock()
        defer { lock.unlock() }
        return queued.isEmpty && lastWritten >= lastQueued
    }
}

/// Array parameters in PostgreSQL's text form, elements quoted, nil as NULL.
enum ArrayLiteral {
    /// Built byte by byte: the decoder writes one per logged column for every batch (string replacing was 15 %
    /// of the worker's CPU under single-row writes).
    static func text(_ values: [String?]) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        bytes.reserveCapacity(2 + values.count * 16)
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            guard let value else {
                bytes.append(contentsOf: "NULL".utf8)
                continue
            }
            bytes.append(UInt8(ascii: "\""))
            for byte in value.utf8 {
                if byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\"") { bytes.append(UInt8(ascii: "\\")) }
                bytes.append(byte)
            }
            bytes.append(UInt8(ascii: "\""))
        }
        bytes.append(UInt8(ascii: "}"))
        return String(decoding: bytes, as: UTF8.self)
    }
}
