import PostgresClient

/// The shape of a migration, frozen at `prepare` and stored in `partsync.migrations.shape`: the source's
/// columns with their types, its primary key and the partition key. Every phase renders its SQL from this
/// (through `KeySQL`), never from a fresh look at the catalog, and compares it with the live catalog when it
/// starts (`drift(from:)`), so a column added, dropped or retyped during the migration stops the phase instead
/// of silently copying the wrong set of columns.
public struct MigrationShape: Sendable, Equatable, Codable {
    public struct Column: Sendable, Equatable, Codable {
        public var name: String
        /// `format_type`, e.g. `bigint`, `numeric(12,2)`, `"Sales".mood`.
        public var type: String
        /// A `GENERATED ALWAYS AS (…) STORED` column: the target computes it, so it is never written.
        public var generated: Bool

        public init(name: String, type: String, generated: Bool) {
            self.name = name
            self.type = type
            self.generated = generated
        }

        /// A catalog column as the shape records it.
        public init(_ column: TableDefinition.Column) {
            self.init(name: column.name, type: column.type, generated: column.generatedExpression != nil)
        }
    }

    /// Every column of the source, in order.
    public var columns: [Column]
    /// The source's primary-key columns, in key order.
    public var primaryKey: [String]
    public var partitionKey: String

    public init(columns: [Column], primaryKey: [String], partitionKey: String) {
        self.columns = columns
        self.primaryKey = primaryKey
        self.partitionKey = partitionKey
    }

    public func column(_ name: String) -> Column? { columns.first { $0.name == name } }

    /// The target's primary key: the source's key columns plus the partition key (once).
    public var targetKey: [String] { primaryKey.contains(partitionKey) ? primaryKey : primaryKey + [partitionKey] }

    /// Columns written by INSERT (generated columns are computed by the target itself).
    public var insertColumns: [String] { columns.filter { !$0.generated }.map(\.name) }

    /// What one change-log entry holds: the target key's columns with their types.
    public var loggedColumns: [Column] { targetKey.compactMap(column) }

    /// The source's key columns with their types (checkpoints, keyset pagination).
    public var keyColumns: [Column] { primaryKey.compactMap(column) }

    /// A change between the frozen shape and a table's live columns.
    public enum Drift: Sendable, Equatable, CustomStringConvertible {
        case added(String, type: String)
        case dropped(String)
        case retyped(String, from: String, to: String)
        case generation(String, generated: Bool)
        case primaryKey(from: [String], to: [String]?)

        public var description: String {
            switch self {
            case .added(let name, let type): return "column \(name) (\(type)) was added"
            case .dropped(let name): return "column \(name) was dropped"
            case .retyped(let name, let from, let to): return "column \(name) changed type from \(from) to \(to)"
            case .generation(let name, let generated):
                return "column \(name) \(generated ? "became" : "is no longer") a generated column"
            case .primaryKey(let from, let to):
                return "the primary key changed from (\(from.joined(separator: ", "))) to "
                    + (to.map { "(\($0.joined(separator: ", ")))" } ?? "none")
            }
        }
    }

    /// How `live` differs from this shape.
    /// - Parameter primaryKey: the key `live` must have (the source's by default; the target's is the target key).
    public func drift(from live: TableDefinition, primaryKey expectedKey: [String]? = nil) -> [Drift] {
        drift(from: live.columns.map(Column.init),
              primaryKey: live.primaryKey?.columns, expected: expectedKey ?? primaryKey)
    }

    /// How `live` columns and key differ from this shape: by column name, so a reorder alone is no drift (every
    /// statement names its columns). Pure, unit tested.
    public func drift(from live: [Column], primaryKey liveKey: [String]?, expected expectedKey: [String]) -> [Drift] {
        var changes: [Drift] = []
        for column in columns {
            guard let now = live.first(where: { $0.name == column.name }) else {
                changes.append(.dropped(column.name))
                continue
            }
            if now.type != column.type { changes.append(.retyped(column.name, from: column.type, to: now.type)) }
            if now.generated != column.generated { changes.append(.generation(column.name, generated: now.generated)) }
        }
        for column in live where self.column(column.name) == nil {
            changes.append(.added(column.name, type: column.type))
        }
        if liveKey != expectedKey { changes.append(.primaryKey(from: expectedKey, to: liveKey)) }
        return changes
    }
}
