import Foundation
import JSONDocument
import Population
import Testing

@testable import Simulation

/// The simulator builds each contact from the population's columns; it must be exactly what the attributes
/// contract prints, or flows would read different customers in simulation and in `population generate`.
@Suite struct ContactBuilderTests {
    @Test(arguments: ["datasets/populations/default.json", "datasets/populations/salon.json"])
    func theBuiltContactIsTheParsedAttributesObject(spec path: String) throws {
        let spec = try PopulationSpec.load(path: WorldFixtures.repository.appendingPathComponent(path).path)
        let population = try PopulationGenerator(spec: spec).generate(count: 2_000, seed: 3)
        let builder = ContactBuilder(population: population)
        let writer = CustomerAttributesWriter(population: population)
        var withCart = 0
        for i in 0..<population.count {
            let parsed = try JSONParser.parse(writer.json(i))
            #expect(builder.contact(i) == parsed, "customer \(i)")
            if parsed["cart"] != nil { withCart += 1 }
        }
        #expect(withCart > 50)
    }
}
