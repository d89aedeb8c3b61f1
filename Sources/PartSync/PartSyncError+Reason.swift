extension PartSyncError {
    /// One line for the state (`partsync.migrations.failure` and its event): the message and the cause's short
    /// form, never DETAIL, CONTEXT or the statement (they can hold row data).
    var shortCause: String {
        var text = message
        if let underlying, !text.contains(underlying.description) { text += ": \(underlying.description)" }
        return text
    }
}
