import Messaging
import Testing

@testable import Ingest

/// Dates, money, phones and Twilio words as exports really write them.
@Suite struct TimestampTests {
    static let noon = Instant(year: 2025, month: 11, day: 29, hour: 12).epochMilliseconds

    @Test(arguments: [
        ("2025-11-29T12:00:00Z", noon, false),
        ("2025-11-29T12:00:00.000Z", noon, false),
        ("2025-11-29T12:00:00.1234567Z", noon + 123, false),
        ("2025-11-29T12:00:00.5+00:00", noon + 500, false),
        ("2025-11-29T07:00:00-05:00", noon, false),
        ("2025-11-29T13:00:00+0100", noon, false),
        ("2025-11-29T07:00:00-05", noon, false),
        ("2025-11-29 12:00:00+00:00", noon, false),
        ("2025-11-29T12:00Z", noon, false),
        ("2025-11-29 12:00:00 UTC", noon, false),
        ("Sat, 29 Nov 2025 12:00:00 +0000", noon, false),
        ("Sat, 29 Nov 2025 12:00:00 GMT", noon, false),
        ("29 Nov 2025 07:00:00 EST", noon, false),
        ("Sat, 29 Nov 2025 04:00 -0800", noon, false),
        ("2025-11-29 12:00:00", noon, true),
        ("2025-11-29T12:00:00", noon, true),
        ("  2025-11-29 12:00:00  ", noon, true),
        ("2025-11-29", noon - 12 * 3_600_000, true),
    ])
    func acceptedForms(text: String, expected: Int64, naive: Bool) throws {
        let stamp = try Timestamp.parse(text).get()
        #expect(stamp.epochMilliseconds == expected)
        #expect(stamp.isNaive == naive)
    }

    @Test(arguments: [
        "29/11/2025 12:00", "11/29/2025", "2025-11-29T12", "yesterday", "", "2025-11-29T12:00:00Q",
        "Sat, 29 Nov 2025 12:00:00 +2500",
    ])
    func unrecognisedForms(text: String) {
        #expect(Timestamp.parse(text) == .failure(.unrecognised))
    }

    @Test(arguments: [
        "2025-02-29T12:00:00Z", "2025-13-01T00:00:00Z", "2025-11-31 10:00:00", "2025-11-29T24:00:00Z",
        "1969-12-31T23:59:59Z",
    ])
    func impossibleDatesSayWhy(text: String) {
        guard case .failure(.outOfRange) = Timestamp.parse(text) else {
            Issue.record("\(text) should be out of range")
            return
        }
    }

    @Test func leapDayExists() throws {
        #expect(try Timestamp.parse("2024-02-29T00:00:00Z").get().epochMilliseconds == 1_709_164_800_000)
    }
}

@Suite struct DecimalFieldTests {
    func parse(_ text: String, places: Int) -> Result<Int64, DecimalField.Failure> {
        var copy = text
        return copy.withUTF8 { DecimalField.parse($0, places: places) }
    }

    @Test func twilioPricesBecomeExactMicrodollars() {
        #expect(parse("-0.00750", places: 6) == .success(-7_500))
        #expect(parse("-0.0079", places: 6) == .success(-7_900))
        #expect(parse("0.00000", places: 6) == .success(0))
        #expect(parse("'-0.00790", places: 6) == .success(-7_900))
        #expect(parse("-1.2345678", places: 6) == .failure(.tooManyDecimals(6)))
        #expect(parse("-0.0079O", places: 6) == .failure(.notADecimal))
        #expect(parse("-7.5E-3", places: 6) == .failure(.notADecimal))
    }

    @Test func orderValuesBecomeCents() {
        #expect(parse("84.50", places: 2) == .success(8_450))
        #expect(parse("$1,234.5", places: 2) == .success(123_450))
        #expect(parse("12", places: 2) == .success(1_200))
        #expect(parse("8450", places: 0) == .success(8_450))
        #expect(parse("84.505", places: 2) == .failure(.tooManyDecimals(2)))
        #expect(parse("84.500", places: 2) == .success(8_450))
        #expect(parse("", places: 2) == .failure(.notADecimal))
    }
}

@Suite struct PhoneFieldTests {
    func customer(_ text: String) -> Result<PhoneNumber, PhoneNumberError> {
        var copy = text
        return copy.withUTF8 { PhoneField.customer(PhoneField.strip($0).0) }
    }

    func business(_ text: String) -> String? {
        var copy = text
        return copy.withUTF8 { PhoneField.business(PhoneField.strip($0).0) }
    }

    @Test func customerNumbersInEveryExportSpelling() throws {
        for text in [
            "+14155550123", "14155550123", "4155550123", "'+14155550123", "whatsapp:+14155550123",
            "WhatsApp:+1 (415) 555-0123", " +1 415.555.0123 ",
        ] {
            #expect(try customer(text).get().e164 == "+14155550123", "\(text)")
        }
    }

