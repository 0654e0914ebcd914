/// Little-endian reads that return `nil` instead of trapping past the end.
extension Array where Element == UInt8 {
    func zipUInt16(at offset: Int) -> Int? {
        guard offset >= 0, offset <= count - 2 else { return nil }
        return Int(self[offset]) | Int(self[offset + 1]) << 8
    }

    func zipUInt32(at offset: Int) -> Int? {
        guard offset >= 0, offset <= count - 4 else { return nil }
        return Int(self[offset]) | Int(self[offset + 1]) << 8 | Int(self[offset + 2]) << 16 | Int(self[offset + 3]) << 24
    }

    /// `length` bytes from `offset`, or `nil` when they run past the end.
    func zipSlice(at offset: Int, length: Int) -> ArraySlice<UInt8>? {
        guard offset >= 0, length >= 0, offset <= count, length <= count - offset else { return nil }
        return self[offset..<(offset + length)]
    }

    /// True when `needle` occurs somewhere in the array.
    func containsByteSequence(_ needle: [UInt8]) -> Bool {
        guard let first = needle.first, count >= needle.count else { return false }
        var index = 0
        while index < count, let found = self[index...].firstIndex(of: first) {
            if found + needle.count > count { return false }
            if self[found..<(found + needle.count)].elementsEqual(needle) { return true }
            index = found + 1
        }
        return false
    }
}
