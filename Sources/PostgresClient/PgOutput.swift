import Foundation

/// The messages of PostgreSQL's built-in logical decoding plugin `pgoutput`, protocol version 1 (PostgreSQL's
/// "Logical Replication Message Formats"): what `ReplicationStream` delivers as `XLogData` payloads once the
/// stream was started with `proto_version '1'` and `publication_names`. Column values are in text format.
public enum PgOutput {
    /// One column value of a tuple.
    public enum Value: Sendable, Equatable {
        case null
        /// A TOASTed value the UPDATE did not change: not sent.
        case unchangedToast
        case text(String)
    }

    public struct Column: Sendable, Equatable {
        /// Part of the replica identity (the primary key by default).
        public var isKey: Bool
        public var name: String
        public var typeOID: UInt32
        public var typeModifier: Int32

        public init(isKey: Bool, name: String, typeOID: UInt32, typeModifier: Int32) {
            self.isKey = isKey
            self.name = name
            self.typeOID = typeOID
            self.typeModifier = typeModifier
        }
    }

    public struct Relation: Sendable, Equatable {
        public var id: UInt32
        public var namespace: String
        public var name: String
        /// `d` default (primary key), `n` nothing, `f` full, `i` index.
        public var replicaIdentity: Character
        public var columns: [Column]

        public init(id: UInt32, namespace: String, name: String, replicaIdentity: Character, columns: [Column]) {
            self.id = id
            self.namespace = namespace
            self.name = name
            self.replicaIdentity = replicaIdentity
            self.columns = columns
        }
    }

    public enum Message: Sendable, Equatable {
        /// `commitTime`: microseconds since 2000-01-01 00:00 UTC, the protocol's clock.
        case begin(finalLSN: LSN, commitTime: Int64, xid: UInt32)
        case commit(commitLSN: LSN, endLSN: LSN)
        case relation(Relation)
        case insert(relation: UInt32, new: [Value])
        /// `old` is the replica-identity key (`oldIsKey`) or the whole old row (REPLICA IDENTITY FULL), sent only
        /// when the identity requires it (a changed key, or FULL).
        case update(relation: UInt32, old: [Value]?, oldIsKey: Bool, new: [Value])
        case delete(relation: UInt32, old: [Value], oldIsKey: Bool)
        case truncate(relations: [UInt32])
        /// `pg_logical_emit_message`, when the stream was started with `messages 'true'`.
        case logicalMessage(transactional: Bool, lsn: LSN, prefix: String, content: [UInt8])
        case origin(name: String)
        case type(id: UInt32)
    }

    public struct DecodeError: Error, Sendable, CustomStringConvertible {
        public var description: String

        public init(description: String) { self.description = description }
    }

