import Foundation
import Testing
import PioneerAssessment
@testable import PioneerReports

@Suite struct JSONWriterTests {
    /// Members and elements on their own lines, two spaces a level, empty containers closed at once,
    /// commas only between siblings, and the final newline.
    @Test func prettyOutputLaysOutEveryKindOfContainer() {
        var json = JSONWriter()
        json.object { json in
            json.member("empty object") { $0.object { _ in } }
            json.member("empty array") { $0.array { _ in } }
            json.member("nested") { json in
                json.array { json in
                    json.number(1)
                    json.array { json in json.string("a") }
                    json.object { json in json.member("k") { $0.null() } }
                    json.bool(false)
                }
            }
            json.member("last") { $0.string(orNull: nil) }
        }
        let expected = """
        {
          "empty object": {},
          "empty array": [],
          "nested": [
            1,
            [
              "a"
            ],
            {
              "k": null
            },
            false
          ],
          "last": null
        }

        """
        #expect(String(decoding: json.finish(), as: UTF8.self) == expected)
    }

    @Test func compactOutputHasNoWhitespace() {
        var json = JSONWriter(pretty: false)
        json.array { json in
            json.object { json in
                json.member("a b") { $0.number(9.4) }
                json.member("c") { $0.array { _ in } }
            }
            json.string("x\"y\n")
            json.bool(true)
        }
        #expect(String(decoding: json.finish(), as: UTF8.self) == #"[{"a b":9.4,"c":[]},"x\"y\n",true]"#)
    }

    @Test func aScalarAloneIsAWholeDocument() {
        var json = JSONWriter()
        json.number(-3)
        #expect(String(decoding: json.finish(), as: UTF8.self) == "-3\n")
    }

    /// `member(_:array:)` writes the array of its items; with none, `[]`.
    @Test func arrayMembersListTheirItems() {
        var json = JSONWriter(pretty: false)
        json.object { json in
            json.member("terms", array: ["Healthwatch", "carers"]) { $0.string($1) }
            json.member("pages", array: [Int]()) { $0.number(Double($1)) }
        }
        #expect(String(decoding: json.finish(), as: UTF8.self) == #"{"terms":["Healthwatch","carers"],"pages":[]}"#)
    }

    /// Names that are data (a `JSONValue` object's keys) are escaped like any string.
    @Test func dataNamesAreEscaped() {
        #expect(JSONValue.object([("a\"b\n", .null)]).serialised(pretty: false) == #"{"a\"b\n":null}"#)
    }

    /// A streamed batch is valid JSON with every result in rank order, the failure last.
    @Test func batchJSONParsesWithResultsInRankOrder() throws {
        let bytes = JSONBatchRenderer().renderUTF8(Fixtures.batch(), context: RenderContext())
        let root = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let results = try #require(root["results"] as? [[String: Any]])
        #expect(results.compactMap { $0["rank"] as? Int } == [1, 2, 3])
        #expect(results.map { ($0["document"] as? [String: Any])?["path"] as? String } == Fixtures.batch().rows.map(\.path))
        #expect(results.last?["error"] is String)
    }
}
