import JSONDocument
import Testing

@testable import FlowEngine

@Suite struct TemplateTests {
    static let context = TemplateContext(
        contact: SampleCustomer.attributes,
        fields: [FlowField(name: "size", value: "9.5")],
        reply: "I wear a 9.5",
        handoffOutcome: "ordered"
    )

    static let rendered: [(String, String)] = [
        ("Hi {{first_name}}!", "Hi Maya!"),
        ("{{cart.items.0.name}} and {{cart.items.1.name}}", "Trail Runner 2 and Merino Socks"),
        ("Total {{cart.total | money}}", "Total $84.50"),
        ("{{ cart.total|money }}", "$84.50"),
        ("{{cart.items.1.price | money}}", "$20.00"),
        ("{{first_name | upcase}}", "MAYA"),
        ("{{first_name | downcase}}", "maya"),
        ("{{appointment.service | capitalize}}", "Haircut & color"),
        ("{{lead.company | truncate: 10}}", "Northwi..."),
        ("{{lead.company | truncate: 40}}", "Northwind Dental"),
        ("Hi {{nickname | default: \"there\"}}", "Hi there"),
        ("{{cart.items.5.name | default: 'your picks'}}", "your picks"),
        ("{{nickname | default: \"friend\" | upcase}}", "FRIEND"),
        ("size {{fields.size}}", "size 9.5"),
        ("{{reply_number}}", "9.5"),
        ("you said: {{reply}}", "you said: I wear a 9.5"),
        ("agent: {{handoff_outcome}}", "agent: ordered"),
        ("{{cart.item_count}} items", "2 items"),
        ("no placeholders", "no placeholders"),
    ]

    @Test(arguments: rendered)
    func rendersPlaceholdersAndFilters(_ source: String, _ expected: String) throws {
        #expect(try Template(source).render(Self.context) == .text(expected))
    }

    /// A missing or blank value is never printed as a gap or "nil": rendering reports the placeholder.
    static let missing: [(String, String)] = [
        ("Hi {{nickname}}", "nickname"),
        ("{{cart.items.7.name}}", "cart.items.7.name"),
        ("{{cart}}", "cart"),
        ("{{first_name.length}}", "first_name.length"),
        ("{{first_name | money}}", "first_name"),
        ("{{fields.colour}}", "fields.colour"),
    ]

    @Test(arguments: missing)
    func missingValueIsReportedNotPrinted(_ source: String, _ path: String) throws {
        #expect(try Template(source).render(Self.context) == .missing(path: path))
    }

    @Test func blankStringsCountAsMissing() throws {
        let contact = try JSONParser.parse(#"{"first_name": "  "}"#)
        let template = try Template("Hi {{first_name | default: \"there\"}}")
        #expect(template.render(TemplateContext(contact: contact)) == .text("Hi there"))
        #expect(
            try Template("Hi {{first_name}}").render(TemplateContext(contact: contact)) == .missing(path: "first_name")
        )
    }

    static let money: [(Int64, String)] = [
        (8450, "$84.50"), (5, "$0.05"), (100, "$1.00"), (123_456, "$1,234.56"), (100_000_000, "$1,000,000.00"),
        (-250, "-$2.50"),
    ]

    @Test(arguments: money)
    func moneyFormatsIntegerCents(_ cents: Int64, _ expected: String) {
        #expect(Template.formatMoney(cents: cents) == expected)
    }

    @Test func malformedPlaceholdersAreRefused() {
        for source in [
            "Hi {{first_name", "Hi first_name}}", "{{ }}", "{{cart..total}}", "{{x | truncate: 2}}",
            "{{x | default: there}}",
        ] {
            #expect(throws: FlowError.self, "\(source)") { try Template(source) }
        }
    }
}
