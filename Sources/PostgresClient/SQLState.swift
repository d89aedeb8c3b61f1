/// A five-character SQLSTATE code as reported by the server.
///
/// Open on purpose: any code the server sends is representable; the named constants are the ones partsync
/// reacts to. See PostgreSQL's "Appendix A. PostgreSQL Error Codes".
public struct SQLState: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let code: String

    public init(_ code: String) { self.code = code }
    public init(stringLiteral value: String) { self.code = value }

    public var description: String { code }

    /// The two-character class, e.g. `"08"` for connection exceptions.
    public var errorClass: Substring { code.prefix(2) }

    public static let uniqueViolation: SQLState = "23505"
    public static let notNullViolation: SQLState = "23502"
    public static let checkViolation: SQLState = "23514"
    public static let foreignKeyViolation: SQLState = "23503"
    public static let serializationFailure: SQLState = "40001"
    public static let deadlockDetected: SQLState = "40P01"
    public static let lockNotAvailable: SQLState = "55P03"
    public static let objectInUse: SQLState = "55006"
    public static let queryCanceled: SQLState = "57014"
    public static let adminShutdown: SQLState = "57P01"
    public static let crashShutdown: SQLState = "57P02"
    public static let cannotConnectNow: SQLState = "57P03"
    public static let undefinedTable: SQLState = "42P01"
    public static let undefinedColumn: SQLState = "42703"
    public static let undefinedObject: SQLState = "42704"
    public static let duplicateTable: SQLState = "42P07"
    public static let duplicateObject: SQLState = "42710"
    public static let syntaxError: SQLState = "42601"
    public static let insufficientPrivilege: SQLState = "42501"
    public static let invalidPassword: SQLState = "28P01"
    public static let invalidAuthorization: SQLState = "28000"
    public static let invalidCatalogName: SQLState = "3D000"
    public static let connectionFailure: SQLState = "08006"
    public static let connectionException: SQLState = "08000"
    public static let statementTimeout: SQLState = "57014"
    public static let idleInTransactionTimeout: SQLState = "25P03"
    public static let dependentObjectsStillExist: SQLState = "2BP01"

    /// Errors after which the same work may succeed on a new attempt or a new connection.
    public var isTransient: Bool {
        switch self {
        case .serializationFailure, .deadlockDetected, .lockNotAvailable, .adminShutdown, .crashShutdown,
            .cannotConnectNow, .idleInTransactionTimeout:
            return true
        default:
            return errorClass == "08"
        }
    }
}