    @Test func customerNumbersOutsideTheNANPAreRefusedWithTheReason() {
        #expect(customer("+447911123456") == .failure(.unsupportedCountryCode("447")))
        #expect(customer("1.41556E+10") == .failure(.invalidCharacter("E")))
        #expect(customer("+1415555012") == .failure(.wrongLength(digits: 10)))
    }

    @Test func businessNumbersMayBeShortCodesOrSenderIDs() {
        #expect(business("+18885550100") == "+18885550100")
        #expect(business("74642") == "74642")
        #expect(business("ShoeCo") == "ShoeCo")
        #expect(business("whatsapp:+18885550100") == "+18885550100")
        #expect(business("12") == nil)
        #expect(business("=HYPERLINK(x)") == nil)
    }

    @Test func prefixesAreReported() {
        var text = "'whatsapp:+14155550123"
        let prefixes = text.withUTF8 { PhoneField.strip($0).1 }
        #expect(prefixes == PhoneField.Prefixes(neutralised: true, whatsApp: true))
    }
}

@Suite struct TwilioVocabularyTests {
    @Test func directionsInAPIAndConsoleSpellings() {
        #expect(TwilioDirection.parse("outbound-api") == .outboundAPI)
        #expect(TwilioDirection.parse("Outgoing API") == .outboundAPI)
        #expect(TwilioDirection.parse("OUTBOUND_REPLY") == .outboundReply)
        #expect(TwilioDirection.parse("inbound") == .inbound)
        #expect(TwilioDirection.parse("Incoming") == .inbound)
        #expect(TwilioDirection.parse("outbound-call") == .outboundCall)
        #expect(TwilioDirection.parse("sideways") == nil)
    }

    @Test func everyTwilioStatusHasAPlace() {
        let expected: [String: String] = [
            "accepted": "queued", "scheduled": "queued", "queued": "queued", "sending": "queued", "sent": "sent",
            "delivered": "delivered", "read": "delivered", "undelivered": "undelivered",
            "partially_delivered": "undelivered", "failed": "failed", "canceled": "failed", "receiving": "received",
            "received": "received",
        ]
        for (word, status) in expected { #expect(TwilioStatus.parse(word)?.rawValue == status, "\(word)") }
        #expect(TwilioStatus.parse("Delivered")?.rawValue == "delivered")
        #expect(TwilioStatus.parse("lost") == nil)
    }

    @Test func sidsFoldCaseButKeepOtherShapes() {
        func key(_ text: String) -> SidKey {
            var copy = text
            return copy.withUTF8 { SidKey($0) }
        }
        #expect(key("SMaabbccddeeff00112233445566778899") == key("SMAABBCCDDEEFF00112233445566778899"))
        #expect(key("SMaabbccddeeff00112233445566778899") != key("MMaabbccddeeff00112233445566778899"))
        #expect(key("b3877c40-da60-4998-90ad-b792e98472af") == .other("b3877c40-da60-4998-90ad-b792e98472af"))
    }

    @Test func headerAliasesIgnoreCaseSpacesAndUnderscores() throws {
        let resolver = try ColumnResolver(
            header: ["SMS Message SID", "from_", "TO", "date_sent", "Message Segments", "Extra"],
            columns: TwilioColumns.all,
            extra: [:],
            file: "x.csv"
        )
        #expect(resolver.indexes["sid"] == 0)
        #expect(resolver.indexes["from"] == 1)
        #expect(resolver.indexes["to"] == 2)
        #expect(resolver.indexes["sent_at"] == 3)
        #expect(resolver.indexes["segments"] == 4)
        #expect(resolver.unused == ["Extra"])
    }

    @Test func twoHeadersForOneColumnAreRefused() {
        #expect(throws: IngestError.duplicateColumn(path: "x.csv", column: "sid", headers: ["Sid", "Message SID"])) {
            try ColumnResolver(header: ["Sid", "Message SID"], columns: TwilioColumns.all, extra: [:], file: "x.csv")
        }
    }

    @Test func aMappedNameReplacesTheBuiltInAliases() throws {
        let resolver = try ColumnResolver(
            header: ["Sid", "Message Id"],
            columns: TwilioColumns.all,
            extra: ["sid": "Message Id"],
            file: "x.csv"
        )
        #expect(resolver.indexes["sid"] == 1)
        #expect(resolver.unused == ["Sid"])
    }
}

@Suite struct PlainGSMTests {
    /// The shortcut that skips segment counting never calls a text GSM-7 that Messaging would call UCS-2.
    @Test(arguments: [
        ("Your cart misses you! Reply STOP to opt out.", true), ("Price: $5 {50% off} [today] ~ok | \\ ^", true),
        ("line one\r\nline two", true), ("tab\there", false), ("back`tick", false), ("Zoë", false), ("€5", false),
        ("😀", false),
    ])
    func shortcutAgreesWithSegmentCount(text: String, plain: Bool) {
        var copy = text
        let isPlain = copy.withUTF8 { TwilioLogParser.isPlainGSM($0) }
        #expect(isPlain == plain)
        if isPlain { #expect(SegmentCount.of(text).encoding == .gsm7) }
    }
}
