/// How a message body travels over SMS; decides how many characters fit in a segment.
public enum TextEncoding: String, Codable, Sendable, CaseIterable {
    /// The 3GPP TS 23.038 default alphabet, 7 bits a character: 160 per single segment, 153 per part.
    case gsm7 = "GSM-7"
    /// 16-bit UTF-16 code units (carriers call it UCS-2): 70 per single segment, 67 per part.
    case ucs2 = "UCS-2"

    /// Units in a message that fits one segment (no concatenation header).
    public var singleSegmentCapacity: Int { self == .gsm7 ? 160 : 70 }

    /// Units per part once the 6-octet concatenation header (IEI 0x00) takes its room.
    public var multipartCapacity: Int { multipartCapacity(header: .eightBitReference) }

    /// Units per part after `header`: the 140-octet user data less the header, in septets or 16-bit units.
    public func multipartCapacity(header: ConcatenationHeader) -> Int {
        let bits = (140 - header.octets) * 8
        return self == .gsm7 ? bits / 7 : bits / 16
    }

    /// What one unit is called in explanations.

    public var unitName: String { self == .gsm7 ? "septets" : "UTF-16 units" }
}

/// The user-data header a route adds to each part of a long message (3GPP TS 23.040 §9.2.3.24.1 and .8).
public enum ConcatenationHeader: String, Codable, Sendable, CaseIterable {
    /// 6 octets (IEI 0x00, 8-bit reference): 153 GSM-7 septets or 67 UCS-2 units a part; what Twilio, Telnyx,
    /// AWS and SendGrid document.
    case eightBitReference = "8-bit"
    /// 7 octets (IEI 0x08, 16-bit reference): 152 or 66 a part; reported (unverified) for US toll-free routes.
    case sixteenBitReference = "16-bit"

    /// Header length in octets, including the header-length octet.
    public var octets: Int { self == .eightBitReference ? 6 : 7 }
}
