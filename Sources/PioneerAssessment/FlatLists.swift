/// Lists of values keyed by small non-negative integers (trie nodes, phrases), gathered as (key, value)
/// pairs and laid out flat once: list `k` is `items[starts[k]..<starts[k + 1]]`, its values in the order
/// they were added. A few arrays in all, rather than one array per key while building.
struct FlatLists<Element> {
    private var keys: [Int32] = []
    private var values: [Element] = []

    init(capacity: Int = 0) {
        keys.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    /// Adds `value` to the end of list `key`.
    mutating func append(_ value: Element, to key: Int32) {
        keys.append(key)
        values.append(value)
    }

    /// The lists of keys `0..<keyCount` laid out flat (a counting sort, stable); values added under
    /// other keys are left out.
    func layout(keyCount: Int) -> (items: [Element], starts: [Int32]) {
        var starts = [Int32](repeating: 0, count: keyCount + 1)
        for key in keys where key >= 0 && Int(key) < keyCount { starts[Int(key) + 1] += 1 }
        for key in 0..<keyCount { starts[key + 1] += starts[key] }
        var next = starts
        var order = [Int](repeating: 0, count: Int(starts[keyCount]))
        for (position, key) in keys.enumerated() where key >= 0 && Int(key) < keyCount {
            order[Int(next[Int(key)])] = position
            next[Int(key)] += 1
        }
        return (order.map { values[$0] }, starts)
    }
}

extension FlatLists: Sendable where Element: Sendable {}
