import Foundation
import Messaging
import Testing

@testable import Population

/// An area code that spans zones and has no `time_zone_splits` entry is split evenly, which puts half of El Paso on
/// Central time and half of Evansville on Eastern: every bundled spec must say how its multi-zone area codes split.
@Suite struct TimeZoneSplitTests {
    @Test(arguments: ["default.json", "salon.json"])
    func everyMultiZoneAreaCodeOfTheSpecsStatesHasASplit(_ file: String) throws {
        let spec = try PopulationSpec.load(path: Fixtures.populations + "/" + file)
        let states = Set(spec.states.map(\.code))
        let split = Set(spec.timeZoneSplits.map(\.areaCode))
        let unsplit = AreaCodeDirectory.nanp.all
            .filter { $0.country == "US" && states.contains($0.state) && $0.timeZones.count > 1 }
            .map(\.areaCode)
            .filter { !split.contains($0) }
        #expect(unsplit.isEmpty, "\(file): no time_zone_splits entry for \(unsplit)")
    }

    /// El Paso and Hudspeth counties keep Mountain time; only a sliver of 915 is on Central.
    @Test func elPasoCustomersAreMostlyOnMountainTime() throws {
        let population = try Fixtures.generator.generate(count: 50_000, seed: 42)
        let zones = population.timeZoneTable
        var mountain = 0
        var total = 0
        for index in population.areaCode.indices where population.areaCode[index] == 915 {
            total += 1
            if zones[Int(population.timeZone[index])] == "America/Denver" { mountain += 1 }
        }
        #expect(total > 30)
        #expect(Double(mountain) / Double(total) > 0.9, "\(mountain) of \(total) on Mountain time")
    }
}
