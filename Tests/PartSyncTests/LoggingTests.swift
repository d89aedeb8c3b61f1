import Logging
import PartSync
import Synchronization
import Testing
import TestSupport

/// Keeps every record it is handed. `Logger` copies its handler with each metadata change, so the records
/// live in one shared box that every copy appends to.
struct CapturingLogHandler: LogHandler {
    struct Record: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: Logger.Metadata
    }

    final class Records: Sendable {
        private let records = Mutex<[Record]>([])

        func append(_ record: Record) { records.withLock { $0.append(record) } }
        var all: [Record] { records.withLock { $0 } }
    }

    let records = Records()
    var logLevel: Logger.Level = .trace
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        records.append(Record(level: event.level, message: event.message.description,
                              metadata: metadata.merging(event.metadata ?? [:]) { $1 }))
    }
}

@Suite struct LoggingTests {
    @Test("a backfill logs through the Logger it is given, each line tagged with its table and phase")
    func backfillMetadata() async throws {
        try await TestDatabase.with { database in
            _ = try await BackfillTests.prepared(
                database, setup: Fixtures.atlas(idType: "bigint") + Fixtures.atlasRows(count: 2_000), table: "messages")
            let handler = CapturingLogHandler()
            _ = try await Backfiller(
                configuration: database.configuration, table: "messages", options: .init(workers: 2),
                logger: Logger(label: "partsync-tests") { _ in handler }
            ).run()
            let records = handler.records.all
            #expect(!records.isEmpty)
            for record in records {
                #expect(record.metadata["table"] == "public.messages", "\(record.message)")
                #expect(record.metadata["phase"] == "backfilling", "\(record.message)")
            }
            #expect(records.contains { $0.level == .info && $0.message.hasPrefix("public.messages: backfill complete") })
        }
    }
}
