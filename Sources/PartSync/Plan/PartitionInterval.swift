import PostgresClient

/// The width of one partition, and the calendar arithmetic behind bounds and names. Pure, so it is unit tested
/// without a server. Days are counted from 1970-01-01 in UTC (timestamptz bounds are UTC midnights).
public enum PartitionInterval: String, Sendable, CaseIterable, Codable {
    case day, week, month, year

    /// The first day of the period that contains `day`.
    public func periodStart(containing day: Int64) -> Int64 {
        let (year, _, dayOfMonth) = CivilCalendar.civil(fromDays: day)
        switch self {
        case .day: return day
        case .week:
            // 1970-01-01 was a Thursday; ISO weeks start on Monday.
            let weekday = ((day % 7) + 7 + 3) % 7  // 0 = Monday
            return day - weekday
        case .month: return day - (dayOfMonth - 1)
        case .year: return CivilCalendar.days(year: year, month: 1, day: 1)
        }
    }

    /// The first day of the period after the one starting at `start`.
    public func nextPeriod(after start: Int64) -> Int64 {
        let (year, month, _) = CivilCalendar.civil(fromDays: start)
        switch self {
        case .day: return start + 1
        case .week: return start + 7
        case .month:
            return month == 12
                ? CivilCalendar.days(year: year + 1, month: 1, day: 1)
                : CivilCalendar.days(year: year, month: month + 1, day: 1)
        case .year: return CivilCalendar.days(year: year + 1, month: 1, day: 1)
        }
    }

    /// The suffix of the partition holding the period that starts at `start`: `2024_01`, `2024_01_31`,
    /// `2024_w05` (ISO week-numbering year and week), `2024`.
    public func suffix(forPeriodStarting start: Int64) -> String {
        let (year, month, day) = CivilCalendar.civil(fromDays: start)
        func pad(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        switch self {
        case .day: return "\(year)_\(pad(month))_\(pad(day))"
        case .month: return "\(year)_\(pad(month))"
        case .year: return "\(year)"
        case .week:
            // The ISO year is the year of the week's Thursday.
            let thursday = start + 3
            let isoYear = CivilCalendar.civil(fromDays: thursday).year
            let firstThursday = Self.week.periodStart(containing: CivilCalendar.days(year: isoYear, month: 1, day: 4)) + 3
            return "\(isoYear)_w\(pad((thursday - firstThursday) / 7 + 1))"
        }
    }

    /// Period starts from the one containing `first` through the one containing `last`, inclusive.
    public func periods(from first: Int64, through last: Int64) -> [Int64] {
        var starts: [Int64] = []
        var start = periodStart(containing: first)
        while start <= last {
            starts.append(start)
            start = nextPeriod(after: start)
        }
        return starts
    }

    /// `day` plus `count` periods (for "now + premake").
    public func advance(_ day: Int64, by count: Int) -> Int64 {
        var start = periodStart(containing: day)
        for _ in 0..<max(0, count) { start = nextPeriod(after: start) }
        return start
    }
}

/// Calendar helpers for `YYYY-MM-DD…` text from the server (sessions run in UTC).
enum DayText {
    /// Days since 1970-01-01 of the leading `YYYY-MM-DD` of a date or timestamp text.
    static func days(_ text: String) -> Int64? {
        let parts = text.prefix(10).split(separator: "-")
        guard parts.count == 3, let year = Int64(parts[0]), let month = Int64(parts[1]), let day = Int64(parts[2])
        else { return nil }
        return CivilCalendar.days(year: year, month: month, day: day)
    }

    static func text(_ days: Int64) -> String {
        let (year, month, day) = CivilCalendar.civil(fromDays: days)
        func pad(_ value: Int64, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}
