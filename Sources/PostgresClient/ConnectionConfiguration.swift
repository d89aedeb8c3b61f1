import CLibPQ
import Foundation

/// Where to connect: a `postgresql://` URL or a `key=value` conninfo string, merged with libpq's own
/// `PG*` environment variables, service file and `.pgpass` (libpq applies those for anything not given).
public struct ConnectionConfiguration: Sendable {
    /// URL or conninfo; empty means "libpq's environment only".
    public var conninfo: String
    /// Shown in `pg_stat_activity.application_name`.
    public var applicationName: String

    public init(conninfo: String = "", applicationName: String = "partsync") {
        self.conninfo = conninfo
        self.applicationName = applicationName
    }

    /// The command-line contract: an explicit URL, else `DATABASE_URL`, else libpq's environment.
    public static func resolve(
        databaseURL: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
        applicationName: String = "partsync"
    ) -> ConnectionConfiguration {
        if let databaseURL, !databaseURL.isEmpty {
            return ConnectionConfiguration(conninfo: databaseURL, applicationName: applicationName)
        }
        if let url = environment["DATABASE_URL"], !url.isEmpty {
            return ConnectionConfiguration(conninfo: url, applicationName: applicationName)
        }
        return ConnectionConfiguration(conninfo: "", applicationName: applicationName)
    }

    /// The same server with another database name (used by tests and the benchmark).
    public func withDatabase(_ name: String) -> ConnectionConfiguration {
        var copy = self
        copy.conninfo = conninfo.isEmpty
            ? "dbname=\(Self.conninfoValue(name))"
            : ConnectionConfiguration.mergeOverrides(conninfo, ["dbname": name])
        return copy
    }

    /// Any password this configuration carries, so that messages can be scrubbed of it.
    var secrets: [String] {
        var found: [String] = []
        if let options = Self.parse(conninfo), let password = options["password"], !password.isEmpty {
            found.append(password)
            if let encoded = password.addingPercentEncoding(withAllowedCharacters: .alphanumerics),
                encoded != password
            {
                found.append(encoded)
            }
        }
        if let env = ProcessInfo.processInfo.environment["PGPASSWORD"], !env.isEmpty { found.append(env) }
        return found
    }

    /// Parses a conninfo string or URL with libpq. `nil` when libpq rejects it.
    static func parse(_ conninfo: String) -> [String: String]? {
        guard !conninfo.isEmpty else { return [:] }
        var errorMessage: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(conninfo, &errorMessage) else {
            if let errorMessage { PQfreemem(errorMessage) }
            return nil
        }
        defer { PQconninfoFree(options) }
        var result: [String: String] = [:]
        var cursor = options
        while let keyword = cursor.pointee.keyword {
            if let value = cursor.pointee.val { result[String(cString: keyword)] = String(cString: value) }
            cursor += 1
        }
        return result
    }

    /// Rebuilds a conninfo string with some keys replaced (the original may be a URL).
    static func mergeOverrides(_ conninfo: String, _ overrides: [String: String]) -> String {
        var options = parse(conninfo) ?? [:]
        for (key, value) in overrides { options[key] = value }
        return options.sorted { $0.key < $1.key }
            .map { "\($0.key)=\(conninfoValue($0.value))" }
            .joined(separator: " ")
    }

    /// Quotes a value for a `key=value` conninfo string.
    static func conninfoValue(_ value: String) -> String {
        let escaped = value.replacing("\\", with: "\\\\").replacing("'", with: "\\'")
        return "'\(escaped)'"
    }
}
