import PostgresClient

/// A complete, reviewable plan: the target, its partitions, every finding, and the DDL that `prepare` runs.
///
/// Pure: built from a `TableDefinition`, the options and a `DataProfile`, so it is unit- and golden-tested
/// without a server. `prepare` executes `statements` in one transaction; `plan --out` writes `script`.
public struct PartitionPlan: Sendable {
    public struct Partition: Sendable, Equatable {
        public var name: SQLIdentifier
        /// Days since 1970-01-01; nil for the default partition.
        public var from: Int64?
        public var to: Int64?
        public var isDefault: Bool { from == nil }
    }

    public let source: TableDefinition
    public let options: PlanOptions
    public let target: SQLIdentifier
    public let migrationKey: String
    public let partitions: [Partition]
    public let findings: [Finding]
    public let capture: CaptureSQL?
    /// The shape the migration freezes (nil when a blocker leaves no plan to run).
    public let shape: MigrationShape?
    /// The target's DDL: table, constraints, indexes, partitions, security, comments.
    public let targetStatements: [String]

    public var blockers: [Finding] { findings.filter { $0.severity == .blocker } }
    public var partitionKey: String { options.partitionKey }

    /// What `prepare` runs after bringing the state schema up to date, in order, inside one transaction: the
    /// target, the capture, the state rows.
    public var statements: [String] {
        guard let capture, let shape else { return [] }
        return targetStatements + capture.statements + StateStore.registration(
            key: migrationKey, source: source.identifier, target: target, options: options, shape: shape,
            capture: capture.record,
            message: "prepared \(target.displayName) with \(partitions.count) partitions by partsync \(PartSyncVersion.current)")
    }

    /// A migration file that `psql -v ON_ERROR_STOP=1 -f` applies: one transaction, short lock_timeout.
    public func script(generatedAt: String) -> String {
        var text = """
            -- partsync \(PartSyncVersion.current): partition \(source.identifier.displayName) into \(target.displayName)
            -- by RANGE (\(partitionKey)), one partition per \(options.interval.rawValue), \(options.premake) ahead\
            \(options.defaultPartition ? ", with a default partition" : "").
            -- generated \(generatedAt); apply with: psql -v ON_ERROR_STOP=1 -f <this file>
            -- The capture triggers wait for in-flight writers on the source; lock_timeout makes them give up
            -- quickly instead of queueing in front of the application. Rerun if it times out.

            """
        for finding in findings where finding.severity != .note {
            text += "-- \(finding.severity.rawValue): \(finding.message.replacing("\n", with: "\n--   "))\n"
        }
        if let capture, capture.record.method == .wal, let slot = capture.record.slot {
            // A slot cannot be made in a transaction that wrote, and must be made after its publication
            // committed and before the capture's transaction does (docs/change-capture.md).
            text += """

                -- WAL capture: the publication, then the slot, each committed on its own before the transaction
                -- below; if the transaction fails, drop both (SELECT pg_drop_replication_slot('\(slot)');
                -- DROP PUBLICATION \(SQLIdentifier.quote(capture.record.publication ?? slot));) before running this again.
                \(capture.publicationSQL);
                SELECT pg_catalog.pg_create_logical_replication_slot(\(SQLLiteral.quote(slot)), 'pgoutput');

                """
        }
        text += "\nBEGIN;\nSET LOCAL lock_timeout = '\(Preparer.defaultLockTimeoutMilliseconds)ms';\n\n"
        for statement in StateSchema.scriptStatements + statements { text += statement + ";\n\n" }
        text += "COMMIT;\n"
        return text
    }
}

