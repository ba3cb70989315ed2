import Foundation
import JSONDocument
import Messaging

/// Who is on the SMS list: the mix of segments, states, consent, carts, purchase history and engagement that
/// the generator draws customers from. Documented in `datasets/populations/README.md`.
public struct PopulationSpec: Sendable {
    /// How one lifecycle segment behaves.
    public struct Segment: Sendable {
        public var segment: CustomerSegment
        /// Share of the list in this segment.
        public var share: Double
        /// Days since the customer subscribed (and gave consent): the window purchases can fall in.
        public var tenureDays: DayRange
        /// Mean orders per year; each customer's own rate is Gamma(shape, mean / shape) (NBD heterogeneity).
        public var ordersPerYear: Double
        /// Gamma shape of the purchase rate across customers: small is very uneven.
        public var purchaseRateShape: Double
        /// Orders at least this many (VIPs have a history by definition).
        public var minimumOrders: Int
        /// How long ago the last order was, for customers with orders.
        public var lastOrderDaysAgo: DayRange
        /// Share with an abandoned cart right now.
        public var cartShare: Double
        /// Mean chance of replying to a campaign text; each customer's own is Beta(mean, concentration).
        public var replyRate: Double
        /// Beta concentration (α + β) of the reply chance across customers: small is very uneven.
        public var replyRateConcentration: Double
    }

    /// How many items a basket holds and how often an item is bought twice.
    public struct Basket: Sendable {
        /// Items beyond the first: Poisson with this mean.
        public var extraItemsMean: Double
        /// Chance that a line has quantity 2 instead of 1.
        public var secondUnitShare: Double
        /// Upper bound on distinct items.
        public var maximumItems: Int
    }

    /// Upcoming appointments, for service brands (salons, clinics) whose flows send reminders.
    public struct Appointments: Sendable {
        public var share: Double
        public var services: [(name: String, weight: Double)]
        /// Days after `asOf` the appointment falls on.
        public var daysAhead: DayRange
        public var openingHour: Int
        public var closingHour: Int
        public var slotMinutes: Int
    }

    /// Business leads, for B2B lead-qualification flows.
    public struct Leads: Sendable {
        public var share: Double
        public var companies: [String]
        public var interests: [(name: String, weight: Double)]
    }

    /// The file the spec was read from, named in errors found after parsing.
    public var sourceFile: String
    public var name: String
    public var description: String
    /// How many customers to generate when the command line does not say (`--count` wins).
    public var size: Int?
    /// The day the list is observed; "days ago" and appointment dates count from it.
    public var asOf: CivilDate
    /// Checkout links are `storeURL/checkout/<cart id>`.
    public var storeURL: String
    public var segments: [Segment]
    /// State postal code → weight (e.g. resident population), in postal-code order.
    public var states: [(code: String, weight: Double)]
    /// For area codes that span several time zones: how their customers split across them, in area-code order.
    /// Area codes not listed split evenly.
    public var timeZoneSplits: [(areaCode: Int, zones: [(name: String, weight: Double)])]
    public var femaleShare: Double
    /// Share of customers with no marketing consent on record (transactional texts only).
    public var noConsentShare: Double
    /// How consent was given, among customers who gave it.
    public var consentSources: [(source: ConsentSource, weight: Double)]
    public var cart: Basket
    public var lastOrder: Basket
    public var questions: [(topic: QuestionTopic, weight: Double)]
    public var appointments: Appointments?
    public var leads: Leads?
    public var catalog: Catalog
    public var firstNames: FirstNames

    /// Reads the spec at `path`; `catalog` and `first_names` paths inside it are relative to the spec's folder.
    public static func load(path: String) throws(PopulationError) -> PopulationSpec {
        let url = URL(fileURLWithPath: path)
        return try parse(SpecReader.load(url, file: path), baseDirectory: url.deletingLastPathComponent().path)
    }

    /// Parses spec JSON held in memory; `file` names it in errors.
    public static func parse(data: Data, file: String, baseDirectory: String) throws(PopulationError) -> PopulationSpec
    {
        try parse(SpecReader.parse(data, file: file), baseDirectory: baseDirectory)
    }

