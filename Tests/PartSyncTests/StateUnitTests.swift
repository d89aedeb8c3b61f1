import PartSync
import Testing

@Suite struct PhaseTransitionTests {
    @Test("every move is allowed exactly when the transition table lists it")
    func table() {
        for from in MigrationPhase.allCases where from != .failed {
            for to in MigrationPhase.allCases {
                #expect(from.canMove(to: to) == from.successors.contains(to), "\(from) → \(to)")
            }
        }
        #expect(MigrationPhase.prepared.canMove(to: .backfilling))
        #expect(!MigrationPhase.prepared.canMove(to: .syncing))
        #expect(!MigrationPhase.backfilling.canMove(to: .verified))
        #expect(!MigrationPhase.finished.canMove(to: .syncing))
        #expect(MigrationPhase.finished.successors.isEmpty)
    }

    @Test("a failed migration resumes the phase that failed, and only that one")
    func failedResumesItsPhase() {
        #expect(MigrationPhase.failed.canMove(to: .backfilling, failedFrom: .backfilling))
        #expect(!MigrationPhase.failed.canMove(to: .syncing, failedFrom: .backfilling))
        #expect(MigrationPhase.failed.canMove(to: .syncing, failedFrom: .syncing))
        #expect(!MigrationPhase.failed.canMove(to: .backfilling, failedFrom: .syncing))
        #expect(!MigrationPhase.failed.canMove(to: .cutOver, failedFrom: .syncing))
    }

    @Test("backfill runs before and during the copy, has nothing to do after it, and is refused later")
    func backfillRule() {
        #expect(PhaseRule.backfill(.prepared, failedFrom: nil) == .run)
        #expect(PhaseRule.backfill(.backfilling, failedFrom: nil) == .run)
        #expect(PhaseRule.backfill(.failed, failedFrom: .backfilling) == .run)
        for phase in [MigrationPhase.syncing, .verified] {
            guard case .alreadyDone = PhaseRule.backfill(phase, failedFrom: nil) else {
                Issue.record("\(phase): expected nothing to do")
                continue
            }
        }
        for phase in [MigrationPhase.planned, .cutOver, .finished, .rolledBack] {
            guard case .refuse = PhaseRule.backfill(phase, failedFrom: nil) else {
                Issue.record("\(phase): expected a refusal")
                continue
            }
        }
        guard case .refuse = PhaseRule.backfill(.failed, failedFrom: .syncing) else {
            Issue.record("a sync that failed is not resumed by backfill")
            return
        }
    }

    @Test("sync runs from prepare until finish, and is refused when there is nothing to sync")
    func syncRule() {
        for phase in MigrationPhase.allCases {
            let rule = PhaseRule.sync(phase, failedFrom: nil)
            if phase == .planned || phase == .finished {
                guard case .refuse = rule else {
                    Issue.record("\(phase): expected a refusal")
                    continue
                }
            } else {
                #expect(rule == .run, "\(phase)")
            }
        }
    }
}

@Suite struct ShapeDriftTests {
    let shape = MigrationShape(
        columns: [.init(name: "id", type: "bigint", generated: false), .init(name: "body", type: "text", generated: false),
                  .init(name: "created_at", type: "timestamp with time zone", generated: false),
                  .init(name: "words", type: "integer", generated: true)],
        primaryKey: ["id"], partitionKey: "created_at")

    @Test("the same columns in another order are no drift")
    func reorder() {
        let live = Array(shape.columns.reversed())
        #expect(shape.drift(from: live, primaryKey: ["id"], expected: ["id"]).isEmpty)
    }

    @Test("an added, a dropped, a retyped and a no-longer-generated column are each named")
    func changes() {
        var live = shape.columns.filter { $0.name != "body" }
        live[0].type = "numeric"
        live[2].generated = false
        live.append(.init(name: "extra", type: "integer", generated: false))
        let drift = shape.drift(from: live, primaryKey: ["id"], expected: ["id"])
        #expect(drift == [.retyped("id", from: "bigint", to: "numeric"), .dropped("body"),
                          .generation("words", generated: false), .added("extra", type: "integer")])
        #expect(drift.map(\.description) == [
            "column id changed type from bigint to numeric", "column body was dropped",
            "column words is no longer a generated column", "column extra (integer) was added",
        ])
    }

    @Test("a changed primary key is drift; the target's key includes the partition key")
    func primaryKey() {
        #expect(shape.drift(from: shape.columns, primaryKey: ["id", "body"], expected: ["id"])
            == [.primaryKey(from: ["id"], to: ["id", "body"])])
        #expect(shape.targetKey == ["id", "created_at"])
        #expect(shape.drift(from: shape.columns, primaryKey: ["id", "created_at"], expected: shape.targetKey).isEmpty)
        #expect(shape.insertColumns == ["id", "body", "created_at"])
    }
}

