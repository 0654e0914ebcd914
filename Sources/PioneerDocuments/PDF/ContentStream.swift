/// Runs a page's content stream for its text (§9.4 text objects and operators, §8.4 graphics state,
/// §8.10 Form XObjects), collecting positioned `TextRun`s. Everything else is skipped.
struct ContentStream {
    let store: ObjectStore
    /// Runs collected so far.
    private(set) var runs: [TextRun] = []
    private var state = TextState()
    private var stack: [TextState] = []
    private var formsInUse: Set<Int> = []

    static let maxFormDepth = 12
    static let maxStackDepth = 512
    static let maxOperands = 4096

    /// Graphics and text state that text extraction needs.
    struct TextState {
        var ctm = Matrix.identity
        var tm = Matrix.identity
        var tlm = Matrix.identity
        var font = PDFFont.fallback
        var fontSize = 1.0
        var charSpacing = 0.0
        var wordSpacing = 0.0
        var horizontalScale = 1.0
        var leading = 0.0
        var rise = 0.0
    }

    init(store: ObjectStore) {
        self.store = store
    }

    /// Interprets `data` with `resources`; `depth` counts nested Form XObjects.
    mutating func run(_ data: [UInt8], resources: PDFDict?, depth: Int = 0) throws(PDFError) {
        var parser = PDFParser(lexer: PDFLexer(bytes: data), maxDepth: store.limits.maxNesting)
        parser.allowReferences = false
        var operands = Operands()
        var fonts = FontResources(store: store, resources: resources)
        while true {
            let token = parser.lexer.next()
            switch token {
            case .eof: return
            case .keyword(let op):
                try store.countOperator()
                if op == Op.BI { ContentStream.skipInlineImage(&parser.lexer) } else {
                    try perform(op, operands, fonts: &fonts, resources: resources, depth: depth)
                }
                operands.clear()
            case .arrayClose, .dictClose, .braceOpen, .braceClose: continue
            case .int(let value): if operands.count < ContentStream.maxOperands { operands.push(number: Double(value)) }
            case .real(let value): if operands.count < ContentStream.maxOperands { operands.push(number: value) }
            default:
                let object: PDFObject
                do { object = try parser.parseObject(startingWith: token, depth: 0) } catch {
                    if error.isLimit { throw error }
                    return
                }
                if operands.count < ContentStream.maxOperands { operands.push(object) }
            }
        }
    }
}

/// Content-stream operators the extractor acts on.
enum Op {
    static let BT = PDFKeyword("BT"), ET = PDFKeyword("ET"), Tf = PDFKeyword("Tf"), Td = PDFKeyword("Td")
    static let TD = PDFKeyword("TD"), Tm = PDFKeyword("Tm"), Tstar = PDFKeyword("T*"), TL = PDFKeyword("TL")
    static let Tc = PDFKeyword("Tc"), Tw = PDFKeyword("Tw"), Tz = PDFKeyword("Tz"), Ts = PDFKeyword("Ts")
    static let Tj = PDFKeyword("Tj"), TJ = PDFKeyword("TJ"), quote = PDFKeyword("'"), dquote = PDFKeyword("\"")
    static let q = PDFKeyword("q"), Q = PDFKeyword("Q"), cm = PDFKeyword("cm"), Do = PDFKeyword("Do")
    static let BI = PDFKeyword("BI"), ID = PDFKeyword("ID")
}

extension ContentStream {
    /// Runs a form's content with `matrix` applied, restoring the state afterwards.
    mutating func runForm(_ data: [UInt8], matrix: Matrix, resources: PDFDict?, depth: Int = 0) throws(PDFError) {
        let saved = state
        let savedStack = stack
        state.ctm = matrix.concatenating(state.ctm)
        try run(data, resources: resources, depth: depth + 1)
        state = saved
        stack = savedStack
    }

    /// Adds text that is not drawn by a content stream (a form field's value).
    mutating func addRun(_ run: TextRun) throws(PDFError) {
        try store.countText(run.text.utf8.count)
        runs.append(run)
    }
}

