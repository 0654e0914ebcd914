/// PNG and TIFF predictors of Flate and LZW streams (ISO 32000-1 §7.4.4.4).
enum Predictor {
    /// `data` with the predictor of `parms` undone; unchanged when there is none.
    static func apply(to data: [UInt8], parms: PDFDict?) -> [UInt8] {
        guard let parms, let predictor = parms["Predictor"]?.intValue, predictor > 1 else { return data }
        let colors = max(1, min(parms["Colors"]?.intValue ?? 1, 32))
        let bits = max(1, min(parms["BitsPerComponent"]?.intValue ?? 8, 16))
        let columns = max(1, min(parms["Columns"]?.intValue ?? 1, 1 << 20))
        let rowLength = (colors * bits * columns + 7) / 8
        let bpp = max(1, colors * bits / 8)
        if predictor == 2 { return tiff(data, rowLength: rowLength, bpp: bpp, bits: bits) }
        return png(data, rowLength: rowLength, bpp: bpp)
    }
}

private extension Predictor {
    static func png(_ data: [UInt8], rowLength: Int, bpp: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(data.count)
        var prior = [UInt8](repeating: 0, count: rowLength)
        var row = [UInt8](repeating: 0, count: rowLength)
        var i = 0
        while i < data.count {
            let type = data[i]
            i += 1
            let available = min(rowLength, data.count - i)
            for j in 0..<rowLength { row[j] = j < available ? data[i + j] : 0 }
            i += available
            for j in 0..<rowLength {
                let left = j >= bpp ? row[j - bpp] : 0
                let up = prior[j]
                let upLeft = j >= bpp ? prior[j - bpp] : 0
                switch type {
                case 1: row[j] = row[j] &+ left
                case 2: row[j] = row[j] &+ up
                case 3: row[j] = row[j] &+ UInt8((Int(left) + Int(up)) / 2)
                case 4: row[j] = row[j] &+ paeth(left, up, upLeft)
                default: break
                }
            }
            out.append(contentsOf: row[0..<available])
            swap(&prior, &row)
        }
        return out
    }

    static func paeth(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt8 {
        let p = Int(a) + Int(b) - Int(c)
        let pa = abs(p - Int(a)), pb = abs(p - Int(b)), pc = abs(p - Int(c))
        if pa <= pb && pa <= pc { return a }
        return pb <= pc ? b : c
    }

    static func tiff(_ data: [UInt8], rowLength: Int, bpp: Int, bits: Int) -> [UInt8] {
        guard bits == 8 else { return data }
        var out = data
        var rowStart = 0
        while rowStart < out.count {
            let end = min(rowStart + rowLength, out.count)
            var j = rowStart + bpp
            while j < end { out[j] = out[j] &+ out[j - bpp]; j += 1 }
            rowStart += rowLength
        }
        return out
    }
}
