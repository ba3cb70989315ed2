import Testing

@testable import Reports

/// Numbers a customer types into a reply are hidden in shared reports; look-alikes (dates, decimals, ids) are not.
@Suite struct PhoneMaskerTests {
    @Test(arguments: [
        ("call me at (415) 555-0134 please", "call me at +1 415 ***-**34 please"),
        ("+14155550123", "+1 415 ***-**23"),
        ("+1 415 555 0123.", "+1 415 ***-**23."),
        ("1-212-555-0199 or 646.555.0101", "+1 212 ***-**99 or +1 646 ***-**01"),
        ("4155550123", "+1 415 ***-**23"),
        ("whatsapp:+14155550123", "whatsapp:+1 415 ***-**23"),
        ("text +44 20 7946 0958 in London", "text +44 ***58 in London"),
        ("+33612345678", "+33 ***78"),
        ("(415)555-0134", "+1 415 ***-**34"),
    ])
    func masksPhoneNumbers(input: String, expected: String) {
        #expect(PhoneMasker.mask(input) == expected)
    }

    @Test(arguments: [
        "order #1001 shipped 2025-03-04",
        "ratio 2.345678901 is not a phone",
        "SM5f0c2a9e4155550123e8f1b2c9d0e7a4",
        "epoch 1741010400000 ms",
        "123-456-7890 has no valid area code",
        "+1234",
        "12345678901234",
        "",
        "😀 no digits",
    ])
    func leavesLookAlikesAlone(input: String) {
        #expect(PhoneMasker.mask(input) == input)
    }
}
