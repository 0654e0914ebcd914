import Foundation
import Testing
@testable import PioneerRules

@Suite struct RulesTextTests {
    /// Byte for byte what `String(data:encoding: .utf8)` gives, and `nil` where it gives `nil`.
    @Test func decodesAsFoundationDoes() {
        let long = Array("criterion vision \"Vision\" {\n  weight 2\n}\n".utf8)
        let cases: [[UInt8]] = [
            [], [0xEF, 0xBB, 0xBF], [0xEF, 0xBB, 0xBF] + Array("hello\n".utf8), [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, 0x41],
            [0xEF, 0xBB], [0x41, 0xEF, 0xBB, 0xBF], Array("a£b\nc".utf8), [0x61, 0xC0, 0x80], [0xED, 0xA0, 0x80],
            [0x00, 0x41], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], Array("x\ny\u{301}\nz".utf8), [0xFF],
            Array("é".utf8) + [0x0A, 0x80], long + Array("terms money \"£ and €\" {}\n".utf8) + long,
            long + [0x0A, 0xE2, 0x82] + long, long + Array("— dash at the end".utf8), Array("🙂".utf8) + long,
        ]
        for bytes in cases {
            let expected = String(data: Data(bytes), encoding: .utf8)
            let decoded = RulesText.decode(Data(bytes))
            #expect((decoded == nil) == (expected == nil), "\(bytes)")
            #expect(decoded.map { Array($0.utf8) } == expected.map { Array($0.utf8) }, "\(bytes)")
        }
    }
}
