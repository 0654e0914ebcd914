import Foundation
import PioneerAssessment
import PioneerRules

/// `pioneer rules test [PATH]`: runs every example embedded in the rules.
enum RulesTestCommand {
    static func run(_ args: [String], console: Console) throws(CLIError) -> Int32 {
        let arguments = try Arguments(args, spec: OptionSpec(), command: "rules test")
        let path = try RulesCommand.path(arguments, command: "rules test")
        let rules = try RulesSession.load(path, console: console)
        let assessor = Assessor(rules: rules)
        var passed = 0
        var failures: [String] = []
        for consideration in rules.allConsiderations {
            for example in consideration.examples {
                let actual = assessor.judgeExample(example.text, considerationID: consideration.id)
                if let actual, actual.verdict == example.expected {
                    passed += 1
                    continue
                }
                failures.append(describe(example, of: consideration, actual: actual))
            }
        }
        for failure in failures { console.out(failure) }
        console.out("\(passed) passed, \(failures.count) failed\n")
        return failures.isEmpty ? ExitCode.success : ExitCode.failed
    }

    static func describe(_ example: RuleExample, of consideration: CompiledConsideration, actual: ConsiderationResult?) -> String {
        let got = actual.map { "\($0.verdict.rawValue) (\($0.reason))" } ?? "no verdict"
        return """
        \(example.location): error: example of '\(consideration.id)' expected \(example.expected.rawValue), got \(got)
            example: "\(example.text)"

        """
    }
}

/// `pioneer rules fmt [--check] [PATH...]`: canonical formatting of rule files.
enum RulesFormatCommand {
    static func run(_ args: [String], console: Console) throws(CLIError) -> Int32 {
        let arguments = try Arguments(args, spec: OptionSpec(flags: ["--check"]), command: "rules fmt")
        let paths = arguments.positionals.isEmpty ? [BundledRules.path()] : arguments.positionals
        var unformatted: [String] = []
        var failed = false
        for path in paths {
            for file in RuleFiles.expand(path) {
                guard let source = RuleFiles.read(file) else {
                    console.err("error: \(file): cannot read the file")
                    failed = true
                    continue
                }
                switch RulesFormatter.format(source: source, file: file) {
                case .failure(let failure):
                    let diagnostics = failure
                    console.err(DiagnosticRenderer.render(diagnostics, sources: [file: source], colour: console.colourErr))
                    failed = true
                case .success(let formatted) where formatted != source:
                    unformatted.append(file)
                    if !arguments.has("--check") { try rewrite(file, original: source, formatted: formatted, console: console) }
                case .success:
                    break
                }
            }
        }
        if arguments.has("--check") {
            for file in unformatted { console.out("\(file): not formatted (run 'pioneer rules fmt \(file)')\n") }
            if unformatted.isEmpty && !failed { console.out("all rule files are formatted\n") }
            return failed ? ExitCode.usageOrRules : (unformatted.isEmpty ? ExitCode.success : ExitCode.failed)
        }
        return failed ? ExitCode.usageOrRules : ExitCode.success
    }

    /// Rewrites `file` only when the rule set it belongs to (its folder's main.rules, else the file
    /// alone) compiles to the same model with the formatted text as with the original.
    static func rewrite(_ file: String, original: String, formatted: String, console: Console) throws(CLIError) {
        let folder = (file as NSString).deletingLastPathComponent
        let main = (folder.isEmpty ? "main.rules" : (folder as NSString).appendingPathComponent("main.rules"))
        var sources: [String: String] = [file: original]
        for sibling in RuleFiles.expand(folder.isEmpty ? "." : folder) where sibling != file {
            if let text = RuleFiles.read(sibling) { sources[sibling] = text }
        }
        let entry = sources[main] != nil || file == main ? main : file
        let before = RulesLoader.compile(files: sources, entry: entry)
        sources[file] = formatted
        let after = RulesLoader.compile(files: sources, entry: entry)
        let sameModel = before.rules?.fingerprint == after.rules?.fingerprint
            && before.diagnostics.count == after.diagnostics.count
        guard sameModel else {
            throw .rules("error: \(file): formatting would change the rules' meaning; the file was left unchanged (please report this)")
        }
        try OutputFile.write(formatted, to: file, inputs: [])
        console.out("formatted \(file)\n")
    }
}
