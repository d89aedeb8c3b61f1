/// An error from PostgreSQL or from libpq, with everything the server said about it.
///
/// `description` is short, for people: kind, target, SQLSTATE and the primary message, never row data from DETAIL
/// or the statement. `debugDescription` adds detail, hint, context and the statement.
/// Neither ever contains a password: connection errors are built from host, port, database and user only, and
/// every error built on a connection has each of its fields scrubbed of any password its configuration carries.
public struct PostgresError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The connection could not be opened.
        case connection
        /// The connection was lost while in use (server restart, terminated backend, network).
        case connectionLost
        /// The server rejected a statement.
        case server
        /// Misuse detected on the client side (e.g. a value that does not decode as asked).
        case client
    }

    public var kind: Kind
    public var sqlState: SQLState?
    public var message: String
    public var detail: String?
    public var hint: String?
    public var context: String?
    public var statement: String?
    /// `host:port/database as user` for connection errors.
    public var target: String?

    public init(
        kind: Kind, sqlState: SQLState? = nil, message: String, detail: String? = nil, hint: String? = nil,
        context: String? = nil, statement: String? = nil, target: String? = nil
    ) {
        self.kind = kind
        self.sqlState = sqlState
        self.message = message
        self.detail = detail
        self.hint = hint
        self.context = context
        self.statement = statement
        self.target = target
    }

    /// True when retrying on a fresh connection may succeed.
    public var isTransient: Bool {
        switch kind {
        case .connection, .connectionLost: return true
        case .client: return false
        case .server: return sqlState?.isTransient ?? false
        }
    }

    public var description: String {
        var text: String
        switch kind {
        case .connection: text = "cannot connect to PostgreSQL"
        case .connectionLost: text = "lost the connection to PostgreSQL"
        case .server: text = "PostgreSQL error"
        case .client: text = "PostgreSQL client error"
        }
        if let target { text += " at \(target)" }
        if let sqlState { text += " [\(sqlState)]" }
        text += ": \(Self.withoutRepeatedLines(message))"
        return text
    }

    public var debugDescription: String {
        var lines = [description]
        if let detail { lines.append("DETAIL: \(detail)") }
        if let hint { lines.append("HINT: \(hint)") }
        if let context { lines.append("CONTEXT: \(context)") }
        if let statement { lines.append("STATEMENT: \(statement)") }
        return lines.joined(separator: "\n")
    }

    /// The same error with every known password replaced by `********` in every field, statement included.
    func scrubbed(of secrets: [String]) -> PostgresError {
        guard !secrets.isEmpty else { return self }
        func scrub(_ text: String) -> String { PGHandle.scrub(text, secrets) }
        var copy = self
        copy.message = scrub(message)
        copy.detail = detail.map(scrub)
        copy.hint = hint.map(scrub)
        copy.context = context.map(scrub)
        copy.statement = statement.map(scrub)
        copy.target = target.map(scrub)
        return copy
    }

    /// libpq repeats its advice once per address it tried ("Is the server running on that host …?" after both
    /// `::1` and `127.0.0.1` for `localhost`); a reader needs it once.
    private static func withoutRepeatedLines(_ text: String) -> String {
        guard text.contains("\n") else { return text }
        var seen = Set<Substring>()
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { $0.allSatisfy(\.isWhitespace) || seen.insert($0.drop(while: \.isWhitespace)).inserted }
            .joined(separator: "\n")
    }
}
