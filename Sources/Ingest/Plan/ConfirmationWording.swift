import Messaging

/// Recognises an outbound text as the opt-out confirmation Messaging sends (`ComplianceReplies`' wording), whatever
/// the brand: the log's evidence of an opt-out that a reviewer or agent decided, which no keyword shows.
///
/// The template's placeholders (`{brand}`, `{contact}`) match any non-empty run of bytes without a line break; the
/// text between them must be there byte for byte, in order. O(body length) per text.
struct ConfirmationWording: Sendable {
    /// The literal pieces between placeholders, in order; `leadingPlaceholder` says whether one comes first.
    private let pieces: [[UInt8]]
    private let leadingPlaceholder: Bool
    private let trailingPlaceholder: Bool

    static let optOut = ConfirmationWording(template: ComplianceReplies.defaultOptOutTemplate)

    init(template: String) {
        var pieces: [[UInt8]] = []
        var current: [UInt8] = []
        var rest = Substring(template)
        var leading = false
        var trailing = false
        while !rest.isEmpty {
            if rest.hasPrefix("{brand}") || rest.hasPrefix("{contact}") {
                if pieces.isEmpty && current.isEmpty { leading = true }
                if !current.isEmpty { pieces.append(current) }
                current = []
                rest = rest.dropFirst(rest.hasPrefix("{brand}") ? 7 : 9)
                trailing = rest.isEmpty
                continue
            }
            current.append(contentsOf: String(rest.first!).utf8)
            rest = rest.dropFirst()
        }
        if !current.isEmpty { pieces.append(current) }
        self.pieces = pieces
        leadingPlaceholder = leading
        trailingPlaceholder = trailing
    }

    /// True when `body` reads as the template with some brand and contact filled in.
    func matches(_ body: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let last = pieces.last, body.count >= last.count else { return false }
        var position = 0
        for (number, piece) in pieces.enumerated() {
            let isFirst = number == 0
            let isLast = number == pieces.count - 1
            let found: Int?
            if isLast && !trailingPlaceholder {
                let start = body.count - piece.count
                found = start >= position && Self.equal(body, at: start, piece) ? start : nil
            } else if isFirst && !leadingPlaceholder {
                found = Self.equal(body, at: 0, piece) ? 0 : nil
            } else {
                found = Self.find(piece, in: body, from: position + 1)
            }
            guard let found else { return false }
            // A placeholder before this piece must have filled something, on one line.
            if !(isFirst && !leadingPlaceholder) {
                guard found > position, !body[position..<found].contains(10) else { return false }
            }
            position = found + piece.count
        }
        return trailingPlaceholder ? position < body.count && !body[position...].contains(10) : position == body.count
    }

    private static func equal(_ body: UnsafeBufferPointer<UInt8>, at start: Int, _ piece: [UInt8]) -> Bool {
        guard start >= 0, start + piece.count <= body.count else { return false }
        for offset in 0..<piece.count where body[start + offset] != piece[offset] { return false }
        return true
    }

    private static func find(_ piece: [UInt8], in body: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard piece.count <= body.count else { return nil }
        var index = start
        while index + piece.count <= body.count {
            if equal(body, at: index, piece) { return index }
            index += 1
        }
        return nil
    }
}
