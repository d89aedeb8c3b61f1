/// The complete result of one statement: column metadata, rows as text, and the command's tag.
///
/// Values are copied out of libpq's `PGresult` before it is cleared, so a result is a plain Sendable value.
public struct QueryResult: Sendable {
    public struct Column: Sendable, Hashable {
        public let name: String
        /// The type's OID (`pg_type.oid`).
        public let typeOID: UInt32
    }

    public let columns: [Column]
    public let rows: [Row]
    /// e.g. `INSERT 0 5`, `UPDATE 3`, `CREATE TABLE`.
    public let commandTag: String
    /// Rows affected by INSERT/UPDATE/DELETE/MERGE/SELECT/COPY, if the command reports it.
    public let affectedRows: Int?

    public var isEmpty: Bool { rows.isEmpty }
    public var first: Row? { rows.first }
}

/// One result row. Columns are addressed by position or by name.
public struct Row: Sendable {
    let columns: [QueryResult.Column]
    public let values: [String?]

    public var count: Int { values.count }

    /// The raw text of a column, `nil` for NULL.
    public subscript(_ index: Int) -> String? { values[index] }

    public subscript(_ name: String) -> String? {
        guard let index = columns.firstIndex(where: { $0.name == name }) else { return nil }
        return values[index]
    }

    /// Decodes a non-NULL column.
    /// - Throws: `PostgresError` (`.client`) when the column is NULL or its text is not a `T`.
    public func decode<T: PostgresDecodable>(_ type: T.Type = T.self, at index: Int) throws -> T {
        guard index < values.count else {
            throw PostgresError(kind: .client, message: "column \(index) does not exist (row has \(values.count))")
        }
        guard let value = try decodeIfPresent(type, at: index) else {
            throw PostgresError(kind: .client, message: "column \(columns[index].name) is NULL, expected \(T.self)")
        }
        return value
    }

    /// Decodes a column that may be NULL.
    public func decodeIfPresent<T: PostgresDecodable>(_ type: T.Type = T.self, at index: Int) throws -> T? {
        guard let text = values[index] else { return nil }
        guard let value = T(postgresText: text) else {
            throw PostgresError(
                kind: .client, message: "column \(columns[index].name) holds '\(text.prefix(64))', not a \(T.self)")
        }
        return value
    }

    public func decode<T: PostgresDecodable>(_ type: T.Type = T.self, _ name: String) throws -> T {
        try decode(type, at: index(of: name))
    }

    public func decodeIfPresent<T: PostgresDecodable>(_ type: T.Type = T.self, _ name: String) throws -> T? {
        try decodeIfPresent(type, at: index(of: name))
    }

    private func index(of name: String) throws -> Int {
        guard let index = columns.firstIndex(where: { $0.name == name }) else {
            throw PostgresError(kind: .client, message: "no column named \(name) in the result")
        }
        return index
    }
}
