import PioneerDocuments
import PioneerRules

extension Assessor {
    /// Every candidate match for one consideration or principle and why it did or did not count
    /// (`check --explain`); `nil` when the rules have no consideration with that id.
    public func explain(_ document: Document, considerationID: String) -> Explanation? {
        guard let plan = plans.first(where: { $0.consideration.id == considerationID }) else { return nil }
        let analysis = analyse(document)
        let evaluation = evaluations[plan.evaluation]
        let candidates = evaluator(for: analysis, pageCount: document.pageCount).candidates(for: evaluation)
        let writer = writer(for: analysis)
        let explained = candidates.map { candidate in
            Explanation.Candidate(evidence: writer.evidence(candidate, plan: evaluation), status: candidate.status, note: note(for: candidate))
        }
        return Explanation(considerationID: considerationID,
                           result: writer.result(for: plan.consideration, plan: evaluation, candidates: candidates),
                           candidates: explained)
    }
}

private extension Assessor {
    func note(for candidate: Candidate) -> String {
        switch candidate.status {
        case .counted:
            return "counted: strong evidence"
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
