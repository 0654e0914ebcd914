// swift-tools-version:6.0
import PackageDescription

// One library target per layer; data flows one way:
// rules text -> compiled rules; bytes -> document -> normalised text -> matches -> verdicts -> report.
let package = Package(
    name: "PioneerAssessor",
    products: [
        .executable(name: "pioneer", targets: ["pioneer"]),
        .executable(name: "pioneer-bench", targets: ["pioneer-bench"]),
        .library(name: "PioneerAssessment", targets: ["PioneerAssessment"]),
    ],
    targets: [
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        // Unicode folding and word tokenisation shared by rule phrases and document text.
        .target(name: "PioneerText"),
        // The rules language: lexer, parser, resolver, compiled model, formatter, diagnostics.
        .target(name: "PioneerRules", dependencies: ["PioneerText"]),
        // Readers: bytes -> Document (pages -> blocks). Knows nothing of rules.
        .target(name: "PioneerDocuments", dependencies: ["CZlib"]),
        // Normalise, segment, match, negation, substance, verdicts, scoring.
        .target(name: "PioneerAssessment", dependencies: ["PioneerText", "PioneerRules", "PioneerDocuments"]),
        // One renderer per output format.
        .target(name: "PioneerReports", dependencies: ["PioneerAssessment", "PioneerRules", "PioneerDocuments"]),
        .executableTarget(name: "pioneer", dependencies: ["PioneerRules", "PioneerDocuments", "PioneerAssessment", "PioneerReports"]),
        .executableTarget(name: "pioneer-bench", dependencies: ["CZlib", "PioneerRules", "PioneerDocuments", "PioneerAssessment", "PioneerReports"]),
        // The repository's rules and sample bids, for the tests of every target that reads them.
        .target(name: "PioneerFixtures", dependencies: ["PioneerAssessment", "PioneerRules", "PioneerDocuments"], path: "Tests/PioneerFixtures"),
        .testTarget(name: "PioneerTextTests", dependencies: ["PioneerText"]),
        .testTarget(name: "PioneerRulesTests", dependencies: ["PioneerRules"]),
        .testTarget(name: "PioneerDocumentsTests", dependencies: ["PioneerDocuments"]),
        .testTarget(name: "PioneerAssessmentTests", dependencies: ["PioneerAssessment", "PioneerRules", "PioneerDocuments", "PioneerFixtures"]),
        // The golden files are read from the source tree (#filePath), so that PIONEER_UPDATE_GOLDEN=1 can rewrite them.
        .testTarget(name: "PioneerReportsTests", dependencies: ["PioneerReports", "PioneerAssessment", "PioneerRules", "PioneerDocuments"],
                    exclude: ["Fixtures/golden"]),
        .testTarget(name: "PioneerCLITests", dependencies: ["pioneer"]),
        // The benchmark's own parts (corpus, rule replication, text growth, targets), imported from the executable.
        .testTarget(name: "PioneerBenchTests", dependencies: ["pioneer-bench", "PioneerAssessment", "PioneerRules", "PioneerDocuments", "PioneerFixtures"]),
    ]
)