extension PartitionPlan {
    /// Builds the plan. Never throws: problems become blockers.
    /// - Parameters:
    ///   - existingNames: relation names already taken in the source's schema (for name clashes).
    ///   - currentUser: the role that will run the DDL, quoted (ownership is handed to the source's owner).
    ///   - database: the database's name (in a WAL capture's slot name: slots are the cluster's).
    ///   - serverFindings: what the server allows, read by the planner (`--capture wal`'s needs).
    public static func build(
        source: TableDefinition, options: PlanOptions, profile: DataProfile, existingNames: Set<String>,
        currentUser: String, database: String = "", serverFindings: [Finding] = []
    ) -> PartitionPlan {
        var findings: [Finding] = serverFindings
        let table = source.identifier.displayName
        let schema = source.identifier.schema
        let targetName = options.target ?? Naming.fit(source.identifier.name, suffix: "_partitioned")
        let target = SQLIdentifier(schema: schema, name: targetName)
        let key = options.partitionKey
        let migrationKey = Naming.migrationKey(for: source.identifier)

        // Shape of the source.
        switch source.kind {
        case "r": break
        case "p":
            findings.append(Finding(.blocker, "already-partitioned", "\(table) is already a partitioned table",
                                    fix: "partsync converts plain tables; use `partsync partitions` to maintain it"))
        default:
            findings.append(Finding(.blocker, "not-a-table", "\(table) is not an ordinary table (relkind \(source.kind))",
                                    fix: "point --table at the table itself, not a view or index"))
        }
        if source.isPartition || source.hasInheritance {
            findings.append(Finding(.blocker, "inheritance", "\(table) takes part in inheritance or is a partition",
                                    fix: "detach it (ALTER TABLE … NO INHERIT / DETACH PARTITION) first"))
        }
        if source.persistence == "t" {
            findings.append(Finding(.blocker, "temporary", "\(table) is a temporary table", fix: nil))
        }

        // Primary key.
        let primary = source.primaryKey
        if primary == nil {
            findings.append(Finding(
                .blocker, "no-primary-key", "\(table) has no primary key; rows cannot be matched between the tables",
                fix: "add one (e.g. ALTER TABLE \(source.identifier.sql) ADD PRIMARY KEY (id)), then plan again"))
        }

        // Partition key.
        let keyColumn = source.column(key)
        var keyKind: KeyKind?
        if let keyColumn {
            keyKind = KeyKind(typeOID: keyColumn.typeOID)
            if keyKind == nil {
                findings.append(Finding(
                    .blocker, "partition-key-type",
                    "partition key \(key) of \(table) is \(keyColumn.type); partsync partitions by time ranges",
                    fix: "choose a timestamptz, timestamp or date column with --partition-key"))
            }
            if keyColumn.generatedExpression != nil {
                findings.append(Finding(.blocker, "partition-key-generated",
                                        "partition key \(key) of \(table) is a generated column",
                                        fix: "PostgreSQL cannot partition by a generated column; choose another"))
            }
            if !keyColumn.notNull {
                if profile.hasNulls {
                    findings.append(Finding(
                        .blocker, "partition-key-nulls",
                        "partition key \(key) of \(table) holds NULLs; the partitioned primary key must include it, "
                            + "so those rows cannot be stored even in a default partition",
                        fix: "give them a value (UPDATE \(source.identifier.sql) SET \(SQLIdentifier.quote(key)) = … "
                            + "WHERE \(SQLIdentifier.quote(key)) IS NULL) and make the column NOT NULL"))
                } else {
                    findings.append(Finding(
                        .warning, "partition-key-nullable",
                        "partition key \(key) of \(table) is nullable; it is NOT NULL in the target, so a NULL "
                            + "written during the migration could not be copied",
                        fix: "add a NOT NULL guard to the source: ADD CONSTRAINT … CHECK (\(SQLIdentifier.quote(key)) "
                            + "IS NOT NULL) NOT VALID, then VALIDATE CONSTRAINT (no long lock)"))
                }
            }
        } else {
            findings.append(Finding(.blocker, "partition-key-missing", "\(table) has no column named \(key)",
                                    fix: "name an existing timestamptz, timestamp or date column with --partition-key"))
        }

        // Unique constraints and indexes must contain the partition key.
        for constraint in source.constraints where constraint.type == "u" && !constraint.columns.contains(key) {
            findings.append(Finding(
                .blocker, "unique-without-key",
                "unique constraint \(constraint.name) on \(table) (\(constraint.columns.joined(separator: ", "))) "
                    + "does not include \(key); a partitioned table can only enforce uniqueness within a partition",
                fix: "add \(key) to the constraint, or drop it if uniqueness per partition is not needed"))
        }
        for index in source.indexes where index.isUnique && !index.backsConstraint {
            if !index.keyColumns.contains(key) {
                findings.append(Finding(
                    .blocker, "unique-without-key",
                    "unique index \(index.name) on \(table) does not include \(key)",
                    fix: "recreate it with \(key) as an extra column, or drop it"))
            }
        }
        for constraint in source.constraints where constraint.type == "x" {
            findings.append(Finding(.blocker, "exclusion-constraint",
                                    "exclusion constraint \(constraint.name) on \(table) cannot be partitioned on PostgreSQL 15",
                                    fix: "drop it or enforce it in the application"))
        }

        // Foreign keys pointing at the table.
        for foreignKey in source.foreignKeysIn {
            findings.append(Finding(
                .blocker, "referenced-by-foreign-key",
                "foreign key \(foreignKey.name) on \(foreignKey.table) points at \(table) (\(foreignKey.definition)); "
                    + "after the swap it would have to reference the partitioned table, which needs \(key) in it",
                fix: "drop it (ALTER TABLE \(foreignKey.table) DROP CONSTRAINT \(SQLIdentifier.quote(foreignKey.name))), "
                    + "or add \(key) to \(foreignKey.table) and to the key it references"))
        }

        // Partitions.
        var partitions: [Partition] = []
        let first = profile.minDay ?? profile.today
        let last = max(profile.maxDay ?? profile.today, options.interval.advance(profile.today, by: options.premake))
        for start in options.interval.periods(from: first, through: last) {
            let name = Naming.fit(source.identifier.name, suffix: "_" + options.interval.suffix(forPeriodStarting: start))
            partitions.append(Partition(name: SQLIdentifier(schema: schema, name: name), from: start,
                                        to: options.interval.nextPeriod(after: start)))
        }
        if options.defaultPartition {
            partitions.append(Partition(name: SQLIdentifier(schema: schema, name: Naming.fit(source.identifier.name, suffix: "_default")),
                                        from: nil, to: nil))
        }
        if partitions.count > 400 {
            findings.append(Finding(
                .warning, "many-partitions",
                "\(partitions.count) partitions: the data spans \(DayText.text(first)) to \(DayText.text(last))",
                fix: "check for outlier \(key) values, or use a wider --interval"))
        }

        // Names that would clash.
        for name in [targetName] + partitions.map(\.name.name) where existingNames.contains(name) {
            findings.append(Finding(
                .blocker, "name-taken", "a relation named \(SQLIdentifier(schema: schema, name: name).displayName) already exists",
                fix: name == targetName ? "choose another name with --target, or drop it if it is left over"
                    : "rename or drop it, or choose another --target"))
        }

        // Things that are not carried over.
        if !source.triggers.isEmpty {
            findings.append(Finding(.warning, "triggers-not-copied",
                                    "triggers on \(table) are not copied: \(source.triggers.joined(separator: ", "))",
                                    fix: "recreate them on \(target.displayName) before cutover if they are still needed"))
        }
        if !source.dependentViews.isEmpty {
            findings.append(Finding(.warning, "dependent-views",
                                    "views that use \(table) keep pointing at the old table after cutover: "
                                        + source.dependentViews.joined(separator: ", "),
                                    fix: "recreate them after cutover (CREATE OR REPLACE VIEW …)"))
        }
        if !source.dependentFunctions.isEmpty {
            findings.append(Finding(.warning, "dependent-functions",
                                    "functions that mention \(table): \(source.dependentFunctions.joined(separator: ", ")); "
                                        + "SQL-body functions bound to it keep the old table after cutover",
                                    fix: "review them; plpgsql functions resolve names at run time and follow the rename"))
        }
        if source.replicaIdentity != "d" {
            findings.append(Finding(.warning, "replica-identity",
                                    "\(table) has a non-default REPLICA IDENTITY; it is not copied to the partitions",
                                    fix: "set it on the new partitions after cutover if logical replication needs it"))
        }
        if source.persistence == "u" {
            findings.append(Finding(.warning, "unlogged", "\(table) is UNLOGGED; the partitions will be logged"))
        }
        for index in source.indexes where !index.isValid {
            findings.append(Finding(.warning, "invalid-index", "index \(index.name) is invalid and is not copied",
                                    fix: "REINDEX it on the source, or recreate it on the target"))
        }
        for constraint in source.constraints where constraint.type == "c" && constraint.definition.hasSuffix(" NOT VALID") {
            findings.append(Finding(.warning, "check-not-valid",
                                    "CHECK \(constraint.name) is NOT VALID on \(table) but is enforced on the target; "
                                        + "old rows that break it will stop the backfill",
                                    fix: "VALIDATE CONSTRAINT \(constraint.name) on the source first to be sure"))
        }
        for column in source.columns where column.identity != nil {
            findings.append(Finding(.note, "identity-shared",
                                    "identity column \(column.name) keeps drawing from \(column.sequence ?? "its sequence"); "
                                        + "the target uses it as a DEFAULT so both tables hand out unique values"))
        }
        let deferred = source.indexes.filter { !$0.backsConstraint && $0.isValid && $0.definitionTail != nil }
        if !deferred.isEmpty {
            findings.append(Finding(.note, "indexes-after-copy",
                                    "\(deferred.count) secondary index(es) are created ON ONLY the partitioned table; "
                                        + "`partsync backfill` builds them on every partition after the copy "
                                        + "(loading with only the primary key is much faster)"))
        }
        // 2M rows copied and indexed in about 13 s on 2 cores (docs/BENCHMARKS.md).
        let megabytes = source.totalBytes / 1_048_576
        let seconds = max(1, source.estimatedRows / 150_000)
        findings.append(Finding(.note, "estimate",
                                "\(table): about \(source.estimatedRows) rows, \(megabytes) MB; a rough backfill estimate is "
                                    + "\(seconds) s on 2 cores (measured rates are in docs/BENCHMARKS.md)"))

        let ready = findings.allSatisfy { $0.severity != .blocker } && keyColumn != nil && keyKind != nil
            && primary != nil
        guard ready, let primary, let keyKind else {
            return PartitionPlan(source: source, options: options, target: target, migrationKey: migrationKey,
                                 partitions: partitions, findings: findings, capture: nil, shape: nil,
                                 targetStatements: [])
        }

        let shape = MigrationShape(columns: source.columns.map(MigrationShape.Column.init),
                                   primaryKey: primary.columns, partitionKey: key)
        let capture = CaptureSQL(
            record: CaptureRecord.named(migrationKey: migrationKey, direction: .forward, tableOID: source.oid,
                                        method: options.capture, database: database),
            table: source.identifier, shape: shape)
        let ddl = TargetDDL(source: source, target: target, partitionKey: key, keyKind: keyKind,
                            primaryKey: shape.targetKey,
                            partitions: partitions, currentUser: currentUser)
        return PartitionPlan(source: source, options: options, target: target, migrationKey: migrationKey,
                             partitions: partitions, findings: findings, capture: capture, shape: shape,
                             targetStatements: ddl.statements)
    }
}

