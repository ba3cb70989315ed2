import Testing

@testable import Messaging

/// One row of the segment table: the text, and what a carrier would bill for it.
struct SegmentCase: CustomTestStringConvertible, Sendable {
    let name: String
    let text: String
    let encoding: TextEncoding
    let segments: Int
    let units: Int

    init(_ name: String, _ text: String, _ encoding: TextEncoding, segments: Int, units: Int) {
        self.name = name
        self.text = text
        self.encoding = encoding
        self.segments = segments
        self.units = units
    }

    var testDescription: String { name }
}

private func a(_ count: Int) -> String { String(repeating: "a", count: count) }
private func repeated(_ text: String, _ count: Int) -> String { String(repeating: text, count: count) }

@Suite struct SegmentCountTests {
    /// Expected values derived by hand from 3GPP TS 23.038 capacities (160/153, 70/67), UTF-16 unit counts and
    /// the grapheme-atomic rule of compliance.md §4.4 (its table rows are included verbatim).
    static let cases: [SegmentCase] = [
        SegmentCase("empty body has nothing to send", "", .gsm7, segments: 0, units: 0),
        SegmentCase("short plain text", "Hello", .gsm7, segments: 1, units: 5),
        SegmentCase("160 GSM-7 fits one segment", a(160), .gsm7, segments: 1, units: 160),
        SegmentCase("161 GSM-7 needs two", a(161), .gsm7, segments: 2, units: 161),
        SegmentCase("306 GSM-7 fills two parts", a(306), .gsm7, segments: 2, units: 306),
        SegmentCase("307 GSM-7 needs three", a(307), .gsm7, segments: 3, units: 307),
        SegmentCase("459 GSM-7 fills three parts", a(459), .gsm7, segments: 3, units: 459),
        SegmentCase("460 GSM-7 needs four", a(460), .gsm7, segments: 4, units: 460),
        SegmentCase("Twilio's 1600-character body is 11 segments", a(1600), .gsm7, segments: 11, units: 1600),
        SegmentCase("80 euro signs are 160 septets", repeated("€", 80), .gsm7, segments: 1, units: 160),
        SegmentCase("81 euro signs: 76 per part, pairs never split", repeated("€", 81), .gsm7, segments: 2, units: 162),
        SegmentCase(
            "escape pair at 153/154 moves to the next part (§4.4)",
            a(152) + "€" + a(152),
            .gsm7,
            segments: 3,
            units: 306
        ),
        SegmentCase("escape pair ending exactly at 153", a(151) + "€" + a(153), .gsm7, segments: 2, units: 306),
        SegmentCase("escape pair at 153/154 with a short tail", a(152) + "€" + a(7), .gsm7, segments: 2, units: 161),
        SegmentCase("extension characters cost two septets", "[]{}", .gsm7, segments: 1, units: 8),
        SegmentCase("158 + two braces is exactly 160", a(156) + "{}", .gsm7, segments: 1, units: 160),
        SegmentCase("157 + two braces is 161", a(157) + "{}", .gsm7, segments: 2, units: 161),
        SegmentCase("backslash, tilde and bar are extension", "\\~|", .gsm7, segments: 1, units: 6),
        SegmentCase("form feed and caret are extension", "\u{0C}^", .gsm7, segments: 1, units: 4),
        SegmentCase("CR LF is two basic septets", "a\r\nb", .gsm7, segments: 1, units: 4),
        SegmentCase("Greek capitals are GSM-7", "ΔΦΓΛΩΠΨΣΘΞ", .gsm7, segments: 1, units: 10),
        SegmentCase("dollar, currency sign, pound, yen are GSM-7", "$¤£¥", .gsm7, segments: 1, units: 4),
        SegmentCase("capital Ç, à, é are GSM-7", "Ça à é", .gsm7, segments: 1, units: 6),
        SegmentCase("lowercase ç is not GSM-7", "ça", .ucs2, segments: 1, units: 2),
        SegmentCase("á is not GSM-7", "más", .ucs2, segments: 1, units: 3),
        SegmentCase("í ó ú are not GSM-7", "íóú", .ucs2, segments: 1, units: 3),
        SegmentCase("backtick is not GSM-7", "`x`", .ucs2, segments: 1, units: 3),
        SegmentCase("cent sign is not GSM-7", "5¢", .ucs2, segments: 1, units: 2),
        SegmentCase("no-break space is not GSM-7", "a\u{A0}b", .ucs2, segments: 1, units: 3),
        SegmentCase("dashes and ellipsis are not GSM-7", "a–b—c…", .ucs2, segments: 1, units: 6),
        SegmentCase("tab is not GSM-7", "a\tb", .ucs2, segments: 1, units: 3),
        SegmentCase("69 + smart apostrophe fits one UCS-2 segment", a(69) + "’", .ucs2, segments: 1, units: 70),
        SegmentCase("70 + smart apostrophe needs two", a(70) + "’", .ucs2, segments: 2, units: 71),
        SegmentCase("70 UCS-2 units fit one segment", repeated("’", 70), .ucs2, segments: 1, units: 70),
        SegmentCase("71 UCS-2 units need two", repeated("’", 71), .ucs2, segments: 2, units: 71),
        SegmentCase("134 UCS-2 units fill two parts", repeated("’", 134), .ucs2, segments: 2, units: 134),
        SegmentCase("135 UCS-2 units need three", repeated("’", 135), .ucs2, segments: 3, units: 135),
        SegmentCase("an extension character costs one unit in UCS-2", "]’", .ucs2, segments: 1, units: 2),
        SegmentCase("euro costs one unit in UCS-2", "€’", .ucs2, segments: 1, units: 2),
        SegmentCase("an emoji is a surrogate pair: 2 units", "😀", .ucs2, segments: 1, units: 2),
        SegmentCase("35 emoji are 70 units", repeated("😀", 35), .ucs2, segments: 1, units: 70),
        SegmentCase("36 emoji: 33 per part", repeated("😀", 36), .ucs2, segments: 2, units: 72),
        SegmentCase("67 emoji need three parts (§4.4)", repeated("😀", 67), .ucs2, segments: 3, units: 134),
        SegmentCase("emoji across the 67/68 boundary (§4.4)", a(66) + "😀" + a(66), .ucs2, segments: 3, units: 134),
        SegmentCase("emoji just inside one segment", a(68) + "😀", .ucs2, segments: 1, units: 70),
        SegmentCase("emoji pushing past one segment", a(69) + "😀", .ucs2, segments: 2, units: 71),
        SegmentCase("flag is 4 units and never split (§4.4)", a(65) + "🇺🇸" + a(65), .ucs2, segments: 3, units: 134),
        SegmentCase("Italian flag is 4 units", "🇮🇹", .ucs2, segments: 1, units: 4),
        SegmentCase("rainbow flag with joiner is 6 units", "🏳️‍🌈", .ucs2, segments: 1, units: 6),
        SegmentCase("family emoji with joiners is 11 units", "👨‍👩‍👧‍👧", .ucs2, segments: 1, units: 11),
        SegmentCase("family emoji moves whole to the next part", a(60) + "👨‍👩‍👧‍👧", .ucs2, segments: 2, units: 71),
        SegmentCase("family emoji at the end of a full part", a(56) + "👨‍👩‍👧‍👧" + a(3), .ucs2, segments: 1, units: 70),
        SegmentCase("combining accents stay with their letter", "e\u{301}\u{301}\u{301}", .ucs2, segments: 1, units: 4),
        SegmentCase("Cyrillic is UCS-2", "Привет", .ucs2, segments: 1, units: 6),
        SegmentCase("Greek lowercase is UCS-2", "αβγ", .ucs2, segments: 1, units: 3),
        SegmentCase("ß Æ æ Ø ø Å å are GSM-7", "ßÆæØøÅå", .gsm7, segments: 1, units: 7),
        SegmentCase("¡ ¿ § are GSM-7", "¡¿§", .gsm7, segments: 1, units: 3),
    ]

