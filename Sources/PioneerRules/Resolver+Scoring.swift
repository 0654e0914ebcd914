/// Gates and the scoring block.
extension Resolver {
    mutating func compileGate(_ block: BlockSyntax) -> CompiledGate? {
        guard let id = block.id else { return nil }
        if let first = gateIDs[id.name] {
            bag.add(.duplicate(kind: "gate", id: id.name), at: id.location, end: id.end,
                    notes: [Diagnostic.Note(message: "first declared here", location: first)])
        }
        gateIDs[id.name] = gateIDs[id.name] ?? id.location
        var requirement: String?
        var caps: [Verdict: Band] = [:]
        var message = ""
        for field in block.fields {
            switch field.value {
            case .words(_, let words):
                guard let target = words.first else { continue }
                if requirement != nil { bag.add(.duplicateClause("requires", context: "gate '\(id.name)'"), at: field.location) }
                requirement = target.name
                if considerationIDs[target.name] == nil {
                    bag.add(.unknownConsideration(target.name), at: target.location, end: target.end,
                            notes: EditDistance.notes(for: target.name, among: considerationIDs.keys.sorted()))
                }
            case .cap(let verdictWord, let bandWord):
                if let verdict = verdict(verdictWord), let band = band(bandWord) { caps[verdict] = band }
            case .string(_, let text): message = text.value
            default: break
            }
        }
        guard let requirement else {
            bag.add(.gateWithoutRequires(id.name), at: id.location, end: id.end)
            return nil
        }
        return CompiledGate(id: id.name, title: block.title?.value ?? id.name, considerationID: requirement, caps: caps,
                            message: message, location: id.location)
    }

    /// Points and bands; without a scoring block: met 100, partial 50, missing 0; meets at 70, sift-in at 40.
    mutating func compileScoring(_ block: BlockSyntax?) -> ScoringRule {
        var points: [Verdict: Double] = [.met: 100, .partial: 50, .missing: 0]
        var bands: [BandThreshold] = []
        var bandFields: [(Identifier, NumberLiteral?, NumberLiteral?)] = []
        for field in block?.fields ?? [] {
            switch field.value {
            case .points(let entries, _):
                for entry in entries {
                    guard case .verdictPoints(let word, let number) = entry.value, let verdict = verdict(word),
                          let value = decimal(number, "points", 0...100) else { continue }
                    points[verdict] = value
                }
            case .band(let word, let threshold, let criteria): bandFields.append((word, threshold, criteria))
            default: break
            }
        }
        guard block != nil, !bandFields.isEmpty else {
            return ScoringRule(points: points, bands: [BandThreshold(band: .meets, minimumScore: 70),
                                                       BandThreshold(band: .siftIn, minimumScore: 40),
                                                       BandThreshold(band: .notMet, minimumScore: 0)])
        }
        bands = compileBands(bandFields)
        return ScoringRule(points: points, bands: bands)
    }

    private mutating func compileBands(_ fields: [(Identifier, NumberLiteral?, NumberLiteral?)]) -> [BandThreshold] {
        var bands: [BandThreshold] = []
        var previous: Double?
        // Bands met so far: a short array, so no `Set<Band>` is instantiated (each distinct `Hashable`
        // key type costs a scan of the conformance tables at start-up).
        var seen: [Band] = []
        for (position, (word, threshold, criteria)) in fields.enumerated() {
            guard let band = band(word) else { continue }
            if seen.contains(band) {
                bag.add(.duplicate(kind: "band", id: word.name), at: word.location, end: word.end)
            }
            seen.append(band)
            if band == .notMet, position != fields.count - 1 { bag.add(.notMetLast, at: word.location, end: word.end) }
            let score: Double
            if let threshold {
                score = decimal(threshold, "threshold", 0...100) ?? 0
            } else {
                if band != .notMet { bag.add(.bandNeedsThreshold(word.name), at: word.location, end: word.end) }
                score = 0
            }
            if let previous, score >= previous, band != .notMet {
                bag.add(.thresholdsNotDecreasing(band: word.name), at: threshold?.location ?? word.location)
            }
            previous = score
            let perCriterion = criteria.flatMap { decimal($0, "criteria_at_least", 0...100) }
            bands.append(BandThreshold(band: band, minimumScore: score, minimumCriterionScore: perCriterion))
        }
        if bands.last?.band != .notMet, let last = fields.last, !seen.contains(.notMet) {
            bag.add(.missingNotMet, at: last.0.location, end: last.0.end)
        }
        return bands
    }
}
