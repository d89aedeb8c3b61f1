import Logging
import PartSync

extension Logger {
    /// For the engine's steps the bench only sets up with (prepare, backfill), which it runs quietly.
    static let benchQuiet = Logger(label: "partsync-bench") { _ in SwiftLogNoOpLogHandler() }
    static let benchPrinted = Logger(label: "partsync-bench") { _ in MessageLogHandler { print($0) } }
}
