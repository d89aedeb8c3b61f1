import PartSync
import PostgresClient
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
