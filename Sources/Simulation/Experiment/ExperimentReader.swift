import Foundation
import JSONDocument
import Messaging

/// The shared path-tracking reader, throwing `SimulationError`.
typealias ExperimentReader = JSONReader<SimulationError>

extension JSONReaderOptions {
    /// Experiments are written by people: `"note"` documents anything, `null` means "not set".
    static let experiment = JSONReaderOptions(nullIsMissing: true, commentKeys: ["note"])
}

extension Experiment {
    /// The format tag an experiment file starts with.
    public static let format = "replylab-experiment/1"

    /// Reads the experiment at `path`, resolving its references against the file's folder.
    public static func load(path: String) throws(SimulationError) -> Experiment {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(file: path, reason: "cannot read the file (\((error as NSError).localizedDescription))")
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return try parse([UInt8](data), file: path, directory: directory)
    }

    /// Parses an experiment document; `directory` is where relative paths start.
    public static func parse(_ bytes: [UInt8], file: String, directory: String) throws(SimulationError) -> Experiment {
        let root = try ExperimentReader(parsing: bytes, file: file, options: .experiment)
        try root.requireObject(allowed: [
            "format", "name", "description", "population", "customers", "seed", "replications", "start", "replies",
            "variants", "holdout", "attribution", "agents", "world",
        ])
        let format = try root.required("format", "\"\(Self.format)\"").string()
        guard format == Self.format else { throw try root.required("format").invalid("\"\(Self.format)\"") }
        let population = try root.required("population", "the population spec and audience")
            .requireObject(allowed: ["spec", "audience"])
        let audience = try population.child("audience").map { reader throws(SimulationError) in
            try reader.suggestedChoice(Audience.allCases.map(\.rawValue))
        }
        let variants = try root.required("variants", "the arms and their flows").array()
        guard !variants.isEmpty else { throw try root.required("variants").invalid("at least one variant") }
        var arms: [Variant] = []
        for variant in variants {
            try variant.requireObject(allowed: ["name", "flow", "share"])
            let name = try variant.required("name").nonEmptyString()
            if arms.contains(where: { $0.name == name }) {
                throw try variant.required("name").invalid("a name no other variant has")
            }
            arms.append(
                Variant(
                    name: name,
                    flowPath: try variant.required("flow", "a flow file").path(relativeTo: directory),
                    share: try variant.required("share").number(in: 0...1)
                )
            )
        }
        var holdout: Holdout?
        if let reader = root.child("holdout") {
            try reader.requireObject(allowed: ["name", "share"])
            let name = try reader.child("name")?.nonEmptyString() ?? "holdout"
            if arms.contains(where: { $0.name == name }) {
                throw try reader.required("name").invalid("a name no variant has")
            }
            holdout = Holdout(name: name, share: try reader.required("share").number(in: 0...1))
        }
        let total = arms.reduce(holdout?.share ?? 0) { $0 + $1.share }
        guard abs(total - 1) < 1e-9 else {
            throw try root.required("variants").invalid(
                "shares (with the holdout's) adding up to 1",
                found: "shares adding up to \(JSONValue.format(total))"
            )
        }
        let attribution = try root.required("attribution", "the attribution window").sourced(allowed: ["window_days"])
        return Experiment(
            name: try root.required("name").nonEmptyString(),
            description: try root.child("description")?.string() ?? "",
            file: file,
            populationSpecPath: try population.required("spec", "a population spec file").path(relativeTo: directory),
            audience: audience.flatMap(Audience.init(rawValue:)) ?? .everyone,
            customers: try root.required("customers").integer(in: 1...50_000_000),
            seed: try root.child("seed")?.integer(in: 0...UInt64(1) << 53) ?? 42,
            replications: try root.child("replications")?.integer(in: 1...1_000) ?? 1,
            start: try root.required("start", "an ISO 8601 UTC time such as \"2026-12-02T14:00:00Z\"").instant(),
            repliesPath: try root.required("replies", "the reply corpus file").path(relativeTo: directory),
            variants: arms,
            holdout: holdout,
            attributionWindowDays: try attribution.required("window_days").integer(in: 1...90),
            agents: try AgentPlan(try root.required("agents", "the agent team")),
            world: try WorldParameters(try root.required("world", "the world's parameters")),
            document: root.value
        )
    }
}

