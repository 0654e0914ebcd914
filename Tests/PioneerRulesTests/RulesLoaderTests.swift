import Foundation
import Testing
@testable import PioneerRules

@Suite struct RulesLoaderTests {
    private let criteria = """
    terms t { "alpha" }
    criterion c "C" { consideration c.a "A" { guidance "g" evidence t example met "alpha" } }
    """

    @Test func includesResolveRelativeToTheIncludingFile() throws {
        let files = [
            "rules/main.rules": Compile.header + "include \"parts/criteria.rules\"\n",
            "rules/parts/criteria.rules": "include \"../shared/terms.rules\"\n" + criteria.split(separator: "\n")[1],
            "rules/shared/terms.rules": "terms t { \"alpha\" }\n",
        ]
        let result = RulesLoader.compile(files: files, entry: "rules/main.rules")
        #expect(result.diagnostics.isEmpty)
        #expect(result.files == ["rules/main.rules", "rules/parts/criteria.rules", "rules/shared/terms.rules"])
        let rules = try #require(result.rules)
        #expect(rules.termSets.map(\.id) == ["t"])
        #expect(rules.termSets[0].location.file == "rules/shared/terms.rules")
    }

    @Test func eachFileIsIncludedOnce() {
        let files = [
            "main.rules": Compile.header + "include \"a.rules\"\ninclude \"b.rules\"\n",
            "a.rules": "include \"terms.rules\"\n" + criteria.split(separator: "\n")[1],
            "b.rules": "include \"terms.rules\"\n",
            "terms.rules": "terms t { \"alpha\" }\n",
        ]
        let result = RulesLoader.compile(files: files, entry: "main.rules")
        #expect(result.diagnostics.isEmpty)
        #expect(result.files == ["main.rules", "a.rules", "terms.rules", "b.rules"])
    }

    @Test func includeCycleIsReportedAtTheInclude() {
        let (b, at) = Markers.extract("include 1️⃣\"a.rules\"\n")
        let files = ["main.rules": Compile.header + "include \"a.rules\"\n" + criteria,
                     "a.rules": "include \"b.rules\"\n", "b.rules": b]
        let result = RulesLoader.compile(files: files, entry: "main.rules")
        #expect(result.rules == nil)
        #expect(DiagnosticRenderer.render(result.diagnostics, sources: result.sources, colour: false) == """
        b.rules:\(at["1️⃣"]!): error: include cycle: 'a.rules' includes 'b.rules' includes 'a.rules'
        include "a.rules"
                ^~~~~~~~~

        """)
    }

    @Test func missingIncludeAndMissingEntry() {
        let result = RulesLoader.compile(files: ["main.rules": "include \"gone.rules\""], entry: "main.rules")
        #expect(result.diagnostics.first?.message == "cannot read 'gone.rules': no such file")
        #expect(result.diagnostics.first?.location?.description == "main.rules:1:9")
        let missing = RulesLoader.compile(files: [:], entry: "main.rules")
        #expect(DiagnosticRenderer.render(missing.diagnostics, sources: [:], colour: false)
                == "main.rules: error: cannot read 'main.rules': no such file\n")
    }

    @Test func atMost64Files() {
        var files: [String: String] = ["main.rules": Compile.header + criteria + "\ninclude \"f0.rules\"\n"]
        for index in 0..<70 { files["f\(index).rules"] = "include \"f\(index + 1).rules\"\n" }
        files["f70.rules"] = ""
        let result = RulesLoader.compile(files: files, entry: "main.rules")
        #expect(result.files.count == 64)
        #expect(result.diagnostics.map(\.message) == ["too many included files (the limit is 64)"])
    }

    @Test func loadsADirectoryFromDisk() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try (Compile.header + "include \"criteria.rules\"\n").write(to: directory.appendingPathComponent("main.rules"),
                                                                   atomically: true, encoding: .utf8)
        try criteria.write(to: directory.appendingPathComponent("criteria.rules"), atomically: true, encoding: .utf8)
        let result = RulesLoader.load(path: directory.path)
        #expect(result.diagnostics.isEmpty)
        #expect(result.rules?.criteria.map(\.id) == ["c"])
        #expect(result.files.last?.hasSuffix("/criteria.rules") == true)
        let missing = RulesLoader.load(path: directory.appendingPathComponent("nope.rules").path)
        #expect(missing.rules == nil && missing.diagnostics.count == 1)
    }

    @Test func pathsNormalise() {
        #expect(RulesPath.join(directory: "rules/parts", "../x.rules") == "rules/x.rules")
        #expect(RulesPath.join(directory: "", "./a/./b.rules") == "a/b.rules")
        #expect(RulesPath.join(directory: "/r", "/abs/x.rules") == "/abs/x.rules")
        #expect(RulesPath.directory(of: "/main.rules") == "/")
        #expect(RulesPath.directory(of: "main.rules") == "")
        #expect(RulesPath.normalize("/a/../../b//c/") == "/b/c")
        #expect(RulesPath.normalize("a/../..//x") == "../x")
        #expect(RulesPath.normalize("./.") == ".")
        #expect(RulesPath.normalize("/") == "/")
    }
}
