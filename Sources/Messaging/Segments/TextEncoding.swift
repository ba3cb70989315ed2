/// How a message body travels over SMS; decides how many characters fit in a segment.
public enum TextEncoding: String, Codable, Sendable, CaseIterable {
    /// The 3GPP TS 23.038 default alphabet, 7 bits a character: 160 per single segment, 153 per part.
    case gsm7 = "GSM-7"
    /// 16-bit UTF-16 code units (carriers call it UCS-2): 70 per single segment, 67 per part.
    case ucs2 = "UCS-2"

    /// Units in a message that fits one segment (no concatenation header).
    public var singleSegmentCapacity: Int { self == .gsm7 ? 160 : 70 }

    /// Units per part once the 6-octet concatenation header (IEI 0x00) takes its room.
    public var multipartCapacity: Int { self == .gsm7 ? 153 : 67 }

    /// What one unit is called in explanations.
    public var unitName: String { self == .gsm7 ? "septets" : "UTF-16 units" }
}
