import Foundation
import Logging
import PartSync
import PostgresClient
import Synchronization
import Workload

/// One run of the demo: the steps in order, and what has to be stopped when it ends (the write load, the
/// appliers, the lag watches), whether it ends well or not.
actor DemoRun {
    let demo: AtlasDemo
    let stop: StopSignal
    let schema: AtlasSchema
    private var admin: Connection?
    private var loads: [(table: String, role: String, load: WriteLoad)] = []
    /// The loads once stopped, in the order they were started.
    private(set) var stoppedLoads: [WriteLoad] = []
    private var followers: [(stop: StopSignal, task: Task<SyncFollower.Summary, Error>)] = []
    private var watches: [LagWatch] = []
    /// Set once the demo has made something in the schema: true when it created the schema itself.
    private var createdSchema: Bool?
    /// The users the `messages` writers act as (seeded users 0, 1, …).
    private var users: [String] = []

    init(demo: AtlasDemo, stop: StopSignal) {
        self.demo = demo
        self.stop = stop
        let uid = demo.options.ownsDatabase ? "auth.uid()" : SQLIdentifier.quote(demo.options.schema) + ".uid()"
        self.schema = AtlasSchema(schema: demo.options.schema, uid: uid)
    }

    private var options: AtlasDemo.Options { demo.options }
    private func say(_ event: AtlasDemo.Event) { demo.events(event) }

    /// Runs `body` as the step `name`, failing with its name; adds its time to `phases` when given.
    private func step<T: Sendable>(_ name: String, phase: String? = nil, into table: inout DemoReport.Table?,
                                   _ body: () async throws -> T) async throws -> T {
        if stop.isStopped { throw DemoFailure(step: name, reason: "interrupted", exitCode: 4) }
        let started = ContinuousClock.now
        do {
            let value = try await body()
            if let phase { table?.phases.append(.init(name: phase, seconds: (ContinuousClock.now - started).seconds)) }
            return value
        } catch {
            throw DemoFailure.wrapping(error, step: name)
        }
    }

    private func step<T: Sendable>(_ name: String, _ body: () async throws -> T) async throws -> T {
        var none: DemoReport.Table?
        return try await step(name, into: &none, body)
    }

    func execute(into report: inout DemoReport) async throws {
        let admin = try await step("connect") { try await Connection.connect(demo.configuration) }
        self.admin = admin
        report.database = admin.target
        try await step("create the Atlas schema") { try await createSchema(on: admin) }
        for name in AtlasSchema.tableNames {
            let rows = try await step("seed \(name)") { try await seed(name, on: admin) }
            report.tables.append(DemoReport.Table(table: schema.table(name).displayName, seededRows: rows))
        }
        try await step("index and analyze the tables") {
            for statement in schema.indexes { try await admin.execute(statement) }
            for name in AtlasSchema.tableNames { try await admin.execute("VACUUM (ANALYZE) \(schema.table(name).sql)") }
        }
        try await step("start the application's writes") { try await startLoad(on: admin) }
        for index in report.tables.indices {
            say(.heading(report.tables[index].table))
            var table: DemoReport.Table? = report.tables[index]
            try await migrate(&table, on: admin)
            report.tables[index] = table!
        }
        say(.heading("proofs"))
        report.proofs = try await step("prove") {
            try await DemoProofs(schema: schema, users: users, events: demo.events).run(on: admin)
        }
        let writes = try await step("stop the application's writes") { try await stopLoad() }
        report.writes = writes.summaries
        report.proofs += writes.proofs
        for proof in writes.proofs { say(.line(DemoProofs.line(proof))) }
        try await step("stop sync") { try await stopFollowers() }
    }

    /// Stops whatever still runs (after a failure), and closes the connection.
    func tearDown() async {
        for (_, _, load) in loads { _ = await load.stop() }
        loads = []
        for watch in watches { watch.finish() }
        for follower in followers {
            follower.stop.stop()
            _ = try? await follower.task.value
        }
        followers = []
        if let admin { await admin.close() }
        admin = nil
    }

    /// Removes what the demo made, after `tearDown`: each migration in the schema ended (finish with the retired
    /// table dropped after a cutover, abandon before one) and forgotten, then the schema when the demo created
    /// it, else its tables and function. Nothing when the demo made nothing (a refused schema stays as it was).
    func removeWhatItMade() async throws {
        guard let createdSchema else { return }
        let connection = try await Connection.connect(demo.configuration)
        do {
            try await remove(createdSchema: createdSchema, on: connection)
            await connection.close()
        } catch {
            await connection.close()
            throw error
        }
    }

    private func remove(createdSchema: Bool, on connection: Connection) async throws {
        try await StateSchema.ensure(on: connection)
        let store = StateStore(connection)
        for record in try await store.migrations() where record.source.schema == schema.schema {
            let table = record.source.sql
            switch record.phase {
            case .cutOver, .rolledBack:
                _ = try await Finisher.finish(table: table, dropRetired: true, on: connection, logger: demo.logger)
            case .finished:
                break
            default:
                _ = try await Abandoner.abandon(table: table, on: connection, logger: demo.logger)
            }
            try await store.forget(record.key)
        }
        let name = SQLIdentifier.quote(schema.schema)
        let shown = SQLIdentifier(schema: nil, name: schema.schema).displayName
        if createdSchema {
            try await connection.execute("DROP SCHEMA \(name) CASCADE")
            say(.line("removed schema \(shown) and its migrations"))
        } else {
            let tables = AtlasSchema.tableNames.flatMap { [$0, $0 + "_retired", $0 + "_partitioned"] }
                .map { schema.table($0).sql }.joined(separator: ", ")
            try await connection.execute("DROP TABLE IF EXISTS \(tables) CASCADE")
            if !schema.uid.hasPrefix("auth.") { try await connection.execute("DROP FUNCTION IF EXISTS \(schema.uid)") }
            say(.line("removed the demo's tables and migrations from schema \(shown)"))
        }
    }

    // MARK: Schema and seed

    private func createSchema(on admin: Connection) async throws {
        let name = options.schema
        let relations = try await admin.query(
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1",
            [name]).first!.decode(Int.self, at: 0)
        guard relations == 0 else {
            throw PartSyncError(
                .usage, message: "schema \(SQLIdentifier(schema: nil, name: name).displayName) already holds "
                    + "\(relations) relation(s); the demo works only in a new or empty schema, and changed nothing",
                nextStep: "give --schema a name that is not taken (the demo creates it, and removes it at the end)")
        }
        // A demo killed earlier in this schema may have left its migrations' state behind: its tables are gone.
        let store = StateStore(admin)
        try await StateSchema.ensure(on: admin)
        for record in try await store.migrations() where record.source.schema == name {
            try await store.forget(record.key)
        }
        let exists = try await admin.query("SELECT to_regnamespace($1) IS NOT NULL", [SQLIdentifier.quote(name)])
            .first!.decode(Bool.self, at: 0)
        if !exists { try await admin.execute("CREATE SCHEMA \(SQLIdentifier.quote(name))") }
        createdSchema = !exists
        let uidExists = try await admin.query("SELECT to_regprocedure($1) IS NOT NULL", [schema.uid])
            .first!.decode(Bool.self, at: 0)
        for statement in schema.rolesAndAuth(createAuth: options.ownsDatabase, uidExists: uidExists) + schema.tables {
            try await admin.execute(statement)
        }
        say(.line("schema: \(schema.messages.displayName) and \(schema.usageLogs.displayName) with RLS (users see their "
            + "own messages, usage_logs is service-role only), roles anon, authenticated, service_role, \(schema.uid)"))
    }

    /// Seeds `rows` rows in batches, with a bar.
    private func seed(_ name: String, on admin: Connection) async throws -> Int64 {
        let total = options.rows
        let batch = max(1_000, total / 20)
        let now = ISO8601DateFormatter().string(from: Date())
        let started = ContinuousClock.now
        var done = 0
        while done < total {
            if stop.isStopped { throw CancellationError() }
            let upper = min(total, done + batch)
            try await admin.query(schema.seedStatement(name), [done + 1, upper, total, now])
            done = upper
            let progress = Self.progress(done: done, total: total, since: started, unit: "rows")
            say(.progress(bar: "seed \(name) " + progress.bar, summary: "seed \(name): " + progress.summary))
        }
        say(.line("seed: \(VerifyHTML.grouped(Int64(total))) rows in \(schema.table(name).displayName), 2024-01 to "
            + "now, traffic growing month by month (\(DemoReport.seconds((ContinuousClock.now - started).seconds)))"))
        return Int64(total)
    }

    // MARK: The application's writes

    private func startLoad(on admin: Connection) async throws {
        users = try await AtlasSchema.users(options.writers, on: admin)
        let period = AtlasSchema.historyStart...Date()
        let messages = schema.messages.sql, usage = schema.usageLogs.sql, uid = schema.uid
        let users = self.users
        let chat = WriteLoad(
            configuration: demo.configuration,
            statements: WriteLoad.Statements(
                insert: "INSERT INTO \(messages) (conversation_id, user_id, role, content, created_at) VALUES "
                    + "(md5(\(uid)::text)::uuid, \(uid), 'user', $1, $2::timestamptz) RETURNING id",
                update: "UPDATE \(messages) SET content = $2 WHERE id = $1",
                move: "UPDATE \(messages) SET created_at = $2::timestamptz WHERE id = $1",
                delete: "DELETE FROM \(messages) WHERE id = $1",
                read: "SELECT id, content FROM \(messages)"),
            writers: options.writers, period: period, pause: options.writerPause,
            session: { index in
                ["SET ROLE authenticated",
                 "SELECT set_config('request.jwt.claim.sub', \(SQLLiteral.quote(users[index])), false)"]
            })
        let backend = WriteLoad(
            configuration: demo.configuration,
            statements: WriteLoad.Statements(
                insert: "INSERT INTO \(usage) (user_id, event, tokens, cost, created_at) VALUES "
                    + "(md5('u' || (random() * 1999)::int)::uuid, $1, 100, 0.0002, $2::timestamptz) RETURNING id",
                update: "UPDATE \(usage) SET event = $2 WHERE id = $1",
                move: "UPDATE \(usage) SET created_at = $2::timestamptz WHERE id = $1",
                delete: "DELETE FROM \(usage) WHERE id = $1",
                read: "SELECT id, event FROM \(usage)"),
            writers: max(1, options.writers / 2), period: period, pause: options.writerPause,
            session: { _ in ["SET ROLE service_role"] })
        try await chat.start()
        loads.append((schema.messages.displayName, "authenticated", chat))
        try await backend.start()
        loads.append((schema.usageLogs.displayName, "service_role", backend))
        say(.line("writes: \(options.writers) users write their own messages as `authenticated` through RLS, "
            + "\(max(1, options.writers / 2)) backend connection(s) log usage as `service_role`: inserts, updates, "
            + "deletes and partition-key moves, every acknowledged write remembered, until the end"))
    }

    /// Stops the writers and checks each table against every write they were told succeeded.
    private func stopLoad() async throws -> (summaries: [DemoReport.Writes], proofs: [DemoReport.Proof]) {
        var summaries: [DemoReport.Writes] = []
        var proofs: [DemoReport.Proof] = []
        let running = loads
        loads = []
        for (table, role, load) in running {
            let summary = await load.stop()
            stoppedLoads.append(load)
            let mismatches = try await load.mismatches(on: admin!)
            summaries.append(DemoReport.Writes(
                table: table, role: role, writers: load.writers, acknowledged: summary.operations,
                failed: summary.failures.count, rows: summary.insertedRows, longestMilliseconds: summary.longestMilliseconds))
            var problems: [String] = []
            if let failure = summary.failures.first { problems.append("\(summary.failures.count) write(s) failed, e.g. \(failure)") }
            if let mismatch = mismatches.first { problems.append("\(mismatches.count) acknowledged write(s) not in the table, e.g. \(mismatch)") }
            proofs.append(DemoReport.Proof(
                name: "every acknowledged write is in \(table)", passed: problems.isEmpty,
                detail: problems.isEmpty
                    ? "\(VerifyHTML.grouped(Int64(summary.operations))) writes as \(role), none failed; "
                        + "the \(VerifyHTML.grouped(Int64(summary.insertedRows))) rows they inserted hold exactly the "
                        + "last write acknowledged for each (or are gone when that was a delete)"
                    : problems.joined(separator: "; ")))
        }
        return (summaries, proofs)
    }

    // MARK: One table's migration

    private func migrate(_ table: inout DemoReport.Table?, on admin: Connection) async throws {
        let name = table!.table
        let logger = demo.logger
        let plan = try await step("plan \(name)", phase: "plan", into: &table) {
            let plan = try await Planner.plan(Self.planOptions(name), on: admin)
            guard plan.blockers.isEmpty else {
                throw PartSyncError(.usage, table: name, message: plan.blockers.map(\.description).joined(separator: "; "),
                                    nextStep: "the demo's schema should have no blocker; this is a bug")
            }
            let file = Self.fileName(name, "plan.sql")
            try DemoFiles.write(Data(plan.script(generatedAt: ISO8601DateFormatter().string(from: Date())).utf8),
                                named: file, in: options.out)
            return plan
        }
        table!.files.append(Self.fileName(name, "plan.sql"))
        table!.partitions = plan.partitions.count
        let first = plan.partitions.first?.name.name ?? "", last = plan.partitions.last?.name.name ?? ""
        say(.line("plan: \(plan.target.displayName) by range on created_at, \(plan.partitions.count) monthly "
            + "partitions (\(first) … \(last)), \(plan.findings.filter { $0.severity == .warning }.count) warning(s); "
            + "SQL in \(Self.fileName(name, "plan.sql"))"))

        try await step("prepare \(name)", phase: "prepare", into: &table) {
            _ = try await Preparer.prepare(Self.planOptions(name), on: admin, logger: logger)
        }
        say(.line("prepare: created \(plan.target.displayName) with its indexes, RLS policies and grants, and the "
            + "capture trigger on \(name) (\(DemoReport.seconds(table!.phases.last!.seconds)))"))

        let events = demo.events
        let backfiller = Backfiller(
            configuration: demo.configuration, table: name, options: Backfiller.Options(workers: options.backfillWorkers),
            logger: logger, progress: { progress in
                events(.progress(bar: "backfill " + progress.bar(), summary: "backfill: " + progress.summary))
            })
        let copied = try await step("backfill \(name)", phase: "backfill", into: &table) {
            try await backfiller.run(stop: stop)
        }
        let backfillSeconds = table!.phases.last!.seconds
        table!.copiedRows = copied.rowsCopied
        table!.copyRowsPerSecond = Double(copied.rowsCopied) / max(backfillSeconds, 0.001)
        say(.line("backfill: \(VerifyHTML.grouped(copied.rowsCopied)) rows in \(DemoReport.seconds(backfillSeconds)) "
            + "(\(VerifyHTML.grouped(Int64(table!.copyRowsPerSecond))) rows/s, the secondary indexes built after the "
            + "copy), checkpointed per batch"))

        let caughtUp = try await step("sync \(name)", phase: "sync", into: &table) { try await follow(name) }
        table!.catchUpEntries = caughtUp.entries
        table!.catchUpSeconds = caughtUp.seconds
        say(.line("sync: the \(VerifyHTML.grouped(caughtUp.entries)) change(s) written during the backfill applied in "
            + "\(DemoReport.seconds(caughtUp.seconds)); following every write from now on"))

        let (verified, queryCheckSeconds) = try await step("verify \(name)", phase: "verify", into: &table) {
            try await verify(name)
        }
        table!.phases[table!.phases.count - 1].seconds -= queryCheckSeconds
        table!.phases.append(.init(name: "query check", seconds: queryCheckSeconds))
        table!.verdict = verified.verdict.rawValue
        table!.verifiedRows = verified.sourceRows
        table!.files += [Self.fileName(name, "verify.json"), Self.fileName(name, "verify.html")]
        say(.line("verify: " + Verifier.summary(verified)))
        guard verified.verdict == .equal else {
            throw DemoFailure(step: "verify \(name)", reason: "\(verified.divergent.count) key(s) differ; see "
                + Self.fileName(name, "verify.html"), exitCode: 1)
        }

        let watch = watches.first { $0.table == name }
        let (outcome, longest) = try await step("cutover \(name)", phase: "cutover", into: &table) {
            try await cutover(name)
        }
        watch?.finish()
        table!.maxSyncLagMilliseconds = watch?.maxMilliseconds
        table!.cutoverStallMilliseconds = outcome.stallMilliseconds
        table!.longestWriteDuringCutoverMilliseconds = longest
        table!.cutoverSteps = outcome.steps
        if let analyzed = outcome.analyzedMilliseconds {
            say(.line("cutover: analyzed \(outcome.live) first, before the lock (\(DemoReport.seconds(analyzed / 1000)); "
                + "autovacuum never analyzes a partitioned table)"))
        }
        say(.line("cutover: \(outcome.live) is partitioned now and \(outcome.retired) kept in sync for a rollback; "
            + "lock to commit \(outcome.stallMilliseconds.map(DemoReport.milliseconds) ?? "?") (attempt "
            + "\(outcome.attempts)), longest application write around it \(DemoReport.milliseconds(longest))"))

        let maintained = try await step("partitions \(name)", phase: "partitions", into: &table) {
            try await PartitionMaintainer.run(table: name, options: .init(premake: Self.premake), on: admin,
                                              logger: logger)
        }
        let made = maintained.actions.map { $0.partition.split(separator: ".").last.map(String.init) ?? $0.partition }
        say(.line("partitions: created \(made.count) (\(made.first ?? "") … \(made.last ?? "")) like the parent and "
            + "attached under SHARE UPDATE EXCLUSIVE while the writes went on; runway \(maintained.runway) "
            + "\(maintained.interval)s"))
    }

    /// Months ahead the demo asks `partsync partitions` for after the cutover (prepare made 3).
    static let premake = 6

    static func planOptions(_ table: String) -> PlanOptions {
        PlanOptions(table: table, partitionKey: "created_at", interval: .month, premake: 3)
    }

    /// `messages.verify.html` for `public.messages`.
    static func fileName(_ table: String, _ suffix: String) -> String {
        let name = table.split(separator: ".").last.map(String.init) ?? table
        return "\(name.replacingOccurrences(of: "\"", with: "")).\(suffix)"
    }

    /// Starts the table's applier and waits until what the backfill left in the change log is applied.
    private func follow(_ name: String) async throws -> (entries: Int64, seconds: Double) {
        let follower = SyncFollower(configuration: demo.configuration, table: name,
                                    options: .init(pollInterval: .milliseconds(200), lagInterval: nil),
                                    logger: demo.logger)
        let followStop = StopSignal()
        followers.append((followStop, Task { try await follower.run(.follow, stop: followStop) }))
        let context = try await MigrationContext.load(table: name, on: admin!, phase: .syncing)
        let started = ContinuousClock.now
        let first = try await SyncLag.load(context, on: admin!)
        let backlog = max(first.pending, 1)
        while true {
            if stop.isStopped { throw CancellationError() }
            let lag = try await SyncLag.load(context, on: admin!)
            let left = Double(lag.pending) / Double(backlog)
            let bar = BackfillProgress.bar(fraction: 1 - left)
            say(.progress(bar: "sync \(bar) \(lag.pending) change(s) pending",
                          summary: "sync: \(lag.pending) change(s) pending"))
            if (lag.oldestAgeSeconds ?? 0) < 1 && lag.pending < 1_000 { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        let watch = LagWatch(table: name, configuration: demo.configuration)
        watches.append(watch)
        watch.start(context)
        return (first.pending, (ContinuousClock.now - started).seconds)
    }

    /// A full verification in one snapshot, with the query check, written as JSON and HTML; with the seconds
    /// the query check took (its own line in the phases).
    private func verify(_ name: String) async throws -> (VerifyReport, Double) {
        let verifier = Verifier(configuration: demo.configuration, table: name,
                                options: Verifier.Options(workers: options.verifyWorkers), logger: demo.logger, stop: stop)
        var report = try await verifier.run().report
        let started = ContinuousClock.now
        report.queries = try await verifier.queryCheck(QueryCheck(runs: 3))
        let queryCheckSeconds = (ContinuousClock.now - started).seconds
        let encoder = JSONEncoder.readable()
        try DemoFiles.write(try encoder.encode(report), named: Self.fileName(name, "verify.json"), in: options.out)
        let page = VerifyHTML.render(report, lag: try await verifier.lagSamples(), queries: report.queries)
        try DemoFiles.write(Data(page.utf8), named: Self.fileName(name, "verify.html"), in: options.out)
        return (report, queryCheckSeconds)
    }

    /// The swap, with the longest write the application saw around it.
    private func cutover(_ name: String) async throws -> (Swapper.Outcome, Double) {
        for (_, _, load) in loads { _ = load.takeLongest() }
        let outcome = try await Swapper(configuration: demo.configuration, table: name, logger: demo.logger).cutover()
        // A write blocked by the lock is acknowledged right after the commit.
        try await Task.sleep(for: .milliseconds(300))
        let longest = loads.map { $0.load.takeLongest() }.max() ?? 0
        return (outcome, longest)
    }

    private func stopFollowers() async throws {
        let running = followers
        followers = []
        for follower in running {
            follower.stop.stop()
            _ = try await follower.task.value
        }
    }

    // MARK: Progress

    static func progress(done: Int, total: Int, since: ContinuousClock.Instant, unit: String)
        -> (bar: String, summary: String)
    {
        let seconds = max((ContinuousClock.now - since).seconds, 0.001)
        let rate = Double(done) / seconds
        let eta = rate > 0 ? Double(total - done) / rate : 0
        let text = "\(VerifyHTML.grouped(Int64(done))) / \(VerifyHTML.grouped(Int64(total))) \(unit), "
            + "\(VerifyHTML.grouped(Int64(rate))) \(unit)/s, ETA \(DemoReport.seconds(eta))"
        return (BackfillProgress.bar(fraction: Double(done) / Double(max(total, 1))) + " " + text, text)
    }
}

/// Samples a table's sync lag every 250 ms on its own connection and keeps the largest oldest-pending age.
final class LagWatch: Sendable {
    let table: String
    let configuration: ConnectionConfiguration
    private let state = Mutex<(max: Double?, task: Task<Void, Never>?)>((nil, nil))

    init(table: String, configuration: ConnectionConfiguration) {
        self.table = table
        self.configuration = configuration
    }

    var maxMilliseconds: Double? { state.withLock { $0.max } }

    func start(_ context: MigrationContext) {
        let task = Task { [configuration] in
            guard let connection = try? await Connection.connect(configuration) else { return }
            while !Task.isCancelled {
                if let lag = try? await SyncLag.load(context, on: connection) {
                    let age = (lag.oldestAgeSeconds ?? 0) * 1000
                    state.withLock { $0.max = max($0.max ?? 0, age) }
                }
                try? await Task.sleep(for: .milliseconds(250))
            }
            await connection.close()
        }
        state.withLock { $0.task = task }
    }

    func finish() {
        state.withLock { $0.task }?.cancel()
    }
}
