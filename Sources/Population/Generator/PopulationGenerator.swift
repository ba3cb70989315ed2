import Messaging
import Sampling

/// Draws customers from a population spec, each from its own counter-based random streams, so customer i is the
/// same whatever the population size, and the same seed gives the same population bit for bit.
///
/// Per customer, in this order and each from its own purpose stream: segment → state, area code, time zone →
/// first name → consent → purchase history (rate λ ~ Gamma, orders ~ Poisson(λ·tenure), last order basket) →
/// abandoned cart → reply propensity and question topic → appointment → lead. Phones come from
/// `FictionalPhoneBook` in customer order, so they too depend only on customers 0…i.
public struct PopulationGenerator: Sendable {
    public let spec: PopulationSpec
    let geography: Geography
    let segmentTable: AliasTable
    let purchaseRates: [Gamma?]
    let replyRates: [Beta]
    let femaleNames: AliasTable
    let maleNames: AliasTable
    let firstNameTable: [String]
    let consentTable: AliasTable
    let productTable: AliasTable
    /// Catalog prices and category indexes as flat arrays, so the basket loop copies no `Product` (and its Strings).
    let productPrices: [Int64]
    let productCategories: [Int]
    /// One size table per category, nil for unsized categories.
    let sizeTables: [AliasTable?]
    let questionTable: AliasTable
    let serviceTable: AliasTable?
    let interestTable: AliasTable?

    /// The stream purposes, fixed names: renaming one changes every population generated with it.
    enum Purpose {
        static let segment = StreamPurpose("population.segment")
        static let geography = StreamPurpose("population.geography")
        static let name = StreamPurpose("population.first-name")
        static let consent = StreamPurpose("population.consent")
        static let history = StreamPurpose("population.purchase-history")
        static let cart = StreamPurpose("population.cart")
        static let engagement = StreamPurpose("population.engagement")
        static let appointment = StreamPurpose("population.appointment")
        static let lead = StreamPurpose("population.lead")
    }

    /// Prepares the lookup and alias tables once; errors name the spec file and JSON path.
    public init(spec: PopulationSpec, directory: AreaCodeDirectory = .nanp) throws(PopulationError) {
        self.spec = spec
        geography = try Geography(spec: spec, directory: directory)
        let file = spec.sourceFile
        func table(_ weights: [Double], _ path: String) throws(PopulationError) -> AliasTable {
            do { return try AliasTable(weights: weights) } catch {
                throw PopulationError.invalid(file: file, path: path, reason: error.description)
            }
        }
        segmentTable = try table(spec.segments.map(\.share), "$.segments")
        var purchaseRates: [Gamma?] = []
        var replyRates: [Beta] = []
        for (index, segment) in spec.segments.enumerated() {
            do {
                purchaseRates.append(
                    segment.ordersPerYear > 0
                        ? try Gamma(
                            shape: segment.purchaseRateShape,
                            scale: segment.ordersPerYear / segment.purchaseRateShape
                        )
                        : nil
                )
                replyRates.append(try Beta(mean: segment.replyRate, concentration: segment.replyRateConcentration))
            } catch {
                throw PopulationError.invalid(file: file, path: "$.segments[\(index)]", reason: error.description)
            }
        }
        self.purchaseRates = purchaseRates
        self.replyRates = replyRates
        femaleNames = try table(spec.firstNames.female.map(\.weight), "$.first_names")
        maleNames = try table(spec.firstNames.male.map(\.weight), "$.first_names")
        firstNameTable = spec.firstNames.female.map(\.name) + spec.firstNames.male.map(\.name)
        consentTable = try table(spec.consentSources.map(\.weight), "$.consent.sources")
        productTable = try table(spec.catalog.products.map(\.popularity), "$.catalog")
        productPrices = spec.catalog.products.map(\.priceCents)
        productCategories = spec.catalog.products.map(\.categoryIndex)
        var sizeTables: [AliasTable?] = []
        for category in spec.catalog.categories {
            sizeTables.append(
                category.sizes.isEmpty ? nil : try table(Self.binomialWeights(category.sizes.count), "$.catalog")
            )
        }
        self.sizeTables = sizeTables
        questionTable = try table(spec.questions.map(\.weight), "$.questions")
        serviceTable = try spec.appointments.map { appointments throws(PopulationError) in
            try table(appointments.services.map(\.weight), "$.appointments.services")
        }
        interestTable = try spec.leads.map { leads throws(PopulationError) in
            try table(leads.interests.map(\.weight), "$.leads.interests")
        }
        for (index, codes) in geography.areaCodesByState.enumerated() {
            for code in codes where geography.zonesByAreaCode[Int(code)].isEmpty {
                throw PopulationError.invalid(
                    file: file,
                    path: "$.states.weights.\(spec.states[index].code)",
                    reason: "area code \(code) has no time zone in the area-code directory"
                )
            }
        }
    }

