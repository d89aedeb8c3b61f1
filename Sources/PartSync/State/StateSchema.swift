import PostgresClient

/// The `partsync` schema, where every worker finds what the others did, as numbered steps. Each step is applied
/// once, in order, in one transaction under the state-schema advisory lock, and recorded in
/// `partsync.state_versions`; a database whose state is newer than this binary is refused. docs/state.md
/// describes every version.
///
/// A database prepared before versioning (no `state_versions` table, but `partsync.migrations`) is at version 1.
public enum StateSchema {
    /// One version of the state schema: the statements that take the previous version to this one.
    public struct Step: Sendable {
        public var version: Int
        public var summary: String
        public var statements: [String]
    }

    /// The version this binary reads and writes.
    public static var version: Int { steps.last!.version }

    public static let steps: [Step] = [version1, version2, version3, version4, version5, version6]

    /// What `ensure` finds.
    public enum Found: Sendable, Equatable {
        /// No `partsync` state at all.
        case none
        case version(Int)
    }

    /// The state's version in this database.
    public static func found(on connection: Connection) async throws -> Found {
        let row = try await connection.query(
            """
            SELECT pg_catalog.to_regclass('partsync.state_versions') IS NOT NULL,
                   pg_catalog.to_regclass('partsync.migrations') IS NOT NULL
            """).first!
        if try row.decode(Bool.self, at: 0) {
            let version = try await connection.query("SELECT max(version) FROM partsync.state_versions").first!
            return .version(try version.decodeIfPresent(Int.self, at: 0) ?? 0)
        }
        return try row.decode(Bool.self, at: 1) ? .version(1) : .none
    }

    /// Brings the state schema to this binary's version; does nothing (and takes no lock) when it is current.
    /// Call it inside the caller's transaction (`prepare`) or on its own (then it opens one).
    /// - Parameter create: create the state where there is none (`prepare`); otherwise a database without
    ///   partsync state is left as it is.
    /// - Throws: `PartSyncError(.usage)` when the state is newer than this binary.
    public static func ensure(on connection: Connection, inTransaction: Bool = false, create: Bool = false)
        async throws
    {
        let found = try await found(on: connection)
        switch found {
        case .none: if !create { return }
        case .version(let version):
            if version > Self.version { throw newer(version) }
            if version == Self.version { return }
        }
        if inTransaction {
            try await upgrade(on: connection)
        } else {
            try await connection.withTransaction { tx in try await upgrade(on: tx) }
        }
    }

    private static func newer(_ version: Int) -> PartSyncError {
        PartSyncError(
            .usage, message: "the partsync state in this database is version \(version); this partsync "
                + "(\(PartSyncVersion.current)) knows versions up to \(Self.version) and changed nothing",
            nextStep: "upgrade partsync to the release that wrote this state")
    }

    /// Applies the missing steps under the lock; the caller holds a transaction.
    private static func upgrade(on tx: Connection) async throws {
        try await tx.execute(AdvisoryLock.stateSchema.call("pg_advisory_xact_lock", key: "state"))
        // Another process may have upgraded while this one waited for the lock.
        let from: Int
        switch try await found(on: tx) {
        case .none: from = 0
        case .version(let version):
            if version > Self.version { throw newer(version) }
            from = version
        }
        guard from < Self.version else { return }
        // The steps read the catalog with format_type and pg_get_expr: with pg_catalog alone on the path they
        // render every other name qualified, exactly as `CatalogReader` does. Restored afterwards: `prepare`
        // runs more in the same transaction.
        let path = try await tx.query("SELECT pg_catalog.current_setting('search_path')").first!.decode(String.self, at: 0)
        try await tx.query("SELECT pg_catalog.set_config('search_path', 'pg_catalog', true)")
        for step in steps where step.version > from {
            for statement in step.statements { try await tx.execute(statement) }
            // Version 1 predates the table; version 2 creates it and records version 1.
            guard step.version >= 2 else { continue }
            try await tx.query(
                "INSERT INTO partsync.state_versions (version, summary, partsync_version) VALUES ($1, $2, $3)",
                [step.version, step.summary, PartSyncVersion.current])
        }
        try await tx.query("SELECT pg_catalog.set_config('search_path', $1, true)", [path])
    }

    /// The state schema as a migration file applies it: every step guarded by the version it finds, so the
    /// file works on a fresh database and on one whose state is older or current (`plan --out`).
    public static var scriptStatements: [String] {
        var statements = [AdvisoryLock.stateSchema.call("pg_advisory_xact_lock", key: "state")]
        for step in steps {
            let body = step.statements.map { "EXECUTE \(SQLLiteral.quote($0));" }.joined(separator: "\n            ")
                + (step.version < 2 ? "" : "\n            INSERT INTO partsync.state_versions (version, summary, partsync_version) VALUES ("
                + "\(step.version), \(SQLLiteral.quote(step.summary)), \(SQLLiteral.quote(PartSyncVersion.current)));")
            // PL/pgSQL plans each statement when it first runs it, so the version table is read dynamically.
            let block = """
                DO $partsync_state$
                DECLARE
                    found int := 0;
                    path text := pg_catalog.current_setting('search_path');
                BEGIN
                    IF pg_catalog.to_regclass('partsync.state_versions') IS NOT NULL THEN
                        EXECUTE 'SELECT max(version) FROM partsync.state_versions' INTO found;
                    ELSIF pg_catalog.to_regclass('partsync.migrations') IS NOT NULL THEN
                        found := 1;
                    END IF;
                    IF found > \(Self.version) THEN
                        RAISE EXCEPTION 'partsync: the state in this database is version %, newer than this file (%)',
                            found, \(Self.version) USING HINT = 'upgrade partsync and write the file again';
                    END IF;
                    IF found < \(step.version) THEN
                        PERFORM pg_catalog.set_config('search_path', 'pg_catalog', true);
                        \(body)
                        PERFORM pg_catalog.set_config('search_path', path, true);
                    END IF;
                END
                $partsync_state$
                """
            statements.append(block)
        }
        return statements
    }
}