/// The types partsync range-partitions by, and how their bounds are written.
enum KeyKind: Sendable {
    case timestamptz, timestamp, date

    init?(typeOID: UInt32) {
        switch typeOID {
        case 1184: self = .timestamptz
        case 1114: self = .timestamp
        case 1082: self = .date
        default: return nil
        }
    }

    func literal(_ day: Int64) -> String {
        switch self {
        case .timestamptz: return SQLLiteral.quote(DayText.text(day) + " 00:00:00+00")
        case .timestamp: return SQLLiteral.quote(DayText.text(day) + " 00:00:00")
        case .date: return SQLLiteral.quote(DayText.text(day))
        }
    }
}

/// Names of everything partsync creates.
enum Naming {
    /// `base + suffix`, with `base` shortened so the whole fits PostgreSQL's 63-byte identifier limit.
    static func fit(_ base: String, suffix: String) -> String {
        var base = base
        while base.utf8.count + suffix.utf8.count > 63, !base.isEmpty { base.removeLast() }
        return base + suffix
    }

    /// A name for something of the target derived from the source's: `messages_pkey` → `messages_partitioned_pkey`.
    static func derive(_ name: String, sourceTable: String, targetTable: String) -> String {
        if name.hasPrefix(sourceTable) { return fit(targetTable, suffix: String(name.dropFirst(sourceTable.count))) }
        return fit(name, suffix: "_p")
    }

