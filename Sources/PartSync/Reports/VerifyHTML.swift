import Foundation

/// `verify --html FILE`: one self-contained page for a DBA — the verdict, the divergent keys, per-period counts
/// and checksums, charts of rows per partition and of sync lag, and the query check.
///
/// Self-contained means the page can be mailed or attached to a ticket and opened offline: inline CSS, inline
/// SVG (HTML5 needs no namespace for it), no script and no address of anything outside the page. Every string
/// taken from the report goes through `escape`, since keys and SQL may hold `<`, `&` and quotes.
public enum VerifyHTML {
    public static func render(_ report: VerifyReport, lag: [LagSample], queries: QueryCheck.Report?) -> String {
        var page = head(title: "partsync verify: \(report.table) \(report.verdict == .equal ? "EQUAL" : "DIVERGENT")")
        page += verdict(report)
        page += keys(report)
        page += periods(report)
        page += "<section>\n<h2>Charts</h2>\n"
        page += rowsChart(report.periods)
        page += lagChart(lag)
        page += "</section>\n"
        if let queries { page += queryCheck(queries) }
        page += "<footer class=\"note\">partsync \(escape(report.partsyncVersion)) · method: "
            + "\(escape(report.method))</footer>\n"
        page += "</body>\n</html>\n"
        return page
    }

