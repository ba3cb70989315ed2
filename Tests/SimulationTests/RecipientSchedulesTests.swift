import Messaging
import Testing

@testable import Simulation

/// Each shard resolves a quiet-hours schedule once per (area code, residence state); every customer must still get
/// the schedule their own number and state give, or the simulator would send inside someone's quiet hours.
@Suite struct RecipientSchedulesTests {
    @Test func everyCustomerGetsTheScheduleResolvedForThemAlone() throws {
        let world = try WorldFixtures.world(customers: 3_000)
        let shard = Shard.independent(world: world, range: 0..<world.customerCount)
        let policy = try #require(world.runtimes.first).gate.quietHours
        var pairs = Set<Int>()
        for customer in shard.customers {
            let own = policy.schedule(for: customer.session.recipient)
            let shared = customer.schedule
            #expect(shared.zones.map(\.zoneName) == own.zones.map(\.zoneName), "customer \(customer.index)")
            #expect(shared.windows == own.windows, "customer \(customer.index)")
            #expect(shared.rules.map(\.name) == own.rules.map(\.name), "customer \(customer.index)")
            #expect(shared.blackouts.map(\.name) == own.blackouts.map(\.name), "customer \(customer.index)")
            let phone = try #require(customer.session.recipient.phone)
            pairs.insert(phone.areaCode * 256 + Int(world.population.state[customer.index]))
        }
        // The cache is only exercised when customers share pairs, and the check only means something when the
        // pairs are many.
        #expect(pairs.count > 50 && pairs.count < shard.customers.count / 2, "\(pairs.count) pairs")
    }

    /// The same number's area code with two states of residence: Florida's own rules must reach the Floridian.
    @Test func theStateOfResidenceIsPartOfTheKey() throws {
        let policy = QuietHoursPolicy.standard
        var schedules = RecipientSchedules(policy: policy)
        let phone = try PhoneNumber.parse("+12125550100", allowFictional: true)
        let newYorker = RecipientCompliance(phone: phone, residenceState: "NY")
        let floridian = RecipientCompliance(phone: phone, residenceState: "FL")
        let first = schedules.schedule(for: newYorker, residenceState: 1)
        let second = schedules.schedule(for: floridian, residenceState: 2)
        #expect(first.rules.map(\.name) == policy.schedule(for: newYorker).rules.map(\.name))
        #expect(second.rules.map(\.name) == policy.schedule(for: floridian).rules.map(\.name))
        #expect(second.rules.count > first.rules.count)
        #expect(schedules.schedule(for: floridian, residenceState: 2).rules.map(\.name) == second.rules.map(\.name))
    }
}
