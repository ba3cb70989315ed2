import Foundation

/// A markdown notebook read for running: its lines as written, the ```sql and ```replylab blocks in document order,
/// and where each block's output sits (between `outputStart` and `outputEnd`, right below the block).
///
/// Fences are read as CommonMark reads them at the top level: three or more backticks or tildes indented by at
/// most three spaces, closed by a line of the same character at least as long, so a longer or other fence holds
/// shorter ones as plain text. Fences in HTML comments, block quotes and indented code are not run, nor are
/// fences inside an output region. Line endings are kept as written; new output uses the document's own (CRLF
/// when its first line ends so). Splicing the same outputs into the result again gives the same bytes.
public struct NotebookDocument: Sendable {
    /// Opens a block's output; an HTML comment, so GitHub shows only what is between the markers.
    public static let outputStart = "<!-- replylab:output -->"
    /// Closes a block's output.
    public static let outputEnd = "<!-- /replylab:output -->"

    struct Line: Sendable {
        var content: String
        /// "\n", "\r\n", or "" for a last line without one.
        var ending: String

        var text: String { content + ending }
        var isBlank: Bool { content.allSatisfy { $0 == " " || $0 == "\t" } }
    }

    let lines: [Line]
    /// The runnable blocks in document order; `blocks[i].ordinal == i + 1`.
    public let blocks: [NotebookBlock]
    /// The line ending new output is written with.
    public let newline: String

    /// Reads `text`.
    /// - Throws: `NotebookSyntaxError` for a runnable block that is never closed or an output marker without its
    ///   end marker: running such a file would overwrite text the author meant to keep.
    public init(parsing text: String) throws(NotebookSyntaxError) {
        let lines = Self.lines(of: text)
        self.lines = lines
        newline = lines.first { !$0.ending.isEmpty }?.ending ?? "\n"

        var blocks: [NotebookBlock] = []
        var index = 0
        while index < lines.count {
            let content = lines[index].content
            if let fence = Fence(opening: content) {
                let closing = (index + 1..<lines.count).first { fence.isClosed(by: lines[$0].content) }
                guard let language = fence.language else {
                    index = (closing ?? lines.count) + 1
                    continue
                }
                guard let closing else {
                    throw NotebookSyntaxError(
                        line: index + 1,
                        message: "this ```\(language.rawValue) block is never closed; add a line "
                            + "\(String(repeating: fence.character, count: fence.length)) after it"
                    )
                }
                var next = closing + 1
                var firstFilled = next
                while firstFilled < lines.count, lines[firstFilled].isBlank { firstFilled += 1 }
                var outputIndices: ClosedRange<Int>?
                if firstFilled < lines.count, Self.isMarker(lines[firstFilled].content, Self.outputStart) {
                    let end = try Self.endOfOutput(startingAt: firstFilled, in: lines)
                    outputIndices = next...end
                    next = end + 1
                }
                blocks.append(
                    NotebookBlock(
                        ordinal: blocks.count + 1,
                        language: language,
                        optionText: fence.options,
                        body: lines[(index + 1)..<closing].map { fence.unindented($0.content) }.joined(separator: "\n"),
                        line: index + 1,
                        closingIndex: closing,
                        outputIndices: outputIndices
                    )
                )
                index = next
            } else if Self.isMarker(content, Self.outputStart) {
                // Output left behind by a block that is no longer runnable: kept as it is, never run.
                index = try Self.endOfOutput(startingAt: index, in: lines) + 1
            } else if let end = Self.endOfComment(startingAt: index, in: lines) {
                index = end + 1
            } else {
                index += 1
            }
        }
        self.blocks = blocks
    }

    /// The document with `outputs` (markdown keyed by block ordinal) between each block's markers: an existing
    /// output is replaced, a missing one inserted right below its block. Blocks not in `outputs` keep theirs.
    public func splicing(_ outputs: [Int: String]) -> String {
        var text = ""
        var next = 0
        for block in blocks {
            guard let markdown = outputs[block.ordinal] else { continue }
            for index in next...block.closingIndex { text += lines[index].text }
            if lines[block.closingIndex].ending.isEmpty { text += newline }
            text += region(markdown)
            next = (block.outputIndices?.upperBound ?? block.closingIndex) + 1
        }
        for index in next..<max(next, lines.count) { text += lines[index].text }
        return text
    }

    /// True when `block` already shows exactly `markdown`, laid out as `splicing` would write it.
    public func isCurrent(_ block: NotebookBlock, output markdown: String) -> Bool {
        guard !lines[block.closingIndex].ending.isEmpty, let indices = block.outputIndices else { return false }
        return indices.map { lines[$0].text }.joined() == region(markdown)
    }