private extension ContentStream {
    mutating func perform(_ op: PDFKeyword, _ args: Operands, fonts: inout FontResources, resources: PDFDict?, depth: Int) throws(PDFError) {
        let n0 = args.number(fromEnd: 0) ?? 0
        let n1 = args.number(fromEnd: 1) ?? 0
        switch op {
        case Op.BT: state.tm = .identity; state.tlm = .identity
        case Op.Tf:
            if let name = args.object(fromEnd: 1)?.nameValue { state.font = try fonts.font(named: name) }
            state.fontSize = n0
        case Op.Td: moveLine(n1, n0)
        case Op.TD: state.leading = -n0; moveLine(n1, n0)
        case Op.Tm: if let m = args.matrix { state.tm = m; state.tlm = m }
        case Op.Tstar: moveLine(0, -state.leading)
        case Op.TL: state.leading = n0
        case Op.Tc: state.charSpacing = n0
        case Op.Tw: state.wordSpacing = n0
        case Op.Tz: state.horizontalScale = n0 / 100
        case Op.Ts: state.rise = n0
        case Op.Tj: if let s = args.object(fromEnd: 0)?.stringValue { try show(s) }
        case Op.TJ: if let items = args.object(fromEnd: 0)?.arrayValue { try show(items) }
        case Op.quote:
            moveLine(0, -state.leading)
            if let s = args.object(fromEnd: 0)?.stringValue { try show(s) }
        case Op.dquote:
            if args.has(fromEnd: 2) { state.wordSpacing = args.number(fromEnd: 2) ?? 0; state.charSpacing = n1 }
            moveLine(0, -state.leading)
            if let s = args.object(fromEnd: 0)?.stringValue { try show(s) }
        case Op.q: if stack.count < ContentStream.maxStackDepth { stack.append(state) }
        case Op.Q: if let saved = stack.popLast() { state = saved }
        case Op.cm: if let m = args.matrix { state.ctm = m.concatenating(state.ctm) }
        case Op.Do: if let name = args.object(fromEnd: 0)?.nameValue { try drawForm(named: name, resources: resources, depth: depth) }
        default: break
        }
    }

    mutating func moveLine(_ tx: Double, _ ty: Double) {
        state.tlm = state.tlm.translatedBy(x: tx, y: ty)
        state.tm = state.tlm
    }

    /// Shows the string of `Tj`, `'` or `"` as one run.
    mutating func show(_ string: [UInt8]) throws(PDFError) {
        var shown = ShownText(state)
        shown.limit = store.remainingText
        shown.add(string)
        try finish(shown)
    }

    /// Shows strings and kerning numbers of `TJ` as one run; a kern wider than 0.2 em becomes a space.
    mutating func show(_ items: [PDFObject]) throws(PDFError) {
        var shown = ShownText(state)
        shown.limit = store.remainingText
        for item in items {
            switch item {
            case .string(let bytes): shown.add(bytes)
            case .int, .real: shown.kern(item.doubleValue ?? 0)
            default: continue
            }
        }
        try finish(shown)
    }

    /// Moves the text matrix past `shown` and keeps its text as a run.
    mutating func finish(_ shown: ShownText) throws(PDFError) {
        if shown.overflowed { throw .textLimit(store.limits.maxTextCharacters) }
        state.tm = shown.tm
        let start = shown.start
        guard !shown.utf8.isEmpty, start.x.isFinite, start.y.isFinite else { return }
        let end = shown.tm.concatenating(state.ctm).apply(x: 0, y: state.rise)
        let fontSize = abs(shown.size) * shown.font.sizeScale * state.tm.concatenating(state.ctm).verticalScale
        guard end.x.isFinite, fontSize.isFinite else { return }
        try store.countText(shown.utf8.count)
        runs.append(TextRun(x: start.x, y: start.y, endX: end.x, fontSize: fontSize, text: String(decoding: shown.utf8, as: UTF8.self)))
    }

    /// `Do` on a Form XObject runs its content with its own resources and matrix.
    mutating func drawForm(named name: String, resources: PDFDict?, depth: Int) throws(PDFError) {
        guard depth < ContentStream.maxFormDepth,
              let xobjects = try store.resolveDict(resources?["XObject"]), let ref = xobjects[name]?.refValue,
              !formsInUse.contains(ref.num), case .stream(let form) = try store.load(ref),
              form.dict["Subtype"]?.nameValue == "Form", let data = try store.decode(form) else { return }
        formsInUse.insert(ref.num)
        defer { formsInUse.remove(ref.num) }
        let matrix = Matrix(try store.resolve(form.dict["Matrix"]).arrayValue ?? []) ?? .identity
        let formResources = try store.resolveDict(form.dict["Resources"]) ?? resources
        try runForm(data, matrix: matrix, resources: formResources, depth: depth)
    }