    @Test(arguments: cases)
    func countsSegmentsLikeTheCarrier(_ row: SegmentCase) {
        let count = SegmentCount.of(row.text)
        #expect(count.encoding == row.encoding)
        #expect(count.segments == row.segments)
        #expect(count.totalUnits == row.units)
    }

    @Test func unitsPerSegmentDropsOnceConcatenated() {
        #expect(SegmentCount.of(a(160)).unitsPerSegment == 160)
        #expect(SegmentCount.of(a(161)).unitsPerSegment == 153)
        #expect(SegmentCount.of(a(10) + "’").unitsPerSegment == 70)
        #expect(SegmentCount.of(a(80) + "’").unitsPerSegment == 67)
    }

    /// Review M4: a grapheme or escape pair that moves to the next segment leaves its slot empty, so "free in the
    /// last segment" must count what the last segment really holds, not segments × capacity − units.
    @Test(arguments: [
        (a(66) + "😀" + a(66), 3, 66),  // 66 + (2 moves on) | 2 + 65 | 1: the last holds 1 of 67
        (a(152) + "€" + a(152), 3, 152),  // 152 + (€ moves on) | 2 + 151 | 1: the last holds 1 of 153
        (a(161), 2, 145),  // no move: 153 | 8
        (a(60) + "😀", 1, 8),  // one segment: 62 of 70
        ("", 0, 160),
    ])
    func unitsLeftInLastSegmentCountTheSlotsLeftByMovedCharacters(text: String, segments: Int, left: Int) {
        let count = SegmentCount.of(text)
        #expect(count.segments == segments)
        #expect(count.unitsLeftInLastSegment == left)
    }

