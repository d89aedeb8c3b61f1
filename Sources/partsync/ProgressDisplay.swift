import Foundation
import PartSync
import Synchronization

/// Shows progress: a bar redrawn in place when stderr is a terminal, a log line every few seconds otherwise (CI
/// logs, `systemd`, files).
final class ProgressDisplay: Sendable {
    private struct State {
        var lastLine = ContinuousClock.now
    }

    /// Whether a bar is drawn on stderr now. One per process, not per display: the engine's lines arrive through
    /// the process's one log handler (a `MessageLogHandler`), which knows no display and calls `line(_:)`.
    private static let barShown = Mutex(false)

    /// Put before each log line (the table); nil for none.
    private let label: String?
    let interactive: Bool
    private let lineInterval: Duration
    private let state = Mutex(State())

    init(label: String?, interactive: Bool = isatty(STDERR_FILENO) == 1, lineInterval: Duration = .seconds(5)) {
        self.label = label
        self.interactive = interactive
        self.lineInterval = lineInterval
    }

    func show(_ progress: BackfillProgress) {
        show(bar: progress.bar(), summary: progress.summary)
    }

    /// `bar` is drawn on a terminal; `summary` is the log line otherwise.
    func show(bar: String, summary: String) {
        if interactive {
            Self.barShown.withLock { $0 = true }
            Self.write("\r\u{1B}[2K\(bar)")
            return
        }
        let due = state.withLock { state -> Bool in
            guard ContinuousClock.now - state.lastLine >= lineInterval else { return false }
            state.lastLine = .now
            return true
        }
        if due { Self.write((label.map { "\($0): " } ?? "") + summary + "\n") }
    }

    /// A log line; on a terminal it replaces the bar, which the next update draws again below it.
    static func line(_ message: String) {
        let clear = barShown.withLock { shown -> Bool in
            defer { shown = false }
            return shown
        }
        write((clear ? "\r\u{1B}[2K" : "") + message + "\n")
    }

    private static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
