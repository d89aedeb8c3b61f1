import Foundation
import PostgresClient
import Testing
import TestSupport

@Suite struct ReplicationStreamTests {
    @Test("LSNs parse and print in PostgreSQL's form and order by position")
    func lsnText() throws {
        let lsn = try #require(LSN("16/B374D848"))
        #expect(lsn.value == 0x16_B374_D848)
        #expect(lsn.description == "16/B374D848")
        #expect(LSN("0/0") == .zero)
        #expect(LSN("1/0")! > LSN("0/FFFFFFFF")!)
        for bad in ["", "16", "16/", "x/1", "1/2/3", "100000000/0"] { #expect(LSN(bad) == nil, "\(bad)") }
    }

    @Test("pgoutput messages decode: relation, insert, update with and without the old key, delete, message")
    func decodesCraftedMessages() throws {
        func u32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * $0)) } }
        func u16(_ value: UInt16) -> [UInt8] { [UInt8(value >> 8), UInt8(value & 0xFF)] }
        func text(_ value: String) -> [UInt8] {
            [UInt8(ascii: "t")] + u32(UInt32(value.utf8.count)) + Array(value.utf8)
        }
        let relation: [UInt8] = [UInt8(ascii: "R")] + u32(42) + Array("public".utf8) + [0] + Array("t".utf8) + [0]
            + [UInt8(ascii: "d")] + u16(2) + [1] + Array("id".utf8) + [0] + u32(20) + u32(UInt32(bitPattern: -1))
            + [0] + Array("v".utf8) + [0] + u32(25) + u32(UInt32(bitPattern: -1))
        #expect(try PgOutput.decode(relation) == .relation(.init(
            id: 42, namespace: "public", name: "t", replicaIdentity: "d",
            columns: [.init(isKey: true, name: "id", typeOID: 20, typeModifier: -1),
                      .init(isKey: false, name: "v", typeOID: 25, typeModifier: -1)])))
        let newTuple = u16(2) + text("7") + [UInt8(ascii: "n")]
        #expect(try PgOutput.decode([UInt8(ascii: "I")] + u32(42) + [UInt8(ascii: "N")] + newTuple)
            == .insert(relation: 42, new: [.text("7"), .null]))
        #expect(try PgOutput.decode([UInt8(ascii: "U")] + u32(42) + [UInt8(ascii: "N")] + u16(2) + text("7")
                                    + [UInt8(ascii: "u")])
            == .update(relation: 42, old: nil, oldIsKey: false, new: [.text("7"), .unchangedToast]))
        #expect(try PgOutput.decode([UInt8(ascii: "U")] + u32(42) + [UInt8(ascii: "K")] + u16(2) + text("6")
                                    + [UInt8(ascii: "n"), UInt8(ascii: "N")] + newTuple)
            == .update(relation: 42, old: [.text("6"), .null], oldIsKey: true, new: [.text("7"), .null]))
        #expect(try PgOutput.decode([UInt8(ascii: "D")] + u32(42) + [UInt8(ascii: "K")] + u16(2) + text("7")
                                    + [UInt8(ascii: "n")])
            == .delete(relation: 42, old: [.text("7"), .null], oldIsKey: true))
        #expect(try PgOutput.decode([UInt8(ascii: "M"), 1] + ReplicationStreamTests.u64(0x10) + Array("p".utf8) + [0]
                                    + u32(2) + [9, 8])
            == .logicalMessage(transactional: true, lsn: LSN(0x10), prefix: "p", content: [9, 8]))
        #expect(throws: PgOutput.DecodeError.self) { try PgOutput.decode([UInt8(ascii: "I")] + u32(42)) }
        #expect(throws: PgOutput.DecodeError.self) { try PgOutput.decode([UInt8(ascii: "Z")]) }
    }

    static func u64(_ value: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: value >> (56 - 8 * $0)) } }

    @Test("a slot streams committed changes as pgoutput; a confirmed position is not sent again after a reconnect")
    func streamsAndConfirms() async throws {
        try await TestDatabase.with { database in
            let slot = "partsync_test_\(database.name)".prefix(60).lowercased()
            let connection = try await database.connect()
            try await connection.execute("""
                CREATE TABLE t (id bigint PRIMARY KEY, created_at timestamptz NOT NULL, v text);
                CREATE PUBLICATION p FOR TABLE t
                """)
            try await connection.query("SELECT pg_create_logical_replication_slot($1, 'pgoutput')", [String(slot)])
            // A logical slot keeps its database from being dropped: it goes before the test's database does.
            do {
                try await stream(slot: String(slot), database, connection)
            } catch {
                try? await Self.dropSlot(String(slot), connection)
                throw error
            }
            try await Self.dropSlot(String(slot), connection)
        }
    }

    static func dropSlot(_ slot: String, _ connection: Connection) async throws {
        // The walsender may take a moment to let go of it.
        for attempt in 0..<100 {
            do {
                try await connection.query("SELECT pg_drop_replication_slot($1)", [slot])
                return
            } catch where attempt < 99 {
                try await Task.sleep(for: .milliseconds(100))
            }
        }
    }

    private func stream(slot: String, _ database: TestDatabase, _ connection: Connection) async throws {
        // Five transactions (one statement of the simple protocol with several in it would be one).
        for statement in [
            "INSERT INTO t VALUES (1, '2024-01-05', 'one'), (2, '2024-02-05', NULL)",
            "UPDATE t SET v = 'uno' WHERE id = 1",
            "UPDATE t SET created_at = '2024-03-05' WHERE id = 2",
            "DELETE FROM t WHERE id = 1",
            "SELECT pg_logical_emit_message(true, 'partsync', 'marker')",
        ] {
            try await connection.execute(statement)
        }
        let options = [("proto_version", "1"), ("publication_names", "p"), ("messages", "true")]
        let stream = try await ReplicationStream.start(database.configuration, slot: slot, options: options)
        var decoded: [PgOutput.Message] = []
        var lastEnd = LSN.zero
        var iterator = stream.messages.makeAsyncIterator()
        // Wait for the fifth commit.
        var commits = 0
        while commits < 5, let batch = try await iterator.next() {
            for case .data(_, _, let payload) in batch {
                let one = try PgOutput.decode(payload)
                decoded.append(one)
                if case .commit(_, let end) = one {
                    commits += 1
                    lastEnd = end
                }
            }
        }
        let relation = try #require(decoded.compactMap { if case .relation(let r) = $0 { r } else { nil } }.first)
        #expect(relation.name == "t" && relation.namespace == "public" && relation.replicaIdentity == "d")
        #expect(relation.columns.map(\.name) == ["id", "created_at", "v"])
        #expect(relation.columns.map(\.isKey) == [true, false, false])
        let changes = decoded.filter {
            switch $0 {
            case .insert, .update, .delete, .logicalMessage: true
            default: false
            }
        }
        #expect(changes == [
            .insert(relation: relation.id, new: [.text("1"), .text("2024-01-05 00:00:00+00"), .text("one")]),
            .insert(relation: relation.id, new: [.text("2"), .text("2024-02-05 00:00:00+00"), .null]),
            .update(relation: relation.id, old: nil, oldIsKey: false,
                    new: [.text("1"), .text("2024-01-05 00:00:00+00"), .text("uno")]),
            // The partition-key move carries only the new row: the old created_at is not in the stream.
            .update(relation: relation.id, old: nil, oldIsKey: false,
                    new: [.text("2"), .text("2024-03-05 00:00:00+00"), .null]),
            .delete(relation: relation.id, old: [.text("1"), .null, .null], oldIsKey: true),
            .logicalMessage(transactional: true, lsn: try #require(decoded.compactMap {
                if case .logicalMessage(_, let lsn, _, _) = $0 { lsn } else { nil } }.first),
                prefix: "partsync", content: Array("marker".utf8)),
        ])
        stream.confirm(flushed: lastEnd)
        stream.close()
        stream.waitUntilClosed()
        // The server took the confirmation: the slot's position moved there.
        var confirmed = LSN.zero
        for _ in 0..<100 {
            let text = try await connection.query(
                "SELECT confirmed_flush_lsn::text FROM pg_replication_slots WHERE slot_name = $1 AND NOT active",
                [slot]).first?[0]
            confirmed = text.flatMap { LSN($0) } ?? .zero
            if confirmed >= lastEnd { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(confirmed >= lastEnd)

        // A new stream from the slot's position starts after what was confirmed.
        try await connection.execute("INSERT INTO t VALUES (3, '2024-04-05', 'three')")
        let again = try await ReplicationStream.start(database.configuration, slot: slot, options: options)
        var second = again.messages.makeAsyncIterator()
        var inserts: [[PgOutput.Value]] = []
        while inserts.isEmpty, let batch = try await second.next() {
            for case .data(_, _, let payload) in batch {
                if case .insert(_, let new) = try PgOutput.decode(payload) { inserts.append(new) }
            }
        }
        #expect(inserts == [[.text("3"), .text("2024-04-05 00:00:00+00"), .text("three")]])
        again.close()
        again.waitUntilClosed()
    }
}
