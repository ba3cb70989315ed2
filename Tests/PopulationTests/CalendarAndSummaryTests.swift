import Testing

@testable import Population

@Suite struct CalendarAndSummaryTests {
    @Test(arguments: [
        ("1970-01-01", 0, 4), ("2000-03-01", 11_017, 3), ("2026-12-01", 20_788, 2), ("1969-12-28", -4, 0),
        ("2024-02-29", 19_782, 4),
    ])
    func civilDatesMatchTheCalendar(text: String, days: Int, weekday: Int) throws {
        let date = try #require(CivilDate(iso: text))
        #expect(date.daysSinceEpoch == days)
        #expect(date.weekday == weekday)
        #expect(CivilDate(daysSinceEpoch: days) == date)
        #expect(date.description == text)
    }

    @Test func invalidDatesAreRefused() {
        #expect(CivilDate(iso: "2026-02-29") == nil)
        #expect(CivilDate(iso: "2026-13-01") == nil)
        #expect(CivilDate(iso: "26-12-01") == nil)
    }

    @Test func reminderFormats() throws {
        #expect(try #require(CivilDate(iso: "2026-12-01")).adding(days: 1).shortText == "Wed, Dec 2")
        #expect(LocalClock.twelveHour(minutesAfterMidnight: 930) == "3:30 PM")
        #expect(LocalClock.twelveHour(minutesAfterMidnight: 0) == "12:00 AM")
        #expect(LocalClock.twelveHour(minutesAfterMidnight: 12 * 60 + 5) == "12:05 PM")
        #expect(LocalClock.twelveHour(minutesAfterMidnight: 9 * 60) == "9:00 AM")
    }

    @Test func summaryCountsAndCartQuantiles() {
        var rows: [PopulationSummary.Row] = []
        for value in 1...10 {
            let segment = value <= 3 ? "vip" : "new"
            let state = value % 2 == 0 ? "CA" : "TX"
            rows.append(
                PopulationSummary.Row(
                    segment: segment,
                    state: state,
                    timeZone: "America/Chicago",
                    consentSource: "web_form",
                    cartTotalCents: Int64(value * 1_000)
                )
            )
        }
        rows.append(
            PopulationSummary.Row(
                segment: "lapsed",
                state: "NY",
                timeZone: "America/New_York",
                consentSource: "none",
                cartTotalCents: 0
            )
        )
        let summary = PopulationSummary(rows: rows)
        #expect(summary.count == 11)
        #expect(summary.segments.map(\.name) == ["new", "lapsed", "vip"], "lifecycle order")
        #expect(summary.states.map(\.name) == ["CA", "TX", "NY"])
        #expect(summary.cartCount == 10)
        // R: quantile(1:10 * 1000, c(.1, .25, .5, .75, .9)) = 1900 3250 5500 7750 9100 (type 7).
        #expect(summary.cartQuantilesCents == [1_900, 3_250, 5_500, 7_750, 9_100])
        #expect(summary.cartMeanCents == 5_500)
        let text = summary.render(title: "T", topStates: 2)
        #expect(text.contains("  1 other states"))
        #expect(text.contains("median $55.00"))
        #expect(text.contains("Abandoned carts: 10 customers (90.9%)"))
    }

    @Test func summaryOfAPopulationAgreesWithItsColumns() throws {
        let population = try Fixtures.generator.generate(count: 1_000, seed: 4)
        let summary = PopulationSummary(population: population)
        #expect(summary.count == 1_000)
        #expect(summary.segments.reduce(0) { $0 + $1.count } == 1_000)
        #expect(summary.cartCount == population.cartTotalCents.filter { $0 > 0 }.count)
    }
}

@Suite struct ProfileTests {
    @Test func profileReadsTheSameCustomerAsTheCSV() throws {
        let population = try Fixtures.generator.generate(count: 50, seed: 42)
        let rows = AttributesAndCSVTests.parseCSV(String(decoding: PopulationCSV.render(population), as: UTF8.self))
        for i in 0..<50 {
            let profile = population.profile(i)
            let row = rows[i + 1]
            #expect(profile.id == i)
            #expect(
                [profile.firstName, profile.phone, profile.state, profile.timeZone, profile.segment.rawValue]
                    == Array(row[1...5])
            )
            #expect((profile.consentSource ?? "none") == row[6])
            #expect(String(profile.orders) == row[8])
            #expect(String(profile.cartTotalCents) == row[11])
            #expect(profile.question.rawValue == row[14])
        }
    }
}

@Suite struct SegmentProfileTests {
    @Test func profileAgreesWithTheColumnsAndTheSegmentDefinitions() throws {
        let population = try Fixtures.generator.generate(count: 5_000, seed: 8)
        let profile = SegmentProfile(population: population)
        #expect(profile.lines.map(\.segment) == [.new, .active, .lapsed, .vip])
        #expect(profile.lines.reduce(0) { $0 + $1.customers } == 5_000)
        let vip = try #require(profile.lines.first { $0.segment == .vip })
        let lapsed = try #require(profile.lines.first { $0.segment == .lapsed })
        #expect(vip.meanOrders >= 4, "VIPs have at least four orders")
        #expect(try #require(lapsed.medianDaysSinceLastOrder) >= 180)
        #expect(try #require(vip.medianDaysSinceLastOrder) <= 60)
        let indexes = (0..<5_000).filter { population.segment[$0] == .vip }
        #expect(vip.meanOrders == Double(indexes.reduce(0) { $0 + Int(population.orders[$1]) }) / Double(indexes.count))
        #expect(profile.render().contains("  vip "))
    }

    @Test(arguments: [
        (0.25, 2, "0.25"), (6.536, 2, "6.54"), (392.0, 0, "392"), (0.0793 * 100, 1, "7.9"), (-1.25, 1, "-1.3"),
    ])
    func fixedDecimals(value: Double, decimals: Int, expected: String) {
        #expect(SegmentProfile.fixed(value, decimals) == expected)
    }
}
