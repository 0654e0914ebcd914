import PioneerDocuments
import PioneerRules

extension Assessor {
    /// Every candidate match for one consideration or principle and why it did or did not count
    /// (`check --explain`); `nil` when the rules have no consideration with that id.
    public func explain(_ document: Document, considerationID: String) -> Explanation? {
        guard let plan = plans.first(where: { $0.consideration.id == considerationID }) else { return nil }
        let analysis = analyse(document)
        let evaluation = evaluations[plan.evaluation]
        let evaluator = evaluator(for: analysis, pageCount: document.pageCount)
        let candidates = evaluator.candidates(for: evaluation)
        let writer = writer(for: analysis)
        let explained = candidates.map { candidate in
            // What substance a weak unit has beside the evidence itself, so the note does not deny it.
            let beside = candidate.status == .weak ? evaluator.signalsBeside(evaluation.relevant, in: candidate.unit) : 0
            return Explanation.Candidate(evidence: writer.evidence(candidate, plan: evaluation), status: candidate.status,
                                         note: note(for: candidate, substance: VerdictWriter.substance(beside)))
        }
        return Explanation(considerationID: considerationID,
                           result: writer.result(for: plan.consideration, plan: evaluation, candidates: candidates),
                           candidates: explained)
    }
}

private extension Assessor {
    /// Why `candidate` counted or not; `substance` names what a weak one has beside the evidence ("percentages").
    func note(for candidate: Candidate, substance: String) -> String {
        switch candidate.status {
        case .counted:
            return "counted: strong evidence"
        case .weak where !substance.isEmpty:
            return "weak: \(substance) beside the match, but not what this consideration counts as strong (see its guidance)"
        case .weak:
            return "weak: no substance such as an owner, date or figure with the match"
        case .negated:
            return "negated: a stated gap, not evidence"
        case .outsideScope:
            return "not counted: not under a heading the rules require"
        case .beyondPageLimit:
            return "not counted: page \(candidate.unit.page) is beyond the \(rules.pageLimit.limit)-page limit"
        case .buzzwords:
            return "weak: a bare list with no verb and no substance can never be strong"
        case .mention:
            return "weak: names the topic but is not evidence the rule asks for (at most partial)"
        }
    }
}
