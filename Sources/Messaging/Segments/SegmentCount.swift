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
    /// Units the last segment holds. Less than `totalUnits` minus the full parts before it when a grapheme or an
    /// escape pair moved to the next part and left its slot empty.
    public var unitsInLastSegment: Int

    /// - Parameter unitsInLastSegment: nil when nothing moved between parts (then it is the remainder).
    public init(
        encoding: TextEncoding,
        segments: Int,
        unitsPerSegment: Int,
        totalUnits: Int,
        nonGSMCharacters: [Character],
        unitsInLastSegment: Int? = nil
    ) {
        self.encoding = encoding
        self.segments = segments
        self.unitsPerSegment = unitsPerSegment
        self.totalUnits = totalUnits
        self.nonGSMCharacters = nonGSMCharacters
        self.unitsInLastSegment =
            unitsInLastSegment ?? (segments == 0 ? 0 : totalUnits - (segments - 1) * unitsPerSegment)
    }

    /// Counts the segments of `text` with the usual 6-octet header on each part of a long message.
    /// - Complexity: O(n) in the length of `text`.
    public static func of(_ text: String) -> SegmentCount {
        of(text, header: .eightBitReference)
    }

    /// Counts the segments of `text` as sent with `header` on each part of a long message (6 octets unless the
    /// route is known to use the 16-bit reference).
    ///
    /// One pass over the scalars settles the encoding and the units; grapheme clusters are walked only when a
    /// UCS-2 message needs several segments or its UCS-2 culprits must be named.
    /// - Complexity: O(n) in the length of `text`; O(n × k) for a UCS-2 text with k distinct culprits.
    public static func of(_ text: String, header: ConcatenationHeader) -> SegmentCount {
        let gsmSeptets: Int? = GSMAlphabet.withLatin1Table { latin1 in
            var septets = 0
            for scalar in text.unicodeScalars {
                let cost = GSMAlphabet.septets(for: scalar, latin1: latin1)
                if cost == 0 { return nil }
                septets += cost
            }
            return septets
        }
        if let septets = gsmSeptets {
            let part = TextEncoding.gsm7.multipartCapacity(header: header)
            let capacity = septets <= 160 ? 160 : part
            let packed = septets <= 160 ? nil : packGSM(text, capacity: part)
            return SegmentCount(
                encoding: .gsm7,
                segments: packed?.segments ?? (septets == 0 ? 0 : 1),
                unitsPerSegment: capacity,
                totalUnits: septets,
                nonGSMCharacters: [],
                unitsInLastSegment: packed?.unitsInLastSegment
            )
        }
        var nonGSM: [Character] = []
        for character in text
        where character.unicodeScalars.contains(where: { GSMAlphabet.septets(for: $0) == 0 })
            && !nonGSM.contains(character)
        {
            nonGSM.append(character)
        }
        let units = text.utf16.count
        let part = TextEncoding.ucs2.multipartCapacity(header: header)
        let capacity = units <= 70 ? 70 : part
        let packed = units <= 70 ? nil : packUCS2(text, capacity: part)
        return SegmentCount(
            encoding: .ucs2,
            segments: packed?.segments ?? 1,
            unitsPerSegment: capacity,
            totalUnits: units,
            nonGSMCharacters: nonGSM,
            unitsInLastSegment: packed?.unitsInLastSegment
        )
    }

    /// Greedy GSM-7 packing into parts of `capacity` septets: an escape pair, and CR LF (one grapheme), never split.
    /// - Complexity: O(n) in the number of scalars.
    private static func packGSM(_ text: String, capacity: Int) -> SegmentPacker {
        GSMAlphabet.withLatin1Table { latin1 in
            var packer = SegmentPacker(capacity: capacity)
            var pendingCarriageReturn = false
            for scalar in text.unicodeScalars {
                if pendingCarriageReturn {
                    pendingCarriageReturn = false
                    if scalar == "\n" {
                        packer.place(2)
                        continue
                    }
                    packer.place(1)
                }
                if scalar == "\r" {
                    pendingCarriageReturn = true
                    continue
                }
                packer.place(GSMAlphabet.septets(for: scalar, latin1: latin1))
            }
            if pendingCarriageReturn { packer.place(1) }
            return packer
        }
    }

    /// Greedy UCS-2 packing into parts of `capacity` units that never splits a grapheme cluster; a cluster larger than a
    /// whole part (a long run of combining marks) is split between its scalars, never inside a surrogate pair.
    /// - Complexity: O(n) in the number of clusters.
    private static func packUCS2(_ text: String, capacity: Int) -> SegmentPacker {
        var packer = SegmentPacker(capacity: capacity)
        for character in text {
            let units = character.utf16.count
            if units <= capacity {
                packer.place(units)
            } else {
                for scalar in character.unicodeScalars { packer.place(scalar.utf16.count) }
            }
        }
        return packer
    }

    /// Units still free in the last segment, e.g. how much text could be added at no extra cost.
    public var unitsLeftInLastSegment: Int {
        segments == 0 ? unitsPerSegment : max(0, unitsPerSegment - unitsInLastSegment)
    }

    private enum CodingKeys: String, CodingKey {
        case encoding, segments
        case unitsPerSegment = "units_per_segment"
        case totalUnits = "total_units"
        case nonGSMCharacters = "non_gsm_characters"
        case unitsInLastSegment = "units_in_last_segment"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        encoding = try container.decode(TextEncoding.self, forKey: .encoding)
        segments = try container.decode(Int.self, forKey: .segments)
        unitsPerSegment = try container.decode(Int.self, forKey: .unitsPerSegment)
        totalUnits = try container.decode(Int.self, forKey: .totalUnits)
        nonGSMCharacters = try container.decode([String].self, forKey: .nonGSMCharacters).compactMap(\.first)
        unitsInLastSegment =
            try container.decodeIfPresent(Int.self, forKey: .unitsInLastSegment)
            ?? (segments == 0 ? 0 : totalUnits - (segments - 1) * unitsPerSegment)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(encoding, forKey: .encoding)
        try container.encode(segments, forKey: .segments)
        try container.encode(unitsPerSegment, forKey: .unitsPerSegment)
        try container.encode(totalUnits, forKey: .totalUnits)
        try container.encode(nonGSMCharacters.map(String.init), forKey: .nonGSMCharacters)
        try container.encode(unitsInLastSegment, forKey: .unitsInLastSegment)
    }
}

/// Fills segments in order; an item that does not fit the current segment starts the next one.
struct SegmentPacker {
    let capacity: Int
    private(set) var segments = 1
    /// Units placed in the current (last) segment.
    private(set) var unitsInLastSegment = 0

    init(capacity: Int) {
        self.capacity = capacity
    }

    mutating func place(_ units: Int) {
        if unitsInLastSegment + units > capacity {
            segments += 1
            unitsInLastSegment = 0
        }
        unitsInLastSegment += units
    }
}
