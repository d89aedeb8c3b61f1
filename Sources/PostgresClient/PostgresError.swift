/// An error from PostgreSQL or from libpq, with everything the server said about it.
///
/// `description` is a short line for people; `debugDescription` adds detail, hint, context and the statement.
/// Neither ever contains a password: connection errors are built from host, port, database and user only,
/// and any password found in the connection string is scrubbed from libpq's own messages.
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
        text += ": \(message)"
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
}
