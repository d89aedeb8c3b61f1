import Foundation
import PostgresClient

/// Reads the catalog and the data, and builds a `PartitionPlan`. Changes nothing.
public enum Planner {
    /// - Throws: `PartSyncError(.usage)` for a table name that does not parse or does not exist;
    ///   database errors as they come.
    public static func plan(_ options: PlanOptions, on connection: Connection) async throws -> PartitionPlan {
        let identifier: SQLIdentifier
        do {
            identifier = try SQLIdentifier.parse(options.table)
        } catch {
            throw PartSyncError(.usage, table: options.table, message: "\(error)")
        }
        if let target = options.target, target.isEmpty || target.utf8.count > 63 {
            throw PartSyncError(.usage, table: options.table, message: "--target must be 1 to 63 bytes long",
                                nextStep: "choose a shorter name; it is created in the source's schema")
        }
        guard (0...120).contains(options.premake) else {
            throw PartSyncError(.usage, table: options.table, message: "--premake must be between 0 and 120")
        }
        guard let oid = try await CatalogReader.resolve(identifier, on: connection),
              let source = try await CatalogReader.read(oid: oid, on: connection)
        else {
            throw PartSyncError(
                .usage, table: identifier.displayName, message: "no table named \(identifier.displayName) is visible",
                nextStep: "check the name and schema (quote mixed-case names: '\"Sales\".\"Order Events\"') and the "
                    + "search_path of the connecting role")
        }
        let profile = try await profile(source, key: options.partitionKey, on: connection)
        let schema = source.identifier.schema ?? "public"
        let names = try await connection.query(
            "SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = $1", [schema])
        let session = try await connection.query("SELECT pg_catalog.quote_ident(current_user), current_database()").first
        let currentUser = try session?.decode(String.self, at: 0) ?? ""
        let database = try session?.decode(String.self, at: 1) ?? ""
        let serverFindings = options.capture == .wal ? try await walFindings(source, on: connection) : []
        return PartitionPlan.build(
            source: source, options: options, profile: profile,
            existingNames: Set(names.rows.compactMap { $0[0] }), currentUser: currentUser, database: database,
            serverFindings: serverFindings)
    }

    /// What `--capture wal` needs of the server and the source: logical decoding, a role allowed to make a
    /// slot, a free slot, and a replica identity that publishes UPDATEs and DELETEs (with NOTHING, PostgreSQL
    /// would refuse the application's UPDATEs and DELETEs once the table is in a publication).
    static func walFindings(_ source: TableDefinition, on connection: Connection) async throws -> [Finding] {
        let row = try await connection.query(
            """
            SELECT pg_catalog.current_setting('wal_level'),
                   (SELECT r.rolreplication OR r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = current_user),
                   pg_catalog.current_setting('max_replication_slots')::int
                       - (SELECT count(*) FROM pg_catalog.pg_replication_slots)::int,
                   (SELECT c.relreplident::text FROM pg_catalog.pg_class c WHERE c.oid = $1::oid),
                   pg_catalog.current_setting('max_slot_wal_keep_size')
            """, [Int64(source.oid)]).first!
        let table = source.identifier.displayName
        var findings: [Finding] = []
        let walLevel = try row.decode(String.self, at: 0)
        if walLevel != "logical" {
            findings.append(Finding(
                .blocker, "wal-level", "--capture wal needs wal_level = logical; this server has \(walLevel)",
                fix: "ALTER SYSTEM SET wal_level = logical and restart the server, or use --capture trigger"))
        }
        if try row.decodeIfPresent(Bool.self, at: 1) != true {
            findings.append(Finding(
                .blocker, "no-replication-right", "--capture wal needs a role with REPLICATION (or a superuser) to "
                    + "make and read a replication slot",
                fix: "ALTER ROLE … REPLICATION, connect as such a role, or use --capture trigger"))
        }
        if try row.decode(Int.self, at: 2) < 1 {
            findings.append(Finding(
                .blocker, "no-free-slot", "--capture wal needs a replication slot, and max_replication_slots are all taken",
                fix: "raise max_replication_slots (a restart), drop an unused slot, or use --capture trigger"))
        }
        switch row[3] {
        case "d", "f":
            break
        case let identity:
            findings.append(Finding(
                .blocker, "replica-identity", "\(table) has REPLICA IDENTITY \(identity == "n" ? "NOTHING" : "USING INDEX"): "
                    + "in a publication its UPDATEs and DELETEs would fail (NOTHING) or name another key than its primary key",
                fix: "ALTER TABLE \(source.identifier.sql) REPLICA IDENTITY DEFAULT, or use --capture trigger"))
        }
        if row[4] == "-1" {
            findings.append(Finding(
                .warning, "slot-retention-unbounded", "max_slot_wal_keep_size is unbounded: while partsync's worker is "
                    + "stopped, its slot keeps every WAL segment since (partsync status shows how much)",
                fix: "set max_slot_wal_keep_size (e.g. ALTER SYSTEM SET max_slot_wal_keep_size = '10GB'; a reload) "
                    + "so a forgotten slot cannot fill the disk"))
        }
        return findings
    }

    /// min/max of the partition key (an index makes these instant) and whether any row has NULL there.
    static func profile(_ source: TableDefinition, key: String, on connection: Connection) async throws -> DataProfile {
        let today = try await connection.query("SELECT (now() AT TIME ZONE 'UTC')::date::text").first?[0]
        let todayDays = today.flatMap(DayText.days) ?? 0
        guard let column = source.column(key), KeyKind(typeOID: column.typeOID) != nil else {
            return DataProfile(minDay: nil, maxDay: nil, hasNulls: false, today: todayDays)
        }
        let quotedKey = SQLIdentifier.quote(key)
        let bounds = try await connection.query(
            "SELECT (SELECT min(\(quotedKey)) FROM \(source.identifier.sql))::text, "
                + "(SELECT max(\(quotedKey)) FROM \(source.identifier.sql))::text, "
                + (column.notNull ? "false"
                    : "EXISTS (SELECT 1 FROM \(source.identifier.sql) WHERE \(quotedKey) IS NULL)"))
        let row = bounds.first
        return DataProfile(
            minDay: row?[0].flatMap(DayText.days), maxDay: row?[1].flatMap(DayText.days),
            hasNulls: try row?.decode(Bool.self, at: 2) ?? false, today: todayDays)
    }
}
