import Foundation

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
        func fail(_ path: String, _ problem: String) -> MessagingDataError {
            MessagingDataError(file: file, path: path, problem: problem)
        }
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw fail("$", "not valid JSON")
        }
        guard let object = root as? [String: Any], let rules = object["rules"] as? [Any] else {
            throw fail("$.rules", "expected an array of rules")
        }
        var result: [QuietHoursRule] = []
        for (index, element) in rules.enumerated() {
            let path = "$.rules[\(index)]"
            guard let rule = element as? [String: Any] else { throw fail(path, "expected an object") }
            if let enabled = rule["enabled"] {
                guard let flag = enabled as? Bool else { throw fail("\(path).enabled", "expected true or false") }
                if !flag { continue }
            }
            guard let name = rule["name"] as? String, !name.isEmpty else {
                throw fail("\(path).name", "expected the rule's name, e.g. \"Florida\"")
            }
            guard let source = rule["source"] as? String, !source.isEmpty else {
                throw fail("\(path).source", "every rule needs its statute or regulation")
            }
            guard let states = rule["states"] as? [String],
                states.allSatisfy({ $0.count == 2 && $0 == $0.uppercased() })
            else {
                throw fail("\(path).states", "expected two-letter state codes such as [\"FL\"], or [] for everywhere")
            }
            var windows: [SendWindow?] = Array(repeating: nil, count: 7)
            if let daily = rule["daily"] {
                let window = try parseWindow(daily, path: "\(path).daily", fail: fail)
                windows = Array(repeating: window, count: 7)
            }
            if let days = rule["days"] {
                guard let days = days as? [String: Any] else { throw fail("\(path).days", "expected an object") }
                for key in days.keys.sorted() {
                    guard let day = dayKeys.firstIndex(of: key) else {
                        throw fail("\(path).days.\(key)", "unknown day; use sun, mon, tue, wed, thu, fri or sat")
                    }
                    windows[day] = try parseWindow(days[key] as Any, path: "\(path).days.\(key)", fail: fail)
                }
            }
            if rule["daily"] == nil && rule["days"] == nil {
                throw fail(path, "give \"daily\": \"HH:MM-HH:MM\" and/or \"days\"")
            }
            var cap: FrequencyLimit?
            if let capObject = rule["same_subject_cap"] {
                let capPath = "\(path).same_subject_cap"
                guard let capObject = capObject as? [String: Any],
                    let maxSends = capObject["max_sends"] as? Int, maxSends > 0
                else { throw fail("\(capPath).max_sends", "expected a positive whole number") }
                guard let hours = capObject["window_hours"] as? Int, hours > 0 else {
                    throw fail("\(capPath).window_hours", "expected a positive whole number of hours")
                }
                cap = FrequencyLimit(
                    maxSends: maxSends,
                    windowSeconds: Int64(hours) * 3600,
                    perSubject: true,
                    source: capObject["source"] as? String ?? source
                )
            }
            result.append(
                QuietHoursRule(name: name, states: states, windows: windows, sameSubjectCap: cap, source: source)
            )
        }
        return result
    }

    static let dayKeys = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]

    /// "08:00-21:00" → a window; "closed" → nil.
    private static func parseWindow(
        _ value: Any,
        path: String,
        fail: (String, String) -> MessagingDataError
    ) throws -> SendWindow? {
        guard let text = value as? String else { throw fail(path, "expected \"HH:MM-HH:MM\" or \"closed\"") }
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
