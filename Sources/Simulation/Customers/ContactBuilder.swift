import JSONDocument
import Population

/// Customer i's attributes as the `JSONValue` a flow session's contact holds, built straight from the population's
/// columns: the same object `CustomerAttributesWriter.json(i)` prints (keys in its order, money as whole cents),
/// without printing and re-parsing it, which was a fifth of a run's time. `ContactBuilderTests` pins the two equal.
/// A class because every shard shares the world's one: calling a struct of fifteen tables copied it, a retain and
/// a release per table on each customer.
final class ContactBuilder: Sendable {
    let population: Population
    let firstNames: [JSONValue]
    let states: [JSONValue]
    let timeZones: [JSONValue]
    let segments: [JSONValue]
    let consentSources: [JSONValue]
    let productNames: [JSONValue]
    let productCategories: [JSONValue]
    let productPrices: [JSONValue]
    let productSizes: [[JSONValue]]
    let checkoutPrefix: String
    let services: [JSONValue]
    let appointmentDates: [JSONValue]
    let appointmentFirstDay: Int
    let companies: [JSONValue]
    let interests: [JSONValue]

    init(population: Population) {
        self.population = population
        let spec = population.spec
        firstNames = population.firstNameTable.map { .string($0) }
        states = population.stateTable.map { .string($0) }
        timeZones = population.timeZoneTable.map { .string($0) }
        segments = CustomerSegment.allCases.map { .string($0.rawValue) }
        consentSources = spec.consentSources.map { .string($0.source.rawValue) }
        productNames = spec.catalog.products.map { .string($0.name) }
        productCategories = spec.catalog.products.map { .string(spec.catalog.categories[$0.categoryIndex].name) }
        productPrices = spec.catalog.products.map { .number(Double($0.priceCents)) }
        productSizes = spec.catalog.products.map { product in
            spec.catalog.categories[product.categoryIndex].sizes.map { .string($0) }
        }
        checkoutPrefix = spec.storeURL + "/checkout/"
        services = spec.appointments?.services.map { .string($0.name) } ?? []
        let days = spec.appointments?.daysAhead ?? DayRange(min: 0, max: 0)
        appointmentFirstDay = days.min
        appointmentDates = (days.min...days.max).map { .string(spec.asOf.adding(days: $0).shortText) }
        companies = spec.leads?.companies.map { .string($0) } ?? []
        interests = spec.leads?.interests.map { .string($0.name) } ?? []
    }

    /// - Complexity: O(cart lines).
    func contact(_ i: Int) -> JSONValue {
        let p = population
        var members: [(key: String, value: JSONValue)] = []
        members.reserveCapacity(9)
        if p.appointmentService[i] != Population.none {
            members.append(
                (
                    "appointment",
                    .object([
                        ("date", appointmentDates[Int(p.appointmentDay[i]) - appointmentFirstDay]),
                        ("service", services[Int(p.appointmentService[i])]),
                        ("time", .string(LocalClock.twelveHour(minutesAfterMidnight: Int(p.appointmentMinute[i])))),
                    ])
                )
            )
        }
        let lines = p.cartLines(i)
        if !lines.isEmpty {
            let cartID = CustomerAttributesWriter.cartID(i)
            var units: Int64 = 0
            var items: [JSONValue] = []
            items.reserveCapacity(lines.count)
            for line in lines {
                units += Int64(p.cartLineQuantity[line])
                let product = Int(p.cartLineProduct[line])
                var item: [(key: String, value: JSONValue)] = [
                    ("category", productCategories[product]), ("name", productNames[product]),
                    ("price", productPrices[product]), ("quantity", .number(Double(p.cartLineQuantity[line]))),
                ]
                if p.cartLineSize[line] != Population.none {
                    item.append(("size", productSizes[product][Int(p.cartLineSize[line])]))
                }
                items.append(.object(item))
            }
            members.append(
                (
                    "cart",
                    .object([
                        ("checkout_url", .string(checkoutPrefix + cartID)), ("id", .string(cartID)),
                        ("item_count", .number(Double(units))), ("items", .array(items)),
                        ("total", .number(Double(p.cartTotalCents[i]))),
                    ])
                )
            )
        }
        members.append(
            (
                "consent_source",
                p.consentSource[i] == Population.none ? .string("none") : consentSources[Int(p.consentSource[i])]
            )
        )
        members.append(("first_name", firstNames[Int(p.firstName[i])]))
        if p.orders[i] > 0 {
            let product = Int(p.lastOrderProduct[i])
            members.append(
                (
                    "last_order",
                    .object([
                        ("category", productCategories[product]),
                        ("days_ago", .number(Double(p.lastOrderDaysAgo[i]))),
                        ("id", .string(CustomerAttributesWriter.orderID(i, orders: Int(p.orders[i])))),
                        ("product", productNames[product]),
                        ("total", .number(Double(p.lastOrderTotalCents[i]))),
                    ])
                )
            )
        }
        if p.leadCompany[i] >= 0 {
            members.append(
                (
                    "lead",
                    .object([
                        ("company", companies[Int(p.leadCompany[i])]), ("interest", interests[Int(p.leadInterest[i])]),
                    ])
                )
            )
        }
        members.append(("segment", segments[p.segment[i].position]))
        members.append(("state", states[Int(p.state[i])]))
        members.append(("time_zone", timeZones[Int(p.timeZone[i])]))
        return .object(members)
    }
}