    /// Size mix within a category: binomial weights C(n−1, k), most customers in the middle sizes (assumption).
    static func binomialWeights(_ n: Int) -> [Double] {
        var weights = [Double](repeating: 1, count: n)
        for k in 1..<max(n, 1) { weights[k] = weights[k - 1] * Double(n - k) / Double(k) }
        return weights
    }

    /// Generates customers 0..<count.
    /// - Complexity: O(count); about 40 draws per customer.
    public func generate(count: Int, seed: UInt64) throws(PopulationError) -> Population {
        guard count >= 0 else { throw PopulationError.cannotGenerate(reason: "count must be 0 or more, got \(count)") }
        var population = Population(
            seed: seed,
            spec: spec,
            firstNameTable: firstNameTable,
            geography: geography
        )
        population.reserve(count)
        let streams = (
            segment: RandomStreams(seed: seed, purpose: Purpose.segment),
            geography: RandomStreams(seed: seed, purpose: Purpose.geography),
            name: RandomStreams(seed: seed, purpose: Purpose.name),
            consent: RandomStreams(seed: seed, purpose: Purpose.consent),
            history: RandomStreams(seed: seed, purpose: Purpose.history),
            cart: RandomStreams(seed: seed, purpose: Purpose.cart),
            engagement: RandomStreams(seed: seed, purpose: Purpose.engagement),
            appointment: RandomStreams(seed: seed, purpose: Purpose.appointment),
            lead: RandomStreams(seed: seed, purpose: Purpose.lead)
        )
        var phoneBook = FictionalPhoneBook()
        var scratch: [BasketLine] = []
        scratch.reserveCapacity(max(spec.cart.maximumItems, spec.lastOrder.maximumItems))
        let femaleCount = spec.firstNames.female.count

        for i in 0..<count {
            var draws = streams.segment.stream(customer: i)
            let segmentIndex = segmentTable.sample(&draws)
            let segment = spec.segments[segmentIndex]
            population.segment.append(segment.segment)

            draws = streams.geography.stream(customer: i)
            let stateIndex = geography.stateTable.sample(&draws)
            let codes = geography.areaCodesByState[stateIndex]
            let areaCode = codes[codes.count == 1 ? 0 : draws.nextIndex(codes.count)]
            let zones = geography.zonesByAreaCode[Int(areaCode)]
            population.state.append(UInt8(stateIndex))
            population.areaCode.append(areaCode)
            population.timeZone.append(zones[geography.zoneSplits[Int(areaCode)]?.sample(&draws) ?? 0])
            guard let phone = phoneBook.next(in: Int(areaCode)) else {
                throw PopulationError.cannotGenerate(
                    reason: "area code \(areaCode) has no fictional numbers left after "
                        + "\(FictionalPhoneBook.capacityPerAreaCode) customers; generate fewer customers"
                )
            }
            population.exchange.append(phone.exchange)
            population.line.append(phone.line)

            draws = streams.name.stream(customer: i)
            let female = draws.nextBernoulli(spec.femaleShare)
            let name = female ? femaleNames.sample(&draws) : femaleCount + maleNames.sample(&draws)
            population.firstName.append(UInt16(name))

            draws = streams.consent.stream(customer: i)
            let withoutConsent = draws.nextBernoulli(spec.noConsentShare)
            let source = consentTable.sample(&draws)
            population.consentSource.append(withoutConsent ? Population.none : UInt8(source))
            let tenure = Self.uniform(segment.tenureDays, &draws)
            population.tenureDays.append(Int32(tenure))

            draws = streams.history.stream(customer: i)
            let rate = purchaseRates[segmentIndex]?.sample(&draws) ?? 0
            let expected = min(rate * Double(tenure) / 365, 1e6)
            let orders = max(segment.minimumOrders, Poisson.sample(mean: expected, &draws))
            population.orders.append(Int32(orders))
            if orders > 0 {
                let window = DayRange(
                    min: min(segment.lastOrderDaysAgo.min, tenure),
                    max: min(segment.lastOrderDaysAgo.max, tenure)
                )
                population.lastOrderDaysAgo.append(Int32(Self.uniform(window, &draws)))
                let basket = drawBasket(spec.lastOrder, &draws, into: &scratch)
                population.lastOrderProduct.append(basket.headline)
                population.lastOrderTotalCents.append(basket.total)
            } else {
                population.lastOrderDaysAgo.append(-1)
                population.lastOrderProduct.append(0)
                population.lastOrderTotalCents.append(0)
            }

            draws = streams.cart.stream(customer: i)
            if draws.nextBernoulli(segment.cartShare) {
                let basket = drawBasket(spec.cart, &draws, into: &scratch)
                for line in scratch {
                    population.cartLineProduct.append(line.product)
                    population.cartLineQuantity.append(line.quantity)
                    population.cartLineSize.append(line.size)
                }
                population.cartTotalCents.append(basket.total)
            } else {
                population.cartTotalCents.append(0)
            }
            population.cartStart.append(Int32(population.cartLineProduct.count))

            draws = streams.engagement.stream(customer: i)
            population.replyPropensity.append(Float(replyRates[segmentIndex].sample(&draws)))
            population.question.append(spec.questions[questionTable.sample(&draws)].topic)

            if let appointments = spec.appointments, let serviceTable {
                draws = streams.appointment.stream(customer: i)
                if draws.nextBernoulli(appointments.share) {
                    population.appointmentService.append(UInt8(serviceTable.sample(&draws)))
                    population.appointmentDay.append(Int16(Self.uniform(appointments.daysAhead, &draws)))
                    let slots = (appointments.closingHour - appointments.openingHour) * 60 / appointments.slotMinutes
                    let slot = draws.nextIndex(max(slots, 1))
                    population.appointmentMinute.append(
                        Int16(appointments.openingHour * 60 + slot * appointments.slotMinutes)
                    )
                } else {
                    population.appointmentService.append(Population.none)
                    population.appointmentDay.append(0)
                    population.appointmentMinute.append(0)
                }
            } else {
                population.appointmentService.append(Population.none)
                population.appointmentDay.append(0)
                population.appointmentMinute.append(0)
            }

            if let leads = spec.leads, let interestTable {
                draws = streams.lead.stream(customer: i)
                if draws.nextBernoulli(leads.share) {
                    population.leadCompany.append(Int32(draws.nextIndex(leads.companies.count)))
                    population.leadInterest.append(UInt8(interestTable.sample(&draws)))
                } else {
                    population.leadCompany.append(-1)
                    population.leadInterest.append(Population.none)
                }
            } else {
                population.leadCompany.append(-1)
                population.leadInterest.append(Population.none)
            }
        }
        return population
    }

