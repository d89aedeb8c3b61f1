import ArgumentParser
import PartSync

extension PartitionInterval: ExpressibleByArgument {}
extension CaptureMethod: ExpressibleByArgument {}

/// The options `plan` and `prepare` share.
struct PlanOptionGroup: ParsableArguments {
    @Option(help: "The table to partition: name, schema.name, or quoted parts ('\"Sales\".\"Order Events\"').")
    var table: String

    @Option(help: "The timestamptz, timestamp or date column to partition by.")
    var partitionKey: String

    @Option(help: "One partition per day, week, month or year.")
    var interval: PartitionInterval = .month

    @Option(help: "Partitions to create beyond the current period.")
    var premake = 3

    @Flag(help: "Also create a default partition for rows outside every range.")
    var defaultPartition = false

    @Option(help: "Name of the partitioned table, in the source's schema (default: <table>_partitioned).")
    var target: String?

    @Option(help: ArgumentHelp(
        "How writes to the table are captured while it syncs: trigger (statement triggers inside every write) or wal "
            + "(a logical replication slot read by partsync: nothing runs inside the application's writes; needs "
            + "wal_level = logical and a role with REPLICATION).",
        valueName: "trigger|wal"))
    var capture: CaptureMethod = .trigger

    func validate() throws {
        guard (0...120).contains(premake) else { throw ValidationError("--premake must be between 0 and 120") }
        guard !table.isEmpty else { throw ValidationError("--table must not be empty") }
        guard !partitionKey.isEmpty else { throw ValidationError("--partition-key must not be empty") }
    }

    var options: PlanOptions {
        PlanOptions(table: table, partitionKey: partitionKey, interval: interval, premake: premake,
                    defaultPartition: defaultPartition, target: target, capture: capture)
    }
}
