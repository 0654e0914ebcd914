import Foundation
import PioneerAssessment
import PioneerDocuments
import PioneerRules

/// The shipped rules (`$PIONEER_RULES`, default `rules`), compiled once per fuzzing process.
let shippedRules: CompiledRules = {
    let path = ProcessInfo.processInfo.environment["PIONEER_RULES"] ?? "rules"
    let result = RulesLoader.load(path: path)
    guard let rules = result.rules else { fatalError("fuzz setup: the rules at '\(path)' do not load") }
    return rules
}()

/// libFuzzer target `assess`: the whole path from bytes to an assessment. The format is chosen by
/// the first byte, the way the files themselves start: '%' PDF, 'P' DOCX (ZIP), '#' Markdown,
/// anything else plain text. The input is then read and assessed with the shipped rules.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let format: DocumentFormat
    switch data[0] {
    case UInt8(ascii: "%"): format = .pdf
    case UInt8(ascii: "P"): format = .docx
    case UInt8(ascii: "#"): format = .markdown
    default: format = .text
    }
    guard let document = FuzzSupport.read(FuzzSupport.bytes(data, size), as: format) else { return 0 }
    let assessment = Assessor(rules: shippedRules).assess(document)
    FuzzSupport.require(assessment.score.isFinite && (0...100).contains(assessment.score), "score \(assessment.score)")
    return 0
}
