/// The operands of the content-stream operator about to run.
///
/// Most operands are numbers (a drawing is millions of them), so a number is kept as a `Double`
/// and never becomes a `PDFObject`; other operands are kept as objects in the same slot. The
/// slots are kept from one operator to the next: `clear()` only resets the count and a new
/// operand overwrites a stale slot. At most `ContentStream.maxOperands` slots are ever held.
struct Operands {
    /// Each slot's number (`PDFObject.doubleValue`), or NaN when the slot holds an object.
    private var numbers: [Double] = []
    /// Each slot's object when its number is NaN; stale otherwise.
    private var objects: [PDFObject] = []
    /// Operands pushed since the last `clear()`.
    private(set) var count = 0

    /// Adds the number `value` after the others; a non-finite value is kept as the `real` it was.
    mutating func push(number value: Double) {
        guard value.isFinite else { return push(.real(value)) }
        if count < numbers.count {
            numbers[count] = value
        } else {
            numbers.append(value)
            objects.append(.null)
        }
        count += 1
    }

    /// Adds `object` after the others.
    mutating func push(_ object: PDFObject) {
        switch object {
        case .int(let value): return push(number: Double(value))
        case .real(let value) where value.isFinite: return push(number: value)
        default: break
        }
        if count < numbers.count {
            numbers[count] = .nan
            objects[count] = object
        } else {
            numbers.append(.nan)
            objects.append(object)
        }
        count += 1
    }

    /// Forgets every operand (their slots are reused).
    mutating func clear() { count = 0 }

    /// The slot of the operand `offset` places before the last (0 is the last), or `nil` when there are fewer.
    private func slot(_ offset: Int) -> Int? {
        let index = count - 1 - offset
        return index >= 0 && offset >= 0 ? index : nil
    }

    /// The operand `offset` places before the last as a number, as `PDFObject.doubleValue` gives it.
    func number(fromEnd offset: Int) -> Double? {
        guard let index = slot(offset), !numbers[index].isNaN else { return nil }
        return numbers[index]
    }

    /// The operand `offset` places before the last when it is not a number.
    func object(fromEnd offset: Int) -> PDFObject? {
        guard let index = slot(offset), numbers[index].isNaN else { return nil }
        return objects[index]
    }

    /// Whether there are more than `offset` operands.
    func has(fromEnd offset: Int) -> Bool { slot(offset) != nil }

    /// The last six operands as a matrix, or `nil` unless they are six numbers.
    var matrix: Matrix? {
        guard count >= 6, let a = number(fromEnd: 5), let b = number(fromEnd: 4), let c = number(fromEnd: 3),
              let d = number(fromEnd: 2), let e = number(fromEnd: 1), let f = number(fromEnd: 0) else { return nil }
        return Matrix(a, b, c, d, e, f)
    }
}
