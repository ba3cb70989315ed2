import Foundation

/// A JSON value with the path that leads to it, so every complaint about a spec names `$.segments[2].share`.
struct JSONNode {
    let value: Any
    let path: String
    let file: String

    /// Parses `data` as one JSON document.
    static func parse(_ data: Data, file: String) throws(PopulationError) -> JSONNode {
        do {
            let value = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return JSONNode(value: value, path: "$", file: file)
        } catch {
            let reason = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "not valid JSON"
            throw .invalid(file: file, path: "$", reason: "not valid JSON (\(reason))")
        }
    }

    /// Reads and parses the file at `url`, naming it `file` in errors.
    static func load(_ url: URL, file: String) throws(PopulationError) -> JSONNode {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable(file: file, reason: "cannot read the file (\((error as NSError).localizedDescription))")
        }
        return try parse(data, file: file)
    }

    func fail(_ reason: String) -> PopulationError {
        .invalid(file: file, path: path, reason: reason)
    }

    /// This value as an object whose keys must all be in `allowed` ("note" is always allowed, for sources).
    func object(allowing allowed: [String]) throws(PopulationError) -> JSONObject {
        guard let dictionary = value as? [String: Any] else { throw fail("expected an object, got \(kind)") }
        for key in dictionary.keys.sorted() where key != "note" && !allowed.contains(key) {
            let known = allowed.map { "'\($0)'" }.joined(separator: ", ")
            throw JSONNode(value: dictionary[key]!, path: childPath(key), file: file)
                .fail("unknown key '\(key)'; expected one of \(known)")
        }
        return JSONObject(dictionary: dictionary, node: self)
    }

    /// This value as an object of free keys (e.g. state → weight), keys sorted so iteration is deterministic.
    func entries() throws(PopulationError) -> [(key: String, node: JSONNode)] {
        guard let dictionary = value as? [String: Any] else { throw fail("expected an object, got \(kind)") }
        return dictionary.keys.sorted().filter { $0 != "note" }.map {
            (key: $0, node: JSONNode(value: dictionary[$0]!, path: childPath($0), file: file))
        }
    }

    func array() throws(PopulationError) -> [JSONNode] {
        guard let array = value as? [Any] else { throw fail("expected an array, got \(kind)") }
        return array.enumerated().map { JSONNode(value: $1, path: "\(path)[\($0)]", file: file) }
    }

    func string() throws(PopulationError) -> String {
        guard let string = value as? String else { throw fail("expected a string, got \(kind)") }
        return string
    }

    func number() throws(PopulationError) -> Double {
        guard !(value is String), !isBoolean, let number = value as? NSNumber else {
            throw fail("expected a number, got \(kind)")
        }
        let double = number.doubleValue
        guard double.isFinite else { throw fail("expected a finite number") }
        return double
    }

    /// A number within `range`.
    func number(in range: ClosedRange<Double>) throws(PopulationError) -> Double {
        let value = try number()
        guard range.contains(value) else {
            throw fail(
                "must be from \(Self.format(range.lowerBound)) to \(Self.format(range.upperBound)), got \(Self.format(value))"
            )
        }
        return value
    }

    /// A share or probability: a number from 0 to 1.
    func fraction() throws(PopulationError) -> Double { try number(in: 0...1) }

    /// A positive number.
    func positive() throws(PopulationError) -> Double {
        let value = try number()
        guard value > 0 else { throw fail("must be positive, got \(Self.format(value))") }
        return value
    }

    /// A whole number within `range`.
    func integer(in range: ClosedRange<Int>) throws(PopulationError) -> Int {
        let value = try number()
        guard value.rounded() == value, let whole = Int(exactly: value), range.contains(whole) else {
            throw fail(
                "must be a whole number from \(range.lowerBound) to \(range.upperBound), got \(Self.format(value))"
            )
        }
        return whole
    }

    func childPath(_ key: String) -> String {
        key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } ? "\(path).\(key)" : "\(path)[\"\(key)\"]"
    }

    /// JSON `true`/`false` arrive as a boolean NSNumber whose type is not plain NSNumber (`__NSCFBoolean`).
    private var isBoolean: Bool {
        guard let number = value as? NSNumber else { return false }
        return type(of: number) != NSNumber.self && String(cString: number.objCType) == "c"
    }

    private var kind: String {
        switch value {
        case is String: return "a string"
        case is [Any]: return "an array"
        case is [String: Any]: return "an object"
        case is NSNull: return "null"
        case is NSNumber: return isBoolean ? "a boolean" : "a number"
        default: return "\(type(of: value))"
        }
    }

    static func format(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

/// An object node: required and optional members, each carrying its path.
struct JSONObject {
    let dictionary: [String: Any]
    let node: JSONNode

    func optional(_ key: String) -> JSONNode? {
        guard let value = dictionary[key], !(value is NSNull) else { return nil }
        return JSONNode(value: value, path: node.childPath(key), file: node.file)
    }

    func require(_ key: String) throws(PopulationError) -> JSONNode {
        guard let child = optional(key) else { throw node.fail("missing required key '\(key)'") }
        return child
    }
}