    /// A stable key for a source table: readable prefix plus a hash, safe inside identifiers and channels.
    static func migrationKey(for table: SQLIdentifier) -> String {
        let readable = table.name.lowercased().unicodeScalars
            .map { ("a"..."z").contains($0) || ("0"..."9").contains($0) ? Character($0) : "_" }
        return String(String(readable).prefix(30)) + "_" + hash((table.schema ?? "") + "\u{0}" + table.name)
    }

    /// A partition's copy of a parent index: `messages_partitioned_user_id_idx` on `messages_2024_01` →
    /// `messages_2024_01_user_id_idx`. Names longer than 63 bytes are cut and end in a hash of the full
    /// name, so two partitions whose names differ only at the end never collide.
    static func partitionIndex(parentIndex: String, parent: String, partition: String) -> String {
        let rest = parentIndex.hasPrefix(parent) ? String(parentIndex.dropFirst(parent.count)) : "_" + parentIndex
        let full = partition + rest
        if full.utf8.count <= 63 { return full }
        var cut = full
        while cut.utf8.count > 54 { cut.removeLast() }
        return cut + "_" + hash(full)
    }

    /// The first 8 hex digits of the 64-bit FNV-1a hash of `text`.
    static func hash(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let hex = String(hash, radix: 16)
        return String((String(repeating: "0", count: 16 - hex.count) + hex).prefix(8))
    }
}
