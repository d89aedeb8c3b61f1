import Testing
@testable import partsync_bench

@Suite struct ChildRunTests {
    @Test("peak RSS is read from VmHWM in /proc/<pid>/status")
    func procStatus() {
        let status = "Name:\tpartsync\nVmPeak:\t  400000 kB\nVmHWM:\t   34560 kB\nVmRSS:\t   30000 kB\n"
        #expect(ChildRun.peakRSS(procStatus: status) == 34560 * 1024)
        #expect(ChildRun.peakRSS(procStatus: "Name:\tzombie\n") == nil)
    }

    @Test("a child's peak RSS is its own, not this process's")
    func ownPeak() throws {
        // A ~64 MiB allocation here must not show up as the tiny child's peak.
        let ballast = [UInt8](repeating: 1, count: 64 << 20)
        let run = try ChildRun.run("/bin/sh", ["-c", "sleep 0.2"])
        #expect(run.status == 0)
        #expect(run.peakRSSBytes > 0 && run.peakRSSBytes < 32 << 20, "\(run.peakRSSBytes)")
        #expect(ballast.count == 64 << 20)
    }
}
