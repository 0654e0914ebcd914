import PioneerRules

/// libFuzzer target `rules`: the rules lexer, parser and resolver (`RulesLoader.compile`) on the
/// input as the only file `fuzz.rules`. Invalid UTF-8 is repaired first, as the loader's callers do.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let result = RulesLoader.compile(files: ["fuzz.rules": source], entry: "fuzz.rules")
    let errors = result.diagnostics.filter { $0.severity == .error }
    if result.rules == nil && errors.isEmpty { fatalError("fuzz invariant violated: no rules and no error") }
    return 0
}
