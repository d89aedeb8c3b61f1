import Dispatch
import Foundation
import PartSync

/// Turns SIGINT and SIGTERM into a `StopSignal` for the duration of a body: the first one asks the engine to
/// stop after its current batch, a second one exits at once with 4 (interrupted, resumable: whatever was in
/// flight rolls back).
enum SignalTrap {
    static func withStopOnSignals<T>(_ stop: StopSignal, _ body: () async throws -> T) async throws -> T {
        let queue = DispatchQueue(label: "partsync.signals")
        let sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                if stop.isStopped {
                    Output.info("partsync: second signal, exiting now")
                    Foundation.exit(4)
                }
                Output.info("partsync: stopping after the current batch (signal again to exit at once)")
                stop.stop()
            }
            source.resume()
            return source
        }
        defer {
            for source in sources { source.cancel() }
        }
        return try await body()
    }
}
