/// What the operator asked for with `plan` / `prepare`.
public struct PlanOptions: Sendable, Equatable, Codable {
    /// `--table` as typed: `name`, `schema.name`, quoted parts allowed.
    public var table: String
    public var partitionKey: String
    public var interval: PartitionInterval
    /// Partitions to create beyond the current period.
    public var premake: Int
    public var defaultPartition: Bool
    /// `--target`: the partitioned table's name (same schema as the source); default `<table>_partitioned`.
    public var target: String?
    /// `--capture`: how the source's writes are captured (`trigger` by default).
    public var capture: CaptureMethod

    public init(
        table: String, partitionKey: String, interval: PartitionInterval = .month, premake: Int = 3,
        defaultPartition: Bool = false, target: String? = nil, capture: CaptureMethod = .trigger
    ) {
        self.capture = capture
        self.table = table
        self.partitionKey = partitionKey
        self.interval = interval
        self.premake = premake
        self.defaultPartition = defaultPartition
        self.target = target
    }
}

/// A blocker stops the plan (exit 2); a warning is printed and the plan goes on; a note is information.
public struct Finding: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case blocker, warning, note
    }

    public var severity: Severity
    /// A stable identifier for scripts and tests, e.g. `no-primary-key`.
    public var code: String
    public var message: String
    public var fix: String?

    public init(_ severity: Severity, _ code: String, _ message: String, fix: String? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.fix = fix
    }

    public var description: String {
        "\(severity.rawValue.uppercased()) [\(code)] \(message)" + (fix.map { "\n    fix: \($0)" } ?? "")
    }
}

/// What the data looks like, read by the planner (the only part of a plan that scans the table).
public struct DataProfile: Sendable, Equatable {
    /// Days since 1970-01-01 (UTC) of the smallest and largest partition-key values; nil for an empty table.
    public var minDay: Int64?
    public var maxDay: Int64?
    public var hasNulls: Bool
    /// Today (UTC), days since 1970-01-01.
    public var today: Int64

    public init(minDay: Int64?, maxDay: Int64?, hasNulls: Bool, today: Int64) {
        self.minDay = minDay
        self.maxDay = maxDay
        self.hasNulls = hasNulls
        self.today = today
    }
}
