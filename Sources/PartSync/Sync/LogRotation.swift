/// When the applier switches the change log to its other generation and when it tries to empty the retired
/// one. Pure, so its decisions are unit tested without a server; `SyncFollower` executes them through
/// `ChangeLog`.
///
/// Deleting applied entries leaves dead rows and dead index entries that VACUUM can reclaim only once no
/// transaction in the cluster is older than the deletion; under sustained load the log kept growing that way.
/// Two generations avoid it: writers log into the active one, the applier switches them after a batch of
/// entries, and once the retired generation holds nothing it TRUNCATEs it, which gives back every page at
/// once whatever other transactions are open. A generation is switched to again only after it was truncated.
struct LogRotation {
    typealias Instant = ContinuousClock.Instant

    enum Action: Equatable {
        /// Make the other generation the one writers log into.
        case switchGeneration
        /// Empty the retired generation if nothing in it is left to apply.
        case truncateRetired
    }

    /// Switch after this many entries were applied since the last switch.
    let switchAfterEntries: Int
    /// Switch after this long even when few entries came, so a slow trickle does not keep dead rows forever.
    var switchAfter: Duration = .seconds(300)
    /// Try the truncation at most this often while it keeps failing (entries left, or the lock not granted).
    var truncateRetrySpacing: Duration = .milliseconds(200)
    /// At most one switch per this interval.
    var minimumSwitchSpacing: Duration = .seconds(1)

    private var sinceSwitch: Int64 = 0
    private var lastSwitch: Instant?
    private var lastTruncateAttempt: Instant?
    private var failingSince: Instant?
    private var lastBlockedReport: Instant?
    /// How long truncation may keep failing before the applier says why.
    var reportBlockedAfter: Duration = .seconds(10)
    /// The retired generation may hold dead or live rows. True at start: a previous applier may have left it so.
    private(set) var retiredNeedsTruncation = true

    init(switchAfterEntries: Int) {
        self.switchAfterEntries = switchAfterEntries
    }

    mutating func record(applied: Int, at now: Instant) {
        if lastSwitch == nil { lastSwitch = now }
        sinceSwitch += Int64(applied)
    }

    /// What to do after a batch, if anything. `drained`: the batch took everything visible, so the retired
    /// generation is probably empty too.
    func next(at now: Instant, drained: Bool) -> Action? {
        if retiredNeedsTruncation {
            guard drained || sinceSwitch >= Int64(switchAfterEntries) / 2 else { return nil }
            return lastTruncateAttempt.map { now - $0 >= truncateRetrySpacing } ?? true ? .truncateRetired : nil
        }
        guard sinceSwitch > 0, let lastSwitch, now - lastSwitch >= minimumSwitchSpacing else { return nil }
        return sinceSwitch >= Int64(switchAfterEntries) || now - lastSwitch >= switchAfter ? .switchGeneration : nil
    }

    mutating func switched(at now: Instant) {
        sinceSwitch = 0
        lastSwitch = now
        lastTruncateAttempt = nil
        retiredNeedsTruncation = true
    }

    mutating func truncateAttempted(succeeded: Bool, at now: Instant) {
        lastTruncateAttempt = now
        if succeeded {
            retiredNeedsTruncation = false
            failingSince = nil
            lastBlockedReport = nil
        } else if failingSince == nil {
            failingSince = now
        }
    }

    /// Truncation has failed for `reportBlockedAfter` and was not reported for as long: say so (once a while).
    mutating func shouldReportBlockedTruncation(at now: Instant) -> Bool {
        guard let failingSince, now - failingSince >= reportBlockedAfter,
              lastBlockedReport.map({ now - $0 >= reportBlockedAfter }) ?? true
        else { return false }
        lastBlockedReport = now
        return true
    }
}
