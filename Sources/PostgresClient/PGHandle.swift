import CLibPQ
import Foundation

/// Owns one `PGconn*`.
///
/// Invariant behind `@unchecked Sendable`: every method except `finish()` from `deinit` is called on the owning
/// `Connection`'s executor thread (the actor's isolation), so libpq never sees two threads on one connection.
final class PGHandle: @unchecked Sendable {
    private var connection: OpaquePointer?
    var connectionPointer: OpaquePointer? { connection }
    let cancelToken: CancelToken
    let backendPID: Int32
    let target: String
    let serverVersion: Int
    /// Passwords the configuration carries; every error built on this connection is scrubbed of them.
    let secrets: [String]
    /// Statements prepared on this connection, by their text: the server-side name of each.
    private var prepared: [String: String] = [:]

    private init(connection: OpaquePointer, secrets: [String], target: String) {
        self.connection = connection
        self.secrets = secrets
        self.target = target
        self.cancelToken = CancelToken(PQgetCancel(connection))
        self.backendPID = PQbackendPID(connection)
        self.serverVersion = Int(PQserverVersion(connection))
    }

    deinit { finish() }

    var isAlive: Bool { connection.map { PQstatus($0) == CONNECTION_OK } ?? false }

    /// Closes the connection; idempotent.
    func finish() {
        cancelToken.free()
        if let connection { PQfinish(connection) }
        connection = nil
    }

    // MARK: Opening