    /// One line of a basket.
    struct BasketLine {
        var product: UInt16
        var quantity: UInt8
        var size: UInt8
    }

    /// 1 + Poisson(extra) distinct products by popularity (a repeat draw is dropped), sizes, quantities, total, and
    /// the headline product a text would name (the line with the largest amount, the first on ties).
    /// The lines go into `lines` (emptied first), reused across customers so a million baskets allocate nothing.
    private func drawBasket(
        _ basket: PopulationSpec.Basket,
        _ draws: inout CustomerStream,
        into lines: inout [BasketLine]
    ) -> (total: Int64, headline: UInt16) {
        let wanted = 1 + min(basket.maximumItems - 1, Poisson.sample(mean: basket.extraItemsMean, &draws))
        lines.removeAll(keepingCapacity: true)
        var total: Int64 = 0
        var headline: (product: UInt16, amount: Int64) = (0, -1)
        for _ in 0..<wanted {
            let productIndex = productTable.sample(&draws)
            let quantity: UInt8 = draws.nextBernoulli(basket.secondUnitShare) ? 2 : 1
            let size = sizeTables[productCategories[productIndex]].map { UInt8($0.sample(&draws)) } ?? Population.none
            if lines.contains(where: { $0.product == UInt16(productIndex) }) { continue }
            lines.append(BasketLine(product: UInt16(productIndex), quantity: quantity, size: size))
            let amount = productPrices[productIndex] * Int64(quantity)
            total += amount
            if amount > headline.amount { headline = (UInt16(productIndex), amount) }
        }
        return (total, headline.product)
    }

    /// A whole number uniform in the inclusive range.
    static func uniform(_ range: DayRange, _ draws: inout CustomerStream) -> Int {
        range.min + (range.max > range.min ? draws.nextIndex(range.max - range.min + 1) : 0)
    }
}
