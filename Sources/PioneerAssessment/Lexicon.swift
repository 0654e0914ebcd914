/// Word classes the built-in detectors need, looked up once per distinct word of a document.
struct Lexicon: Sendable {
    /// Classes of one canonical (lower-case) word.
    struct Flags: OptionSet, Sendable, Hashable {
        let rawValue: UInt32
        static let month = Flags(rawValue: 1 << 0)
        /// A month name that is also an ordinary word ("may", "march"): a month only when capitalised.
        static let ambiguousMonth = Flags(rawValue: 1 << 1)
        static let organisation = Flags(rawValue: 1 << 2)
        /// Auxiliaries, modals and common unambiguous verbs.
        static let verb = Flags(rawValue: 1 << 3)
        /// An -ed or -ing form that is not on the stoplist.
        static let participle = Flags(rawValue: 1 << 4)
        static let pronoun = Flags(rawValue: 1 << 5)
        /// Determiners, prepositions and conjunctions.
        static let function = Flags(rawValue: 1 << 6)
        static let numberWord = Flags(rawValue: 1 << 7)
        static let scaleWord = Flags(rawValue: 1 << 8)
        static let percentWord = Flags(rawValue: 1 << 9)
        /// Words that never start a proper name at a sentence start ("The", "We").
        static let nameStopword = Flags(rawValue: 1 << 10)
        /// Joins capitalised words inside a name ("of", "and", "for").
        static let nameConnector = Flags(rawValue: 1 << 11)
        static let currency = Flags(rawValue: 1 << 12)
        /// An organisation kind that makes an applicant (council, CCG, trust…).
        static let applicantKind = Flags(rawValue: 1 << 13)
        /// A participle mostly used as an adjective in bids ("integrated", "pooled", "funding").
        static let adjectival = Flags(rawValue: 1 << 14)
        /// Says who applies: "applicant", "on behalf of", "submitted by" ("joint" is too common: "joint teams").
        static let applicantCue = Flags(rawValue: 1 << 15)
        /// Starts a date that is not a month or number: "Q1", "financial year".
        static let dateStarter = Flags(rawValue: 1 << 16)
        /// Any word a numeric signal (money, percent, date, figure) can start with, numbers aside.
        static let numericStart: Flags = [.currency, .month, .numberWord, .dateStarter]
    }

    /// The classes of `word` (canonical, lower-case).
    static func flags(of word: String) -> Flags {
        flags(of: word, listed: table[word] ?? [])
    }

    /// Every word `flags(of:)` gives classes to by name: the table's, the participle stoplist's and the
    /// adjectival participles'. Any other word gets at most `.participle`, from its spelling alone.
    static var listedWords: [String] { Array(table.keys) + participleStoplist + adjectivalParticiples }

    /// `listedWords`, in the same order, each with `flags(of:)`: the table's words with the classes it
    /// lists (read from the table as it is walked, not looked up again).
    static var listedWordsWithFlags: [(word: String, flags: Flags)] {
        var listed: [(word: String, flags: Flags)] = []
        listed.reserveCapacity(table.count + participleStoplist.count + adjectivalParticiples.count)
        for (word, flags) in table { listed.append((word, Self.flags(of: word, listed: flags))) }
        for word in participleStoplist { listed.append((word, flags(of: word))) }
        for word in adjectivalParticiples { listed.append((word, flags(of: word))) }
        return listed
    }

    /// `flags(of:)` of a lower-case ASCII word that is not one of `listedWords`, read from its bytes:
    /// an -ed or -ing word of five letters or more is a participle.
    static func flags(ofUnlistedASCII word: UnsafeBufferPointer<UInt8>) -> Flags {
        let count = word.count
        guard count >= 5 else { return [] }
        let last = word[count - 1], second = word[count - 2]
        if second == 0x65 && last == 0x64 { return .participle }
        if word[count - 3] == 0x69 && second == 0x6E && last == 0x67 { return .participle }
        return []
    }
}

