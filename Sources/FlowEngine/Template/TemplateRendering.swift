import JSONDocument

/// What a template can read while rendering: the customer's attributes, flow fields, the last reply, the
/// hand-off outcome. Built per send from the session; reading it costs no Dictionary look-ups.
public struct TemplateContext: Sendable {
    public var contact: JSONValue
    public var fields: [FlowField]
    public var reply: String?
    public var handoffOutcome: String?

    public init(contact: JSONValue, fields: [FlowField] = [], reply: String? = nil, handoffOutcome: String? = nil) {
        self.contact = contact
        self.fields = fields
        self.reply = reply
        self.handoffOutcome = handoffOutcome
    }
}

/// A value set by the flow (`set_field`) and readable as `{{fields.NAME}}`.
public struct FlowField: Sendable, Equatable, Codable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

extension Template {
    /// The outcome of filling a template: the text, or the first placeholder that had nothing to print.
    public enum Rendering: Sendable, Equatable {
        case text(String)
        case missing(path: String)
    }

    /// Fills the placeholders; a missing or empty value without a `default` yields `.missing`, never a gap.
    /// - Complexity: O(*n*) in the template and attribute sizes.
    public func render(_ context: TemplateContext) -> Rendering {
        var output = ""
        for part in parts {
            switch part {
            case .literal(let text):
                output += text
            case .value(let placeholder):
                guard let value = placeholder.value(in: context) else { return .missing(path: placeholder.path) }
                output += value
            }
        }
        return .text(output)
    }
}

extension Template.Placeholder {
    /// The filtered text of this placeholder, nil when nothing printable remains.
    func value(in context: TemplateContext) -> String? {
        var current = lookUp(in: context)
        for filter in filters {
            current = Template.apply(filter, to: current)
        }
        guard case .string(let text)? = current, !text.isBlank else {
            return current.flatMap(Template.printable)
        }
        return text
    }

    private func lookUp(in context: TemplateContext) -> JSONValue? {
        guard case .key(let head)? = segments.first else { return nil }
        switch head {
        case "reply" where segments.count == 1:
            return context.reply.map(JSONValue.string)
        case "reply_number" where segments.count == 1:
            guard let reply = context.reply, let first = NumberReader.numbers(in: TokenizedText(reply)).first else {
                return nil
            }
            return .number(first)
        case "handoff_outcome" where segments.count == 1:
            return context.handoffOutcome.map(JSONValue.string)
        case "fields" where segments.count == 2:
            guard case .key(let name) = segments[1] else { return nil }
            return context.fields.first { $0.name == name }.map { .string($0.value) }
        default:
            var value = context.contact
            for segment in segments {
                switch (segment, value) {
                case (.key(let key), .object):
                    guard let next = value[key] else { return nil }
                    value = next
                case (.index(let index), .array(let items)):
                    guard index < items.count else { return nil }
                    value = items[index]
                default:
                    return nil
                }
            }
            return value
        }
    }
}

extension Template {
    /// Text a customer can read for a scalar value; objects, arrays, null and blanks have none.
    static func printable(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): return text.isBlank ? nil : text
        case .number(let number): return JSONValue.format(number)
        case .bool(let flag): return flag ? "yes" : "no"
        case .null, .array, .object: return nil
        }
    }

    static func apply(_ filter: Filter, to value: JSONValue?) -> JSONValue? {
        switch filter {
        case .defaultValue(let fallback):
            if let value, printable(value) != nil { return value }
            return .string(fallback)
        case .money:
            guard case .number(let cents)? = value, cents.rounded() == cents else { return nil }
            return .string(formatMoney(cents: Int64(cents)))
        case .upcase, .downcase, .capitalize, .truncate:
            guard let text = value.flatMap(printable) else { return nil }
            switch filter {
            case .upcase: return .string(text.uppercased())
            case .downcase: return .string(text.lowercased())
            case .capitalize: return .string(text.prefix(1).uppercased() + text.dropFirst().lowercased())
            case .truncate(let limit):
                guard text.count > limit else { return .string(text) }
                return .string(String(text.prefix(limit - 3)).trimmingSpaces + "...")
            default: return nil
            }
        }
    }

    /// US dollars from integer cents with thousands separators: 8450 → "$84.50", 123456 → "$1,234.56".
    public static func formatMoney(cents: Int64) -> String {
        let negative = cents < 0
        let magnitude = cents.magnitude
        let dollars = String(magnitude / 100)
        var grouped = ""
        for (offset, digit) in dollars.enumerated() {
            if offset > 0, (dollars.count - offset) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        let remainder = magnitude % 100
        return (negative ? "-$" : "$") + grouped + "." + (remainder < 10 ? "0" : "") + String(remainder)
    }
}
