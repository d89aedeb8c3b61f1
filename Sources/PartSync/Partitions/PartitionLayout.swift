import PostgresClient

/// A range-partitioned table as partition maintenance sees it: one time key, partitions that are each one whole
/// day, week, month or year, maybe a default partition, and the name pattern of its partitions. `recognise`
/// is pure (unit tested); `read` takes the facts from the catalog.
public struct PartitionLayout: Sendable, Equatable {
    /// One partition with range bounds, in days since 1970-01-01 (UTC midnights for timestamptz).
    public struct Member: Sendable, Equatable {
        public var name: SQLIdentifier
        public var from: Int64
        public var to: Int64
    }

    public var table: SQLIdentifier
    public var oid: UInt32
    /// The partition key column and its kind.
    public var key: String
    var keyKind: KeyKind
    public var interval: PartitionInterval
    /// Bounded partitions, by `from`.
    public var members: [Member]
    public var defaultPartition: SQLIdentifier?
    /// New partitions are named `<base>_<suffix>` (`messages_2027_04`).
    public var base: String

    /// Why a table's partitions are not a layout partsync maintains.
    public struct Unrecognised: Error, Sendable, Equatable {
        public var reason: String
    }

    /// A partition's name, kind of bound and bound text as the catalog gives them (`pg_get_expr` of
    /// `relpartbound`, in a UTC session): `FOR VALUES FROM ('2024-01-01 00:00:00+00') TO (…)` or `DEFAULT`.
    struct Bound: Sendable, Equatable {
        var name: SQLIdentifier
        var expression: String
    }

    /// Works out the interval and the name pattern from the partitions' bounds.
    /// - Throws: `Unrecognised` naming the first partition that is not one whole period of a single interval,
    ///   a bound that is not a midnight (or MINVALUE/MAXVALUE), or a table without bounded partitions.
    static func recognise(table: SQLIdentifier, oid: UInt32, key: String, keyKind: KeyKind, bounds: [Bound])
        throws -> PartitionLayout
    {
        var members: [Member] = []
        var defaultPartition: SQLIdentifier?
        for bound in bounds {
            if bound.expression == "DEFAULT" {
                defaultPartition = bound.name
                continue
            }
            guard let (from, to) = Self.days(bound.expression, keyKind: keyKind) else {
                throw Unrecognised(reason: "partition \(bound.name.displayName) has bounds partsync does not maintain "
                    + "(\(bound.expression)); it maintains ranges from one midnight to another")
            }
            members.append(Member(name: bound.name, from: from, to: to))
        }
        members.sort { $0.from < $1.from }
        guard let first = members.first else {
            throw Unrecognised(reason: "\(table.displayName) has no range partition to take the interval from")
        }
        let candidates: [PartitionInterval] = [.month, .day, .week, .year]
        guard let interval = candidates.first(where: { interval in
            members.allSatisfy { interval.periodStart(containing: $0.from) == $0.from && interval.nextPeriod(after: $0.from) == $0.to }
        }) else {
            let odd = members.first { member in
                !candidates.contains { $0.periodStart(containing: member.from) == member.from && $0.nextPeriod(after: member.from) == member.to }
            } ?? first
            throw Unrecognised(reason: "partition \(odd.name.displayName) (\(DayText.text(odd.from)) to "
                + "\(DayText.text(odd.to))) is not one whole day, week, month or year, or the partitions mix intervals")
        }
        // The base of the names: the newest partition named `<base>_<suffix>`, else the table's name.
        let base = members.reversed().lazy.compactMap { member -> String? in
            let suffix = "_" + interval.suffix(forPeriodStarting: member.from)
            return member.name.name.hasSuffix(suffix) ? String(member.name.name.dropLast(suffix.count)) : nil
        }.first ?? table.name
        return PartitionLayout(table: table, oid: oid, key: key, keyKind: keyKind, interval: interval,
                               members: members, defaultPartition: defaultPartition, base: base)
    }

    /// `FROM ('…') TO ('…')` as days, when both bounds are midnights written as the key's type prints them.
    static func days(_ expression: String, keyKind: KeyKind) -> (Int64, Int64)? {
        let parts = expression.components(separatedBy: "'")
        // FOR VALUES FROM (' <from> ') TO (' <to> ')
        guard parts.count == 5, parts[0] == "FOR VALUES FROM (", parts[2] == ") TO (", parts[4] == ")" else { return nil }
        func day(_ text: String) -> Int64? {
            let time = text.dropFirst(10)
            switch keyKind {
            case .timestamptz: guard time == " 00:00:00+00" else { return nil }
            case .timestamp: guard time == " 00:00:00" else { return nil }
            case .date: guard time.isEmpty else { return nil }
            }
            return DayText.days(text)
        }
        guard let from = day(parts[1]), let to = day(parts[3]), from < to else { return nil }
        return (from, to)
    }

