/// Where an area code is: its country, state or province and every IANA time zone used inside it.
public struct AreaCodeInfo: Hashable, Codable, Sendable {
    public var areaCode: Int
    /// "US" or "CA".
    public var country: String
    /// Two-letter state or province, e.g. "FL".
    public var state: String
    /// IANA zone names, several when the area code spans zones (quiet hours must hold in all of them).
    public var timeZones: [String]

    public init(areaCode: Int, country: String, state: String, timeZones: [String]) {
        self.areaCode = areaCode
        self.country = country
        self.state = state
        self.timeZones = timeZones
    }

    private enum CodingKeys: String, CodingKey {
        case areaCode = "area_code"
        case country, state
        case timeZones = "time_zones"
    }
}