extension AgentPlan {
    init(_ reader: ExperimentReader) throws(SimulationError) {
        try reader.requireObject(allowed: [
            "time_zone", "shifts", "concurrency", "service_minutes", "review_service_minutes", "discipline",
        ])
        timeZone = try reader.required("time_zone").nonEmptyString()
        guard UTCOffsetTable(zoneName: timeZone) != nil else {
            throw try reader.required("time_zone").invalid("an IANA time zone such as \"America/New_York\"")
        }
        shifts = []
        for shift in try reader.required("shifts", "when agents work").array() {
            try shift.requireObject(allowed: ["start", "end", "agents"])
            let start = try shift.required("start").clockMinute()
            let end = try shift.required("end").clockMinute()
            guard end > start else { throw try shift.required("end").invalid("a time after the shift's start") }
            shifts.append(
                Shift(startMinute: start, endMinute: end, agents: try shift.required("agents").integer(in: 0...10_000))
            )
        }
        concurrency = try reader.required("concurrency").sourcedValue().integer(in: 1...50)
        serviceMinutes = try reader.required("service_minutes").meanAndSpread(spreadRequired: true)
        reviewServiceMinutes = try reader.required("review_service_minutes").meanAndSpread(spreadRequired: true)
        let discipline = try reader.required("discipline").suggestedChoice(Discipline.allCases.map(\.rawValue))
        self.discipline = Discipline(rawValue: discipline) ?? .fifo
    }
}

extension WorldParameters {
    init(_ reader: ExperimentReader) throws(SimulationError) {
        try reader.requireObject(allowed: ["scheduler", "carrier", "customer"])
        let scheduler = try reader.required("scheduler").requireObject(allowed: [
            "abandon_spread_hours", "send_delay_minutes", "numbers", "throughput_per_number", "send_window",
        ])
        let window = try scheduler.required("send_window").sourced(allowed: ["start", "end"])
        let windowStart = try window.required("start").clockMinute()
        let windowEnd = try window.required("end").clockMinute()
        guard windowEnd > windowStart else {
            throw try window.required("end").invalid("a time after the window's start")
        }
        self.scheduler = Scheduler(
            abandonSpreadHours: try scheduler.required("abandon_spread_hours").sourcedValue().number(in: 0...720),
            sendDelayMinutes: try scheduler.required("send_delay_minutes").sourcedValue().number(in: 0...10_080),
            numbers: try scheduler.required("numbers").sourcedValue().integer(in: 1...10_000),
            throughputPerNumber: try scheduler.required("throughput_per_number").sourcedValue().positive(),
            sendWindow: SendWindow(startMinute: windowStart, endMinute: windowEnd)
        )

        let carrier = try reader.required("carrier").requireObject(allowed: ["latency_seconds", "errors"])
        let errors = try carrier.required("errors").requireObject(allowed: [
            "30003", "30005", "30006", "30007", "21610",
        ])
        func rate(_ code: String) throws(SimulationError) -> Double {
            try errors.required(code, "the rate of Twilio error \(code)").sourcedValue().number(in: 0...1)
        }
        self.carrier = Carrier(
            latencySeconds: try carrier.required("latency_seconds").meanAndSpread(spreadRequired: true),
            errors: CarrierErrors(
                unreachable: try rate("30003"),
                unknownNumber: try rate("30005"),
                landline: try rate("30006"),
                filtered: try rate("30007"),
                carrierOptOut: try rate("21610")
            )
        )
        customer = try Customer(try reader.required("customer"))
    }
}

