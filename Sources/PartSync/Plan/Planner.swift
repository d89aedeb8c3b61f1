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
        let currentUser = try await connection.query("SELECT pg_catalog.quote_ident(current_user)").first?
            .decode(String.self, at: 0) ?? ""
        return PartitionPlan.build(
            source: source, options: options, profile: profile,
            existingNames: Set(names.rows.compactMap { $0[0] }), currentUser: currentUser)
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
