import PioneerRules

/// Prerequisites that cap the band whatever the score.
enum Gates {
    /// Each gate judged on the verdicts by consideration id (in the rules' order).
    static func results(_ gates: [CompiledGate], verdicts: [(id: String, verdict: Verdict)]) -> [GateResult] {
        gates.map { gate in
            guard let verdict = verdicts.first(where: { $0.id == gate.considerationID })?.verdict else {
                return GateResult(id: gate.id, passed: true, message: "not checked: no consideration '\(gate.considerationID)'", cap: nil)
            }
            guard let cap = gate.caps[verdict] else {
                return GateResult(id: gate.id, passed: true, message: "passed: \(gate.title) (\(verdict.rawValue))", cap: nil)
            }
            let message = gate.message.isEmpty ? "\(gate.title) is \(verdict.rawValue): capped at \(cap.rawValue)" : gate.message
            return GateResult(id: gate.id, passed: false, message: message, cap: cap)
        }
    }

    /// `band` lowered to the cap of every failing gate.
    static func cap(_ band: Band, by results: [GateResult]) -> Band {
        results.reduce(band) { band, result in
            guard !result.passed, let cap = result.cap else { return band }
            return min(band, cap)
        }
    }
}