    /// The markdown between `block`'s markers as it stands (line endings as "\n", blank lines at either end
    /// dropped) and the 1-based line it starts on; nil when the block has no output yet.
    public func existingOutput(of block: NotebookBlock) -> (markdown: String, line: Int)? {
        guard let indices = block.outputIndices,
            let start = indices.first(where: { Self.isMarker(lines[$0].content, Self.outputStart) })
        else { return nil }
        var first = start + 1
        var last = indices.upperBound - 1
        while first <= last, lines[first].isBlank { first += 1 }
        while last >= first, lines[last].isBlank { last -= 1 }
        let markdown = first <= last ? lines[first...last].map(\.content).joined(separator: "\n") : ""
        return (markdown, first + 1)
    }

    /// The lines `splicing` writes after a block's closing fence for `markdown`.
    func region(_ markdown: String) -> String {
        var body = markdown.replacingOccurrences(of: "\r\n", with: "\n")
        while body.hasSuffix("\n") { body.removeLast() }
        let inner = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return ([""] + [Self.outputStart, ""] + inner + ["", Self.outputEnd]).map { $0 + newline }.joined()
    }

    /// Splits on "\n", keeping "\r\n" endings apart from the content so a CRLF file stays CRLF.
    static func lines(of text: String) -> [Line] {
        guard !text.isEmpty else { return [] }
        var lines: [Line] = []
        let pieces = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, piece) in pieces.enumerated() {
            let isLast = offset == pieces.count - 1
            if isLast && piece.isEmpty { break }
            if !isLast, piece.last == "\r" {
                lines.append(Line(content: String(String.UnicodeScalarView(piece.dropLast())), ending: "\r\n"))
            } else {
                lines.append(Line(content: String(String.UnicodeScalarView(piece)), ending: isLast ? "" : "\n"))
            }
        }
        return lines
    }

    static func isMarker(_ content: String, _ marker: String) -> Bool {
        content.trimmingCharacters(in: .whitespaces) == marker
    }

    /// The index of the end marker for the output that opens at `start`, skipping fenced text inside it.
    static func endOfOutput(startingAt start: Int, in lines: [Line]) throws(NotebookSyntaxError) -> Int {
        var open: Fence?
        for index in (start + 1)..<max(start + 1, lines.count) {
            let content = lines[index].content
            if let fence = open {
                if fence.isClosed(by: content) { open = nil }
            } else if let fence = Fence(opening: content) {
                open = fence
            } else if isMarker(content, outputEnd) {
                return index
            }
        }
        throw NotebookSyntaxError(
            line: start + 1,
            message: "\(outputStart) has no \(outputEnd) after it; add the end marker where the output stops, "
                + "or delete the start marker to have the output written afresh"
        )
    }

    /// The last line of an HTML comment that opens at `start`, so blocks commented out are not run; nil when the
    /// line opens no comment.
    static func endOfComment(startingAt start: Int, in lines: [Line]) -> Int? {
        let content = lines[start].content
        let indent = content.prefix { $0 == " " }.count
        guard indent <= 3, content.dropFirst(indent).hasPrefix("<!--") else { return nil }
        if content.dropFirst(indent + 4).contains("-->") { return start }
        return (start + 1..<lines.count).first { lines[$0].content.contains("-->") } ?? lines.count - 1
    }
}

/// A fence line: its character (backtick or tilde), length, indentation and info string.
struct Fence: Sendable {
    let indent: Int
    let character: Character
    let length: Int
    let info: String

    /// Reads an opening fence; nil when `line` is not one.
    init?(opening line: String) {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return nil }
        let rest = line.dropFirst(indent)
        guard let character = rest.first, character == "`" || character == "~" else { return nil }
        let length = rest.prefix { $0 == character }.count
        guard length >= 3 else { return nil }
        let info = rest.dropFirst(length).trimmingCharacters(in: .whitespaces)
        // CommonMark: a backtick fence's info string has no backtick (else it is inline code).
        if character == "`", info.contains("`") { return nil }
        self.indent = indent
        self.character = character
        self.length = length
        self.info = info
    }

    /// The runnable language named by the info string's first word, nil for any other fence.
    var language: NotebookBlock.Language? {
        let word = info.prefix { !$0.isWhitespace }
        return NotebookBlock.Language(rawValue: word.lowercased())
    }

    /// The info string after the language word.
    var options: String {
        String(info.drop { !$0.isWhitespace }).trimmingCharacters(in: .whitespaces)
    }

    /// True when `line` closes this fence: the same character at least as many times, then only spaces.
    func isClosed(by line: String) -> Bool {
        let lineIndent = line.prefix { $0 == " " }.count
        guard lineIndent <= 3 else { return false }
        let rest = line.dropFirst(lineIndent)
        let run = rest.prefix { $0 == character }.count
        return run >= length && rest.dropFirst(run).allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// A content line with up to the fence's indentation removed, as CommonMark does.
    func unindented(_ line: String) -> String {
        let spaces = min(indent, line.prefix { $0 == " " }.count)
        return String(line.dropFirst(spaces))
    }
}
