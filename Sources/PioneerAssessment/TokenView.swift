/// The document's tokens, the entries of their words and one block's normalised bytes, opened once
/// for the loops over the block's units (phrase matching, negation, signals, bare lists), so those
/// loops neither copy the `WordTable` nor retain and bounds-check arrays token by token.
///
/// Only valid while `DocumentAnalyser` holds the buffers open (`examine(_:matches:signals:reading:)`).
/// Every token's word is an entry of the table it was interned in, so `entry(_:)` stays in bounds;
/// callers keep token indices inside a unit's range.
struct TokenView {
    let tokens: UnsafeBufferPointer<DocToken>
    let entries: UnsafeBufferPointer<WordTable.Entry>
    let prefixIDs: UnsafeBufferPointer<Int32>
    /// The block's normalised text, for punctuation between tokens.
    let bytes: UnsafeBufferPointer<UInt8>

    /// The word entry of token `index`.
    @inline(__always)
    func entry(_ index: Int) -> WordTable.Entry { entries[Int(tokens[index].word)] }
}
