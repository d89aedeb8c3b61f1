import Foundation
import PostgresClient
import Testing
import TestSupport

@Suite struct ListenTests {
    @Test("notifications arrive on the stream, in order, with payload and sender")
    func receivesNotifications() async throws {
        try await TestDatabase.with { database in
            let channel = "chan_\(database.name)"
            let sender = try await database.connect()
            try await NotificationListener.withListener(database.configuration, channels: [channel, "Other Chan"]) {
                notifications in
                var iterator = notifications.makeAsyncIterator()
                for index in 0..<50 {
                    try await sender.query("SELECT pg_notify($1, $2)", [channel, "payload \(index)"])
                }
                try await sender.execute("NOTIFY \"Other Chan\", 'quoted channel'")
                for index in 0..<50 {
                    let notification = try #require(try await iterator.next())
                    #expect(notification.channel == channel)
                    #expect(notification.payload == "payload \(index)")
                    #expect(notification.senderPID == sender.backendPID)
                }
                #expect(try await iterator.next()?.payload == "quoted channel")
            }
        }
    }

    @Test("a notification sent while the listener sleeps in poll() wakes it (no polling interval)")
    func wakesFromIdle() async throws {
        try await TestDatabase.with { database in
            let channel = "idle_\(database.name)"
            let sender = try await database.connect()
            try await NotificationListener.withListener(database.configuration, channels: [channel]) { notifications in
                var iterator = notifications.makeAsyncIterator()
                try await Task.sleep(for: .milliseconds(300))
                try await sender.query("SELECT pg_notify($1, 'late')", [channel])
                #expect(try await iterator.next()?.payload == "late")
            }
        }
    }

    @Test("the stream ends with connectionLost when the listener's backend is terminated")
    func endsOnConnectionLoss() async throws {
        try await TestDatabase.with { database in
            let killer = try await database.connect()
            let listener = try await NotificationListener.start(database.configuration, channels: ["gone"])
            try await killer.query("SELECT pg_terminate_backend($1)", [listener.backendPID])
            let error = try await #require(throws: PostgresError.self) {
                for try await _ in listener.notifications {}
            }
            #expect(error.kind == .connectionLost)
            listener.close()
        }
    }

    @Test("closing the listener UNLISTENs and ends the stream")
    func closeEndsStream() async throws {
        try await TestDatabase.with { database in
            let observer = try await database.connect()
            let listener = try await NotificationListener.start(database.configuration, channels: ["c1"])
            listener.close()
            var received = 0
            for try await _ in listener.notifications { received += 1 }
            #expect(received == 0)
            listener.waitUntilClosed()
            try await waitUntil {
                try await observer.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1", [listener.backendPID]).isEmpty
            }
        }
    }
}

@Suite struct CopyTests {
    @Test("COPY FROM STDIN loads rows and COPY TO STDOUT reads them back, NULLs and escapes included")
    func copyRoundTrip() async throws {
        try await TestDatabase.with { database in
            let connection = try await database.connect()
            try await connection.execute("CREATE TABLE t (id int, note text, amount numeric)")
            let loaded = try await connection.copyIn("COPY t FROM STDIN") { writer in
                for id in 1...10_000 {
                    let note = id % 10 == 0 ? "\\N" : "row\\t\(id)\\\\ \u{00e9}"
                    try writer.write("\(id)\t\(note)\t\(Double(id) / 4)\n")
                }
            }
            #expect(loaded == 10_000)
            let stats = try await connection.query(
                "SELECT count(*), count(note), sum(amount), (SELECT note FROM t WHERE id = 1) FROM t").first!
            #expect(try stats.decode(Int.self, at: 0) == 10_000)
            #expect(try stats.decode(Int.self, at: 1) == 9_000)
            #expect(stats[2] == "12501250.00")
            #expect(stats[3] == "row\t1\\ é")
            var lines: [String] = []
            let copied = try await connection.copyOut("COPY (SELECT id, note FROM t WHERE id <= 10 ORDER BY id) TO STDOUT") {
                bytes in lines.append(String(decoding: bytes, as: UTF8.self))
            }
            #expect(copied == 10)
            #expect(lines.first == "1\trow\\t1\\\\ é\n")
            #expect(lines.last == "10\t\\N\n")
        }
    }

    @Test("a COPY the server rejects, or the producer aborts, loads nothing and leaves the connection usable")
    func copyFailures() async throws {
        try await TestDatabase.with { database in
            let connection = try await database.connect()
            try await connection.execute("CREATE TABLE t (id int PRIMARY KEY)")
            let error = try await #require(throws: PostgresError.self) {
                try await connection.copyIn("COPY t FROM STDIN") { writer in
                    try writer.write("1\n2\nnot-a-number\n")
                }
            }
            #expect(error.sqlState == "22P02")
            struct Abort: Error {}
            await #expect(throws: Abort.self) {
                try await connection.copyIn("COPY t FROM STDIN") { writer in
                    try writer.write("1\n")
                    throw Abort()
                }
            }
            #expect(try await connection.query("SELECT count(*) FROM t").first?.decode(Int.self, at: 0) == 0)
        }
    }
}
