import PartSync
@testable import PostgresClient
import Testing

@Suite struct PartitionIntervalTests {
    func day(_ text: String) -> Int64 {
        let parts = text.split(separator: "-").map { Int64($0)! }
        return CivilCalendar.days(year: parts[0], month: parts[1], day: parts[2])
    }

    @Test("monthly periods start on the 1st and roll over the year")
    func months() {
        let start = PartitionInterval.month.periodStart(containing: day("2024-02-29"))
        #expect(start == day("2024-02-01"))
        #expect(PartitionInterval.month.nextPeriod(after: day("2024-12-01")) == day("2025-01-01"))
        #expect(PartitionInterval.month.suffix(forPeriodStarting: start) == "2024_02")
        #expect(PartitionInterval.month.periods(from: day("2024-11-15"), through: day("2025-02-01")).count == 4)
    }

    @Test("weeks start on Monday and are named by ISO year and week")
    func weeks() {
        #expect(PartitionInterval.week.periodStart(containing: day("2024-01-03")) == day("2024-01-01"))
        #expect(PartitionInterval.week.suffix(forPeriodStarting: day("2024-01-01")) == "2024_w01")
        // 2020-12-28 (Monday) belongs to ISO week 53 of 2020; 2021-01-04 is week 1 of 2021.
        #expect(PartitionInterval.week.suffix(forPeriodStarting: day("2020-12-28")) == "2020_w53")
        #expect(PartitionInterval.week.suffix(forPeriodStarting: day("2021-01-04")) == "2021_w01")
        // 2018-12-31 (Monday) is week 1 of 2019.
        #expect(PartitionInterval.week.suffix(forPeriodStarting: day("2018-12-31")) == "2019_w01")
    }

    @Test("days and years")
    func daysAndYears() {
        #expect(PartitionInterval.day.suffix(forPeriodStarting: day("2024-03-09")) == "2024_03_09")
        #expect(PartitionInterval.year.periodStart(containing: day("2024-07-04")) == day("2024-01-01"))
        #expect(PartitionInterval.year.suffix(forPeriodStarting: day("2024-01-01")) == "2024")
        #expect(PartitionInterval.month.advance(day("2024-11-20"), by: 3) == day("2025-02-01"))
    }
}

@Suite struct PolicyTests {
    @Test("backoff doubles up to its cap and keeps jitter in the upper half")
    func backoff() {
        let policy = RetryPolicy(attempts: 5, baseMilliseconds: 100, maxMilliseconds: 1_000)
        #expect(policy.delay(forAttempt: 1, random: 0) == 50)
        #expect(policy.delay(forAttempt: 1, random: 1) == 100)
        #expect(policy.delay(forAttempt: 3, random: 1) == 400)
        #expect(policy.delay(forAttempt: 10, random: 1) == 1_000)
        #expect(policy.delay(forAttempt: 10, random: 0) == 500)
    }

    @Test("phases only move along the lifecycle")
    func phaseTransitions() {
        #expect(MigrationPhase.prepared.canMove(to: .backfilling))
        #expect(!MigrationPhase.prepared.canMove(to: .cutOver))
        #expect(MigrationPhase.cutOver.canMove(to: .rolledBack))
        #expect(MigrationPhase.finished.successors.isEmpty)
        for phase in MigrationPhase.allCases { #expect(!phase.summary.isEmpty) }
    }
}

@Suite struct PartSyncErrorTests {
    static let rowData = "Failing row contains (7, secret-row-data, 2024-01-15 00:00:00+00)"
    static let context = "SQL statement \"INSERT INTO public.events_p2024_01 SELECT 7\"\nPL/pgSQL function copy() line 3"
    static let statement = "INSERT INTO public.events_partitioned\nSELECT * FROM public.events WHERE id > $1"
    static let server = PostgresError(
        kind: .server, sqlState: "23514",
        message: "new row for relation \"events_p2024_01\" violates check constraint \"no_secrets\"",
        detail: rowData, hint: "drop the constraint", context: context, statement: statement)