extension WorldParameters.Customer {
    init(_ reader: ExperimentReader) throws(SimulationError) {
        try reader.requireObject(allowed: [
            "read_delay_minutes", "typing_seconds", "reply_propensity", "opening_intents", "follow_up_intents",
            "patience_minutes", "conversion", "opt_out", "review_opt_out", "agent_conversion",
        ])
        readDelayMinutes = try reader.required("read_delay_minutes").meanAndSpread(spreadRequired: true)
        typingSeconds = try reader.required("typing_seconds").meanAndSpread(spreadRequired: true)

        let propensity = try reader.required("reply_propensity").sourced(allowed: [
            "personalised", "unpersonalised", "segments", "follow_up", "local_hours",
        ])
        var segments: [String: Double] = [:]
        let segmentNames = ["new", "active", "lapsed", "vip"]
        let segmentReader = try propensity.required("segments")
        try segmentReader.requireObject(allowed: segmentNames)
        for name in segmentNames { segments[name] = try segmentReader.child(name)?.number(in: 0...100) ?? 1 }
        let followUp = try propensity.required("follow_up").array()
        guard !followUp.isEmpty else { throw try propensity.required("follow_up").invalid("at least one multiplier") }
        var hourly = [Double](repeating: 1, count: 24)
        for range in try propensity.child("local_hours")?.array() ?? [] {
            try range.requireObject(allowed: ["from", "to", "multiplier"])
            let from = try range.required("from").integer(in: 0...23)
            let to = try range.required("to").integer(in: 1...24)
            guard to > from else { throw try range.required("to").invalid("an hour after \"from\"") }
            let multiplier = try range.required("multiplier").number(in: 0...100)
            for hour in from..<to { hourly[hour] = multiplier }
        }
        var followUpMultipliers: [Double] = []
        for item in followUp { followUpMultipliers.append(try item.number(in: 0...100)) }
        replyPropensity = WorldParameters.ReplyPropensity(
            personalised: try propensity.required("personalised").number(in: 0...100),
            unpersonalised: try propensity.required("unpersonalised").number(in: 0...100),
            segments: segments,
            followUp: followUpMultipliers,
            hourly: hourly
        )
        openingIntents = try reader.required("opening_intents").intentMix()
        followUpIntents = try reader.required("follow_up_intents").intentMix()
        patienceMinutes = try reader.required("patience_minutes").meanAndSpread(spreadRequired: false)

        let conversion = try reader.required("conversion").requireObject(allowed: [
            "organic", "after_read", "after_answer", "answer_half_life_minutes", "unanswered", "order_delay_minutes",
        ])
        func probability(_ parent: ExperimentReader, _ key: String) throws(SimulationError) -> Double {
            try parent.required(key).sourcedValue().number(in: 0...1)
        }
        self.conversion = WorldParameters.Conversion(
            organic: try probability(conversion, "organic"),
            afterRead: try probability(conversion, "after_read"),
            afterAnswer: try probability(conversion, "after_answer"),
            answerHalfLifeMinutes: try conversion.required("answer_half_life_minutes").sourcedValue().positive(),
            unanswered: try probability(conversion, "unanswered"),
            orderDelayMinutes: try conversion.required("order_delay_minutes").meanAndSpread(spreadRequired: true)
        )

        let optOut = try reader.required("opt_out").requireObject(allowed: [
            "per_message", "frequency", "irrelevance", "scope", "restart", "restart_delay_hours",
        ])
        let scope = try optOut.required("scope").sourcedValue().suggestedChoice(
            WorldParameters.ConsentScopeChoice.allCases.map(\.rawValue)
        )
        self.optOut = WorldParameters.OptOut(
            perMessage: try probability(optOut, "per_message"),
            frequency: try optOut.required("frequency").sourcedValue().number(in: 0...100),
            irrelevance: try optOut.required("irrelevance").sourcedValue().number(in: 0...100),
            scope: WorldParameters.ConsentScopeChoice(rawValue: scope) ?? .all,
            restart: try probability(optOut, "restart"),
            restartDelayHours: try optOut.required("restart_delay_hours").meanAndSpread(spreadRequired: true)
        )
        reviewOptOut = try probability(reader, "review_opt_out")
        agentConversion = try probability(reader, "agent_conversion")
    }
}

extension JSONReader where Failure == SimulationError {
    /// An error at this value: what it should have been, and what was found (this value, unless said).
    func invalid(_ expected: String, found: String? = nil) -> SimulationError {
        .invalid(file: file, path: path, found: found ?? value.described, expected: expected)
    }

    /// Fails unless this object has a citation (`"source"`) or says it is a judgement call (`"assumption"`), with
    /// visible text; then checks its other keys against `allowed`.
    @discardableResult
    func sourced(allowed: [String]) throws(SimulationError) -> ExperimentReader {
        try requireObject(allowed: allowed + ["source", "assumption"])
        let source = try child("source")?.nonEmptyString()
        let assumption = try child("assumption")?.nonEmptyString()
        guard source != nil || assumption != nil else {
            throw invalid(
                "a \"source\" (a citation) or an \"assumption\" beside the value: every world parameter says where it comes from",
                found: "no \"source\" or \"assumption\""
            )
        }
        return self
    }

