import Foundation
import Testing

@testable import Population

/// The attributes JSON is what flow templates read, so its shape is the customer-attributes contract.
@Suite struct AttributesAndCSVTests {
    static let contractKeys: Set<String> = [
        "first_name", "segment", "state", "time_zone", "consent_source", "cart", "last_order", "appointment", "lead",
    ]

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func attributesFollowTheContract() throws {
        let population = try Fixtures.generator.generate(count: 2_000, seed: 11)
        let writer = CustomerAttributesWriter(population: population)
        let products = Fixtures.defaultSpec.catalog.products
        var sawCart = false
        var sawOrder = false
        for i in 0..<population.count {
            let attributes = try Self.object(writer.json(i))
            #expect(Set(attributes.keys).isSubset(of: Self.contractKeys), "\(attributes.keys.sorted())")
            #expect(attributes["first_name"] as? String == population.firstNameTable[Int(population.firstName[i])])
            #expect(attributes["segment"] as? String == population.segment[i].rawValue)
            #expect(
                ["web_form", "checkout", "keyword", "import", "none"].contains(attributes["consent_source"] as? String)
            )
            if let cart = attributes["cart"] as? [String: Any] {
                sawCart = true
                let items = try #require(cart["items"] as? [[String: Any]])
                let total = items.reduce(0) { $0 + ($1["price"] as! Int) * ($1["quantity"] as! Int) }
                #expect(cart["total"] as? Int == total)
                #expect(cart["item_count"] as? Int == items.reduce(0) { $0 + ($1["quantity"] as! Int) })
                #expect(cart["id"] as? String == CustomerAttributesWriter.cartID(i))
                #expect(
                    cart["checkout_url"] as? String == "https://shop.example.com/checkout/"
                        + CustomerAttributesWriter.cartID(i)
                )
                for item in items {
                    let product = try #require(products.first { $0.name == item["name"] as? String })
                    #expect(item["price"] as? Int == Int(product.priceCents))
                    let sizes = Fixtures.defaultSpec.catalog.categories[product.categoryIndex].sizes
                    if let size = item["size"] as? String {
                        #expect(sizes.contains(size))
                    } else {
                        #expect(sizes.isEmpty)
                    }
                }
            } else {
                #expect(population.cartTotalCents[i] == 0)
            }
            if let order = attributes["last_order"] as? [String: Any] {
                sawOrder = true
                #expect(
                    order["id"] as? String == CustomerAttributesWriter.orderID(i, orders: Int(population.orders[i]))
                )
                #expect(order["days_ago"] as? Int == Int(population.lastOrderDaysAgo[i]))
                #expect(
                    (order["total"] as? Int ?? 0)
                        >= Int(products.first { $0.name == order["product"] as? String }!.priceCents)
                )
            } else {
                #expect(population.orders[i] == 0)
            }
        }
        #expect(sawCart && sawOrder)
    }

    @Test func csvHasOneWellFormedRowPerCustomer() throws {
        let population = try Fixtures.generator.generate(count: 300, seed: 3)
        let text = String(decoding: PopulationCSV.render(population), as: UTF8.self)
        let rows = Self.parseCSV(text)
        #expect(rows.first == PopulationCSV.columns)
        #expect(rows.count == 301)
        for (index, row) in rows.dropFirst().enumerated() {
            #expect(row.count == PopulationCSV.columns.count)
            #expect(row[0] == String(index))
            #expect(row[2] == population.phoneE164(index))
            let attributes = try Self.object(row.last!)
            #expect(attributes["state"] as? String == row[3])
            #expect(attributes["time_zone"] as? String == row[4])
            #expect(attributes["first_name"] as? String == row[1])
            let propensity = try #require(Double(row[13]))
            #expect(abs(propensity - Double(population.replyPropensity[index])) <= 0.00005)
        }
    }

    @Test func appointmentsReadLikeAReminder() throws {
        let spec = try PopulationSpec.load(path: Fixtures.populations + "/salon.json")
        let population = try PopulationGenerator(spec: spec).generate(count: 3_000, seed: 9)
        let writer = CustomerAttributesWriter(population: population)
        let appointments = try #require(spec.appointments)
        var booked = 0
        for i in 0..<population.count {
            guard let appointment = try Self.object(writer.json(i))["appointment"] as? [String: Any] else { continue }
            booked += 1
            let date = try #require(appointment["date"] as? String)
            let time = try #require(appointment["time"] as? String)
            let day = Int(population.appointmentDay[i])
            #expect(appointments.daysAhead.min <= day && day <= appointments.daysAhead.max)
            #expect(date == spec.asOf.adding(days: day).shortText)
            let minute = Int(population.appointmentMinute[i])
            #expect(minute >= appointments.openingHour * 60 && minute < appointments.closingHour * 60)
            #expect(minute % appointments.slotMinutes == 0)
            #expect(time.hasSuffix(" AM") || time.hasSuffix(" PM"))
            #expect(appointments.services.contains { $0.name == appointment["service"] as? String })
        }
        PopulationDistributionTests.expectShare(booked, of: population.count, near: appointments.share, "booked")
    }

    @Test func leadsCarryCompanyAndInterest() throws {
        var object = Fixtures.defaultSpecObject()
        object["leads"] = [
            "share": 0.5, "companies": ["Bluebird Dental", "Cedar Logistics"],
            "interests": ["demo": 2, "pricing": 1],
        ]
        let population = try PopulationGenerator(spec: try Fixtures.parse(object)).generate(count: 400, seed: 1)
        let writer = CustomerAttributesWriter(population: population)
        let leads = try (0..<400).compactMap { try Self.object(writer.json($0))["lead"] as? [String: String] }
        #expect(leads.count > 150 && leads.count < 250)
        for lead in leads {
            #expect(["Bluebird Dental", "Cedar Logistics"].contains(lead["company"]))
            #expect(["demo", "pricing"].contains(lead["interest"]))
        }
    }

    /// A small RFC 4180 reader for checking our own output.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" {
                        field.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                row.append(field)
                field = ""
            } else if character == "\n" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.append(character)
            }
        }
        return rows
    }
}
