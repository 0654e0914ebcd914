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

    /// The first evidence candidates beyond the limit that would have counted (`itemsPerConsideration`
    /// of them), in reading order: what `result` lists for each consideration judged by `candidates`.
    static func listed(_ candidates: [Candidate]) -> [Candidate] {
        var listed: [Candidate] = []
        for candidate in candidates where candidate.status == .beyondPageLimit && !candidate.negated {
            listed.append(candidate)
            if listed.count == itemsPerConsideration { break }
        }
        return listed
    }

    /// The page-limit verdict alone (`AssessmentDetail.ranking`): `result` without the beyond-limit items.
    static func verdict(pages: PageCount, rule: PageLimitRule) -> PageLimitResult {
        PageLimitResult(limit: rule.limit, pages: pages.value, within: !isOver(pages, rule: rule), beyondLimit: [])
    }

    /// Headings beyond the limit, then evidence that would have counted (`beyond`: each consideration's
    /// `listed` candidates), in page and line order. Quotes come from `quotes`, shared with the evidence.
    static func result(pages: PageCount, rule: PageLimitRule, analysis: DocumentAnalysis,
                       beyond: [(considerationID: String, candidates: [Candidate])], quotes: inout QuoteCache) -> PageLimitResult {
        let over = isOver(pages, rule: rule)
        var items: [BeyondLimitItem] = []
        if over {
            // Every heading opens a section, so the sections list the headings in reading order.
            for section in analysis.sections where analysis.units.indices.contains(section.heading) {
                let unit = analysis.units[section.heading]
                if unit.page > rule.limit {
                    items.append(BeyondLimitItem(page: unit.page, line: unit.line, text: analysis.text(of: unit), considerationID: nil))
                }
            }
            for (id, candidates) in beyond {
                for candidate in candidates {
                    items.append(BeyondLimitItem(page: candidate.unit.page, line: candidate.unit.line,
                                                 text: quotes.quote(candidate, in: analysis), considerationID: id))
                }
            }
        }
        // Positions sorted by (page, line, position), so the items themselves are moved once.
        let order = items.indices.sorted { (items[$0].page, items[$0].line, $0) < (items[$1].page, items[$1].line, $1) }
        return PageLimitResult(limit: rule.limit, pages: pages.value, within: !over, beyondLimit: order.map { items[$0] })
    }
}
