import Foundation
import JSONDocument

/// A problem in a Messaging data file, with the file, the JSON path and what is wrong, on one line.
public struct MessagingDataError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var path: String
    public var problem: String

    public init(file: String, path: String, problem: String) {
        self.file = file
        self.path = path
        self.problem = problem
    }

    public var description: String { "\(file): \(path): \(problem)" }
}

extension MessagingDataError: JSONDocumentErrorConvertible {
    /// Rule files have always answered a syntax error with just "not valid JSON" at the root; other reader errors
    /// keep the file's "expected …" voice.
    public init(_ error: JSONDocumentError) {
        switch error.problem {
        case .syntax, .duplicateKey: self.init(file: error.file, path: "$", problem: "not valid JSON")
        case .unknownKey(let key, let allowed, let suggestion):
            let hint = suggestion.map { "did you mean \"\($0)\"?" } ?? "use " + allowed.joined(separator: ", ")
            self.init(file: error.file, path: error.path, problem: "unknown key \"\(key)\"; \(hint)")
        default: self.init(file: error.file, path: error.path, problem: "expected \(error.expected)")
        }
    }
}

/// Reads quiet-hours rules from JSON (`datasets/quiet-hours.json`), so states can be added or corrected as
/// data once their statute is checked, without a new build.
public enum QuietHoursRuleFile {
    /// The enabled rules of the file at `path`.
    /// - Throws: `MessagingDataError` naming the JSON path of the first problem.
    public static func load(contentsOf path: String) throws -> [QuietHoursRule] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MessagingDataError(file: path, path: "$", problem: "cannot read the file (does it exist?)")
        }
        return try decode(data, file: path)
    }

    /// The enabled rules in `data`; `file` names the source in errors.
    public static func decode(_ data: Data, file: String) throws -> [QuietHoursRule] {
        try decode(RuleReader(parsing: [UInt8](data), file: file))
    }

    /// The shared path-tracking reader, throwing this module's error type.
    private typealias RuleReader = JSONReader<MessagingDataError>

    /// Each check keeps the message the rule file has always given, so the reader's own errors are caught
    /// (`try?`) and rephrased where the file's wording is more specific than "expected a string".
    private static func decode(_ root: RuleReader) throws(MessagingDataError) -> [QuietHoursRule] {
        func fail(_ path: String, _ problem: String) -> MessagingDataError {
            MessagingDataError(file: root.file, path: path, problem: problem)
        }
        guard case .object = root.value, let rules = try? root.child("rules")?.array() else {
            throw fail("$.rules", "expected an array of rules")
        }
        // A misspelt key must not silently drop a state's rule or cap, so every key is checked.
        _ = try root.requireObject(allowed: ["about", "rules"])
        var result: [QuietHoursRule] = []
        for rule in rules {
            let path = rule.path
            guard case .object = rule.value else { throw fail(path, "expected an object") }
            _ = try rule.requireObject(allowed: ruleKeys)
            if let enabled = rule.child("enabled") {
                guard let flag = try? enabled.bool() else { throw fail(enabled.path, "expected true or false") }
                if !flag { continue }
            }
            guard let name = try? rule.child("name")?.string(), !name.isEmpty else {
                throw fail("\(path).name", "expected the rule's name, e.g. \"Florida\"")
            }
            guard let source = try? rule.child("source")?.string(), !source.isEmpty else {
                throw fail("\(path).source", "every rule needs its statute or regulation")
            }
            guard let states = stateCodes(rule.child("states")) else {
                throw fail("\(path).states", "expected two-letter state codes such as [\"FL\"], or [] for everywhere")
            }
            var windows: [SendWindow?] = Array(repeating: nil, count: 7)
            if let daily = rule.child("daily") {
                let window = try parseWindow(daily, fail: fail)
                windows = Array(repeating: window, count: 7)
            }
            if let days = rule.child("days") {
                guard let members = try? days.members(.sorted) else { throw fail(days.path, "expected an object") }
                for (key, window) in members {
                    guard let day = dayKeys.firstIndex(of: key) else {
                        throw fail(window.path, "unknown day; use sun, mon, tue, wed, thu, fri or sat")
                    }
                    windows[day] = try parseWindow(window, fail: fail)
                }
            }
            if !rule.has("daily") && !rule.has("days") {
                throw fail(path, "give \"daily\": \"HH:MM-HH:MM\" and/or \"days\"")
            }
            var cap: FrequencyLimit?
            if let capReader = rule.child("same_subject_cap") {
                let capPath = capReader.path
                if case .object = capReader.value { _ = try capReader.requireObject(allowed: capKeys) }
                guard case .object = capReader.value,
                    let maxSends = try? capReader.child("max_sends")?.integer(in: 1...Int.max)
                else { throw fail("\(capPath).max_sends", "expected a positive whole number") }
                guard let hours = try? capReader.child("window_hours")?.integer(in: Int64(1)...Int64.max) else {
                    throw fail("\(capPath).window_hours", "expected a positive whole number of hours")
                }
                cap = FrequencyLimit(
                    maxSends: maxSends,
                    windowSeconds: hours * 3600,
                    perSubject: true,
                    source: (try? capReader.child("source")?.string()) ?? source
                )
            }
            result.append(
                QuietHoursRule(name: name, states: states, windows: windows, sameSubjectCap: cap, source: source)
            )
        }
        return result
    }

    /// Upper-case two-letter codes, or nil when the value is missing or anything else.
    /// - Complexity: O(*n*) in the number of codes.
    private static func stateCodes(_ reader: RuleReader?) -> [String]? {
        guard let items = try? reader?.array() else { return nil }
        var codes: [String] = []
        for item in items {
            guard let code = try? item.string(), code.count == 2, code == code.uppercased() else { return nil }
            codes.append(code)
        }
        return codes
    }

    static let dayKeys = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
    static let ruleKeys = ["name", "states", "daily", "days", "same_subject_cap", "source", "confidence", "enabled"]
    static let capKeys = ["max_sends", "window_hours", "source"]

    /// "08:00-21:00" → a window; "closed" → nil.
    private static func parseWindow(
        _ reader: RuleReader,
        fail: (String, String) -> MessagingDataError
    ) throws(MessagingDataError) -> SendWindow? {
        let path = reader.path
        guard let text = try? reader.string() else { throw fail(path, "expected \"HH:MM-HH:MM\" or \"closed\"") }
        if text == "closed" { return nil }
        let parts = text.split(separator: "-")
        guard parts.count == 2, let start = minutes(parts[0]), let end = minutes(parts[1]) else {
            throw fail(path, "expected \"HH:MM-HH:MM\" or \"closed\", got \"\(text)\"")
        }
        guard start < end else { throw fail(path, "the window must end after it starts, got \"\(text)\"") }
        return SendWindow(startMinute: start, endMinute: end)
    }

    private static func minutes(_ text: Substring) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
            let hour = Int(parts[0]), let minute = Int(parts[1]), (0...24).contains(hour), (0..<60).contains(minute),
            hour * 60 + minute <= 1440
        else { return nil }
        return hour * 60 + minute
    }
}