    static func open(_ configuration: ConnectionConfiguration) throws -> PGHandle {
        let secrets = configuration.secrets
        guard ConnectionConfiguration.parse(configuration.conninfo) != nil else {
            throw PostgresError(
                kind: .connection,
                message: "the connection string is not valid: expected postgresql://user@host:port/database or "
                    + "key=value pairs (e.g. 'host=/tmp port=5432 dbname=app')")
        }
        var keywords = ["fallback_application_name", "client_encoding"]
        var values = [configuration.applicationName, "UTF8"]
        if !configuration.conninfo.isEmpty {
            keywords.append("dbname")
            values.append(configuration.conninfo)
        }
        let connection = withCStringArray(keywords) { keywordPointers in
            withCStringArray(values) { valuePointers in
                PQconnectdbParams(keywordPointers, valuePointers, 1)
            }
        }
        // Stored before its status is checked: a failed connect must still be freed.
        guard let connection else {
            throw PostgresError(kind: .connection, message: "libpq could not allocate a connection")
        }
        let target = describe(connection)
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = errorMessage(connection)
            PQfinish(connection)
            throw PostgresError(
                kind: .connection, sqlState: sqlState(fromConnectionMessage: message), message: message,
                hint: "check --database-url / DATABASE_URL / PGHOST, PGPORT, PGUSER, PGDATABASE, and that the "
                    + "server is running and accepts connections",
                target: target
            ).scrubbed(of: secrets)
        }
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        let handle = PGHandle(connection: connection, secrets: secrets, target: target)
        _ = try handle.run(
            sql: "SET DateStyle TO ISO; SET TimeZone TO 'UTC'; SET extra_float_digits TO 3", parameters: [],
            simple: true)
        return handle
    }

    private static func describe(_ connection: OpaquePointer) -> String {
        func text(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
            pointer.map { String(cString: $0) } ?? "?"
        }
        var host = text(PQhost(connection))
        if host.isEmpty { host = "localhost" }
        return "\(host):\(text(PQport(connection)))/\(text(PQdb(connection))) as \(text(PQuser(connection)))"
    }

    private static func sqlState(fromConnectionMessage message: String) -> SQLState {
        if message.contains("password authentication failed") { return .invalidPassword }
        if message.contains("does not exist") && message.contains("database") { return .invalidCatalogName }
        return .connectionFailure
    }

    static func errorMessage(_ connection: OpaquePointer) -> String {
        guard let message = PQerrorMessage(connection) else { return "unknown libpq error" }
        return String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func scrub(_ text: String, _ secrets: [String]) -> String {
        secrets.reduce(text) { $0.replacing($1, with: "********") }
    }

    // MARK: Running statements

    private func live() throws -> OpaquePointer {
        guard let connection, PQstatus(connection) == CONNECTION_OK else {
            throw PostgresError(
                kind: .connectionLost, message: "the connection is closed; open a new one", target: target)
        }
        return connection
    }

    func run(sql: String, parameters: [String?], simple: Bool) throws -> QueryResult {
        let connection = try live()
        let sent: Int32
        if simple {
            sent = PQsendQuery(connection, sql)
        } else {
            sent = withOptionalCStringArray(parameters) { values in
                PQsendQueryParams(connection, sql, Int32(parameters.count), nil, values, nil, nil, 0)
            }
        }
        return try collectSent(sent, connection, statement: sql)
    }

    /// After a `PQsend…` call: its failure, or every result of the statement it sent.
    private func collectSent(_ sent: Int32, _ connection: OpaquePointer, statement sql: String) throws -> QueryResult {
        guard sent == 1 else { throw lostOrFailed(connection, statement: sql) }
        // A cancellation that arrived before the query was on the wire would have found nothing to cancel.
        if Task.isCancelled { cancelToken.cancel() }
        return try collect(connection, statement: sql)
    }

    /// Runs `sql` as a prepared statement of this session, preparing it the first time this connection runs
    /// that text (parameter types inferred by the server). The server plans it once per execution for the
    /// first five and then keeps a generic plan when that is not costlier (`plan_cache_mode`).
    func runPrepared(sql: String, parameters: [String?]) throws -> QueryResult {
        let connection = try live()
        let name: String
        if let known = prepared[sql] {
            name = known
        } else {
            name = "partsync_\(prepared.count + 1)"
            guard let result = PQprepare(connection, name, sql, 0, nil) else {
                throw lostOrFailed(connection, statement: sql)
            }
            defer { PQclear(result) }
            guard PQresultStatus(result) == PGRES_COMMAND_OK else {
                throw error(from: result, connection: connection, statement: sql)
            }
            prepared[sql] = name
        }
        let sent = withOptionalCStringArray(parameters) { values in
            PQsendQueryPrepared(connection, name, Int32(parameters.count), values, nil, nil, 0)
        }
        return try collectSent(sent, connection, statement: sql)
    }

    /// Reads every result of the statement(s) just sent; returns the last, throws the first error.
    private func collect(_ connection: OpaquePointer, statement: String) throws -> QueryResult {
        var last: QueryResult?
        var failure: PostgresError?
        while let result = PQgetResult(connection) {
            defer { PQclear(result) }
            switch PQresultStatus(result) {
            case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY, PGRES_SINGLE_TUPLE:
                last = Self.materialize(result)
            case PGRES_COPY_IN:
                _ = PQputCopyEnd(connection, "COPY FROM STDIN is only supported through copyIn")
            case PGRES_COPY_OUT:
                var buffer: UnsafeMutablePointer<CChar>?
                while PQgetCopyData(connection, &buffer, 0) > 0 { PQfreemem(buffer) }
                failure = failure ?? PostgresError(kind: .client, message: "use copyOut for COPY TO STDOUT")
            default:
                failure = failure ?? error(from: result, connection: connection, statement: statement)
            }
        }
        if let failure { throw failure }
        if PQstatus(connection) != CONNECTION_OK { throw lostOrFailed(connection, statement: statement) }
        return last ?? QueryResult(columns: [], rows: [], commandTag: "", affectedRows: nil)
    }

    private static func materialize(_ result: OpaquePointer) -> QueryResult {
        let columnCount = Int(PQnfields(result))
        let rowCount = Int(PQntuples(result))
        let columns = (0..<columnCount).map { index in
            QueryResult.Column(
                name: String(cString: PQfname(result, Int32(index))), typeOID: UInt32(PQftype(result, Int32(index))))
        }
        var rows: [Row] = []
        rows.reserveCapacity(rowCount)
        for row in 0..<rowCount {
            var values: [String?] = []
            values.reserveCapacity(columnCount)
            for column in 0..<columnCount {
                if PQgetisnull(result, Int32(row), Int32(column)) == 1 {
                    values.append(nil)
                } else {
                    values.append(String(cString: PQgetvalue(result, Int32(row), Int32(column))))
                }
            }
            rows.append(Row(columns: columns, values: values))
        }
        let tag = PQcmdStatus(result).map { String(cString: $0) } ?? ""
        let tuples = PQcmdTuples(result).map { String(cString: $0) } ?? ""
        return QueryResult(columns: columns, rows: rows, commandTag: tag, affectedRows: Int(tuples))
    }

    func error(from result: OpaquePointer, connection: OpaquePointer, statement: String) -> PostgresError {
        func field(_ code: Character) -> String? {
            PQresultErrorField(result, Int32(code.asciiValue!)).map { String(cString: $0) }
        }
        let lost = PQstatus(connection) != CONNECTION_OK
        let message = field("M") ?? PQresultErrorMessage(result).map { String(cString: $0) } ?? "unknown error"
        return PostgresError(
            kind: lost && field("C") == nil ? .connectionLost : .server,
            sqlState: field("C").map { SQLState($0) }, message: message.trimmingCharacters(in: .newlines),
            detail: field("D"), hint: field("H"), context: field("W"), statement: statement,
            target: lost ? target : nil
        ).scrubbed(of: secrets)
    }

    private func lostOrFailed(_ connection: OpaquePointer, statement: String) -> PostgresError {
        let lost = PQstatus(connection) != CONNECTION_OK
        return PostgresError(
            kind: lost ? .connectionLost : .client, message: Self.errorMessage(connection), statement: statement,
            target: target
        ).scrubbed(of: secrets)
    }

    func escape(_ text: String, literal: Bool) throws -> String {
        let connection = try live()
        let utf8 = Array(text.utf8)
        let escaped = utf8.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                literal
                    ? PQescapeLiteral(connection, chars.baseAddress, chars.count)
                    : PQescapeIdentifier(connection, chars.baseAddress, chars.count)
            }
        }
        guard let escaped else {
            throw PostgresError(kind: .client, message: Self.errorMessage(connection)).scrubbed(of: secrets)
        }
        defer { PQfreemem(escaped) }
        return String(cString: escaped)
    }

    // MARK: COPY

    func copyIn(sql: String, produce: (CopyInWriter) throws -> Void) throws -> Int {
        let connection = try live()
        guard PQsendQuery(connection, sql) == 1 else { throw lostOrFailed(connection, statement: sql) }
        guard let first = PQgetResult(connection) else { throw lostOrFailed(connection, statement: sql) }
        guard PQresultStatus(first) == PGRES_COPY_IN else {
            let failure = error(from: first, connection: connection, statement: sql)
            PQclear(first)
            while let rest = PQgetResult(connection) { PQclear(rest) }
            throw failure
        }
        PQclear(first)
        let secrets = self.secrets
        let writer = CopyInWriter(connection: connection) { Self.scrub($0, secrets) }
        defer { writer.invalidate() }
        do {
            try produce(writer)
        } catch {
            _ = PQputCopyEnd(connection, "aborted by the client: \(error)")
            while let rest = PQgetResult(connection) { PQclear(rest) }
            throw error
        }
        guard PQputCopyEnd(connection, nil) == 1 else { throw lostOrFailed(connection, statement: sql) }
        return try collect(connection, statement: sql).affectedRows ?? 0
    }

    func copyOut(sql: String, consume: ([UInt8]) throws -> Void) throws -> Int {
        let connection = try live()
        guard PQsendQuery(connection, sql) == 1 else { throw lostOrFailed(connection, statement: sql) }
        guard let first = PQgetResult(connection) else { throw lostOrFailed(connection, statement: sql) }
        guard PQresultStatus(first) == PGRES_COPY_OUT else {
            let failure = error(from: first, connection: connection, statement: sql)
            PQclear(first)
            while let rest = PQgetResult(connection) { PQclear(rest) }
            throw failure
        }
        PQclear(first)
        var consumerError: Error?
        while true {
            var buffer: UnsafeMutablePointer<CChar>?
            let length = PQgetCopyData(connection, &buffer, 0)
            if length > 0, let buffer {
                if consumerError == nil {
                    let bytes = UnsafeRawBufferPointer(start: buffer, count: Int(length))
                    do { try consume(Array(bytes)) } catch {
                        consumerError = error
                        cancelToken.cancel()
                    }
                }
                PQfreemem(buffer)
                continue
            }
            break
        }
        let result = Result { try collect(connection, statement: sql) }
        if let consumerError { throw consumerError }
        return try result.get().affectedRows ?? 0
    }
}

/// Calls `body` with a NULL-terminated-free array of C strings that live for the call.
func withCStringArray<T>(_ strings: [String], _ body: ([UnsafePointer<CChar>?]) -> T) -> T {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    pointers.append(nil)
    defer { for pointer in pointers { free(pointer) } }
    return body(pointers.map { UnsafePointer($0) })
}

func withOptionalCStringArray<T>(_ strings: [String?], _ body: ([UnsafePointer<CChar>?]) -> T) -> T {
    let pointers: [UnsafeMutablePointer<CChar>?] = strings.map { $0.map { strdup($0) } ?? nil }
    defer { for pointer in pointers { free(pointer) } }
    return body(pointers.map { UnsafePointer($0) })
}