    static func parse(_ root: SpecReader, baseDirectory: String) throws(PopulationError) -> PopulationSpec {
        let object = try root.requireObject(allowed: [
            "name", "description", "size", "as_of", "store_url", "catalog", "first_names", "female_share", "segments",
            "states", "time_zone_splits", "consent", "cart", "last_order", "questions", "appointments", "leads",
        ])
        let asOfNode = try object.required("as_of")
        guard let asOf = CivilDate(iso: try asOfNode.string()) else {
            throw asOfNode.fail("expected a date as YYYY-MM-DD, got '\(try asOfNode.string())'")
        }
        func resolve(_ node: SpecReader) throws(PopulationError) -> String {
            let relative = try node.string()
            return relative.hasPrefix("/") ? relative : (baseDirectory as NSString).appendingPathComponent(relative)
        }
        let consent = try object.required("consent").requireObject(allowed: ["none_share", "sources"])
        var sources: [(source: ConsentSource, weight: Double)] = []
        for (key, node) in try consent.required("sources").members(.sorted) {
            guard let source = ConsentSource(rawValue: key) else {
                throw node.fail("unknown consent source '\(key)'; expected web_form, checkout, keyword or import")
            }
            sources.append((source, try node.number(in: 0...Double.greatestFiniteMagnitude)))
        }
        try requirePositiveTotal(sources.map(\.weight), try consent.required("sources"))
        var questions: [(topic: QuestionTopic, weight: Double)] = []
        let questionsNode = try object.required("questions")
        for (key, node) in try questionsNode.members(.sorted) {
            guard let topic = QuestionTopic(rawValue: key) else {
                let known = QuestionTopic.allCases.map(\.rawValue).joined(separator: ", ")
                throw node.fail("unknown question topic '\(key)'; expected one of \(known)")
            }
            questions.append((topic, try node.number(in: 0...Double.greatestFiniteMagnitude)))
        }
        try requirePositiveTotal(questions.map(\.weight), questionsNode)

        return PopulationSpec(
            sourceFile: root.file,
            name: try object.required("name").string(),
            description: try object.child("description")?.string() ?? "",
            size: try object.child("size")?.integer(in: 0...50_000_000),
            asOf: asOf,
            storeURL: try object.required("store_url").string(),
            segments: try parseSegments(try object.required("segments")),
            states: try parseStates(try object.required("states")),
            timeZoneSplits: try object.child("time_zone_splits").map(parseTimeZoneSplits) ?? [],
            femaleShare: try object.required("female_share").fraction(),
            noConsentShare: try consent.required("none_share").fraction(),
            consentSources: sources,
            cart: try parseBasket(try object.required("cart")),
            lastOrder: try parseBasket(try object.required("last_order")),
            questions: questions,
            appointments: try object.child("appointments").map(parseAppointments),
            leads: try object.child("leads").map(parseLeads),
            catalog: try Catalog.load(path: resolve(try object.required("catalog"))),
            firstNames: try FirstNames.load(path: resolve(try object.required("first_names")))
        )
    }

    private static func parseSegments(_ node: SpecReader) throws(PopulationError) -> [Segment] {
        var segments: [Segment] = []
        for entry in try node.array() {
            let fields = try entry.requireObject(allowed: [
                "name", "share", "tenure_days", "orders_per_year", "purchase_rate_shape", "minimum_orders",
                "last_order_days_ago", "cart_share", "reply_rate", "reply_rate_concentration",
            ])
            let nameNode = try fields.required("name")
            guard let segment = CustomerSegment(rawValue: try nameNode.string()) else {
                throw nameNode.fail("unknown segment '\(try nameNode.string())'; expected new, active, lapsed or vip")
            }
            if segments.contains(where: { $0.segment == segment }) {
                throw nameNode.fail("segment '\(segment.rawValue)' is listed twice")
            }
            let tenure = try parseDays(try fields.required("tenure_days"))
            let lastOrderNode = try fields.required("last_order_days_ago")
            let lastOrder = try parseDays(lastOrderNode)
            if lastOrder.min > tenure.max {
                throw lastOrderNode.fail(
                    "min \(lastOrder.min) is beyond tenure_days.max \(tenure.max): no order could fit"
                )
            }
            let replyNode = try fields.required("reply_rate")
            let reply = try replyNode.fraction()
            if reply <= 0 || reply >= 1 { throw replyNode.fail("must be strictly between 0 and 1, got \(reply)") }
            segments.append(
                Segment(
                    segment: segment,
                    share: try fields.required("share").fraction(),
                    tenureDays: tenure,
                    ordersPerYear: try fields.required("orders_per_year").number(in: 0...1_000),
                    purchaseRateShape: try fields.required("purchase_rate_shape").positive(),
                    minimumOrders: try fields.required("minimum_orders").integer(in: 0...1_000),
                    lastOrderDaysAgo: lastOrder,
                    cartShare: try fields.required("cart_share").fraction(),
                    replyRate: reply,
                    replyRateConcentration: try fields.required("reply_rate_concentration").positive()
                )
            )
        }
        if segments.isEmpty { throw node.fail("must list at least one segment") }
        let total = segments.reduce(0) { $0 + $1.share }
        if abs(total - 1) > 1e-6 {
            throw node.fail("segment shares must add up to 1, got \(JSONValue.format((total * 1e6).rounded() / 1e6))")
        }
        return segments
    }

