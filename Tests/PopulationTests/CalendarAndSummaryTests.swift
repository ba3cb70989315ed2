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
                    segment: segment, state: state, timeZone: "America/Chicago", consentSource: "web_form",
                    cartTotalCents: Int64(value * 1_000)))
        }
        rows.append(
            PopulationSummary.Row(
                segment: "lapsed", state: "NY", timeZone: "America/New_York", consentSource: "none", cartTotalCents: 0))
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
                    == Array(row[1...5]))
            #expect((profile.consentSource ?? "none") == row[6])
            #expect(String(profile.orders) == row[8])
            #expect(String(profile.cartTotalCents) == row[11])
            #expect(profile.question.rawValue == row[14])
        }
    }
}
