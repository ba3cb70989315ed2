import Foundation
import JSONDocument

/// The shared path-tracking reader, throwing `PopulationError` so spec, catalog and name-file errors read as they
/// always have: `broken.json: $.segments[1].share: must be from 0 to 1, got 1.4`.
typealias SpecReader = JSONReader<PopulationError>

extension JSONReaderOptions {
    /// Specs come from people and from other tools: `null` means "not set", and `"note"` documents a source
    /// anywhere without being a setting.
    static let populationSpec = JSONReaderOptions(nullIsMissing: true, commentKeys: ["note"])
}

extension PopulationError: JSONDocumentErrorConvertible {
    /// Phrases a reader or parser error in Population's voice ("expected …, got …"); a syntax error is reported at
    /// the root as "not valid JSON (line L, column C: …)".
    public init(_ error: JSONDocumentError) {
        let reason: String
        switch error.problem {
        case .syntax, .duplicateKey:
            let position = error.position.map { "\($0): " } ?? ""
            self = .invalid(
                file: error.file,
                path: "$",
                reason: "not valid JSON (\(position)found \(error.found); expected \(error.expected))"
            )
            return
        case .wrongType(let found, let expected): reason = "expected \(expected), got \(found.typeName)"
        case .missingKey(let key, _): reason = "missing required key '\(key)'"
        case .unknownKey(let key, let allowed, _):
            reason = "unknown key '\(key)'; expected one of " + allowed.map { "'\($0)'" }.joined(separator: ", ")
        case .emptyString: reason = "must not be empty"
        case .outOfRange(let found, let lower, let upper, let wholeNumber):
            let got = if case .number(let number) = found { JSONValue.format(number) } else { found.described }
            reason = "must be \(wholeNumber ? "a whole number " : "")from \(lower) to \(upper), got \(got)"
        case .notAChoice(let found, let choices):
            reason = "expected one of \(choices.joined(separator: ", ")), got \(found.described)"
        case .invalidValue(let found, let expected): reason = "expected \(expected), got \(found)"
        }
        self = .invalid(file: error.file, path: error.path, reason: reason)
    }
}

extension JSONReader where Failure == PopulationError {
    /// Reads and parses the file at `url`, naming it `file` in errors.
    static func load(_ url: URL, file: String) throws(PopulationError) -> SpecReader {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable(file: file, reason: "cannot read the file (\((error as NSError).localizedDescription))")
        }
        return try parse(data, file: file)
    }

    /// Parses `data` as one JSON document.
    static func parse(_ data: Data, file: String) throws(PopulationError) -> SpecReader {
        try SpecReader(parsing: [UInt8](data), file: file, options: .populationSpec)
    }

    /// A Population error at this value, for checks beyond the reader's own ("listed twice").
    func fail(_ reason: String) -> PopulationError {
        .invalid(file: file, path: path, reason: reason)
    }

    /// A share or probability: a number from 0 to 1.
    func fraction() throws(PopulationError) -> Double { try number(in: 0...1) }

    /// A positive number.
    func positive() throws(PopulationError) -> Double {
        let value = try number()
        guard value > 0 else { throw fail("must be positive, got \(JSONValue.format(value))") }
        return value
    }
}
