/// A deterministic corpus of realistic ~10-page bids (~6,000 words), recombined from the sample
/// bids: each bid follows one sample's section order, filling every section with paragraphs drawn
/// from the same-named sections of all samples, then from any section.
struct Corpus: Sendable {
    struct Bid: Sendable {
        var name: String
        var markdown: [UInt8]
        var words: Int
    }

    var bids: [Bid]

    var totalBytes: Int { bids.reduce(0) { $0 + $1.markdown.count } }
    var totalWords: Int { bids.reduce(0) { $0 + $1.words } }

    /// `count` bids of about `targetWords` words each; the same inputs always give the same bytes.
    static func generate(from samples: SampleSet, count: Int, targetWords: Int = 6_000, seed: UInt64 = 0x5EED_2013) -> Corpus {
        let pool = ChunkPool(samples)
        let bids = (0..<max(0, count)).map { index in
            var rng = SplitMix64(seed: seed &+ UInt64(index) &* 0x9E37_79B9)
            let text = bid(from: samples, pool: pool, targetWords: targetWords, rng: &rng)
            let name = "bid-" + String(repeating: "0", count: max(0, 4 - String(index + 1).count)) + String(index + 1) + ".md"
            return Bid(name: name, markdown: Array(text.utf8), words: wordCount(text))
        }
        return Corpus(bids: bids)
    }

    static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).count
    }
}

private extension Corpus {
    /// Chunks of every sample grouped by section key, and all body chunks.
    struct ChunkPool {
        var byKey: [String: [String]] = [:]
        var all: [String] = []

        init(_ samples: SampleSet) {
            for sample in samples.samples {
                for section in sample.sections {
                    byKey[section.key, default: []].append(contentsOf: section.chunks)
                    all.append(contentsOf: section.chunks)
                }
            }
        }
    }

    static func bid(from samples: SampleSet, pool: ChunkPool, targetWords: Int, rng: inout SplitMix64) -> String {
        guard let template = rng.pick(samples.samples) else { return "" }
        let title = template.title.isEmpty ? "Integrated care and support pioneer: expression of interest" : template.title
        var out = "# \(title)\n\n"
        var written = 0
        for (index, section) in template.sections.enumerated() {
            out += "## \(section.heading)\n\n"
            let budget = max(0, targetWords - written) / max(1, template.sections.count - index)
            var candidates = rng.shuffled(pool.byKey[section.key] ?? section.chunks)
            var words = 0
            var attempts = 0
            while words == 0 || words < budget, attempts < 10_000 {
                attempts += 1
                if candidates.isEmpty { candidates = rng.shuffled(pool.all) }
                guard let chunk = words == 0 ? shortest(of: &candidates, tries: 4) : candidates.popLast() else { break }
                out += chunk + "\n\n"
                words += wordCount(chunk)
            }
            written += words
        }
        return out
    }

    /// Removes and returns the shortest of the last `tries` candidates, so a small budget gets a short paragraph.
    static func shortest(of candidates: inout [String], tries: Int) -> String? {
        let window = candidates.indices.suffix(tries)
        guard let best = window.min(by: { wordCount(candidates[$0]) < wordCount(candidates[$1]) }) else { return nil }
        return candidates.remove(at: best)
    }
}
