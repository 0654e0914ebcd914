/// A JSON value whose objects keep their keys in the order they were written, so the same report
/// always serialises to the same bytes.
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialised() == rhs.serialised() }
    public func hash(into hasher: inout Hasher) { hasher.combine(serialised()) }

    /// Pretty-printed with two-space indentation and a final newline when `pretty` (`JSONWriter`).
    public func serialised(pretty: Bool = true) -> String {
        var writer = JSONWriter(pretty: pretty)
        writer.value(self)
        return String(decoding: writer.finish(), as: UTF8.self)
    }

    /// Numbers print without a fraction when whole ("72"), else with up to three decimals ("9.4");
    /// past what an `Int64` holds, in Swift's shortest form ("1e+20", valid JSON).
    public static func format(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        // From 1e15 on no fraction is left to round (and multiplying by 1000 would only add error).
        let rounded = abs(number) < 1e15 ? (number * 1000).rounded() / 1000 : number
        if rounded == rounded.rounded(), let whole = Int64(exactly: rounded) { return String(whole) }
        return String(rounded)
    }
}
