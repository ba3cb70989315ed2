import Messaging

/// `replylab text phone NUMBER`: what ReplyLab makes of a phone number: E.164, mask, state, zones, and whether
/// a marketing text may reach it now or when it next may.
struct TextPhone: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "phone",
            abstract: "Normalise a phone number and show its state, time zones and quiet hours.",
            arguments: [ArgumentSpec("number", help: "A US or Canadian number, e.g. \"(415) 555-0123\".")],
            options: [
                .option("at", value: "EPOCH_MS", help: "Judge quiet hours at this UTC instant (epoch ms)."),
                .option("state", value: "XX", help: "Known state of residence; its rules apply too."),
                .flag("fictional", help: "Accept never-assigned 0XX/1XX exchanges (synthetic customers)."),
                .option("rules", value: "FILE", help: "Quiet-hours rules JSON (default: the built-in rules)."),
            ]
        )
    }

    let number: String
    let at: Instant?
    let residence: String?
    let allowFictional: Bool
    let rulesFile: String?

    init(arguments: ParsedArguments) throws {
        number = try arguments.argument("number") ?? { throw UsageError("give a phone number in quotes") }()
        if let text = arguments.value("at") {
            guard let value = Int64(text) else {
                throw UsageError("--at expects UTC epoch milliseconds such as 1768410000000, got '\(text)'")
            }
            at = Instant(epochMilliseconds: value)
        } else {
            at = nil
        }
        residence = arguments.value("state")?.uppercased()
        allowFictional = arguments.flag("fictional")
        rulesFile = arguments.value("rules")
    }

    func run(_ console: Console) throws -> Int32 {
        let phone = try PhoneNumber.parse(number, allowFictional: allowFictional)
        let recipient = RecipientCompliance(phone: phone, residenceState: residence)
        console.out("e164         \(phone.e164)")
        console.out("masked       \(phone.masked)")
        console.out("fictional    \(phone.isFictional ? "yes" : "no")")
        guard let info = AreaCodeDirectory.nanp.lookup(phone.areaCode) else {
            console.out("area code    \(phone.areaCode): not a geographic NANP area code")
            return ExitStatus.success
        }
        console.out("area code    \(info.areaCode): \(info.state), \(info.country)")
        let zones = recipient.candidateTimeZones
        let addedBy = zones.count > info.timeZones.count ? residence.map { " (with \($0))" } ?? "" : ""
        console.out("time zones   \(zones.joined(separator: ", "))\(addedBy)")
        let policy =
            try rulesFile.map { QuietHoursPolicy(rules: try QuietHoursRuleFile.load(contentsOf: $0)) }
            ?? QuietHoursPolicy.standard
        let schedule = policy.schedule(for: recipient)
        for rule in schedule.rules {
            let window = Self.describe(rule.windows)
            let cap = rule.sameSubjectCap.map { "; \($0.maxSends) per \($0.windowSeconds / 3600) h same subject" } ?? ""
            console.out("rule         \(rule.name): \(window)\(cap) — \(rule.source)")
        }
        if let at {
            if let reason = schedule.blockingReason(at: at) {
                console.out(
                    "at \(at.iso8601)  blocked: \(reason); next allowed \(schedule.nextAllowed(after: at).iso8601)"
                )
            } else {
                console.out("at \(at.iso8601)  allowed")
            }
        }
        return ExitStatus.success
    }

    /// "08:00–21:00" when every day is the same, else runs of days: "Sun 12:00–21:00, Mon–Sat 09:00–21:00".
    static func describe(_ windows: [SendWindow?]) -> String {
        let names = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let texts = windows.map { $0?.description ?? "no sending" }
        if texts.allSatisfy({ $0 == texts[0] }) { return texts[0] }
        var runs: [String] = []
        var start = 0
        for day in 1...texts.count where day == texts.count || texts[day] != texts[start] {
            let days = day - 1 == start ? names[start] : "\(names[start])–\(names[day - 1])"
            runs.append("\(days) \(texts[start])")
            start = day
        }
        return runs.joined(separator: ", ")
    }
}