    static func repeatedLines(_ text: String) -> [String] {
        var seen = Set<String>()
        return text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !seen.insert($0).inserted }
    }

    @Test("the short description names table, phase, SQLSTATE, message and next step, once each, and no row data")
    func shortDescription() {
        let error = PartSyncError.database(Self.server, table: "public.events", phase: .backfilling, doing: "backfill batch")
        let lines = error.description.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(error.description)")
        #expect(lines.first == "public.events: [backfilling] backfill batch failed")
        #expect(lines.dropFirst().first == "  cause: PostgreSQL error [23514]: \(Self.server.message)")
        #expect(lines.last == "  next: fix the cause above and rerun the same command")
        for hidden in ["secret-row-data", "Failing row", "drop the constraint", "PL/pgSQL", "SELECT", "DETAIL"] {
            #expect(!error.description.contains(hidden), "\(hidden) leaked into \(error.description)")
        }
        #expect(Self.repeatedLines(error.description).isEmpty)
        #expect("\(error)" == error.description)
    }

    @Test("debugDescription is the description plus DETAIL, HINT, CONTEXT and the statement")
    func debugDescription() {
        let error = PartSyncError.database(Self.server, table: "public.events", phase: .backfilling, doing: "backfill batch")
        let debug = error.debugDescription
        #expect(debug.hasPrefix(error.description + "\n"))
        #expect(debug.contains("\n  DETAIL: \(Self.rowData)"))
        #expect(debug.contains("\n  HINT: drop the constraint"))
        #expect(debug.contains("\n  CONTEXT: SQL statement \"INSERT INTO public.events_p2024_01 SELECT 7\"\n    PL/pgSQL"))
        #expect(debug.contains("\n  STATEMENT: INSERT INTO public.events_partitioned\n    SELECT * FROM public.events"))
        #expect(Self.repeatedLines(debug).isEmpty)
        #expect(String(reflecting: error) == debug)
    }

    @Test("errors that are not from the server keep their text in the message; a failed rollback is named once")
    func otherCauses() {
        struct Odd: Error, CustomStringConvertible { var description: String { "odd failure" } }
        let plain = PartSyncError.database(Odd(), table: "t", phase: nil, doing: "connect")
        #expect(plain.description == "t: connect failed: odd failure\n  next: fix the cause above and rerun the same command")
        #expect(plain.debugDescription == plain.description)

        let lost = PostgresError(kind: .connectionLost, message: "server closed the connection unexpectedly")
        let both = PartSyncError.database(
            TransactionError(bodyError: Self.server, rollbackError: lost), table: "t", phase: .planned, doing: "prepare")
        #expect(both.underlying?.sqlState == "23514")
        #expect(both.message == "prepare failed (and the rollback failed too: \(lost))")
        #expect(!both.description.contains("secret-row-data"))
        #expect(Self.repeatedLines(both.description).isEmpty)
        #expect(both.debugDescription.contains("secret-row-data"))
    }

    @Test("libpq's advice, repeated once per address it tried, is printed once")
    func libpqRepeats() {
        let message = """
            connection to server at "localhost" (::1), port 1 failed: Connection refused
            \tIs the server running on that host and accepting TCP/IP connections?
            connection to server at "localhost" (127.0.0.1), port 1 failed: Connection refused
            \tIs the server running on that host and accepting TCP/IP connections?
            """
        let error = PostgresError(kind: .connection, sqlState: "08006", message: message, target: "localhost:1/db as u")
        #expect(Self.repeatedLines(error.description).isEmpty, "\(error.description)")
        #expect(error.description.split(separator: "\n").count == 3)
        let wrapped = PartSyncError.database(error, table: "t", phase: .backfilling, doing: "connect")
        #expect(Self.repeatedLines(wrapped.description).isEmpty, "\(wrapped.description)")
        #expect(wrapped.nextStep?.contains("rerun the same command") == true)
    }
}
