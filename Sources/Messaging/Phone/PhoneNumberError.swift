/// Why a text is not a usable North American phone number; each case prints one line a user can act on.
public enum PhoneNumberError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Nothing but white space.
    case empty
    /// A character that has no place in a phone number (letters, `#`, `*`, …).
    case invalidCharacter(Character)
    /// A `+` somewhere other than the start.
    case misplacedPlus
    /// Not 10 digits, or 11 starting with the country code 1.
    case wrongLength(digits: Int)
    /// An E.164 number outside the North American Numbering Plan (+1).
    case unsupportedCountryCode(String)
    /// The area code (NPA) breaks a NANP rule.
    case invalidAreaCode(Int, reason: String)
    /// The central-office code (NXX) breaks a NANP rule.
    case invalidExchange(Int, reason: String)
    /// A 0XX/1XX central-office code: never assigned, so only valid for synthetic customers.
    case fictionalExchange(Int)

    public var description: String {
        switch self {
        case .empty:
            return "phone number is empty"
        case .invalidCharacter(let character):
            return "phone number contains '\(character)'; use digits, spaces, '+', '-', '.', '(' and ')'"
        case .misplacedPlus:
            return "phone number has a '+' after the start; '+' may only precede the country code"
        case .wrongLength(let digits):
            return "phone number has \(digits) digits; a NANP number has 10 (or 11 starting with 1)"
        case .unsupportedCountryCode(let digits):
            return "phone number starting +\(digits) is outside the North American Numbering Plan; only +1 is supported"
        case .invalidAreaCode(let code, let reason):
            return "area code \(threeDigits(code)) is invalid: \(reason)"
        case .invalidExchange(let code, let reason):
            return "exchange \(threeDigits(code)) is invalid: \(reason)"
        case .fictionalExchange(let code):
            return "exchange \(threeDigits(code)) starts with \(code / 100), which is never assigned to a real phone; "
                + "allow fictional numbers to use it for synthetic customers"
        }
    }
}

func threeDigits(_ value: Int) -> String {
    value < 10 ? "00\(value)" : value < 100 ? "0\(value)" : "\(value)"
}
