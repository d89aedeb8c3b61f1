import Foundation
import PostgresClient

/// An application's writes to a table, from several connections, with every acknowledged write remembered:
/// what the tests, the benchmark and the demo run through a migration, then compare the table with.
///
/// Each writer owns the rows it inserted and only updates, moves (a new partition-key value) or deletes its
/// own, so the expected final state of every row is exactly the last write its one connection got an
/// acknowledgement for. Statements name the table (never a prepared statement), as an application using
/// the simple or unnamed extended protocol does, so after a rename swap they reach whichever table holds the
/// name. Each operation's latency is measured from sending to the acknowledgement: the longest is the
/// stall a swap caused.
public final class WriteLoad: @unchecked Sendable {
    /// The statements of one table; `$1`… as documented on each.
    public struct Statements: Sendable {
        /// `$1` text, `$2` timestamptz; returns the new row's id (bigint).
        public var insert: String
        /// `$1` id, `$2` text.
        public var update: String
        /// `$1` id, `$2` timestamptz: a partition-key move.
        public var move: String
        /// `$1` id.
        public var delete: String
        /// Returns every row's id and text, to compare with the expected state.
        public var read: String

        public init(insert: String, update: String, move: String, delete: String, read: String) {
            self.insert = insert
            self.update = update
            self.move = move
            self.delete = delete
            self.read = read
        }

        /// A table with `id bigint` (drawn by the table), a text column and a timestamptz partition key.
        public static func simple(_ table: String, text: String = "body", time: String = "created_at") -> Statements {
            Statements(
                insert: "INSERT INTO \(table) (\(text), \(time)) VALUES ($1, $2::timestamptz) RETURNING id",
                update: "UPDATE \(table) SET \(text) = $2 WHERE id = $1",
                move: "UPDATE \(table) SET \(time) = $2::timestamptz WHERE id = $1",
                delete: "DELETE FROM \(table) WHERE id = $1",
                read: "SELECT id, \(text) FROM \(table)")
        }
    }

    public struct Summary: Sendable, Equatable {
        public var operations: Int
        public var failures: [String]
        /// The longest time one operation took, in milliseconds.
        public var longestMilliseconds: Double
        public var insertedRows: Int
    }

    // Invariant behind `@unchecked Sendable`: the mutable state is read and written only under `lock`;
    // `configuration`, `statements`, `writers`, `period`, `pause` and `session` never change.
    private let lock = NSLock()
    private var expected: [Int64: String?] = [:]
    private var operations = 0
    private var failures: [String] = []
    private var longest: Duration = .zero
    private var longestInInterval: Duration = .zero
    private var stopped = false
    private var tasks: [Task<Void, Never>] = []

    let configuration: ConnectionConfiguration
    let statements: Statements
    public let writers: Int
    /// Partition-key values are drawn from this range.
    let period: ClosedRange<Date>
    let pause: Duration
    /// What each writer runs once after connecting (given its index from 0): `SET ROLE authenticated` and the JWT
    /// claim of the user it acts as, for writes through row-level security.
    let session: @Sendable (Int) -> [String]

    public init(configuration: ConnectionConfiguration, statements: Statements, writers: Int = 4,
                period: ClosedRange<Date>, pause: Duration = .milliseconds(2),
                session: @escaping @Sendable (Int) -> [String] = { _ in [] }) {
        self.configuration = configuration
        self.statements = statements
        self.writers = writers
        self.period = period
        self.pause = pause
        self.session = session
    }

    /// Connects every writer and starts writing.
    public func start() async throws {
        var connections: [Connection] = []
        for index in 0..<writers {
            var configuration = configuration
            configuration.applicationName = "partsync write load"
            let connection = try await Connection.connect(configuration)
            for statement in session(index) { try await connection.execute(statement) }
            connections.append(connection)
        }
        for (index, connection) in connections.enumerated() {
            let task = Task { await self.write(on: connection, seed: UInt64(index + 1)) }
            lock.withLock { tasks.append(task) }
        }
    }

    /// Stops after each writer's operation in flight.
    public func stop() async -> Summary {
        let running = lock.withLock {
            stopped = true
            return tasks
        }
        for task in running { await task.value }
        return summary
    }

    public var summary: Summary {
        lock.withLock {
            Summary(operations: operations, failures: failures, longestMilliseconds: Self.milliseconds(longest),
                    insertedRows: expected.count)
        }
    }

    /// The longest operation since the start or the previous call, in milliseconds; starts a new interval.
    public func takeLongest() -> Double {
        lock.withLock {
            defer { longestInInterval = .zero }
            return Self.milliseconds(longestInInterval)
        }
    }

    /// Rows whose text (or absence) differs from the last acknowledged write, checked through `read` on
    /// `connection`; empty when every acknowledged write is there.
    public func mismatches(on connection: Connection) async throws -> [String] {
        var actual: [Int64: String?] = [:]
        for row in try await connection.query(statements.read).rows {
            actual[try row.decode(Int64.self, at: 0)] = .some(row[1])
        }
        let expected = lock.withLock { self.expected }
        var problems: [String] = []
        for (id, text) in expected.sorted(by: { $0.key < $1.key }) {
            switch (text, actual[id]) {
            case (nil, nil): continue
            case (nil, .some): problems.append("id \(id) was deleted but is there")
            case (.some, nil): problems.append("id \(id) is missing")
            case (.some(let want), .some(let have)) where want != have:
                problems.append("id \(id) has \(have ?? "NULL"), the last acknowledged write set \(want)")
            default: continue
            }
        }
        return problems
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    private static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    private func record(_ started: ContinuousClock.Instant, _ change: (inout [Int64: String?]) -> Void) {
        let took = ContinuousClock.now - started
        lock.withLock {
            operations += 1
            longest = max(longest, took)
            longestInInterval = max(longestInInterval, took)
            change(&expected)
        }
    }

    private func write(on connection: Connection, seed: UInt64) async {
        var random = SeededRandom(seed: seed)
        var mine: [Int64] = []
        var counter = 0
        while !isStopped {
            counter += 1
            let roll = random.next() % 100
            let started = ContinuousClock.now
            let when = period.lowerBound.addingTimeInterval(
                Double(random.next() % 1_000_000) / 1_000_000 * period.upperBound.timeIntervalSince(period.lowerBound))
            let stamp = ISO8601DateFormatter().string(from: when)
            do {
                if roll < 50 || mine.isEmpty {
                    let text = "w\(seed)-\(counter)"
                    let id = try await connection.query(statements.insert, [text, stamp]).first!.decode(Int64.self, at: 0)
                    mine.append(id)
                    record(started) { $0[id] = .some(text) }
                } else {
                    let index = Int(random.next() % UInt64(mine.count))
                    let id = mine[index]
                    if roll < 75 {
                        let text = "w\(seed)-\(counter) updated"
                        try await connection.query(statements.update, [id, text])
                        record(started) { $0[id] = .some(text) }
                    } else if roll < 88 {
                        try await connection.query(statements.move, [id, stamp])
                        record(started) { _ in }
                    } else {
                        try await connection.query(statements.delete, [id])
                        mine.remove(at: index)
                        record(started) { $0[id] = .some(nil) }
                    }
                }
            } catch {
                lock.withLock { failures.append("\(error)") }
                if !(await connection.isOpen) { break }
            }
            if pause > .zero { try? await Task.sleep(for: pause) }
        }
        await connection.close()
    }
}

/// A small deterministic generator (SplitMix64), so a load (or a test's workload) can be replayed from its seed.
public struct SeededRandom: Sendable {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
