import Testing
@testable import PioneerAssessment

@Suite struct ApplicantFinderTests {
    /// The ASCII punctuation the byte reading trims is exactly Unicode's punctuation (P*) among ASCII.
    @Test func asciiPunctuationIsUnicodePunctuation() {
        for value in UInt8(0)..<0x80 {
            #expect(ApplicantFinder.isASCIIPunctuation(value) == ApplicantFinder.isPunctuation(Unicode.Scalar(value)), "\(value)")
        }
    }

    /// Reading a name as bytes gives what reading it as Unicode gives, on names built from posts, generic
    /// words, punctuation, case and spacing variations.
    @Test func byteReadingAgreesWithUnicodeReading() {
        var generator = SystemRandomNumberGenerator()
        let pool = ["Westmarsh", "County", "Council", "NHS", "Riverside", "CCG", "Clinical", "Commissioning", "Group", "Trust",
                    "Leader", "leader,", "(Chair)", "Dr", "Mr.", "the", "The", "Of", "and", "Board", "City", "\"Chief\"", "--Vice--",
                    "co-chair", "$cash", "+plus", "Ltd", "&", "'s", "Mrs", "CLLR", "x", ""]
        let spaces = [" ", "  ", "\n", " \n "]
        var names = ["", " ", "Westmarsh", "Westmarsh County Council", "Leader of Westmarsh", "Eastbrook City Council Dr Tomas Brennan",
                     "The Riverside Trust", "City Council", "NHS Riverside CCG"]
        for _ in 0..<2_000 {
            var name = ""
            for position in 0..<Int.random(in: 1...6, using: &generator) {
                if position > 0 { name += spaces.randomElement(using: &generator) ?? " " }
                name += pool.randomElement(using: &generator) ?? ""
            }
            names.append(name)
        }
        for name in names {
            #expect(ApplicantFinder.organisationName(name) == ApplicantFinder.unicodeOrganisationName(name), "\(name)")
        }
        // Text the byte reading leaves to the Unicode one.
        #expect(ApplicantFinder.organisationName("Café Royal Trust") == ApplicantFinder.unicodeOrganisationName("Café Royal Trust"))
        #expect(ApplicantFinder.organisationName("Royal\r\nTrust") == ApplicantFinder.unicodeOrganisationName("Royal\r\nTrust"))
    }
}
