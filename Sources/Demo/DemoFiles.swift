import Foundation
import PartSync

/// The demo's output directory: `demo.json` (the `DemoReport`), `index.html` (the same as a page, linking each
/// table's plan and verification reports).
enum DemoFiles {
    static let reportName = "demo.json"
    static let pageName = "index.html"

    static func write(_ report: DemoReport, to directory: URL) throws {
        let encoder = JSONEncoder.readable()
        try write(try encoder.encode(report), named: reportName, in: directory)
        try write(Data(page(report).utf8), named: pageName, in: directory)
    }

    static func write(_ data: Data, named name: String, in directory: URL) throws {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try data.write(to: directory.appendingPathComponent(name))
        } catch {
            throw PartSyncError(.usage, message: "cannot write \(name) to \(directory.path): \(error.localizedDescription)",
                                nextStep: "give a writable --out directory")
        }
    }

    static func page(_ report: DemoReport) -> String {
        let e = VerifyHTML.escape
        var html = VerifyHTML.head(title: "partsync demo: \(report.passed ? "PASSED" : "FAILED")") + """
            <h1>partsync demo: the Atlas tables, migrated live</h1>
            <div class="verdict \(report.passed ? "equal" : "divergent")">\(report.passed ? "PASSED" : "FAILED")</div>
            <dl class="facts">
            <dt>database</dt><dd>\(e(report.database)), schema \(e(report.schema))</dd>
            <dt>started</dt><dd>\(e(report.startedAt)), \(DemoReport.seconds(report.totalSeconds)) in all</dd>
            <dt>rows seeded</dt><dd>\(VerifyHTML.grouped(Int64(report.rowsPerTable))) per table</dd>

            """
        if let step = report.failedStep {
            html += "<dt>failed at</dt><dd class=\"bad\">\(e(step)): \(e(report.failure ?? ""))</dd>\n"
        }
        html += "</dl>\n<h2>Tables</h2>\n<table>\n<tr><th>table</th><th class=\"num\">rows copied</th>"
            + "<th class=\"num\">copy rate</th><th class=\"num\">partitions</th><th class=\"num\">max sync lag</th>"
            + "<th>verification</th><th class=\"num\">cutover stall</th><th>time per phase</th><th>reports</th></tr>\n"
        for table in report.tables {
            let phases = table.phases.map { "\($0.name) \(DemoReport.seconds($0.seconds))" }.joined(separator: ", ")
            let links = table.files.map { "<a href=\"\(e($0))\">\(e($0))</a>" }.joined(separator: " ")
            html += "<tr><td>\(e(table.table))</td><td class=\"num\">\(VerifyHTML.grouped(table.copiedRows))</td>"
                + "<td class=\"num\">\(VerifyHTML.grouped(Int64(table.copyRowsPerSecond))) rows/s</td>"
                + "<td class=\"num\">\(table.partitions)</td>"
                + "<td class=\"num\">\(table.maxSyncLagMilliseconds.map(DemoReport.milliseconds) ?? "-")</td>"
                + "<td>\(e(table.verdict ?? "-"))</td>"
                + "<td class=\"num\">\(table.cutoverStallMilliseconds.map(DemoReport.milliseconds) ?? "-")</td>"
                + "<td>\(e(phases))</td><td>\(links)</td></tr>\n"
        }
        html += "</table>\n<h2>Proofs</h2>\n<table>\n<tr><th></th><th>what</th><th>how it was checked</th></tr>\n"
        for proof in report.proofs {
            html += "<tr><td class=\"\(proof.passed ? "" : "bad")\">\(proof.passed ? "✔" : "✘")</td>"
                + "<td>\(e(proof.name))</td><td>\(e(proof.detail))</td></tr>\n"
        }
        html += "</table>\n<h2>The application's writes</h2>\n<table>\n<tr><th>table</th><th>as</th>"
            + "<th class=\"num\">writers</th><th class=\"num\">acknowledged</th><th class=\"num\">failed</th>"
            + "<th class=\"num\">longest write</th></tr>\n"
        for writes in report.writes {
            html += "<tr><td>\(e(writes.table))</td><td>\(e(writes.role))</td><td class=\"num\">\(writes.writers)</td>"
                + "<td class=\"num\">\(VerifyHTML.grouped(Int64(writes.acknowledged)))</td>"
                + "<td class=\"num\">\(writes.failed)</td>"
                + "<td class=\"num\">\(DemoReport.milliseconds(writes.longestMilliseconds))</td></tr>\n"
        }
        html += "</table>\n<footer class=\"note\">partsync \(e(report.partsyncVersion))</footer>\n</body>\n</html>\n"
        return html
    }
}
