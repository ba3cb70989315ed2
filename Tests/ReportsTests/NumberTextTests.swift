import Testing

@testable import Reports

/// Numbers print the same everywhere and round the way a reader rounds on paper.
@Suite struct NumberTextTests {
    @Test(arguments: [
        (0.285, 2, "0.29"),
        (0.125, 2, "0.13"),
        (-0.125, 2, "-0.13"),
        (1.0, 0, "1"),
        (0.4, 0, "0"),
        (0.6, 0, "1"),
        (9.995, 2, "10.00"),
        (-0.0001, 2, "0.00"),
        (123_456.789, 1, "123456.8"),
        (1.5e-05, 6, "0.000015"),
        (2.5e-07, 6, "0.000000"),
        (1e20, 0, "100000000000000000000"),
        (0.0, 3, "0.000"),
        (-0.0, 1, "0.0"),
    ])
    func fixedRoundsHalfAwayFromZero(value: Double, places: Int, expected: String) {
        #expect(NumberText.fixed(value, places: places) == expected)
    }

    @Test func nonFiniteIsEmpty() {
        #expect(NumberText.fixed(.nan, places: 2).isEmpty)
        #expect(NumberText.fixed(.infinity, places: 2).isEmpty)
    }

    @Test func groupsThousands() {
        #expect(NumberText.grouped(0) == "0")
        #expect(NumberText.grouped(999) == "999")
        #expect(NumberText.grouped(1_000) == "1,000")
        #expect(NumberText.grouped(-1_234_567) == "-1,234,567")
        #expect(NumberText.groupedFixed(1_234_567.891, places: 2) == "1,234,567.89")
        #expect(NumberText.groupedFixed(-999.999, places: 2) == "-1,000.00")
    }
}