    /// The partitions to create so that the current period and the `premake` after it exist: every period from
    /// the one holding `today` through `today` + `premake` periods that no partition covers, named
    /// `<base>_<suffix>`.
    public func missing(today: Int64, premake: Int) -> [Member] {
        let last = interval.advance(today, by: premake)
        return interval.periods(from: today, through: last).compactMap { start in
            let end = interval.nextPeriod(after: start)
            guard !members.contains(where: { $0.from < end && start < $0.to }) else { return nil }
            return Member(name: SQLIdentifier(schema: table.schema, name: Naming.fit(base, suffix: "_" + interval.suffix(forPeriodStarting: start))),
                          from: start, to: end)
        }
    }

    /// Whole periods after the current one that have a partition, without a gap; -1 when the current period
    /// itself has none (a row for now would go to the default partition, or fail).
    public func runway(today: Int64) -> Int {
        var start = interval.periodStart(containing: today)
        var count = -1
        while members.contains(where: { $0.from <= start && start < $0.to }) {
            count += 1
            start = interval.nextPeriod(after: start)
        }
        return count
    }

    /// The first day retention keeps: the start of the period `retain` periods before the current one.
    /// Partitions that end on or before it are entirely older than that.
    public func retentionCutoff(today: Int64, retain: Int) -> Int64 {
        var start = interval.periodStart(containing: today)
        for _ in 0..<max(0, retain) { start = interval.periodStart(containing: start - 1) }
        return start
    }

    /// `key >= from AND key < to` of a member, for rows of its period wherever they are.
    func periodCondition(_ member: Member) -> String {
        let key = SQLIdentifier.quote(self.key)
        return "\(key) >= \(keyKind.literal(member.from)) AND \(key) < \(keyKind.literal(member.to))"
    }

    /// Rows of the member's period in the default partition (0 without one).
    func strayRows(_ member: Member, on connection: Connection) async throws -> Int64 {
        guard let defaultPartition else { return 0 }
        return try await connection.query(
            "SELECT count(*) FROM \(defaultPartition.sql) WHERE \(periodCondition(member))").first!.decode(Int64.self, at: 0)
    }

    /// `FOR VALUES FROM (…) TO (…)` of a member, written for the key's type.
    func boundSQL(_ member: Member) -> String {
        "FOR VALUES FROM (\(keyKind.literal(member.from))) TO (\(keyKind.literal(member.to)))"
    }
}

extension PartitionLayout {
    /// Reads the layout of the range-partitioned table `oid`.
    /// - Throws: `Unrecognised` for a table that is not range-partitioned by one date or timestamp column, or
    ///   whose partitions `recognise` refuses.
    static func read(oid: UInt32, on connection: Connection) async throws -> PartitionLayout {
        guard let row = try await connection.query(
            """
            SELECT n.nspname, c.relname, p.partstrat::text, p.partnatts, a.attname, a.atttypid
            FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_catalog.pg_partitioned_table p ON p.partrelid = c.oid
            LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = p.partattrs[0]
            WHERE c.oid = $1::oid
            """, [Int64(oid)]).first
        else { throw Unrecognised(reason: "the table (oid \(oid)) no longer exists") }
        let table = SQLIdentifier(schema: try row.decode(String.self, at: 0), name: try row.decode(String.self, at: 1))
        guard let strategy: String = row[2] else {
            throw Unrecognised(reason: "\(table.displayName) is not a partitioned table")
        }
        guard strategy == "r", try row.decode(Int.self, at: 3) == 1, let key: String = row[4],
              let kind = KeyKind(typeOID: try row.decode(UInt32.self, at: 5))
        else {
            throw Unrecognised(reason: "\(table.displayName) is not range-partitioned by one timestamptz, timestamp "
                + "or date column (an expression key counts as none)")
        }
        let bounds = try await connection.query(
            """
            SELECT n.nspname, c.relname, pg_catalog.pg_get_expr(c.relpartbound, c.oid)
            FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class c ON c.oid = i.inhrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE i.inhparent = $1::oid
            """, [Int64(oid)]).rows.map { row in
            Bound(name: SQLIdentifier(schema: try row.decode(String.self, at: 0), name: try row.decode(String.self, at: 1)),
                  expression: try row.decode(String.self, at: 2))
        }
        return try recognise(table: table, oid: oid, key: key, keyKind: kind, bounds: bounds)
    }
}
