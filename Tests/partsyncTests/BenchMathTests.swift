import Testing
@testable import partsync_bench

@Suite struct BenchMathTests {
    @Test("the median is the middle sample, or the mean of the two middle ones")
    func median() {
        #expect(BenchMath.median([3, 1, 2]) == 2)
        #expect(BenchMath.median([4, 1, 3, 2]) == 2.5)
        #expect(BenchMath.median([7]) == 7)
        #expect(BenchMath.median([]).isNaN)
    }

    @Test("a speedup is the baseline's median time over the candidate's")
    func speedup() {
        #expect(BenchMath.speedup(baselineSeconds: [10, 12, 11], candidateSeconds: [5, 6, 100]) == 11.0 / 6.0)
    }

    @Test("pair ratios keep each pair together: throughput with ÷ without, or time without ÷ with")
    func pairRatios() {
        #expect(BenchMath.pairRatios(without: [100, 200, 50], with: [90, 200, 55]) == [0.9, 1.0, 1.1])
        #expect(BenchMath.pairRatios(withoutSeconds: [2, 4], withSeconds: [4, 4]) == [0.5, 1.0])
        // One slow "without" run moves one ratio, not the median.
        let ratios = BenchMath.pairRatios(without: [100, 40, 100], with: [95, 96, 94])
        #expect(BenchMath.median(ratios) == 0.95)
    }

    @Test("memory growth is the larger table's median peak over the smaller one's")
    func growth() {
        #expect(BenchMath.growth(small: [30, 32, 31], large: [31, 31, 62]) == 1.0)
    }

    @Test("targets: at least and at most include the bound; a figure that is not a number never meets one")
    func targets() {
        #expect(Target.atLeast(1.5).isMet(by: 1.5))
        #expect(!Target.atLeast(1.5).isMet(by: 1.49))
        #expect(Target.atMost(1.25).isMet(by: 1.25))
        #expect(!Target.atMost(1.25).isMet(by: 1.3))
        #expect(!Target.atLeast(0.95).isMet(by: .nan))
        #expect(Figure("x", value: 0.96, unit: "", target: .atLeast(0.95)).met == true)
        #expect(Figure("x", value: 0.90, unit: "", target: .atLeast(0.95)).met == false)
        #expect(Figure("time", value: 3, unit: "s").met == nil)
        let report = BenchReport(
            startedAt: "", command: "", rows: 1, repeats: 1,
            machine: .init(cores: 2, memoryGiB: 1, serverVersion: "15", settings: [:]),
            figures: [Figure("time", value: 3, unit: "s"), Figure("r", value: 1.6, unit: "", target: .atLeast(1.5))],
            samples: [:], failures: [])
        #expect(report.allTargetsMet)
    }

    @Test("pgbench's TPS line is found in its output")
    func pgbenchOutput() {
        let output = """
            transaction type: /tmp/insert.sql
            number of clients: 8
            latency average = 1.231 ms
            initial connection time = 6.112 ms
            tps = 6498.127301 (without initial connection time)
            """
        #expect(BenchMath.pgbenchTPS(output) == 6498.127301)
        #expect(BenchMath.pgbenchTPS("pgbench: error: connection failed") == nil)
    }

    @Test("the table shows each figure beside its target and whether it was met")
    func table() {
        let text = ReportTable.render([
            Figure("bigint: INSERT … SELECT ÷ partsync backfill", value: 1.234, unit: "×", target: .atLeast(1.5)),
            Figure("bigint: partsync backfill", value: 10.44, unit: "s"),
        ])
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[2].contains("1.234 ×") && lines[2].contains("≥ 1.50") && lines[2].hasSuffix("NO"))
        #expect(lines[3].contains("10.4 s") && lines[3].contains("—"))
        #expect(BenchMath.format(2048.4) == "2048")
        #expect(BenchMath.format(0.9512) == "0.951")
        #expect(BenchMath.format(1.4977) == "1.498")
    }

    @Test("repeated sync runs report each figure's median, judged against its target")
    func syncMedians() {
        let runs = [1.2, 0.7, 0.9].map { ratio in
            [Figure("p99 ratio", value: ratio, unit: "×", target: .atMost(1)), Figure("p50", value: ratio * 10, unit: "ms")]
        }
        let medians = SyncFigures.medians(runs)
        #expect(medians.map(\.0.name) == ["p99 ratio", "p50"])
        #expect(medians[0].0.value == 0.9 && medians[0].0.met == true)
        #expect(medians[0].1 == [1.2, 0.7, 0.9])
        #expect(medians[1].0.value == 9 && medians[1].0.met == nil)
    }
}
