import Foundation
import Testing

@testable import Messaging

@Suite struct PhoneNumberTests {
    @Test(arguments: [
        "(415) 555-0123", "+1 415.555.0123", "1-415-555-0123", "whatsapp:+14155550123", "4155550123",
        "+14155550123", "  415 555 0123  ", "tel:+1-415-555-0123", "WhatsApp:+1 (415) 555-0123", "1 (415) 555 0123",
    ])
    func normalisesWhatPeopleWriteToE164(_ text: String) throws {
        let phone = try PhoneNumber.parse(text)
        #expect(phone.e164 == "+14155550123")
        #expect(phone.areaCode == 415)
        #expect(phone.exchange == 555)
        #expect(phone.lineNumber == 123)
    }

    struct Rejection: CustomTestStringConvertible, Sendable {
        let text: String
        let error: PhoneNumberError
        var testDescription: String { "\"\(text)\"" }
    }

    static let rejections: [Rejection] = [
        Rejection(text: "", error: .empty),
        Rejection(text: "   ", error: .empty),
        Rejection(text: "whatsapp:", error: .empty),
        Rejection(text: "415-555-012", error: .wrongLength(digits: 9)),
        Rejection(text: "415-555-01234", error: .wrongLength(digits: 11)),
        Rejection(text: "2-415-555-0123", error: .wrongLength(digits: 11)),
        Rejection(text: "+1 415 555 012", error: .wrongLength(digits: 10)),
        Rejection(text: "+44 20 7946 0958", error: .unsupportedCountryCode("442")),
        Rejection(text: "415-555-0123 ext 4", error: .invalidCharacter("e")),
        Rejection(text: "415#555#0123", error: .invalidCharacter("#")),
        Rejection(text: "415+5550123", error: .misplacedPlus),
        Rejection(
            text: "(115) 555-0123",
            error: .invalidAreaCode(115, reason: "area codes start with a digit from 2 to 9")
        ),
        Rejection(
            text: "(011) 555-0123",
            error: .invalidAreaCode(11, reason: "area codes start with a digit from 2 to 9")
        ),
        Rejection(
            text: "(911) 555-0123",
            error: .invalidAreaCode(911, reason: "N11 codes are service codes such as 411 and 911")
        ),
        Rejection(
            text: "(292) 555-0123",
            error: .invalidAreaCode(292, reason: "codes with 9 in the middle are reserved for NANP expansion")
        ),
        Rejection(
            text: "(415) 411-0123",
            error: .invalidExchange(411, reason: "N11 codes are service codes such as 411 and 911")
        ),
        Rejection(text: "(415) 055-0123", error: .fictionalExchange(55)),
        Rejection(text: "(415) 155-0123", error: .fictionalExchange(155)),
    ]

    @Test(arguments: rejections)
    func rejectsInvalidNumbersWithTheReason(_ row: Rejection) {
        let error = #expect(throws: PhoneNumberError.self) { try PhoneNumber.parse(row.text) }
        #expect(error == row.error)
        #expect(error.map { !$0.description.isEmpty && !$0.description.contains("\n") } == true)
    }

    @Test func fictionalExchangesAreAllowedOnlyWhenAsked() throws {
        let phone = try PhoneNumber.parse("(415) 155-0123", allowFictional: true)
        #expect(phone.e164 == "+14151550123")
        #expect(phone.isFictional)
        #expect(try PhoneNumber.parse("415-555-0150").isFictional)
        #expect(try !PhoneNumber.parse("415-555-0200").isFictional)
        #expect(try !PhoneNumber.parse("415-867-5309").isFictional)
        let error = #expect(throws: PhoneNumberError.self) { try PhoneNumber.parse("(415) 155-0123") }
        #expect(error?.description.contains("synthetic") == true)
        #expect(
            throws: PhoneNumberError.invalidExchange(511, reason: "N11 codes are service codes such as 411 and 911")
        ) {
            try PhoneNumber.parse("415-511-0123", allowFictional: true)
        }
    }

    @Test func masksAllButTheAreaCodeAndLastTwoDigits() throws {
        #expect(try PhoneNumber.parse("(415) 555-0123").masked == "+1 415 ***-**23")
        #expect(try PhoneNumber.parse("212-555-0107").masked == "+1 212 ***-**07")
        #expect(try PhoneNumber.parse("212-555-0107").description == "+1 212 ***-**07")
    }

    @Test func sipHashMatchesTheReferenceVectors() {
        // Aumasson & Bernstein's vectors: key 00 01 … 0f, message 00 01 … n-1.
        let hasher = SipHash24(key0: 0x0706_0504_0302_0100, key1: 0x0F0E_0D0C_0B0A_0908)
        let message = (0..<15).map { UInt8($0) }
        #expect(hasher.hash([]) == 0x726f_db47_dd0e_0e31)
        #expect(hasher.hash(Array(message.prefix(1))) == 0x74f8_39c5_93dc_67fd)
        #expect(hasher.hash(Array(message.prefix(8))) == 0x93f5_f579_9a93_2462)
        #expect(hasher.hash(message) == 0xa129_ca61_49be_45e5)
    }

    @Test func keyedHashIsStableAndDependsOnTheKey() throws {
        let phone = try PhoneNumber.parse("(415) 555-0123")
        let pinned = phone.keyedHash(key: 42)
        #expect(pinned == SipHash24(key0: 42, key1: 42 ^ 0x5265_706C_794C_6162).hash(Array("+14155550123".utf8)))
        #expect(pinned == 32_684_798_513_184_978)
        #expect(phone.keyedHash(key: 42) == pinned)
        #expect(phone.keyedHash(key: 43) != pinned)
        #expect(try PhoneNumber.parse("(415) 555-0124").keyedHash(key: 42) != pinned)
    }

    @Test func storesAsE164InJSON() throws {
        let phone = try PhoneNumber.parse("1-415-555-0123")
        let json = try JSONEncoderForTests.encode([phone])
        #expect(json == "[\"+14155550123\"]")
        #expect(try JSONEncoderForTests.decode([PhoneNumber].self, from: json) == [phone])
        #expect(throws: PhoneNumberError.self) {
            try JSONEncoderForTests.decode([PhoneNumber].self, from: "[\"+1911\"]")
        }
    }
}
