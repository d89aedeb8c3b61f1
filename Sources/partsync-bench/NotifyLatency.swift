import ArgumentParser
import Foundation
import PartSync
import PostgresClient

/// NOTIFY round trip: a `pg_notify` committed on one connection until the listener's stream yields it.
struct NotifyLatency: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify", abstract: "NOTIFY → listener latency, p50/p99 over N notifications.")

    @OptionGroup var target: BenchTarget

    @Option(help: "Notifications to send.")
    var count = 1_000

    func run() async throws {
        let samples = try await target.withDatabase { configuration in
            try await Self.measure(configuration, count: count)
        }
        let summary = LatencySummary(samples)
        print("NOTIFY round trip over \(count) notifications: \(summary)")
    }

    static func measure(_ configuration: ConnectionConfiguration, count: Int) async throws -> [Double] {
        let sender = try await Connection.connect(configuration)
        let channel = "partsync_bench_notify"
        return try await NotificationListener.withListener(configuration, channels: [channel]) { notifications in
            var iterator = notifications.makeAsyncIterator()
            var samples: [Double] = []
            samples.reserveCapacity(count)
            for index in 0..<count {
                let start = ContinuousClock.now
                try await sender.query("SELECT pg_notify($1, $2)", [channel, String(index)])
                guard let notification = try await iterator.next(), notification.payload == String(index) else {
                    throw ValidationError("notification \(index) did not arrive in order")
                }
                samples.append((ContinuousClock.now - start).milliseconds)
            }
            return samples
        }
    }
}

/// p50 / p95 / p99 / max of a set of millisecond samples.
struct LatencySummary: CustomStringConvertible {
    let p50: Double
    let p95: Double
    let p99: Double
    let max: Double

    init(_ samples: [Double]) {
        let sorted = samples.sorted()
        func percentile(_ p: Double) -> Double {
            guard !sorted.isEmpty else { return .nan }
            return sorted[Swift.min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
        }
        p50 = percentile(0.50)
        p95 = percentile(0.95)
        p99 = percentile(0.99)
        max = sorted.last ?? .nan
    }

    var description: String {
        String(format: "p50 %.3f ms, p95 %.3f ms, p99 %.3f ms, max %.3f ms", p50, p95, p99, max)
    }
}
