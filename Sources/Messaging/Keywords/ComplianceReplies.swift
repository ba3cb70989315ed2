/// The replies the law and carriers require, filled with the brand: one opt-out confirmation, a help reply and
/// an opt-in confirmation (CTIA Messaging Principles §5.1.3, CTIA Short Code Monitoring Handbook, 47 CFR
/// 64.1200(a)(12)).
///
/// Templates use `{brand}` and `{contact}`. The opt-out confirmation must carry no marketing, and the help
/// reply must name the brand and say "Reply STOP to opt out"; `problems` lists any template that breaks that.
public struct ComplianceReplies: Hashable, Codable, Sendable {
    /// Program or brand name that starts every reply.
    public var brand: String
    /// Where to get help: a toll-free number or an e-mail address (CTIA requires one).
    public var contact: String
    public var optOutTemplate: String
    public var helpTemplate: String
    public var optInTemplate: String

    public init(
        brand: String,
        contact: String,
        optOutTemplate: String = ComplianceReplies.defaultOptOutTemplate,
        helpTemplate: String = ComplianceReplies.defaultHelpTemplate,
        optInTemplate: String = ComplianceReplies.defaultOptInTemplate
    ) {
        self.brand = brand
        self.contact = contact
        self.optOutTemplate = optOutTemplate
        self.helpTemplate = helpTemplate
        self.optInTemplate = optInTemplate
    }

    public static let defaultOptOutTemplate =
        "{brand}: You are unsubscribed and will receive no more messages. Reply START to resubscribe."
    public static let defaultHelpTemplate =
        "{brand}: Help at {contact}. Msg frequency varies. Msg & data rates may apply. Reply STOP to opt out."
    public static let defaultOptInTemplate =
        "{brand}: You are subscribed to recurring messages. Msg frequency varies. Msg & data rates may apply. "
        + "Reply HELP for help, STOP to opt out."

    /// The one confirmation sent after an opt-out, within 5 minutes, with no marketing.
    public var optOutConfirmation: String { fill(optOutTemplate) }
    /// The answer to HELP/INFO, sent whatever the subscription state.
    public var helpReply: String { fill(helpTemplate) }
    /// The confirmation sent after START/YES/UNSTOP.
    public var optInConfirmation: String { fill(optInTemplate) }

    /// Words that make an opt-out confirmation marketing; the check is deliberately blunt.
    static let marketingMarkers = [
        "http", "www.", "%", "sale", "discount", "offer", "deal", "coupon", "code",
        "shop", "free", "save", "new arrivals", "off your",
    ]

    /// What is wrong with the templates, one line each; empty when they meet the rules.
    public var problems: [String] {
        var problems: [String] = []
        let optOut = optOutConfirmation.lowercased()
        for marker in Self.marketingMarkers where optOut.contains(marker) {
            problems.append("opt-out confirmation must carry no marketing, but contains '\(marker)'")
        }
        if !optOutConfirmation.contains(brand) { problems.append("opt-out confirmation must name the brand") }
        if !helpReply.contains(brand) { problems.append("help reply must name the brand") }
        if !helpReply.contains("Reply STOP to opt out") && !helpReply.contains("STOP to opt out") {
            problems.append("help reply must say \"Reply STOP to opt out\"")
        }
        if !helpReply.contains(contact) { problems.append("help reply must give the help contact") }
        if !optInConfirmation.contains("STOP") { problems.append("opt-in confirmation must say how to opt out (STOP)") }
        for (name, template) in [("opt-out", optOutTemplate), ("help", helpTemplate), ("opt-in", optInTemplate)] {
            let leftover = fill(template)
            if leftover.contains("{") && leftover.contains("}") {
                problems.append("\(name) template has an unknown placeholder; use {brand} and {contact}")
            }
        }
        return problems
    }

    private func fill(_ template: String) -> String {
        template.replacingPlaceholder("{brand}", with: brand).replacingPlaceholder("{contact}", with: contact)
    }
}

extension String {
    /// Every `placeholder` replaced by `value`, without Foundation.
    func replacingPlaceholder(_ placeholder: String, with value: String) -> String {
        guard !placeholder.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: placeholder) {
            result += rest[..<range.lowerBound]
            result += value
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