@Suite struct AbandonRuleTests {
    @Test("abandon runs in every phase before the swap and is refused from the cutover on")
    func rule() {
        for phase in [MigrationPhase.planned, .prepared, .backfilling, .syncing, .verified] {
            #expect(PhaseRule.abandon(phase, failedFrom: nil) == .run, "\(phase)")
        }
        #expect(PhaseRule.abandon(.failed, failedFrom: .backfilling) == .run)
        #expect(PhaseRule.abandon(.failed, failedFrom: .syncing) == .run)
        for phase in [MigrationPhase.cutOver, .rolledBack, .finished] {
            guard case .refuse = PhaseRule.abandon(phase, failedFrom: nil) else {
                Issue.record("\(phase): expected a refusal")
                continue
            }
        }
        guard case .refuse = PhaseRule.abandon(.failed, failedFrom: .cutOver) else {
            Issue.record("a cutover that failed is not abandoned")
            return
        }
    }
}

@Suite struct SwapRuleTests {
    @Test("cutover runs once copied (again after a rollback), has nothing to do when cut over, and is refused before the copy and after finish")
    func cutoverRule() {
        for phase in [MigrationPhase.syncing, .verified, .rolledBack] {
            #expect(PhaseRule.cutover(phase, failedFrom: nil) == .run, "\(phase)")
        }
        guard case .alreadyDone = PhaseRule.cutover(.cutOver, failedFrom: nil) else {
            Issue.record("cut over: expected nothing to do")
            return
        }
        for phase in [MigrationPhase.planned, .prepared, .backfilling, .finished] {
            guard case .refuse = PhaseRule.cutover(phase, failedFrom: nil) else {
                Issue.record("\(phase): expected a refusal")
                continue
            }
        }
        // Every phase cutover runs in may move to cut_over.
        for phase in MigrationPhase.allCases where PhaseRule.cutover(phase, failedFrom: nil) == .run {
            #expect(phase.canMove(to: .cutOver), "\(phase) → cut_over")
        }
    }

    @Test("rollback runs only after a cutover; finish after a cutover or a rollback, and only once")
    func rollbackAndFinishRules() {
        #expect(PhaseRule.rollback(.cutOver, failedFrom: nil) == .run)
        guard case .alreadyDone = PhaseRule.rollback(.rolledBack, failedFrom: nil) else {
            Issue.record("rolled back: expected nothing to do")
            return
        }
        for phase in [MigrationPhase.syncing, .verified, .finished, .prepared] {
            guard case .refuse = PhaseRule.rollback(phase, failedFrom: nil) else {
                Issue.record("rollback in \(phase): expected a refusal")
                continue
            }
        }
        #expect(PhaseRule.finish(.cutOver, failedFrom: nil) == .run)
        #expect(PhaseRule.finish(.rolledBack, failedFrom: nil) == .run)
        guard case .alreadyDone = PhaseRule.finish(.finished, failedFrom: nil) else {
            Issue.record("finished: expected nothing to do")
            return
        }
        for phase in [MigrationPhase.syncing, .verified, .backfilling] {
            guard case .refuse(let reason) = PhaseRule.finish(phase, failedFrom: nil) else {
                Issue.record("finish in \(phase): expected a refusal")
                continue
            }
            #expect(reason.contains("abandon"), "the refusal points to abandon: \(reason)")
        }
        #expect(MigrationPhase.cutOver.canMove(to: .rolledBack) && MigrationPhase.rolledBack.canMove(to: .cutOver))
        #expect(MigrationPhase.cutOver.canMove(to: .finished) && MigrationPhase.rolledBack.canMove(to: .finished))
    }
}
