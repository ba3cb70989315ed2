import Foundation
import Testing

@testable import Population

@Suite struct DeterminismTests {
    @Test func sameSeedGivesIdenticalCSVBytes() throws {
        let first = PopulationCSV.render(try Fixtures.generator.generate(count: 3_000, seed: 42))
        let second = PopulationCSV.render(try Fixtures.generator.generate(count: 3_000, seed: 42))
        #expect(first == second)
        let other = PopulationCSV.render(try Fixtures.generator.generate(count: 3_000, seed: 43))
        #expect(first != other)
    }

    @Test(arguments: [UInt64(1), 42, 0xDEAD_BEEF])
    func customerIIsTheSameWhenThePopulationGrows(seed: UInt64) throws {
        let small = try Fixtures.generator.generate(count: 400, seed: seed)
        let large = try Fixtures.generator.generate(count: 4_000, seed: seed)
        let smallRows = Self.lines(PopulationCSV.render(small))
        let largeRows = Self.lines(PopulationCSV.render(large))
        #expect(smallRows.count == 401)
        #expect(Array(largeRows.prefix(401)) == smallRows, "seed \(seed)")
    }

    @Test func aFreshlyLoadedSpecGeneratesTheSameBytes() throws {
        let reloaded = try PopulationGenerator(spec: try PopulationSpec.load(path: Fixtures.defaultSpecPath))
        #expect(
            PopulationCSV.render(try reloaded.generate(count: 500, seed: 7))
                == PopulationCSV.render(try Fixtures.generator.generate(count: 500, seed: 7)))
    }

    static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map { $0 }
    }
}
