import Foundation
import PartSync
import Synchronization

/// Shows a backfill's progress: a bar redrawn in place when stderr is a terminal, a log line every few seconds
/// otherwise (CI logs, `systemd`, files).
final class ProgressDisplay: Sendable {
    private struct State {
        var lastLine = ContinuousClock.now
        var barShown = false
    }

    private let table: String
    private let interactive: Bool
    private let lineInterval: Duration
    private let state = Mutex(State())

    init(table: String, interactive: Bool = isatty(STDERR_FILENO) == 1, lineInterval: Duration = .seconds(5)) {
        self.table = table
        self.interactive = interactive
        self.lineInterval = lineInterval
    }

    func show(_ progress: BackfillProgress) {
        if interactive {
            state.withLock { $0.barShown = true }
            write("\r\u{1B}[2K\(progress.bar())")
            return
        }
        let due = state.withLock { state -> Bool in
            guard ContinuousClock.now - state.lastLine >= lineInterval else { return false }
            state.lastLine = .now
            return true
        }
        if due { write("\(table): \(progress.summary)\n") }
    }

    /// A log line; on a terminal it replaces the bar, which the next update draws again below it.
    func log(_ message: String) {
        let clear = state.withLock { state -> Bool in
            defer { state.barShown = false }
            return state.barShown
        }
        write((clear ? "\r\u{1B}[2K" : "") + message + "\n")
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
