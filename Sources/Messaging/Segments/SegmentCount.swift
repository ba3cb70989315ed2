/// How a message body splits into SMS segments, which is what a carrier bills.
///
/// Follows Twilio's segment calculator: one character outside GSM-7 makes the whole message UCS-2; GSM extension
/// characters cost two septets; UCS-2 counts UTF-16 units (an emoji costs 2); and a segment never splits a
/// grapheme cluster or an escape pair, so a cluster that does not fit moves whole to the next segment. That is
/// why `a×152 + € + a×152` needs 3 segments, not 2 (compliance.md §4.4).
public struct SegmentCount: Hashable, Codable, Sendable {
    /// GSM-7 when every character is in the GSM alphabet, else UCS-2.
    public var encoding: TextEncoding
    /// Segments billed; 0 for an empty body (there is nothing to send).
    public var segments: Int
    /// 160/70 for a single segment, 153/67 per part once concatenated.
    public var unitsPerSegment: Int
    /// Septets (GSM-7) or UTF-16 code units (UCS-2) in the whole body.
    public var totalUnits: Int
    /// The characters that forced UCS-2, in order of first appearance, each once.
    public var nonGSMCharacters: [Character]

    public init(
        encoding: TextEncoding, segments: Int, unitsPerSegment: Int, totalUnits: Int, nonGSMCharacters: [Character]
    ) {
        self.encoding = encoding
        self.segments = segments
        self.unitsPerSegment = unitsPerSegment
        self.totalUnits = totalUnits
        self.nonGSMCharacters = nonGSMCharacters
    }

    /// Counts the segments of `text` as sent with a 6-octet concatenation header.
    /// - Complexity: O(n) in the length of `text`.
    public static func of(_ text: String) -> SegmentCount {
        var nonGSM: [Character] = []
        var clusterUnits: [Int] = []
        var isGSM = true
        for character in text {
            var septets = 0
            var characterIsGSM = true
            for scalar in character.unicodeScalars {
                let cost = GSMAlphabet.septets(for: scalar)
                if cost == 0 { characterIsGSM = false }
                septets += cost
            }
            if !characterIsGSM {
                isGSM = false
                if !nonGSM.contains(character) { nonGSM.append(character) }
            }
            clusterUnits.append(septets)
        }
        let encoding: TextEncoding = isGSM ? .gsm7 : .ucs2
        if !isGSM {
            clusterUnits = text.map { $0.utf16.count }
        }
        let total = clusterUnits.reduce(0, +)
        let segments: Int
        let perSegment: Int
        if total == 0 {
            segments = 0
            perSegment = encoding.singleSegmentCapacity
        } else if total <= encoding.singleSegmentCapacity {
            segments = 1
            perSegment = encoding.singleSegmentCapacity
        } else {
            perSegment = encoding.multipartCapacity
            segments = packAtomically(clusters: clusterUnits, text: text, encoding: encoding, capacity: perSegment)
        }
        return SegmentCount(
            encoding: encoding, segments: segments, unitsPerSegment: perSegment, totalUnits: total,
            nonGSMCharacters: nonGSM)
    }

    /// Greedy packing that never splits a cluster; a cluster larger than a whole segment (a long run of
    /// combining marks) is split between its scalars, never inside an escape or surrogate pair.
    /// - Complexity: O(n) in the number of clusters.
    private static func packAtomically(clusters: [Int], text: String, encoding: TextEncoding, capacity: Int) -> Int {
        var segments = 1
        var used = 0
        for (index, units) in clusters.enumerated() {
            if units <= capacity {
                if used + units > capacity {
                    segments += 1
                    used = 0
                }
                used += units
                continue
            }
            let character = text[text.index(text.startIndex, offsetBy: index)]
            for scalar in character.unicodeScalars {
                let scalarUnits = encoding == .gsm7 ? GSMAlphabet.septets(for: scalar) : scalar.utf16.count
                if used + scalarUnits > capacity {
                    segments += 1
                    used = 0
                }
                used += scalarUnits
            }
        }
        return segments
    }

    /// Units still free in the last segment, e.g. how much text could be added at no extra cost.
    public var unitsLeftInLastSegment: Int {
        segments == 0 ? unitsPerSegment : max(0, segments * unitsPerSegment - totalUnits)
    }

    private enum CodingKeys: String, CodingKey {
        case encoding, segments
        case unitsPerSegment = "units_per_segment"
        case totalUnits = "total_units"
        case nonGSMCharacters = "non_gsm_characters"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        encoding = try container.decode(TextEncoding.self, forKey: .encoding)
        segments = try container.decode(Int.self, forKey: .segments)
        unitsPerSegment = try container.decode(Int.self, forKey: .unitsPerSegment)
        totalUnits = try container.decode(Int.self, forKey: .totalUnits)
        nonGSMCharacters = try container.decode([String].self, forKey: .nonGSMCharacters).compactMap(\.first)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(encoding, forKey: .encoding)
        try container.encode(segments, forKey: .segments)
        try container.encode(unitsPerSegment, forKey: .unitsPerSegment)
        try container.encode(totalUnits, forKey: .totalUnits)
        try container.encode(nonGSMCharacters.map(String.init), forKey: .nonGSMCharacters)
    }
}
