import Foundation
import PartSync

/// Human output goes to stderr; machine output (SQL, JSON) to stdout.
enum Output {
    static func info(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    static func findings(_ findings: [Finding]) {
        for finding in findings { info(finding.description) }
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    /// `--out`: a file path, or a directory that gets a Supabase-style timestamped file name.
    static func migrationPath(_ out: String, table: String, at date: Date) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory), isDirectory.boolValue else {
            return out
        }
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyyMMddHHmmss"
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.locale = Locale(identifier: "en_US_POSIX")
        let safe = String(table.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
        return (out as NSString).appendingPathComponent("\(formatter.string(from: date))_partition_\(safe).sql")
    }
}