    /// Skips `BI … ID <binary> EI`: to the first `EI` between whitespace after `ID`.
    static func skipInlineImage(_ lexer: inout PDFLexer) {
        while true {
            let token = lexer.next()
            if case .eof = token { return }
            if case .keyword(let k) = token, k == Op.ID { break }
        }
        let bytes = lexer.bytes
        var i = lexer.position + 1
        while i + 1 < lexer.end {
            if bytes[i] == UInt8(ascii: "E"), bytes[i + 1] == UInt8(ascii: "I"), PDFLexer.isWhitespace(bytes[i - 1]),
               i + 2 >= lexer.end || !PDFLexer.isRegular(bytes[i + 2]) {
                lexer.position = i + 2
                return
            }
            i += 1
        }
        lexer.position = lexer.end
    }
}

/// The text of one `Tj`/`TJ` and the text matrix after it, built glyph by glyph as UTF-8.
struct ShownText {
    let font: PDFFont
    let size: Double
    let charSpacing: Double
    let wordSpacing: Double
    let horizontalScale: Double
    /// Where the text starts in page space.
    let start: (x: Double, y: Double)
    /// The text matrix after the glyphs so far.
    var tm: Matrix
    var utf8: [UInt8] = []
    /// Most bytes of text the run may hold: what is left of the document's text budget.
    var limit: Int = .max
    /// The glyphs would have taken the run past `limit`; the rest were not decoded.
    var overflowed = false

    init(_ state: ContentStream.TextState) {
        font = state.font
        size = state.fontSize
        charSpacing = state.charSpacing
        wordSpacing = state.wordSpacing
        horizontalScale = state.horizontalScale
        start = state.tm.concatenating(state.ctm).apply(x: 0, y: state.rise)
        tm = state.tm
    }

    /// Adds the glyphs of a string, advancing the text matrix by each one's width and spacing (§9.4.4).
    mutating func add(_ bytes: [UInt8]) {
        guard !overflowed else { return }
        if !font.isComposite, font.simpleWidths.count == 256 {
            guard font.simpleText.append(bytes, to: &utf8, limit: limit) else { overflowed = true; return }
            advance(over: bytes)
            return
        }
        var tm = self.tm
        let (font, size, charSpacing, wordSpacing, horizontalScale) = (font, size, charSpacing, wordSpacing, horizontalScale)
        overflowed = !font.decode(bytes, into: &utf8, limit: limit) { width, isWordSpace in
            let advance = (width * font.widthScale * size + charSpacing + (isWordSpace ? wordSpacing : 0)) * horizontalScale
            tm = tm.translatedBy(x: advance, y: 0)
        }
        self.tm = tm
    }

    /// Moves the pen past the one-byte codes of a simple font whose width table has all 256 codes.
    /// The arithmetic is `Matrix.translatedBy(x: advance, y: 0)` glyph by glyph, in the same order
    /// (so the same roundings), with what does not change from glyph to glyph taken out of the loop;
    /// `0 * c` is kept because it is not zero when `c` is infinite or NaN.
    private mutating func advance(over codes: [UInt8]) {
        let (scale, size, charSpacing, wordSpacing, horizontalScale) = (font.widthScale, size, charSpacing, wordSpacing, horizontalScale)
        let (a, b, zeroC, zeroD) = (tm.a, tm.b, 0 * tm.c, 0 * tm.d)
        var (e, f) = (tm.e, tm.f)
        font.simpleWidths.withUnsafeBufferPointer { widths in
            for code in codes {
                let advance = (widths[Int(code)] * scale * size + charSpacing + (code == 32 ? wordSpacing : 0)) * horizontalScale
                e = advance * a + zeroC + e
                f = advance * b + zeroD + f
            }
        }
        tm.e = e
        tm.f = f
    }

    /// A `TJ` number: moves the pen back by `kern` thousandths of an em; below -200 it also separates words.
    mutating func kern(_ kern: Double) {
        if kern < -200, !utf8.isEmpty, !TextMeasure.endsWithSpace(utf8) { utf8.append(32) }
        tm = tm.translatedBy(x: -kern / 1000 * size * horizontalScale, y: 0)
    }
}
