import ArgumentParser
import Foundation
import PartSync
import PostgresClient

/// `partsync-bench run`: seeds the Atlas `messages` table and measures every figure of DESIGN.md's performance
/// targets beside its baseline, in one run on the same data.
struct RunBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Backfill, write-throughput, memory, sync and verify figures beside their baselines, on the same data.",
        discussion: """
            Works in schema partsync_bench of the database (dropped before and after), against a throwaway \
            durable cluster unless --database-url is given. Needs the partsync executable of the same build \
            (or --partsync) and pgbench. Every figure is the median of --repeat runs (write ratios: of --rounds \
            interleaved rounds). A section that fails is reported and the others still run; the exit status is \
            then 1. The verify section runs only when --only names it: it needs reladiff 0.6 (see --reladiff).
            """)

    /// In the order they run: memory reuses the backfill's samples, writes change the table.
    enum Section: String, CaseIterable, Sendable {
        case backfill, memory, writes, sync, verify, cutover

        /// What a run without `--only` measures: verify needs reladiff, a Python tool the bench does not
        /// install, so it runs only when `--only` names it.
        static let byDefault: Set<Section> = [.backfill, .memory, .writes, .sync, .cutover]
    }

    @OptionGroup var target: BenchTarget

    @Option(help: "Rows of the seeded messages table.")
    var rows = 2_000_000

    @Option(name: .customLong("repeat"), help: "Runs of each backfill measurement; the median is reported.")
    var repeats = 3

    @Option(help: "Also write the report as JSON to this file.")
    var json: String?

    @Option(help: "Only these sections, comma-separated: backfill, writes, memory, sync, verify, cutover (verify only when named).")
    var only: String?

    @Option(help: "writes: rounds per write measurement; each round runs every mode once (none, capture only, partsync with its applier, logical replication).")
    var rounds = 3

    enum Captures: String, ExpressibleByArgument, CaseIterable {
        case trigger, wal, both

        var methods: [CaptureMethod] {
            switch self {
            case .trigger: [.trigger]
            case .wal: [.wal]
            case .both: [.trigger, .wal]
            }
        }
    }

    @Option(help: "writes and sync: the capture measured (trigger, wal, or both; each in its own rounds beside none and logical replication).")
    var capture: Captures = .both

    @Option(help: "Duration of each pgbench run, in seconds.")
    var pgbenchSeconds = 5

    @Option(help: "Rows of the bulk INSERT … SELECT and bulk UPDATE.")
    var bulkRows = 500_000

    @Option(help: """
        N for the memory figures: partsync backfill's peak RSS at N and at 4×N rows; verify's at N and at --rows \
        (default rows/4).
        """)
    var memoryRows: Int?

    @Option(help: "The partsync executable (default: the one beside partsync-bench).")
    var partsync: String?

    @Option(help: "The pgbench executable (default: the newest PostgreSQL's, then PATH).")
    var pgbench: String?

    @Option(help: "verify: the reladiff executable (default: PARTSYNC_BENCH_RELADIFF, PATH, /opt/reladiff/bin).")
    var reladiff: String?

    @Option(help: "verify: the database URL for reladiff (default: derived from the bench's database).")
    var reladiffURL: String?

    @Option(help: "sync: single-row inserts per second during the lag and catch-up measurements.")
    var lagRate = 6_000

    @Option(help: "sync: seconds of steady load for the apply-lag comparison with logical replication.")
    var lagSeconds = 30

    @Option(help: "sync: seconds of writes while the applier is stopped, before the catch-up.")
    var burstSeconds = 30

    func validate() throws {
        guard rows >= 100 else { throw ValidationError("--rows must be at least 100") }
        guard repeats >= 1 else { throw ValidationError("--repeat must be at least 1") }
        guard rounds >= 1 else { throw ValidationError("--rounds must be at least 1") }
        guard pgbenchSeconds >= 1 else { throw ValidationError("--pgbench-seconds must be at least 1") }
        guard bulkRows >= 1 else { throw ValidationError("--bulk-rows must be at least 1") }
        guard lagRate >= 8 && lagSeconds >= 1 && burstSeconds >= 1 else {
            throw ValidationError("--lag-rate must be at least 8, --lag-seconds and --burst-seconds at least 1")
        }
        guard memoryRows.map({ $0 >= 100 }) ?? true else { throw ValidationError("--memory-rows must be at least 100") }
        _ = try sections()
    }

    func sections() throws -> Set<Section> {
        guard let only else { return Section.byDefault }
        var chosen: Set<Section> = []
        for name in only.split(separator: ",") {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard let section = Section(rawValue: trimmed) else {
                throw ValidationError("--only: unknown section '\(trimmed)' (choose from backfill, writes, memory, sync, verify, cutover)")
            }
            chosen.insert(section)
        }
        return chosen
    }

    func run() async throws {
        let startedAt = ISO8601DateFormatter().string(from: Date())
        let sections = try sections()
        let partsyncPath = try Executables.partsync(explicit: partsync)
        let pgbenchPath = try Executables.pgbench(explicit: pgbench)
        // Before seeding: a missing reladiff is said at once, with how to install it.
        let reladiffPath = sections.contains(.verify) ? try Executables.reladiff(explicit: reladiff) : nil
        let report = try await target.withDatabase { configuration in
            let connection = try await Connection.connect(configuration)
            let session = BenchSession(connection: connection, conninfo: configuration.conninfo,
                                       partsync: partsyncPath, pgbench: pgbenchPath, repeats: repeats)
            try await Migrations.resetBenchSchema(on: connection, recreate: true)
            do {
                let measured = try await measure(sections, session, reladiff: reladiffPath)
                try await Migrations.resetBenchSchema(on: connection, recreate: false)
                return BenchReport(
                    startedAt: startedAt, command: Self.commandLine(), rows: rows, repeats: repeats,
                    machine: try await Self.machine(connection), figures: measured.figures, samples: measured.samples,
                    failures: measured.failures)
            } catch {
                _ = try? await Migrations.resetBenchSchema(on: connection, recreate: false)
                throw error
            }
        }
        print(Self.header(report))
        print(ReportTable.render(report.figures))
        if let json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try encoder.encode(report).write(to: URL(fileURLWithPath: json))
        }
        if !report.failures.isEmpty {
            FileHandle.standardError.write(Data(("partsync-bench: failed sections:\n"
                + report.failures.map { "  \($0)" }.joined(separator: "\n") + "\n").utf8))
            throw ExitCode(1)
        }
    }

    private func measure(_ sections: Set<Section>, _ session: BenchSession, reladiff: String?) async throws
        -> Measurements
    {
        var results = Measurements()
        let messages = BenchTable(name: "messages", keyType: .bigint)
        session.log("seeding \(messages.argument) with \(rows) rows")
        try await messages.seed(rows: rows, on: session.connection)
        let backfill = BackfillBench(session: session)
        var mainRSS: [Double] = []
        // A failed section is reported and the others still run: a 2M-row run takes a long time to repeat.
        for section in Section.allCases where sections.contains(section) {
            do {
                switch section {
                case .backfill:
                    mainRSS = try await backfill.measure(
                        messages, .init(keysetLoop: true, twoWorkers: true), into: &results)
                    let uuidTable = BenchTable(name: "messages_uuid", keyType: .uuid)
                    session.log("seeding \(uuidTable.argument) with \(rows) rows")
                    try await uuidTable.seed(rows: rows, on: session.connection)
                    try await backfill.measure(uuidTable, .init(keysetLoop: false, twoWorkers: false), into: &results)
                    try await session.connection.execute("DROP TABLE \(uuidTable.identifier.sql)")
                case .memory:
                    try await measureMemory(backfill, main: messages, mainRSS: mainRSS, into: &results)
                case .writes:
                    for capture in capture.methods {
                        try await WriteCostBench(
                            session: session, table: messages, pgbenchSeconds: pgbenchSeconds, rounds: rounds,
                            bulkRows: bulkRows, tableRows: rows, capture: capture
                        ).measure(into: &results)
                    }
                case .sync:
                    for capture in capture.methods {
                        var runs: [[Figure]] = []
                        for run in 1...repeats {
                            session.log("sync (\(capture.rawValue) capture), repeat \(run) of \(repeats): apply lag "
                                        + "beside logical replication at \(lagRate) inserts/s, then catch-up")
                            let measured = try await SyncLagBench.measure(
                                admin: ConnectionConfiguration(conninfo: session.conninfo, applicationName: "partsync-bench"),
                                rate: Double(lagRate), writers: 8, seconds: lagSeconds, burstSeconds: burstSeconds,
                                capture: capture)
                            session.log(measured.text)
                            runs.append(SyncFigures.figures(measured, capture: capture))
                        }
                        for (figure, samples) in SyncFigures.medians(runs) { results.add(figure, samples: samples) }
                    }
                case .cutover:
                    try await CutoverBench(session: session, rows: min(rows, 200_000)).measure(into: &results)
                case .verify:
                    guard let reladiff else { throw BenchError("reladiff not located") }
                    try await VerifyBench(
                        session: session, table: messages, tableRows: rows, smallRows: memoryRows ?? max(100, rows / 4),
                        reladiff: reladiff, reladiffURL: reladiffURL ?? ReladiffURL.from(conninfo: session.conninfo)
                    ).measure(into: &results)
                }
            } catch {
                session.log("the \(section.rawValue) section failed: \(error)")
                results.failures.append("\(section.rawValue): \(error)")
            }
        }
        return results
    }

    /// partsync backfill's peak RSS at N and at 4×N rows. When 4×N is the main table's size, the main table (and
    /// the backfill section's samples, if it ran) serve for 4×N.
    private func measureMemory(
        _ backfill: BackfillBench, main: BenchTable, mainRSS: [Double], into results: inout Measurements
    ) async throws {
        let small = memoryRows ?? max(100, rows / 4)
        let session = backfill.session
        func peaks(_ table: BenchTable) async throws -> [Double] {
            var samples: [Double] = []
            for _ in 0..<repeats {
                samples.append(Double(try await backfill.partsyncBackfill(table, workers: 1).peakRSSBytes))
            }
            return samples
        }
        let smallTable = BenchTable(name: "messages_small", keyType: .bigint)
        session.log("memory: seeding \(smallTable.argument) with \(small) rows")
        try await smallTable.seed(rows: small, on: session.connection)
        let smallPeaks = try await peaks(smallTable)
        try await session.connection.execute("DROP TABLE \(smallTable.identifier.sql)")
        let largePeaks: [Double]
        if small * 4 == rows {
            largePeaks = mainRSS.isEmpty ? try await peaks(main) : mainRSS
        } else {
            let largeTable = BenchTable(name: "messages_large", keyType: .bigint)
            session.log("memory: seeding \(largeTable.argument) with \(small * 4) rows")
            try await largeTable.seed(rows: small * 4, on: session.connection)
            largePeaks = try await peaks(largeTable)
            try await session.connection.execute("DROP TABLE \(largeTable.identifier.sql)")
        }
        results.addPeakRSS("partsync backfill", small: (small, smallPeaks), large: (small * 4, largePeaks),
                           ratioName: "peak RSS at 4×N ÷ at N (flat in table size)", detail: "N = \(small) rows")
    }

    static func machine(_ connection: Connection) async throws -> BenchReport.Machine {
        let names = ["fsync", "synchronous_commit", "full_page_writes", "shared_buffers", "max_wal_size",
                     "wal_level", "checkpoint_timeout", "work_mem", "maintenance_work_mem"]
        let settings = try await connection.query(
            "SELECT name, pg_catalog.current_setting(name) FROM unnest($1::text[]) AS name",
            ["{" + names.joined(separator: ",") + "}"])
        var values: [String: String] = [:]
        for row in settings.rows { values[try row.decode(String.self, at: 0)] = row[1] ?? "" }
        let version = try await connection.query("SHOW server_version").first?[0] ?? "?"
        return BenchReport.Machine(
            cores: ProcessInfo.processInfo.activeProcessorCount,
            memoryGiB: (Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824 * 10).rounded() / 10,
            serverVersion: version, settings: values)
    }

    /// This process's command line, with any --database-url value hidden (it may hold a password).
    static func commandLine() -> String {
        var words: [String] = []
        var hideNext = false
        for argument in CommandLine.arguments {
            if hideNext {
                words.append("…")
                hideNext = false
            } else if argument == "--database-url" {
                words.append(argument)
                hideNext = true
            } else if argument.hasPrefix("--database-url=") {
                words.append("--database-url=…")
            } else {
                words.append(argument)
            }
        }
        return words.joined(separator: " ")
    }

    static func header(_ report: BenchReport) -> String {
        let settings = ["fsync", "synchronous_commit", "full_page_writes", "shared_buffers"]
            .map { "\($0)=\(report.machine.settings[$0] ?? "?")" }.joined(separator: " ")
        return """
            partsync-bench run, \(report.startedAt): \(report.rows) rows, median of \(report.repeats)
            machine: \(report.machine.cores) cores, \(BenchMath.format(report.machine.memoryGiB)) GiB; \
            PostgreSQL \(report.machine.serverVersion), \(settings)

            """
    }
}