    @Test func sixteenBitReferenceRoutesFit152And66APart() {
        #expect(TextEncoding.gsm7.multipartCapacity(header: .eightBitReference) == 153)
        #expect(TextEncoding.ucs2.multipartCapacity(header: .eightBitReference) == 67)
        #expect(TextEncoding.gsm7.multipartCapacity(header: .sixteenBitReference) == 152)
        #expect(TextEncoding.ucs2.multipartCapacity(header: .sixteenBitReference) == 66)
        #expect(SegmentCount.of(a(306)).segments == 2)
        let tollFree = SegmentCount.of(a(306), header: .sixteenBitReference)
        #expect(tollFree.segments == 3)
        #expect(tollFree.unitsPerSegment == 152)
        #expect(SegmentCount.of(repeated("’", 134), header: .sixteenBitReference).segments == 3)
        #expect(SegmentCount.of(a(160), header: .sixteenBitReference).segments == 1)
    }

    @Test func reportsTheCharactersThatForcedUCS2InOrderOnce() {
        let count = SegmentCount.of("“Don’t” miss it’s 50¢ “deal”")
        #expect(count.nonGSMCharacters == ["“", "’", "”", "¢"])
        #expect(SegmentCount.of("plain text").nonGSMCharacters.isEmpty)
    }

    @Test func theGSMAlphabetHas127BasicAnd10ExtensionCharacters() {
        #expect(GSMAlphabet.basic.count == 127)
        #expect(Set(GSMAlphabet.basic).count == 127)
        #expect(GSMAlphabet.extended.count == 10)
        for scalar in GSMAlphabet.basic { #expect(GSMAlphabet.septets(for: scalar) == 1) }
        for scalar in GSMAlphabet.extended { #expect(GSMAlphabet.septets(for: scalar) == 2) }
        #expect(GSMAlphabet.septets(for: "\u{1B}") == 0)
    }

    @Test func costIsSegmentsTimesThePrice() {
        let pricing = SegmentPricing.twilioUS
        #expect(pricing.perSegment == Microdollars(8_300))
        #expect(pricing.cost(of: SegmentCount.of(a(161))) == Microdollars(16_600))
        #expect(pricing.cost(of: SegmentCount.of("")) == Microdollars(0))
        let custom = SegmentPricing(perSegment: Microdollars(7_900))
        #expect(custom.cost(of: SegmentCount.of(repeated("😀", 67))) == Microdollars(23_700))
    }

    @Test func roundTripsThroughJSONWithSnakeCaseKeys() throws {
        let count = SegmentCount.of("don’t")
        let data = try JSONEncoderForTests.encode(count)
        #expect(data.contains("\"units_per_segment\":70"))
        #expect(data.contains("\"encoding\":\"UCS-2\""))
        let decoded = try JSONEncoderForTests.decode(SegmentCount.self, from: data)
        #expect(decoded == count)
    }
}