    /// The start of a partsync page, up to and including `<body>`: `title` (escaped here) and the stylesheet.
    public static func head(title: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>\(style)</style>
        </head>
        <body>

        """
    }

    private static let style = """

        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328;
               max-width: 1100px; margin: 1.5rem auto; padding: 0 1rem; }
        h1 { font-size: 1.3rem; margin: 0 0 .6rem; }
        h2 { font-size: 1.1rem; margin: 2rem 0 .5rem; padding-bottom: .25rem; border-bottom: 1px solid #d0d7de; }
        h3 { font-size: .95rem; margin: 1.2rem 0 .3rem; }
        .verdict { display: inline-block; font-size: 2.4rem; font-weight: 700; letter-spacing: .06em;
                   padding: .3rem 1.2rem; border-radius: 6px; margin: .3rem 0 .8rem; }
        .equal { color: #116329; background: #dafbe1; border: 2px solid #1a7f37; }
        .divergent { color: #a40e26; background: #ffebe9; border: 2px solid #cf222e; }
        dl.facts { display: grid; grid-template-columns: max-content auto; gap: .15rem 1.2rem; margin: 0; }
        dl.facts dt { color: #57606a; }
        dl.facts dd { margin: 0; }
        table { border-collapse: collapse; margin: .4rem 0 .8rem; }
        th, td { border: 1px solid #d0d7de; padding: .2rem .55rem; text-align: left; vertical-align: top; }
        th { background: #f6f8fa; font-weight: 600; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        tr.mismatch td { background: #fff5f4; }
        td.bad { color: #a40e26; font-weight: 600; }
        .tag { display: inline-block; padding: 0 .4rem; border-radius: 3px; font-size: .85em; }
        .tag.missing, .tag.extra, .tag.different { background: #ffebe9; color: #a40e26; }
        .tag.inflight { background: #fff8c5; color: #7d4e00; }
        code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
        pre { white-space: pre-wrap; margin: .2rem 0; background: #f6f8fa; padding: .3rem .5rem; }
        .note { color: #57606a; }
        footer { margin: 2.5rem 0 1rem; font-size: .85em; }
        svg { display: block; margin: .3rem 0 1rem; max-width: 100%; height: auto; }
        svg text { font: 11px system-ui, sans-serif; fill: #57606a; }
        .legend span { display: inline-block; width: .8em; height: .8em; margin: 0 .3em 0 1em; vertical-align: -.05em; }

        """

    // MARK: Sections

    private static func mode(_ report: VerifyReport) -> String {
        let longest = "longest open " + seconds(report.longestSnapshotSeconds)
        switch report.mode {
        case .oneSnapshot: return "one snapshot of both tables (\(longest))"
        case .keyRanges: return "\(report.snapshots) snapshots, by key range (\(longest))"
        case .rolling: return "one rolling pass: \(report.snapshots) snapshots, by key range (\(longest))"
        }
    }

    private static func verdict(_ report: VerifyReport) -> String {
        let equal = report.verdict == .equal
        var html = "<header>\n<h1>partsync verify: \(escape(report.table))</h1>\n"
        html += "<div class=\"verdict \(equal ? "equal" : "divergent")\">\(equal ? "EQUAL" : "DIVERGENT")</div>\n"
        let difference = report.targetRows - report.sourceRows
        let facts: [(String, String)] = [
            ("table", report.table),
            ("source", report.source),
            ("target", report.target),
            ("snapshot", report.snapshotAt),
            ("rows", "source \(grouped(report.sourceRows)) · target \(grouped(report.targetRows))"
                + (difference == 0 ? "" : " (\(signed(difference)))")),
            ("divergent keys", grouped(Int64(report.divergent.count))),
            ("in flight", "\(grouped(Int64(report.inFlightKeys))) key(s) pending in the change log at the snapshot"),
            ("chunks", "\(grouped(Int64(report.chunks))) compared, "
                + "\(grouped(Int64(report.mismatchedChunks))) mismatched"),
            ("duration", seconds(report.durationSeconds) + " with \(report.workers) worker(s)"),
            ("snapshots", mode(report)),
            ("touched keys", "\(grouped(report.touchedKeys)) changed since their chunk was last found equal "
                + "(what cutover rechecks)"),
        ]
        html += "<dl class=\"facts\">\n"
        for (label, value) in facts { html += "<dt>\(label)</dt><dd>\(escape(value))</dd>\n" }
        html += "</dl>\n</header>\n"
        return html
    }

    private static func keys(_ report: VerifyReport) -> String {
        var html = "<section>\n<h2>Divergent keys</h2>\n"
        html += differences(
            report.divergent, inFlight: false,
            empty: "<p>No divergent key: every row outside the in-flight keys is the same on both sides.</p>",
            intro: "<p>\(grouped(Int64(report.divergent.count))) key(s) differ (at most <code>--max-keys</code> are "
                + "listed). The source is the truth; <code>partsync verify --repair</code> re-syncs them.</p>")
        html += "<h3>In flight</h3>\n"
        html += differences(
            report.inFlight, inFlight: true,
            empty: "<p class=\"note\">No differing key was pending in the change log.</p>",
            intro: "<p class=\"note\">These keys differ but were pending in the change log at the snapshot: the "
                + "applier had not reached them yet. They are not divergence.</p>")
        return html + "</section>\n"
    }

    /// A table of keys after `intro`, or `empty` when there is none.
    private static func differences(_ list: [VerifyReport.Difference], inFlight: Bool, empty: String, intro: String)
        -> String
    {
        guard !list.isEmpty else { return empty + "\n" }
        var html = intro + "\n<table>\n<tr><th class=\"num\">#</th><th>key</th><th>class</th><th>columns</th>"
            + "<th>partition</th></tr>\n"
        for (index, difference) in list.enumerated() {
            let key = difference.key.count == 1 ? difference.key[0] : "(" + difference.key.joined(separator: ", ") + ")"
            let tag = inFlight ? "inflight" : difference.class.rawValue
            html += "<tr><td class=\"num\">\(index + 1)</td><td><code>\(escape(key))</code></td>"
                + "<td><span class=\"tag \(tag)\">\(difference.class.rawValue)</span></td>"
                + "<td>\(difference.columns.isEmpty ? "—" : escape(difference.columns.joined(separator: ", ")))</td>"
                + "<td>\(difference.partition.map { escape($0) } ?? "—")</td></tr>\n"
        }
        return html + "</table>\n"
    }

    private static func periods(_ report: VerifyReport) -> String {
        var html = "<section>\n<h2>Per period (one target partition each)</h2>\n"
        guard !report.periods.isEmpty else {
            return html + "<p class=\"note\">No rows on either side.</p>\n</section>\n"
        }
        let differing = report.periods.filter { !$0.equal }.count
        html += "<p>\(report.periods.count) period(s), "
            + (differing == 0 ? "all equal." : "<strong>\(differing) differ</strong> (highlighted).") + "</p>\n"
        html += "<table>\n<tr><th>period</th><th class=\"num\">source rows</th><th class=\"num\">target rows</th>"
            + "<th class=\"num\">target − source</th><th class=\"num\">source checksum</th>"
            + "<th class=\"num\">target checksum</th><th>match</th></tr>\n"
        for period in report.periods {
            let rowsDiffer = period.sourceRows != period.targetRows
            let sumsDiffer = period.sourceChecksum != period.targetChecksum
            let rows = rowsDiffer ? "num bad" : "num"
            let sums = sumsDiffer ? "num bad" : "num"
            html += "<tr\(period.equal ? "" : " class=\"mismatch\"")><td>\(escape(period.period))</td>"
                + "<td class=\"\(rows)\">\(grouped(period.sourceRows))</td>"
                + "<td class=\"\(rows)\">\(grouped(period.targetRows))</td>"
                + "<td class=\"\(rows)\">\(rowsDiffer ? signed(period.targetRows - period.sourceRows) : "0")</td>"
                + "<td class=\"\(sums)\"><code>\(escape(period.sourceChecksum))</code></td>"
                + "<td class=\"\(sums)\"><code>\(escape(period.targetChecksum))</code></td>"
                + "<td\(period.equal ? "" : " class=\"bad\"")>\(period.equal ? "equal" : "differs")</td></tr>\n"
        }
        return html + "</table>\n</section>\n"
    }

    private static func queryCheck(_ check: QueryCheck.Report) -> String {
        var html = "<section>\n<h2>Query check</h2>\n"
        html += "<p class=\"note\">Each query ran with <code>EXPLAIN (ANALYZE, BUFFERS)</code> in a read-only "
            + "transaction that was rolled back: \(check.warmupRuns) warm-up run per side, then \(check.runs) timed "
            + "run(s) alternating source and target. Times are the server's execution time, median of the timed "
            + "runs; buffers are shared buffers hit + read by the median run; source ÷ target above 1 means the "
            + "target is faster.</p>\n"
        guard !check.entries.isEmpty else {
            return html + "<p class=\"note\">No query to check: the source has no date or timestamp partition key "
                + "data and no lookup index.</p>\n</section>\n"
        }
        html += "<table>\n<tr><th>query</th><th>side</th><th class=\"num\">median ms</th>"
            + "<th class=\"num\">planning ms</th><th class=\"num\">buffers hit + read</th>"
            + "<th class=\"num\">partitions scanned</th><th class=\"num\">pruned</th><th class=\"num\">rows</th>"
            + "<th class=\"num\">source ÷ target</th><th>in plain words</th></tr>\n"
        for entry in check.entries {
            html += "<tr><td rowspan=\"2\"><strong>\(escape(entry.name))</strong>"
                + "<details><summary>SQL</summary><pre>\(escape(entry.source.sql))</pre>"
                + "<pre>\(escape(entry.target.sql))</pre></details></td>"
            html += side("source", entry.source)
            html += "<td class=\"num\" rowspan=\"2\">\(entry.ratio.map { ratio($0) } ?? "—")</td>"
            html += "<td rowspan=\"2\">\(summary(entry).map(escape).joined(separator: "<br>"))</td></tr>\n"
            html += "<tr>" + side("target", entry.target) + "</tr>\n"
        }
        return html + "</table>\n</section>\n"
    }

    private static func side(_ label: String, _ side: QueryCheck.Report.Side) -> String {
        var scanned = "\(side.partitionsScanned) of \(side.partitionsTotal)"
        if side.partitionsExecuted < side.partitionsScanned { scanned += " (\(side.partitionsExecuted) executed)" }
        return "<td>\(label)<br><span class=\"note\">\(escape(side.table))</span></td>"
            + "<td class=\"num\">\(milliseconds(side.medianMs))</td>"
            + "<td class=\"num\">\(milliseconds(side.medianPlanningMs))</td>"
            + "<td class=\"num\">\(grouped(side.sharedHitBlocks)) + \(grouped(side.sharedReadBlocks))</td>"
            + "<td class=\"num\">\(scanned)</td><td class=\"num\">\(side.partitionsPruned)</td>"
            + "<td class=\"num\">\(grouped(Int64(side.rows.rounded())))</td>"
    }

    /// The query check as lines for a terminal: one per query, its median times and the plain-words summary.
    public static func queryLines(_ check: QueryCheck.Report) -> String {
        (["query check (\(check.runs) timed run(s) each after a warm-up, medians):"] + check.entries.map { entry in
            "  \(entry.name): source \(milliseconds(entry.source.medianMs)) ms, target "
                + "\(milliseconds(entry.target.medianMs)) ms — " + summary(entry).joined(separator: "; ")
        }).joined(separator: "\n")
    }

    /// "target is 2.3× faster", "pruning: 1 of 36 partitions scanned", and the buffers when they differ much.
    static func summary(_ entry: QueryCheck.Report.Entry) -> [String] {
        var lines: [String] = []
        if let ratio = entry.ratio {
            if ratio >= 1.1 {
                lines.append("target is \(times(ratio)) faster")
            } else if ratio > 0 && ratio <= 1 / 1.1 {
                lines.append("target is \(times(1 / ratio)) slower")
            } else {
                lines.append("about as fast on both sides")
            }
        }
        let target = entry.target
        lines.append("pruning: \(target.partitionsScanned) of \(target.partitionsTotal) partitions scanned"
            + (target.partitionsExecuted < target.partitionsScanned ? ", \(target.partitionsExecuted) executed" : ""))
        let (left, right) = (entry.source.sharedBlocks, target.sharedBlocks)
        if left > 0 && right > 0 && max(left, right) >= 2 * min(left, right) {
            lines.append(right < left ? "target reads \(times(Double(left) / Double(right))) fewer buffers"
                                      : "target reads \(times(Double(right) / Double(left))) more buffers")
        }
        return lines
    }

    // MARK: Charts

    private static let sourceColor = "#6e7781"
    private static let targetColor = "#0969da"
    private static let badColor = "#cf222e"

    /// Grouped bars, source and target, one group per period; a period that differs has its target bar in red.
    private static func rowsChart(_ periods: [VerifyReport.Period]) -> String {
        var html = "<h3>Rows per partition</h3>\n"
        guard !periods.isEmpty else { return html + "<p class=\"note\">No rows on either side.</p>\n" }
        html += "<div class=\"legend note\"><span style=\"background:\(sourceColor)\"></span>source"
            + "<span style=\"background:\(targetColor)\"></span>target"
            + "<span style=\"background:\(badColor)\"></span>target, period differs</div>\n"
        let (width, height, left, right, top, bottom) = (900.0, 260.0, 70.0, 10.0, 12.0, 40.0)
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let highest = niceCeiling(Double(periods.map { max($0.sourceRows, $0.targetRows) }.max() ?? 0))
        let group = plotWidth / Double(periods.count)
        let bar = max(1, group * 0.38)
        var svg = "<svg width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" "
            + "role=\"img\" aria-label=\"rows per partition, source and target\">\n"
        svg += yAxis(highest: highest, left: left, top: top, width: plotWidth, height: plotHeight, format: {
            grouped(Int64($0))
        })
        let every = max(1, Int((Double(periods.count) * 80 / plotWidth).rounded(.up)))
        for (index, period) in periods.enumerated() {
            let x = left + Double(index) * group
            let bars = [(0.1, period.sourceRows, sourceColor),
                        (0.5, period.targetRows, period.equal ? targetColor : badColor)]
            for (offset, rows, color) in bars {
                let h = highest > 0 ? Double(rows) / highest * plotHeight : 0
                svg += "<rect x=\"\(f(x + group * offset))\" y=\"\(f(top + plotHeight - h))\" width=\"\(f(bar))\" "
                    + "height=\"\(f(h))\" fill=\"\(color)\"><title>\(escape(period.period)): "
                    + "\(offset < 0.2 ? "source" : "target") \(grouped(rows)) rows</title></rect>\n"
            }
            if index % every == 0 {
                svg += "<text x=\"\(f(x + group / 2))\" y=\"\(f(top + plotHeight + 16))\" text-anchor=\"middle\">"
                    + "\(escape(shortPeriod(period.period)))</text>\n"
            }
        }
        return html + svg + "</svg>\n"
    }

    /// Two panels over one time axis: entries waiting in the change log, and the age of the oldest one.
    private static func lagChart(_ samples: [LagSample]) -> String {
        var html = "<h3>Sync lag</h3>\n"
        guard !samples.isEmpty else {
            return html + "<p class=\"note\">No lag samples: the applier records them while "
                + "<code>partsync sync --follow</code> runs.</p>\n"
        }
        // Place samples by their time when every one parses, else evenly in the given order.
        let parsed = samples.map { seconds(fromTimestamp: $0.at) }
        let points: [(x: Double, sample: LagSample)]
        if parsed.allSatisfy({ $0 != nil }) {
            points = zip(parsed.map { $0! }, samples).map { ($0, $1) }.sorted { $0.0 < $1.0 }
        } else {
            points = samples.enumerated().map { (Double($0.offset), $0.element) }
        }
        let first = points.first!.x
        let span = max(points.last!.x - first, 1)
        let (width, panel, left, right, top, gap) = (900.0, 120.0, 70.0, 10.0, 14.0, 34.0)
        let plotWidth = width - left - right
        let height = top + panel * 2 + gap + 30
        html += "<p class=\"note\">\(samples.count) sample(s) of the change log: entries waiting, and how long "
            + "the oldest had waited.</p>\n"
        var svg = "<svg width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" "
            + "role=\"img\" aria-label=\"sync lag over time\">\n"
        let series: [(values: [Double], color: String, title: String, format: (Double) -> String)] = [
            (points.map { Double($0.sample.pending) }, targetColor, "pending entries", { grouped(Int64($0)) }),
            (points.map { $0.sample.oldestAgeSeconds ?? 0 }, "#bf8700", "oldest pending entry's age", {
                $0 < 60 ? String(format: "%g s", $0) : seconds($0)
            }),
        ]
        for (index, line) in series.enumerated() {
            let y0 = top + Double(index) * (panel + gap)
            // An all-zero series (an applier that kept up) still gets a readable 0…1 scale.
            let highest = max(1, niceCeiling(line.values.max() ?? 0))
            svg += yAxis(highest: highest, left: left, top: y0, width: plotWidth, height: panel, format: line.format)
            svg += "<text x=\"\(f(left + 6))\" y=\"\(f(y0 + 10))\">\(escape(line.title))</text>\n"
            let coordinates = zip(points, line.values).map { point, value in
                let x = left + (points.count == 1 ? plotWidth / 2 : (point.x - first) / span * plotWidth)
                let y = y0 + panel - (highest > 0 ? value / highest * panel : 0)
                return "\(f(x)),\(f(y))"
            }
            svg += "<polyline fill=\"none\" stroke=\"\(line.color)\" stroke-width=\"1.5\" "
                + "points=\"\(coordinates.joined(separator: " "))\"/>\n"
            if points.count == 1, let only = coordinates.first?.split(separator: ",") {
                svg += "<circle cx=\"\(only[0])\" cy=\"\(only[1])\" r=\"3\" fill=\"\(line.color)\"/>\n"
            }
        }
        let axis = top + panel * 2 + gap + 16
        svg += "<text x=\"\(f(left))\" y=\"\(f(axis))\">\(escape(points.first!.sample.at))</text>\n"
        svg += "<text x=\"\(f(left + plotWidth))\" y=\"\(f(axis))\" text-anchor=\"end\">"
            + "\(escape(points.last!.sample.at))</text>\n"
        return html + svg + "</svg>\n"
    }

    /// Four grid lines from 0 to `highest`, labelled on the left.
    private static func yAxis(highest: Double, left: Double, top: Double, width: Double, height: Double,
                              format: (Double) -> String) -> String {
        var svg = ""
        for step in 0...4 {
            let value = highest * Double(step) / 4
            let y = top + height - Double(step) / 4 * height
            svg += "<line x1=\"\(f(left))\" y1=\"\(f(y))\" x2=\"\(f(left + width))\" y2=\"\(f(y))\" "
                + "stroke=\"\(step == 0 ? "#8c959f" : "#eaeef2")\"/>\n"
            svg += "<text x=\"\(f(left - 6))\" y=\"\(f(y + 4))\" text-anchor=\"end\">\(escape(format(value)))</text>\n"
        }
        return svg
    }

    // MARK: Text

    /// HTML-escapes text for element content and double-quoted attributes.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for char in text {
            switch char {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(char)
            }
        }
        return out
    }

    /// `1,234,567`.
    public static func grouped(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return (value < 0 ? "−" : "") + out
    }

    private static func signed(_ value: Int64) -> String { value > 0 ? "+" + grouped(value) : grouped(value) }

    static func milliseconds(_ value: Double) -> String {
        String(format: value < 10 ? "%.3f" : value < 1_000 ? "%.1f" : "%.0f", value)
    }

    /// `2.3×`.
    static func times(_ value: Double) -> String { String(format: value < 10 ? "%.1f×" : "%.0f×", value) }

    private static func ratio(_ value: Double) -> String { String(format: value < 10 ? "%.2f" : "%.0f", value) }

    static func seconds(_ value: Double) -> String {
        if value < 60 { return String(format: value < 10 ? "%.1f s" : "%.0f s", value) }
        if value < 3_600 { return "\(Int(value) / 60) min \(Int(value) % 60) s" }
        return "\(Int(value) / 3_600) h \(Int(value) % 3_600 / 60) min"
    }

    /// SVG coordinates with two decimals at most.
    private static func f(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// The date of a period's start (`2024-05-01 00:00:00+00` → `2024-05-01`).
    private static func shortPeriod(_ period: String) -> String { String(period.prefix(10)) }

    /// A round number at or above `value` (1, 2 or 5 times a power of ten), so the axis labels read easily.
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0 else { return 0 }
        let power = pow(10, (log10(value)).rounded(.down))
        for step in [1.0, 2.0, 5.0, 10.0] where step * power >= value { return step * power }
        return 10 * power
    }

    /// Seconds since 1970 of a server timestamp (`2024-05-01 12:00:00.5+00`, `2024-05-01T12:00:00Z`, an offset
    /// like `+02` or `-05:30`, or none, meaning UTC); nil for other text.
    static func seconds(fromTimestamp text: String) -> Double? {
        guard text.count >= 19, let day = DayText.days(text) else { return nil }
        let clock = Array(text.dropFirst(11))
        guard let hour = Double(String(clock[0..<2])), let minute = Double(String(clock[3..<5])) else { return nil }
        var index = 5
        var second = 0.0
        if index < clock.count, clock[index] == ":" {
            var digits = ""
            index += 1
            while index < clock.count, clock[index].isNumber || clock[index] == "." {
                digits.append(clock[index])
                index += 1
            }
            guard let value = Double(digits) else { return nil }
            second = value
        }
        var offset = 0.0
        let zone = String(clock[index...]).trimmingCharacters(in: .whitespaces)
        if !zone.isEmpty && zone != "Z" && zone != "UTC" {
            guard let sign = zone.first, sign == "+" || sign == "-" else { return nil }
            let parts = zone.dropFirst().split(separator: ":")
            guard let hours = parts.first.flatMap({ Double($0) }) else { return nil }
            offset = (hours * 3_600 + (parts.count > 1 ? Double(parts[1]) ?? 0 : 0) * 60) * (sign == "-" ? -1 : 1)
        }
        return Double(day) * 86_400 + hour * 3_600 + minute * 60 + second - offset
    }
}
