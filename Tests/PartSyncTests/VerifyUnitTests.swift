@testable import PartSync
import PostgresClient
import Testing

/// The pure parts of bounded verification, without a server.
@Suite struct VerifyUnitTests {
    static let single = KeySQL(MigrationShape(
        columns: [.init(name: "id", type: "bigint", generated: false),
                  .init(name: "created_at", type: "timestamp with time zone", generated: false)],
        primaryKey: ["id"], partitionKey: "created_at"))
    static let composite = KeySQL(MigrationShape(
        columns: [.init(name: "Region", type: "character varying(40)", generated: false),
                  .init(name: "Order ID", type: "bigint", generated: false),
                  .init(name: "event date", type: "date", generated: false)],
        primaryKey: ["Region", "Order ID"], partitionKey: "event date"))

    @Test("a key range compares one key column plainly and several as rows, with typed parameters in order")
    func keyRanges() {
        let both = Self.single.inRange(.columns("a"), lower: ["10"], upper: ["20"], first: 1)
        #expect(both.sql == #"a."id" >= $1::bigint AND a."id" < $2::bigint"#)
        #expect(both.parameters == ["10", "20"])
        let open = Self.single.inRange(.columns("a"), lower: nil, upper: ["20"], first: 3)
        #expect(open.sql == #"a."id" < $3::bigint"# && open.parameters == ["20"])
        #expect(Self.single.inRange(.columns("a"), lower: nil, upper: nil, first: 1) == ("true", []))
        let rows = Self.composite.inRange(.columns("l"), lower: ["r1", "5"], upper: ["r2", "1"], first: 1)
        #expect(rows.sql == #"ROW(l."Region", l."Order ID") >= ROW($1::character varying(40), $2::bigint) AND "#
            + #"ROW(l."Region", l."Order ID") < ROW($3::character varying(40), $4::bigint)"#)
        #expect(rows.parameters == ["r1", "5", "r2", "1"])
        let stored = Self.composite.inRange(.text("t.key"), lower: ["r1", "5"], upper: nil, first: 3)
        #expect(stored.sql == "ROW((t.key[1])::character varying(40), (t.key[2])::bigint) >= "
            + "ROW($3::character varying(40), $4::bigint)")
    }

    @Test("block slices: at least one per worker and side, none longer than the slice size, the last open-ended")
    func slices() {
        let source = SQLIdentifier(schema: "public", name: "t")
        let target = SQLIdentifier(schema: "public", name: "t_p")
        let items = Verifier.items(source: source, target: target, blocks: (10_000, 300), workers: 4, sliceBlocks: 4_096)
        let sourceItems = items.filter { $0.side == .source }
        #expect(sourceItems.count == 3 && sourceItems.map(\.from) == [0, 3_334, 6_668])
        #expect(sourceItems.last?.to == nil && sourceItems.dropLast().allSatisfy { $0.to! - $0.from <= 4_096 })
        #expect(items.filter { $0.side == .target }.count == 2, "two workers' share of a small side")
        let tiny = Verifier.items(source: source, target: target, blocks: (0, 0), workers: 2, sliceBlocks: 4_096)
        #expect(tiny.count == 2 && tiny.allSatisfy { $0.from == 0 && $0.to == nil })
    }

    @Test("a deadline allows work that ends before it and sets a statement timeout of the time left")
    func deadline() {
        let deadline = SnapshotDeadline(seconds: 60)
        #expect(deadline.allows(.seconds(1)))
        #expect(!deadline.allows(.seconds(59), after: .seconds(2)))
        #expect(!SnapshotDeadline(seconds: 0).allows(.zero))
        #expect(SnapshotDeadline(seconds: 0).timeoutSQL == "SET LOCAL statement_timeout = 1", "never 0, which is no limit")
    }
}
