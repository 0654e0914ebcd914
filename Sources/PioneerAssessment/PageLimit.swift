import PioneerDocuments
import PioneerRules

/// The page limit: a bid over it is capped, and what lies beyond it is not read.
enum PageLimit {
    /// Most evidence items listed beyond the limit for one consideration.
    static let itemsPerConsideration = 3

    static func isOver(_ count: PageCount, rule: PageLimitRule) -> Bool {
        count.value > Double(rule.limit)
    }

    /// `band` capped when the document is over the limit and the rules cap it.
    static func cap(_ band: Band, pages: PageCount, rule: PageLimitRule) -> Band {
        guard isOver(pages, rule: rule), let cap = rule.overLimitCap else { return band }
        return min(band, cap)
    }

    /// Headings beyond the limit, then evidence that would have counted, in page and line order.
    static func result(pages: PageCount, rule: PageLimitRule, analysis: DocumentAnalysis,
                       beyond: [(considerationID: String, candidates: [Candidate])]) -> PageLimitResult {
        let over = isOver(pages, rule: rule)
        var items: [BeyondLimitItem] = []
        if over {
            for unit in analysis.units where unit.isHeading && unit.page > rule.limit {
                items.append(BeyondLimitItem(page: unit.page, line: unit.line, text: analysis.text(of: unit), considerationID: nil))
            }
            for (id, candidates) in beyond {
                for candidate in candidates.filter({ $0.status == .beyondPageLimit && !$0.negated }).prefix(itemsPerConsideration) {
                    items.append(BeyondLimitItem(page: candidate.unit.page, line: candidate.unit.line,
                                                 text: VerdictWriter.quote(analysis.text(of: candidate.unit)), considerationID: id))
                }
            }
        }
        let ordered = items.enumerated().sorted { lhs, rhs in
            (lhs.element.page, lhs.element.line, lhs.offset) < (rhs.element.page, rhs.element.line, rhs.offset)
        }.map(\.element)
        return PageLimitResult(limit: rule.limit, pages: pages.value, within: !over, beyondLimit: ordered)
    }
}