    /// Decodes one payload. Pure.
    public static func decode(_ bytes: [UInt8]) throws -> Message {
        var reader = Reader(bytes: bytes)
        let kind = try reader.byte()
        switch kind {
        case UInt8(ascii: "B"):
            let final = LSN(try reader.uint64())
            let commitTime = Int64(bitPattern: try reader.uint64())
            return .begin(finalLSN: final, commitTime: commitTime, xid: try reader.uint32())
        case UInt8(ascii: "C"):
            _ = try reader.byte()  // flags
            let commit = LSN(try reader.uint64())
            let end = LSN(try reader.uint64())
            return .commit(commitLSN: commit, endLSN: end)
        case UInt8(ascii: "R"):
            let id = try reader.uint32()
            let namespace = try reader.string()
            let name = try reader.string()
            let identity = Character(Unicode.Scalar(try reader.byte()))
            let count = Int(try reader.uint16())
            var columns: [Column] = []
            for _ in 0..<count {
                let flags = try reader.byte()
                columns.append(Column(isKey: flags & 1 == 1, name: try reader.string(), typeOID: try reader.uint32(),
                                      typeModifier: Int32(bitPattern: try reader.uint32())))
            }
            return .relation(Relation(id: id, namespace: namespace.isEmpty ? "pg_catalog" : namespace, name: name,
                                      replicaIdentity: identity, columns: columns))
        case UInt8(ascii: "I"):
            let relation = try reader.uint32()
            try reader.expect("N")
            return .insert(relation: relation, new: try reader.tuple())
        case UInt8(ascii: "U"):
            let relation = try reader.uint32()
            var old: [Value]?
            var oldIsKey = false
            var marker = try reader.byte()
            if marker == UInt8(ascii: "K") || marker == UInt8(ascii: "O") {
                oldIsKey = marker == UInt8(ascii: "K")
                old = try reader.tuple()
                marker = try reader.byte()
            }
            guard marker == UInt8(ascii: "N") else { throw DecodeError(description: "UPDATE without its new tuple") }
            return .update(relation: relation, old: old, oldIsKey: oldIsKey, new: try reader.tuple())
        case UInt8(ascii: "D"):
            let relation = try reader.uint32()
            let marker = try reader.byte()
            guard marker == UInt8(ascii: "K") || marker == UInt8(ascii: "O") else {
                throw DecodeError(description: "DELETE without its old key")
            }
            return .delete(relation: relation, old: try reader.tuple(), oldIsKey: marker == UInt8(ascii: "K"))
        case UInt8(ascii: "T"):
            let count = Int(try reader.uint32())
            _ = try reader.byte()  // options
            return .truncate(relations: try (0..<count).map { _ in try reader.uint32() })
        case UInt8(ascii: "M"):
            let transactional = try reader.byte() & 1 == 1
            let lsn = LSN(try reader.uint64())
            let prefix = try reader.string()
            let length = Int(try reader.uint32())
            let content = try reader.bytes(length)
            return .logicalMessage(transactional: transactional, lsn: lsn, prefix: prefix, content: content)
        case UInt8(ascii: "O"):
            _ = try reader.uint64()
            return .origin(name: try reader.string())
        case UInt8(ascii: "Y"):
            return .type(id: try reader.uint32())
        default:
            throw DecodeError(description: "unknown pgoutput message '\(Character(Unicode.Scalar(kind)))'")
        }
    }

    struct Reader {
        let bytes: [UInt8]
        var offset = 0

        mutating func bytes(_ count: Int) throws -> [UInt8] {
            guard count >= 0, offset + count <= bytes.count else {
                throw DecodeError(description: "pgoutput message cut short at byte \(offset)")
            }
            defer { offset += count }
            return Array(bytes[offset..<offset + count])
        }

        mutating func byte() throws -> UInt8 { try bytes(1)[0] }
        mutating func uint16() throws -> UInt16 { try bytes(2).reduce(0) { $0 << 8 | UInt16($1) } }
        mutating func uint32() throws -> UInt32 { try bytes(4).reduce(0) { $0 << 8 | UInt32($1) } }
        mutating func uint64() throws -> UInt64 { try bytes(8).reduce(0) { $0 << 8 | UInt64($1) } }

        mutating func expect(_ marker: Character) throws {
            guard try byte() == marker.asciiValue! else {
                throw DecodeError(description: "expected '\(marker)' at byte \(offset - 1)")
            }
        }

        /// A NUL-terminated string.
        mutating func string() throws -> String {
            guard let end = bytes[offset...].firstIndex(of: 0) else {
                throw DecodeError(description: "unterminated string at byte \(offset)")
            }
            defer { offset = end + 1 }
            return String(decoding: bytes[offset..<end], as: UTF8.self)
        }

        mutating func tuple() throws -> [Value] {
            let count = Int(try uint16())
            return try (0..<count).map { _ in
                switch try byte() {
                case UInt8(ascii: "n"): return .null
                case UInt8(ascii: "u"): return .unchangedToast
                case UInt8(ascii: "t"):
                    let length = Int(try uint32())
                    return .text(String(decoding: try bytes(length), as: UTF8.self))
                case let other:
                    let kind = Character(Unicode.Scalar(other))
                    throw DecodeError(description: "column kind '\(kind)' (binary values are not asked for)")
                }
            }
        }
    }
}
