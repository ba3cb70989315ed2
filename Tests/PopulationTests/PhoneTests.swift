import Messaging
import Testing

@testable import Population

@Suite struct PhoneTests {
    @Test func phonesAreUniqueFictionalAndInTheCustomersState() throws {
        let population = try Fixtures.generator.generate(count: 30_000, seed: 5)
        var seen = Set<String>()
        for i in 0..<population.count {
            let text = population.phoneE164(i)
            #expect(seen.insert(text).inserted, "duplicate \(text)")
            let phone = try PhoneNumber.parse(text, allowFictional: true)
            #expect(phone.isFictional, "\(text) could ring a real phone")
            if phone.exchange != 555 {
                #expect(throws: PhoneNumberError.self) { _ = try PhoneNumber.parse(text) }
            }
            let info = try #require(AreaCodeDirectory.nanp.lookup(phone.areaCode))
            #expect(info.state == population.stateTable[Int(population.state[i])])
            #expect(info.timeZones.contains(population.timeZoneTable[Int(population.timeZone[i])]))
        }
    }

    @Test func reservedFictionLinesComeFirstThenUnassignedExchanges() {
        var book = FictionalPhoneBook()
        let first = (0..<100).map { _ in book.next(in: 415)! }
        #expect(first.first! == (555, 100))
        #expect(first.last! == (555, 199))
        #expect(book.next(in: 415)! == (0, 0))
        #expect(book.next(in: 415)! == (0, 1))
        #expect(book.next(in: 212)! == (555, 100), "each area code counts on its own")
    }

    @Test func aFullAreaCodeIsRefused() {
        var book = FictionalPhoneBook()
        for _ in 0..<FictionalPhoneBook.capacityPerAreaCode { _ = book.next(in: 907) }
        #expect(book.next(in: 907) == nil)
    }
}
