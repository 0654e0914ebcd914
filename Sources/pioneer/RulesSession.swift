import PioneerRules

/// Loads the rules a command asked for (`--rules`, else the bundled folder) and reports
/// diagnostics the way a compiler does.
enum RulesSession {
    static func load(_ path: String?, console: Console) throws(CLIError) -> CompiledRules {
        let result = RulesLoader.load(path: path ?? BundledRules.path())
        let errors = result.diagnostics.filter { $0.severity == .error }
        if let rules = result.rules, errors.isEmpty { return rules }
        let rendered = DiagnosticRenderer.render(result.diagnostics, sources: result.sources, colour: console.colourErr)
        throw .rules(rendered + "error: the rules have \(errors.count) error\(errors.count == 1 ? "" : "s"); run 'pioneer rules check' for details")
    }
}
