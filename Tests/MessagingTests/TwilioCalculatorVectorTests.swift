import Testing

@testable import Messaging

/// One published vector of TwilioDevEd/message-segment-calculator (tests/index.test.js, tests/segments.test.js,
/// tests/methods.test.js): the body and what the reference implementation reports for it.
struct CalculatorVector: CustomTestStringConvertible, Sendable {
    let name: String
    let body: String
    let encoding: TextEncoding
    let segments: Int
    /// Bits of message text (`messageSize`): septets × 7 or UTF-16 units × 16.
    let messageBits: Int?
    /// Bits including a 48-bit user-data header per part when concatenated (`totalSize`).
    let totalBits: Int?

    var testDescription: String { name }
}

private let digits = String(repeating: "1234567890", count: 40)
/// "1234…" cut to `count` characters, as the calculator's GSM-7 bodies are written.
private func numbers(_ count: Int) -> String { String(digits.prefix(count)) }
/// "2345…" cut to `count` characters, as the calculator's bodies after a leading emoji are written.
private func numbersAfterFirst(_ count: Int) -> String { String(digits.dropFirst().prefix(count)) }

@Suite struct TwilioCalculatorVectorTests {
    static let vectors: [CalculatorVector] =
        [
            CalculatorVector(
                name: "GSM-7 in one segment",
                body: numbers(160),
                encoding: .gsm7,
                segments: 1,
                messageBits: 1120,
                totalBits: 1120
            ),
            CalculatorVector(
                name: "GSM-7 in two segments",
                body: numbers(161),
                encoding: .gsm7,
                segments: 2,
                messageBits: 1127,
                totalBits: 1223
            ),
            CalculatorVector(
                name: "GSM-7 in three segments",
                body: numbers(307),
                encoding: .gsm7,
                segments: 3,
                messageBits: 2149,
                totalBits: 2293
            ),
            CalculatorVector(
                name: "UCS-2 in one segment",
                body: "😜" + numbersAfterFirst(68),
                encoding: .ucs2,
                segments: 1,
                messageBits: 1120,
                totalBits: 1120
            ),
            CalculatorVector(
                name: "UCS-2 in two segments",
                body: "😜" + numbersAfterFirst(69),
                encoding: .ucs2,
                segments: 2,
                messageBits: 1136,
                totalBits: 1232
            ),
            CalculatorVector(
                name: "UCS-2 in three segments",
                body: "😜" + numbersAfterFirst(133),
                encoding: .ucs2,
                segments: 3,
                messageBits: 2160,
                totalBits: 2304
            ),
            CalculatorVector(
                name: "flag at the one-segment boundary",
                body: "🇮🇹" + numbersAfterFirst(66),
                encoding: .ucs2,
                segments: 1,
                messageBits: 1120,
                totalBits: 1120
            ),
            CalculatorVector(
                name: "flag over the one-segment boundary",
                body: "🇮🇹" + numbersAfterFirst(67),
                encoding: .ucs2,
                segments: 2,
                messageBits: 1136,
                totalBits: 1232
            ),
            CalculatorVector(
                name: "rainbow flag at the one-segment boundary",
                body: "🏳️‍🌈" + numbersAfterFirst(64),
                encoding: .ucs2,
                segments: 1,
                messageBits: 1120,
                totalBits: 1120
            ),
            CalculatorVector(
                name: "rainbow flag over the one-segment boundary",
                body: "🏳️‍🌈" + numbersAfterFirst(65),
                encoding: .ucs2,
                segments: 2,
                messageBits: 1136,
                totalBits: 1232
            ),
            CalculatorVector(
                name: "issue #18: ] costs one unit in UCS-2 (one segment)",
                body: "😀" + String(repeating: "]", count: 68),
                encoding: .ucs2,
                segments: 1,
                messageBits: nil,
                totalBits: nil
            ),
            CalculatorVector(
                name: "issue #18: ] costs one unit in UCS-2 (two segments)",
                body: "😀" + String(repeating: "]", count: 69),
                encoding: .ucs2,
                segments: 2,
                messageBits: nil,
                totalBits: nil
            ),
            CalculatorVector(
                name: "issue #17: triple accent, one segment",
                body: "e\u{301}\u{301}\u{301}" + String(repeating: "a", count: 66),
                encoding: .ucs2,
                segments: 1,
                messageBits: nil,
                totalBits: nil
            ),
            CalculatorVector(
                name: "issue #17: triple accent, two segments",
                body: "e\u{301}\u{301}\u{301}" + String(repeating: "a", count: 67),
                encoding: .ucs2,
                segments: 2,
                messageBits: nil,
                totalBits: nil
            ),
        ]
        + ["|", "^", "€", "{", "}", "[", "]", "~", "\\"].flatMap { escape in
            [
                CalculatorVector(
                    name: "escape \(escape) in one segment",
                    body: escape + numbers(158),
                    encoding: .gsm7,
                    segments: 1,
                    messageBits: 1120,
                    totalBits: 1120
                ),
                CalculatorVector(
                    name: "escape \(escape) in two segments",
                    body: escape + numbers(159),
                    encoding: .gsm7,
                    segments: 2,
                    messageBits: 1127,
                    totalBits: 1223
                ),
            ]
        }
        + ["Á", "Ú", "ú", "ç", "í", "Í", "ó", "Ó"].flatMap { letter in
            [
                CalculatorVector(
                    name: "70 × \(letter)",
                    body: String(repeating: letter, count: 70),
                    encoding: .ucs2,
                    segments: 1,
                    messageBits: 1120,
                    totalBits: 1120
                ),
                CalculatorVector(
                    name: "71 × \(letter)",
                    body: String(repeating: letter, count: 71),
                    encoding: .ucs2,
                    segments: 2,
                    messageBits: 1136,
                    totalBits: 1232
                ),
            ]
        }

    @Test(arguments: vectors)
    func agreesWithTheReferenceCalculator(_ vector: CalculatorVector) {
        let count = SegmentCount.of(vector.body)
        #expect(count.encoding == vector.encoding)
        #expect(count.segments == vector.segments)
        let bitsPerUnit = count.encoding == .gsm7 ? 7 : 16
        if let messageBits = vector.messageBits { #expect(count.totalUnits * bitsPerUnit == messageBits) }
        if let totalBits = vector.totalBits {
            let headerBits = count.segments > 1 ? 48 * count.segments : 0
            #expect(count.totalUnits * bitsPerUnit + headerBits == totalBits)
        }
    }

    @Test func namesTheNonGSMCharacterLikeTheCalculator() {
        #expect(SegmentCount.of("más").nonGSMCharacters == ["á"])
    }
}
