/// Builds JSON paths the way messages print them: `$.segments[1].share`, and `$.splits["907"]` for a key that is
/// not a plain identifier (letters, digits and `_`, not starting with a digit), so the path can be pasted into a
/// JSONPath tool.
enum JSONPath {
    /// The path of member `key` of the object at `path`.
    static func member(_ key: String, of path: String) -> String {
        guard let first = key.utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first),
            key.utf8.allSatisfy(isIdentifierByte)
        else {
            return "\(path)[\(JSONValue.string(key).jsonText)]"
        }
        return "\(path).\(key)"
    }

    /// The path of element `index` of the array at `path`.
    static func element(_ index: Int, of path: String) -> String { "\(path)[\(index)]" }

    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
            return true
        default: return false
        }
    }
}