    /// The `"value"` of a sourced `{"value": …, "source": …}` object.
    func sourcedValue() throws(SimulationError) -> ExperimentReader {
        try sourced(allowed: ["value"]).required("value")
    }

    /// `{"mean": …, "sd": …}` (log-normal) or `{"mean": …}` (exponential), with its source.
    func meanAndSpread(spreadRequired: Bool) throws(SimulationError) -> MeanAndSpread {
        try sourced(allowed: ["mean", "sd"])
        let mean = try required("mean").positive()
        let spread = try spreadRequired ? required("sd").positive() : child("sd")?.positive()
        return MeanAndSpread(mean: mean, standardDeviation: spread)
    }

    /// A positive number.
    func positive() throws(SimulationError) -> Double {
        let number = try number()
        guard number > 0 else { throw invalid("a positive number") }
        return number
    }

    /// One of `choices`, naming the closest one when the author misspelt it.
    func suggestedChoice(_ choices: [String]) throws(SimulationError) -> String {
        let text = try string()
        guard choices.contains(text) else {
            let list = choices.map { "\"\($0)\"" }.joined(separator: ", ")
            guard let suggestion = SpellingSuggestion.closest(to: text, among: choices) else {
                throw invalid("one of \(list)")
            }
            throw invalid("\"\(suggestion)\" (did you mean it?); one of \(list)")
        }
        return text
    }

    /// A file path, resolved against `directory` when relative.
    func path(relativeTo directory: String) throws(SimulationError) -> String {
        let text = try nonEmptyString()
        if text.hasPrefix("/") { return text }
        let resolved = URL(fileURLWithPath: directory).appendingPathComponent(text).standardizedFileURL.path
        return Self.relativeToWorkingDirectory(resolved)
    }

    /// Paths under the working directory stay relative (`datasets/flows/x.json`), so what a run records (variant
    /// flows, its configuration) and what an export writes do not depend on where the checkout lives.
    static func relativeToWorkingDirectory(_ path: String) -> String {
        let here = FileManager.default.currentDirectoryPath
        let prefix = here.hasSuffix("/") ? here : here + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// "HH:MM" as minutes after midnight; "24:00" is allowed as the end of a day.
    func clockMinute() throws(SimulationError) -> Int {
        let text = try string()
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let hour = Int(parts[0]),
            let minute = Int(parts[1]), (0...24).contains(hour), (0..<60).contains(minute), hour * 60 + minute <= 1440
        else { throw invalid("a local time \"HH:MM\" from 00:00 to 24:00") }
        return hour * 60 + minute
    }

    /// An ISO 8601 UTC time "YYYY-MM-DDTHH:MM:SSZ".
    func instant() throws(SimulationError) -> Instant {
        let text = try string()
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? { Int(String(decoding: bytes[range], as: UTF8.self)) }
        guard bytes.count == 20, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54, bytes[13] == 0x3A,
            bytes[16] == 0x3A, bytes[19] == 0x5A, let year = number(0..<4), let month = number(5..<7),
            let day = number(8..<10), let hour = number(11..<13), let minute = number(14..<16),
            let second = number(17..<19), (1970...2200).contains(year), (1...12).contains(month),
            (1...31).contains(day), hour < 24, minute < 60, second < 60
        else { throw invalid("an ISO 8601 UTC time such as \"2026-12-02T14:00:00Z\"") }
        return Instant(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }

    /// An intent mix: weights for the mixable intents and `own_topic`, with its source.
    func intentMix() throws(SimulationError) -> WorldParameters.IntentMix {
        try sourced(allowed: ReplyIntent.mixable + ["own_topic"])
        var weights: [ReplyIntent: Double] = [:]
        var question = 0.0
        var total = 0.0
        for name in ReplyIntent.mixable {
            guard let weight = try child(name)?.number(in: 0...1_000_000) else { continue }
            total += weight
            if name == "question" {
                question = weight
            } else if let intent = ReplyIntent(rawValue: name) {
                weights[intent] = weight
            }
        }
        guard total > 0 else { throw invalid("at least one intent with a positive weight") }
        return WorldParameters.IntentMix(
            weights: weights,
            question: question,
            ownTopic: try child("own_topic")?.number(in: 0...1) ?? 0
        )
    }
}