    private static func parseStates(_ node: SpecReader) throws(PopulationError) -> [(code: String, weight: Double)] {
        let fields = try node.requireObject(allowed: ["source", "weights"])
        let weightsNode = try fields.required("weights")
        var states: [(code: String, weight: Double)] = []
        for (code, weight) in try weightsNode.members(.sorted) {
            guard code.count == 2, code.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
                throw weight.fail("expected a two-letter postal code such as CA, got '\(code)'")
            }
            states.append((code, try weight.number(in: 0...Double.greatestFiniteMagnitude)))
        }
        try requirePositiveTotal(states.map(\.weight), weightsNode)
        return states
    }

    private static func parseTimeZoneSplits(
        _ node: SpecReader
    ) throws(PopulationError) -> [(areaCode: Int, zones: [(name: String, weight: Double)])] {
        var splits: [(areaCode: Int, zones: [(name: String, weight: Double)])] = []
        for (key, zones) in try node.members(.sorted) {
            guard key.count == 3, let areaCode = Int(key), areaCode >= 200 else {
                throw zones.fail("expected a three-digit area code such as 907, got '\(key)'")
            }
            splits.append((areaCode, try parseWeights(zones)))
        }
        return splits
    }

    private static func parseBasket(_ node: SpecReader) throws(PopulationError) -> Basket {
        let fields = try node.requireObject(allowed: ["extra_items_mean", "second_unit_share", "maximum_items"])
        return Basket(
            extraItemsMean: try fields.required("extra_items_mean").number(in: 0...50),
            secondUnitShare: try fields.required("second_unit_share").fraction(),
            maximumItems: try fields.required("maximum_items").integer(in: 1...50)
        )
    }

    private static func parseDays(_ node: SpecReader) throws(PopulationError) -> DayRange {
        let fields = try node.requireObject(allowed: ["min", "max"])
        let low = try fields.required("min").integer(in: 0...36_500)
        let highNode = try fields.required("max")
        let high = try highNode.integer(in: 0...36_500)
        if high < low { throw highNode.fail("must be at least min (\(low)), got \(high)") }
        return DayRange(min: low, max: high)
    }

    private static func parseWeights(_ node: SpecReader) throws(PopulationError) -> [(name: String, weight: Double)] {
        var weights: [(name: String, weight: Double)] = []
        for (key, value) in try node.members(.sorted) {
            weights.append((key, try value.number(in: 0...Double.greatestFiniteMagnitude)))
        }
        try requirePositiveTotal(weights.map(\.weight), node)
        return weights
    }

    private static func parseAppointments(_ node: SpecReader) throws(PopulationError) -> Appointments {
        let fields = try node.requireObject(allowed: [
            "share", "services", "days_ahead", "opening_hour", "closing_hour", "slot_minutes",
        ])
        let opening = try fields.required("opening_hour").integer(in: 0...23)
        let closingNode = try fields.required("closing_hour")
        let closing = try closingNode.integer(in: 1...24)
        if closing <= opening { throw closingNode.fail("must be after opening_hour (\(opening)), got \(closing)") }
        return Appointments(
            share: try fields.required("share").fraction(),
            services: try parseWeights(try fields.required("services")),
            daysAhead: try parseDays(try fields.required("days_ahead")),
            openingHour: opening,
            closingHour: closing,
            slotMinutes: try fields.required("slot_minutes").integer(in: 5...240)
        )
    }

    private static func parseLeads(_ node: SpecReader) throws(PopulationError) -> Leads {
        let fields = try node.requireObject(allowed: ["share", "companies", "interests"])
        let companiesNode = try fields.required("companies")
        var companies: [String] = []
        for company in try companiesNode.array() { companies.append(try company.string()) }
        if companies.isEmpty { throw companiesNode.fail("must list at least one company") }
        return Leads(
            share: try fields.required("share").fraction(),
            companies: companies,
            interests: try parseWeights(try fields.required("interests"))
        )
    }

    private static func requirePositiveTotal(_ weights: [Double], _ node: SpecReader) throws(PopulationError) {
        if weights.isEmpty || !(weights.reduce(0, +) > 0) {
            throw node.fail("needs at least one positive weight")
        }
    }
}