private extension Lexicon {
    static let table: [String: Flags] = {
        var table: [String: Flags] = [:]
        table.reserveCapacity(320)
        // Split on the UTF-8 bytes (the lists are separated by ASCII spaces and line feeds): no
        // grapheme breaking, and one hash per word. A loop over the bytes rather than `split`, whose
        // array of slices has the runtime scan every conformance record once per process.
        func add(_ words: String, _ flags: Flags) {
            var words = words
            words.withUTF8 { bytes in
                var start = 0
                for end in 0...bytes.count where end == bytes.count || bytes[end] == 0x20 || bytes[end] == 0x0A {
                    if end > start {
                        table[String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self), default: []]
                            .formUnion(flags)
                    }
                    start = end + 1
                }
            }
        }
        add("january february april june july august september october november december", .month)
        add("jan feb apr jun jul aug sep sept oct nov dec", .month)
        add("march may", [.month, .ambiguousMonth])
        add("""
            council ccg ccgs trust board foundation partnership university healthwatch nhs authority borough city county \
            college hospital hospitals group alliance federation forum network commission agency association charity service
            """, .organisation)
        add("council borough city county ccg trust", .applicantKind)
        add("""
            is are was were be been being am has have had having will would shall should can could may might must do does did \
            ensure ensures deliver delivers provide provides develop develops enable enables include includes agree agrees \
            commit commits aim aims intend intends establish establishes create creates reduce reduces improve improves \
            achieve achieves become becomes make makes take takes bring brings meet meets chair chairs oversee oversees \
            leads manage manages employ employs fund funds pool pools expect expects propose proposes launch launches \
            signed agreed committed established launched appointed completed began begun started piloted
            """, .verb)
        add("we i you he she it they who which that this these those our their us them", .pronoun)
        add("""
            the a an and or of for to in on at by with from into across within between under over per as than \
            through via about its his her your nor so but
            """, .function)
        add("the a an we our this these those in it its there their all each every", .nameStopword)
        add("of and for the on in upon", .nameConnector)
        add("""
            two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred hundreds \
            thousand thousands dozen dozens
            """, .numberWord)
        add("m bn k million millions billion billions thousand pounds", .scaleWord)
        add("percent", .percentWord)
        add("q financial", .dateStarter)
        add("applicant applicants behalf submitted submitting", .applicantCue)
        add("£ $ €", .currency)
        return table
    }()

    /// -ed/-ing words that are not verb forms.
    static let participleStoplist: Set<String> = [
        "need", "bed", "red", "shed", "feed", "seed", "speed", "hundred", "breed", "wed", "thing", "things", "king",
        "ring", "spring", "during", "morning", "evening", "string", "nothing", "something", "everything", "anything",
        "ceiling", "wellbeing", "seamless", "exceed", "proceed", "indeed", "succeed", "embed", "breed",
    ]

    static let adjectivalParticiples: Set<String> = [
        "based", "centred",
        "centered", "integrated", "joined", "pooled", "shared", "coordinated", "ordinated", "focused", "focussed",
        "targeted", "personalised", "personalized", "tailored", "connected", "linked", "related", "specialised",
        "skilled", "qualified", "dedicated", "named", "unplanned", "planned", "proposed", "detailed", "advanced",
        "building", "funding", "housing", "commissioning", "safeguarding",
        "wellbeing", "planning", "training", "meeting", "learning", "understanding", "nursing", "financing",
        "budgeting", "monitoring", "setting", "settings", "offering", "existing", "emerging",
        "underlying", "ongoing", "outstanding", "leading", "caring", "working",
    ]

    /// `flags(of: word)` when the table lists `listed` for it.
    static func flags(of word: String, listed: Flags) -> Flags {
        var flags = listed
        if flags.isDisjoint(with: [.verb, .function, .pronoun]), isParticiple(word) {
            flags.insert(.participle)
            if adjectivalParticiples.contains(word) { flags.insert(.adjectival) }
        }
        return flags
    }

    /// The ending is tested before the stoplist: most words are not -ed or -ing, and need no hash.
    static func isParticiple(_ word: String) -> Bool {
        guard word.utf8.count >= 5, word.hasSuffix("ed") || word.hasSuffix("ing") else { return false }
        return !participleStoplist.contains(word)
    }
}
