/// A PDF transformation matrix `[a b c d e f]` (§8.3.3), applied to row vectors.
struct Matrix: Sendable, Equatable {
    var a = 1.0, b = 0.0, c = 0.0, d = 1.0, e = 0.0, f = 0.0

    static let identity = Matrix()

    init() {}

    init(_ a: Double, _ b: Double, _ c: Double, _ d: Double, _ e: Double, _ f: Double) {
        (self.a, self.b, self.c, self.d, self.e, self.f) = (a, b, c, d, e, f)
    }

    /// A matrix from the last six of `values`, or `nil` when there are fewer or they are not all numbers.
    init?(_ values: [PDFObject]) {
        guard values.count >= 6 else { return nil }
        let i = values.count - 6
        guard let a = values[i].doubleValue, let b = values[i + 1].doubleValue, let c = values[i + 2].doubleValue,
              let d = values[i + 3].doubleValue, let e = values[i + 4].doubleValue, let f = values[i + 5].doubleValue else { return nil }
        self.init(a, b, c, d, e, f)
    }

    /// `self` then `other`: self × other.
    func concatenating(_ m: Matrix) -> Matrix {
        Matrix(a * m.a + b * m.c, a * m.b + b * m.d,
               c * m.a + d * m.c, c * m.b + d * m.d,
               e * m.a + f * m.c + m.e, e * m.b + f * m.d + m.f)
    }

    func translatedBy(x: Double, y: Double) -> Matrix {
        Matrix(a, b, c, d, x * a + y * c + e, x * b + y * d + f)
    }

    func apply(x: Double, y: Double) -> (x: Double, y: Double) {
        (x * a + y * c + e, x * b + y * d + f)
    }

    /// The length of the transformed unit vertical: how much font sizes scale.
    var verticalScale: Double { (c * c + d * d).squareRoot() }
}
