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

    /// A tree written whole and the same values written call by call give the same bytes, so
    /// `JSONValue` output and streamed reports agree.
    @Test func aTreeAndItsCallsWriteTheSameBytes() {
        let tree = JSONValue.object([
            ("id", .string("engagement.healthwatch")),
            ("evidence", .array([.object([("page", .number(2)), ("terms", .array([.string("Healthwatch"), .string("patients")]))]),
                                 .object([])])),
            ("cap", .null),
        ])
        for pretty in [true, false] {
            var streamed = JSONWriter(pretty: pretty)
            streamed.object { json in
                json.member("id") { $0.string("engagement.healthwatch") }
                json.member("evidence") { json in
                    json.array { json in
                        json.object { json in
                            json.member("page") { $0.number(2) }
                            json.member("terms") { json in json.array { json in json.string("Healthwatch"); json.string("patients") } }
                        }
                        json.object { _ in }
                    }
                }
                json.member("cap") { $0.null() }
            }
            #expect(String(decoding: streamed.finish(), as: UTF8.self) == tree.serialised(pretty: pretty))
        }
    }

    /// What the CLI writes (`renderUTF8`) is exactly the text `render` returns, for every renderer:
    /// the JSON renderers' own byte path and everyone else's default.
    @Test func everyRendererWritesTheBytesOfItsText() {
        let assessments = [Fixtures.assessment(), Fixtures.assessment(band: .notMet, within: false, pages: 12.2)]
        for renderer in Renderers.assessment {
            for assessment in assessments {
                let text = renderer.init().render(assessment, context: RenderContext())
                #expect(renderer.init().renderUTF8(assessment, context: RenderContext()) == Array(text.utf8), "\(renderer.identifier)")
            }
        }
        for renderer in Renderers.batch {
            let text = renderer.init().render(Fixtures.batch(), context: RenderContext())
            #expect(renderer.init().renderUTF8(Fixtures.batch(), context: RenderContext()) == Array(text.utf8), "\(renderer.identifier)")
        }
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
