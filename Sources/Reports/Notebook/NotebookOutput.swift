import Foundation

/// What a block shows below itself, in order: a chart image, a table, a command's text, a note, an error.
public enum NotebookOutput: Sendable, Hashable {
    /// A chart file beside the notebook, linked by its relative name.
    case image(file: String, alt: String)
    case table(NotebookTable, rowLimit: Int, decimals: Int?)
    /// What a command printed, shown as written in a ```text fence.
    case text(String)
    /// A plain sentence (escaped).
    case note(String)
    /// A one-line error, shown as a quoted "Error:" line.
    case error(String)
    /// An error's details (a command's standard error), in a ```text fence.
    case errorDetail(String)

    /// The markdown of `parts`, blank lines between them, "\n" line endings, no trailing newline.
    public static func markdown(_ parts: [NotebookOutput]) -> String {
        parts.map(\.markdown).map { text in
            var trimmed = text
            while trimmed.hasSuffix("\n") { trimmed.removeLast() }
            return trimmed
        }.joined(separator: "\n\n")
    }

    var markdown: String {
        switch self {
        case .image(let file, let alt):
            return "![\(MarkdownTable.escape(alt))](\(Self.linkTarget(file)))"
        case .table(let table, let rowLimit, let decimals):
            return table.markdown(rowLimit: rowLimit, decimals: decimals)
        case .text(let text):
            let body = Self.withoutTrailingNewlines(text)
            return body.isEmpty ? "The command printed nothing." : Self.fenced(body)
        case .note(let text):
            return MarkdownTable.escape(text)
        case .error(let message):
            return "> **Error:** " + MarkdownTable.escape(message)
        case .errorDetail(let text):
            return Self.fenced(Self.withoutTrailingNewlines(text))
        }
    }

    /// `text` in a ```text fence longer than any backtick run inside it, so the text cannot close it early.
    static func fenced(_ text: String) -> String {
        var longest = 0
        var run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return fence + "text\n" + text + "\n" + fence
    }

    static func withoutTrailingNewlines(_ text: String) -> String {
        var body = text.replacingOccurrences(of: "\r\n", with: "\n")
        while body.hasSuffix("\n") { body.removeLast() }
        return body
    }

    /// A relative link with the characters markdown links cannot hold percent-encoded.
    static func linkTarget(_ file: String) -> String {
        var target = ""
        for scalar in file.unicodeScalars {
            switch scalar {
            case " ": target += "%20"
            case "(": target += "%28"
            case ")": target += "%29"
            case "<": target += "%3C"
            case ">": target += "%3E"
            default: target.unicodeScalars.append(scalar)
            }
        }
        return target
    }
}
