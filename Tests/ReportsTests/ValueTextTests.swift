import Testing

@testable import Reports

/// What a strategist reads in a cell: money, durations, p-values and dates, the same on every machine.
@Suite struct ValueTextTests {
    @Test(arguments: [
        (ReportValue.integer(1_234_567), "1,234,567"),
        (.integer(-42), "\u{2212}42"),
        (.rate(0.18349), "18.3%"),
        (.rate(0.5, places: 0), "50%"),
        (.cents(123_456), "$1,234.56"),
        (.cents(-5), "\u{2212}$0.05"),
        (.microdollars(7_900), "$0.0079"),
        (.microdollars(24_610_000), "$24.61"),
        (.milliseconds(850), "850 ms"),
        (.milliseconds(4_200), "4.2 s"),
        (.milliseconds(42_000), "42 s"),
        (.milliseconds(750_000), "12.5 min"),
        (.milliseconds(11_520_000), "3.2 h"),
        (.milliseconds(207_360_000), "2.4 d"),
        (.pValue(0.0004), "< 0.001"),
        (.pValue(0.04962), "0.050"),
        (.timestamp(1_741_010_400_000), "2025-03-03 14:00 UTC"),
        (.decimal(3.14159, places: 2), "3.14"),
        (.missing, "\u{2014}"),
    ])
    func displays(value: ReportValue, expected: String) {
        #expect(ValueText.display(value) == expected)
    }

    @Test func csvCellsStayExact() {
        #expect(ValueText.csvCell(.cents(123_456)) == .integer(123_456))
        #expect(ValueText.csvCell(.rate(0.18349)) == .decimal(0.18349, places: 6))
        #expect(ValueText.csvCell(.timestamp(951_868_799_000)) == .text("2000-02-29T23:59:59Z"))
        #expect(ValueText.csvCell(.timestamp(951_868_799_250)) == .text("2000-02-29T23:59:59.250Z"))
        #expect(ValueText.csvCell(.missing) == .empty)
    }

    @Test func civilTimeHandlesLeapDaysAndTimesBefore1970() {
        let leap = CivilTime(epochMilliseconds: 951_868_799_000)
        #expect([leap.year, leap.month, leap.day, leap.hour, leap.minute, leap.second] == [2000, 2, 29, 23, 59, 59])
        #expect(leap.weekday == 1)  // Tuesday
        let before = CivilTime(epochMilliseconds: -3_600_000)
        #expect([before.year, before.month, before.day, before.hour] == [1969, 12, 31, 23])
    }

    @Test func changesCarryTheirSign() {
        #expect(ValueText.display(0.062, format: .percentagePoints(places: 1), signed: true) == "+6.2 pp")
        #expect(ValueText.display(-0.031, format: .percent(places: 1), signed: true) == "\u{2212}3.1%")
        #expect(ValueText.display(0.0001, format: .percent(places: 1), signed: true) == "0.0%")
        #expect(ValueText.display(467.8, format: .cents, signed: true) == "+$4.68")
    }
}
