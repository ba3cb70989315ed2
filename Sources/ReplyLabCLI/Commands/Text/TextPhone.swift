import Messaging

/// `replylab text phone NUMBER`: what ReplyLab makes of a phone number: E.164, mask, state, zones, and whether
/// a marketing text may reach it at a given instant, and if not, which rule (hours, holiday calendar, cap) held it
/// and when it next may.
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
                .option(
                    "holidays",
                    value: "FILE",
                    help: "Holiday calendars JSON (default: built-in LA and RI blackouts; see datasets/holidays.json)."
                ),
                .option(
                    "sent",
                    value: "EPOCH_MS,…",
                    help: "Earlier marketing sends on the same subject, so --at also checks frequency caps."
                ),
            ]
        )
    }

    let number: String
    let at: Instant?
    let residence: String?
    let allowFictional: Bool
    let rulesFile: String?
    let holidaysFile: String?
    let sent: [Instant]

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
        holidaysFile = arguments.value("holidays")
        sent = try (arguments.value("sent") ?? "").split(separator: ",").map { text in
            guard let value = Int64(text.trimmingCharacters(in: .whitespaces)) else {
                throw UsageError("--sent expects comma-separated UTC epoch milliseconds, got '\(text)'")
            }
            return Instant(epochMilliseconds: value)
        }
        if !sent.isEmpty && at == nil { throw UsageError("--sent needs --at: the caps are judged at that instant") }
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
        let rules = try rulesFile.map { try QuietHoursRuleFile.load(contentsOf: $0) } ?? QuietHoursPolicy.standard.rules
        let calendars =
            try holidaysFile.map { try HolidayCalendarFile.load(contentsOf: $0) } ?? HolidayCalendar.standardBlackouts
        let policy = QuietHoursPolicy(rules: rules, holidayCalendars: calendars)
        let schedule = policy.schedule(for: recipient)
        for rule in schedule.rules {
            let window = Self.describe(rule.windows)
            let cap = rule.sameSubjectCap.map { "; \($0.maxSends) per \($0.windowSeconds / 3600) h same subject" } ?? ""
            console.out("rule         \(rule.name): \(window)\(cap) — \(rule.source)")
        }
        for calendar in schedule.blackouts {
            let observed =
                calendar.observance == .none ? "" : ", weekend dates observed \(calendar.observance.rawValue)"
            console.out(
                "holidays     \(calendar.name): no marketing texts on \(calendar.holidays.count) holidays\(observed) "
                    + "— \(calendar.source)"
            )
        }
        guard let at else { return ExitStatus.success }
        console.out(Self.verdict(recipient: recipient, schedule: schedule, policy: policy, sent: sent, at: at))
        return ExitStatus.success
    }

    /// The gate's answer for a marketing text at `at` to a recipient who opted in: allowed, or held by which rule
    /// and until when. Earlier `sent` times count toward the caps.
    static func verdict(
        recipient: RecipientCompliance,
        schedule: QuietHoursPolicy.Schedule,
        policy: QuietHoursPolicy,
        sent: [Instant],
        at: Instant
    ) -> String {
        var consented = recipient
        consented.consent.optIn(source: .webForm, at: Instant(epochMilliseconds: Int64.min / 2))
        for time in sent { consented.sends.record(subject: subject, at: time) }
        let gate = OutboundGate(quietHours: policy, cap: .none)
        switch gate.check(consented, schedule: schedule, purpose: .marketing, subject: subject, at: at) {
        case .send:
            return "at \(at.iso8601)  allowed"
        case .deferred(let until, let hold):
            return "at \(at.iso8601)  deferred by \(hold.ruleLabel) [\(hold.ruleKind.rawValue)]: \(hold.reason); "
                + "next allowed \(until.iso8601)"
        case .suppressed(let hold):
            return "at \(at.iso8601)  suppressed by \(hold.ruleLabel) [\(hold.ruleKind.rawValue)]: \(hold.reason)"
        }
    }

    /// The one subject `--sent` sends and the judged text share, so same-subject caps apply.
    static let subject = "campaign"

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
