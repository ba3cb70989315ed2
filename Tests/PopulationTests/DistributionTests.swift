import Foundation
import Sampling
import Testing

@testable import Population

/// The generated population matches the spec it was drawn from, and the published figures the spec cites.
@Suite struct PopulationDistributionTests {
    static let n = 50_000
    static let population = try! Fixtures.generator.generate(count: n, seed: 2_026)
    static let spec = Fixtures.defaultSpec

    /// |observed − expected| within 5 binomial standard errors.
    static func expectShare(_ count: Int, of total: Int, near p: Double, _ label: String) {
        let standardError = (p * (1 - p) / Double(total)).squareRoot()
        let observed = Double(count) / Double(total)
        #expect(abs(observed - p) <= 5 * standardError + 1e-12, "\(label): \(observed) vs \(p)")
    }

    @Test func segmentMixFollowsTheSpec() {
        for segment in Self.spec.segments {
            let count = Self.population.segment.filter { $0 == segment.segment }.count
            Self.expectShare(count, of: Self.n, near: segment.share, segment.segment.rawValue)
        }
    }

    @Test func statesFollowTheCensusWeights() {
        let total = Self.spec.states.reduce(0) { $0 + $1.weight }
        #expect(total == 331_449_281, "2020 Census resident population of the 50 states and DC")
        var counts = [Int](repeating: 0, count: Self.population.stateTable.count)
        for state in Self.population.state { counts[Int(state)] += 1 }
        for (index, state) in Self.spec.states.enumerated() where ["CA", "TX", "FL", "NY", "WY"].contains(state.code) {
            Self.expectShare(counts[index], of: Self.n, near: state.weight / total, state.code)
        }
        // Total variation distance over all 51: sampling noise alone gives about 0.015 at n = 50,000.
        let distance =
            zip(counts, Self.spec.states).reduce(0.0) {
                $0 + abs(Double($1.0) / Double(Self.n) - $1.1.weight / total)
            } / 2
        #expect(distance < 0.03, "TV distance \(distance)")
    }

    /// Published split of the US population by zone: ET 47.6%, CT 29.1%, MT 6.7%, PT 16.6% (2015 Census
    /// estimates via MetricMaps), AK 0.2%, HI 0.4% (USA Today, 2010). Our draw comes from 2020 state counts and
    /// area codes, so allow 1.5 percentage points.
    @Test func timeZonesLandOnThePublishedSplit() {
        let groups: [(name: String, zones: [String], share: Double)] = [
            (
                "Eastern",
                ["America/New_York", "America/Detroit", "America/Indiana/Indianapolis", "America/Kentucky/Louisville"],
                0.476
            ),
            (
                "Central",
                ["America/Chicago", "America/North_Dakota/Center", "America/Indiana/Knox", "America/Menominee"], 0.291
            ),
            ("Mountain", ["America/Denver", "America/Phoenix", "America/Boise"], 0.067),
            ("Pacific", ["America/Los_Angeles"], 0.166),
            ("Alaska", ["America/Anchorage", "America/Juneau"], 0.002),
            ("Hawaii", ["Pacific/Honolulu"], 0.004),
        ]
        for group in groups {
            let count = Self.population.timeZone.filter { group.zones.contains(Self.population.timeZoneTable[Int($0)]) }
                .count
            let share = Double(count) / Double(Self.n)
            #expect(abs(share - group.share) < 0.015, "\(group.name): \(share)")
        }
        let adak = Self.population.timeZone.filter { Self.population.timeZoneTable[Int($0)] == "America/Adak" }
        #expect(adak.isEmpty, "the spec gives Adak (about 300 people) no share of area code 907")
    }

    /// Orders ~ Poisson(λ·t) with λ ~ Gamma(shape, mean/shape) and t ~ U{0…60}/365 independent, so
    /// E[orders] = 2.9 × 30/365 = 0.2384 for the new segment (minimum 0 orders, so no floor applies).
    @Test func newCustomersOrderAtTheNBDRate() {
        let indexes = (0..<Self.n).filter { Self.population.segment[$0] == .new }
        let mean = Double(indexes.reduce(0) { $0 + Int(Self.population.orders[$1]) }) / Double(indexes.count)
        #expect(abs(mean - 2.9 * 30 / 365) < 0.03, "mean orders \(mean)")
    }

    @Test func segmentsKeepTheirDefiningHistory() {
        let p = Self.population
        for i in 0..<Self.n {
            let segment = Self.spec.segments.first { $0.segment == p.segment[i] }!
            #expect(p.orders[i] >= Int32(segment.minimumOrders))
            #expect((segment.tenureDays.min...segment.tenureDays.max).contains(Int(p.tenureDays[i])))
            if p.orders[i] > 0 {
                #expect(p.lastOrderDaysAgo[i] <= p.tenureDays[i])
                #expect(Int(p.lastOrderDaysAgo[i]) <= segment.lastOrderDaysAgo.max)
                #expect(p.lastOrderTotalCents[i] > 0)
            } else {
                #expect(p.lastOrderDaysAgo[i] == -1)
            }
            if p.orders[i] > 0, p.segment[i] == .lapsed { #expect(p.lastOrderDaysAgo[i] >= 180) }
        }
    }

    @Test func replyPropensityAndCartsFollowTheSegment() {
        let p = Self.population
        for segment in Self.spec.segments {
            let indexes = (0..<Self.n).filter { p.segment[$0] == segment.segment }
            let mean = indexes.reduce(0.0) { $0 + Double(p.replyPropensity[$1]) } / Double(indexes.count)
            let beta = try! Beta(mean: segment.replyRate, concentration: segment.replyRateConcentration)
            #expect(
                abs(mean - segment.replyRate) < 5 * (beta.variance / Double(indexes.count)).squareRoot(),
                "\(segment.segment): reply \(mean)"
            )
            let carts = indexes.filter { p.cartTotalCents[$0] > 0 }.count
            Self.expectShare(carts, of: indexes.count, near: segment.cartShare, "\(segment.segment) carts")
        }
        let withoutConsent = p.consentSource.filter { $0 == Population.none }.count
        Self.expectShare(withoutConsent, of: Self.n, near: Self.spec.noConsentShare, "no consent")
    }

    @Test func cartTotalsAddUpTheirLines() {
        let p = Self.population
        let products = Self.spec.catalog.products
        for i in 0..<Self.n {
            let lines = p.cartLines(i)
            let sum = lines.reduce(Int64(0)) {
                $0 + products[Int(p.cartLineProduct[$1])].priceCents * Int64(p.cartLineQuantity[$1])
            }
            #expect(sum == p.cartTotalCents[i])
            #expect(lines.count <= Self.spec.cart.maximumItems)
            #expect(Set(lines.map { p.cartLineProduct[$0] }).count == lines.count, "a product appears once per cart")
        }
    }

    @Test func firstNamesAreWeightedByCensusFrequency() {
        // Mary is 2.629% of women in the 1990 Census file; women are half the list and the top-100 percents are
        // renormalised, so Mary's share is 0.5 × 2.629 / Σ(female top-100 percents).
        let female = Self.spec.firstNames.female
        let maryShare = 0.5 * female[0].weight / female.reduce(0) { $0 + $1.weight }
        let mary = Self.population.firstName.filter { Self.population.firstNameTable[Int($0)] == "Mary" }.count
        #expect(female[0].name == "Mary")
        Self.expectShare(mary, of: Self.n, near: maryShare, "Mary")
    }
}
