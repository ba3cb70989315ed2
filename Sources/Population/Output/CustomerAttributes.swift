/// Writes one customer's attributes JSON object, the shape flow templates read (`{{first_name}}`,
/// `{{cart.items.0.name}}`, `{{cart.total | money}}`); see "Customer attributes contract" in the brief and
/// `datasets/populations/README.md`. Keys are written in sorted order, money as integer cents; `cart`,
/// `last_order`, `appointment` and `lead` are absent when the customer has none.
///
/// Every text is turned into UTF-8 once here, so writing a million objects builds no Strings. A class, so that
/// threads sharing one writer do not copy its dozen tables (a retain and release each) on every call.
public final class CustomerAttributesWriter: Sendable {
    let population: Population
    let firstNames: [[UInt8]]
    let states: [[UInt8]]
    let timeZones: [[UInt8]]
    let segments: [[UInt8]]
    let consentSources: [[UInt8]]
    let productNames: [[UInt8]]
    let productCategories: [[UInt8]]
    let productSizes: [[[UInt8]]]
    let checkoutPrefix: [UInt8]
    let services: [[UInt8]]
    /// "Tue, Dec 2" for each day offset from `asOf`, indexed by offset − minimum.
    let appointmentDates: [[UInt8]]
    let appointmentFirstDay: Int
    let companies: [[UInt8]]
    let interests: [[UInt8]]

    public init(population: Population) {
        self.population = population
        let spec = population.spec
        firstNames = population.firstNameTable.map { Array($0.utf8) }
        states = population.stateTable.map { Array($0.utf8) }
        timeZones = population.timeZoneTable.map { Array($0.utf8) }
        segments = CustomerSegment.allCases.map { Array($0.rawValue.utf8) }
        consentSources = spec.consentSources.map { Array($0.source.rawValue.utf8) }
        productNames = spec.catalog.products.map { Array($0.name.utf8) }
        productCategories = spec.catalog.products.map { Array(spec.catalog.categories[$0.categoryIndex].name.utf8) }
        productSizes = spec.catalog.products.map {
            spec.catalog.categories[$0.categoryIndex].sizes.map { Array($0.utf8) }
        }
        checkoutPrefix = Array((spec.storeURL + "/checkout/").utf8)
        services = spec.appointments?.services.map { Array($0.name.utf8) } ?? []
        let days = spec.appointments?.daysAhead ?? DayRange(min: 0, max: 0)
        appointmentFirstDay = days.min
        appointmentDates = (days.min...days.max).map { Array(spec.asOf.adding(days: $0).shortText.utf8) }
        companies = spec.leads?.companies.map { Array($0.utf8) } ?? []
        interests = spec.leads?.interests.map { Array($0.name.utf8) } ?? []
    }

    /// Customer i's attributes as a JSON string.
    public func json(_ i: Int) -> String {
        var writer = ByteWriter(capacity: 512)
        write(i, into: &writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// The cart id of customer i: "C" and the customer number, unique in the population.
    public static func cartID(_ i: Int) -> String { "C" + Population.padded(i + 1, 7) }

    /// The last order's id of customer i: "O", the customer number, "-", the order count.
    public static func orderID(_ i: Int, orders: Int) -> String { "O" + Population.padded(i + 1, 7) + "-\(orders)" }

    func write(_ i: Int, into out: inout ByteWriter) {
        let p = population
        out.append(byte: UInt8(ascii: "{"))
        if p.appointmentService[i] != Population.none {
            out.append("\"appointment\":{\"date\":")
            out.appendJSONString(appointmentDates[Int(p.appointmentDay[i]) - appointmentFirstDay])
            out.append(",\"service\":")
            out.appendJSONString(services[Int(p.appointmentService[i])])
            out.append(",\"time\":")
            out.appendJSONString(Array(LocalClock.twelveHour(minutesAfterMidnight: Int(p.appointmentMinute[i])).utf8))
            out.append("},")
        }
        let lines = p.cartLines(i)
        if !lines.isEmpty {
            out.append("\"cart\":{\"checkout_url\":\"")
            out.append(checkoutPrefix)
            writeCartID(i, into: &out)
            out.append("\",\"id\":\"")
            writeCartID(i, into: &out)
            var units: Int64 = 0
            for line in lines { units += Int64(p.cartLineQuantity[line]) }
            out.append("\",\"item_count\":")
            out.append(integer: units)
            out.append(",\"items\":[")
            for line in lines {
                if line != lines.lowerBound { out.append(byte: UInt8(ascii: ",")) }
                let product = Int(p.cartLineProduct[line])
                out.append("{\"category\":")
                out.appendJSONString(productCategories[product])
                out.append(",\"name\":")
                out.appendJSONString(productNames[product])
                out.append(",\"price\":")
                out.append(integer: p.spec.catalog.products[product].priceCents)
                out.append(",\"quantity\":")
                out.append(integer: Int64(p.cartLineQuantity[line]))
                if p.cartLineSize[line] != Population.none {
                    out.append(",\"size\":")
                    out.appendJSONString(productSizes[product][Int(p.cartLineSize[line])])
                }
                out.append(byte: UInt8(ascii: "}"))
            }
            out.append("],\"total\":")
            out.append(integer: p.cartTotalCents[i])
            out.append("},")
        }
        out.append("\"consent_source\":")
        out.appendJSONString(
            p.consentSource[i] == Population.none ? Array("none".utf8) : consentSources[Int(p.consentSource[i])]
        )
        out.append(",\"first_name\":")
        out.appendJSONString(firstNames[Int(p.firstName[i])])
        if p.orders[i] > 0 {
            let product = Int(p.lastOrderProduct[i])
            out.append(",\"last_order\":{\"category\":")
            out.appendJSONString(productCategories[product])
            out.append(",\"days_ago\":")
            out.append(integer: Int64(p.lastOrderDaysAgo[i]))
            out.append(",\"id\":\"O")
            out.append(padded: i + 1, width: 7)
            out.append(byte: UInt8(ascii: "-"))
            out.append(integer: Int64(p.orders[i]))
            out.append("\",\"product\":")
            out.appendJSONString(productNames[product])
            out.append(",\"total\":")
            out.append(integer: p.lastOrderTotalCents[i])
            out.append(byte: UInt8(ascii: "}"))
        }
        if p.leadCompany[i] >= 0 {
            out.append(",\"lead\":{\"company\":")
            out.appendJSONString(companies[Int(p.leadCompany[i])])
            out.append(",\"interest\":")
            out.appendJSONString(interests[Int(p.leadInterest[i])])
            out.append(byte: UInt8(ascii: "}"))
        }
        out.append(",\"segment\":")
        out.appendJSONString(segments[Self.segmentIndex(p.segment[i])])
        out.append(",\"state\":")
        out.appendJSONString(states[Int(p.state[i])])
        out.append(",\"time_zone\":")
        out.appendJSONString(timeZones[Int(p.timeZone[i])])
        out.append(byte: UInt8(ascii: "}"))
    }

    private func writeCartID(_ i: Int, into out: inout ByteWriter) {
        out.append(byte: UInt8(ascii: "C"))
        out.append(padded: i + 1, width: 7)
    }

    static func segmentIndex(_ segment: CustomerSegment) -> Int {
        switch segment {
        case .new: return 0
        case .active: return 1
        case .lapsed: return 2
        case .vip: return 3
        }
    }
}
