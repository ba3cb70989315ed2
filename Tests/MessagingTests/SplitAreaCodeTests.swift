import Testing

@testable import Messaging

private func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0) -> Instant {
    Instant(year: year, month: month, day: day, hour: hour, minute: minute)
}

/// Area codes that straddle a time-zone line must carry both zones, or quiet hours are checked on the wrong clock
/// for part of their subscribers (compliance.md §3.3: send only when every candidate zone is inside the window).
@Suite struct SplitAreaCodeTests {
    /// NANPA's NPA report (2018-10-04), as listed in compliance.md §3.3: US area codes spanning two zones.
    static let nanpaTwoZoneAreaCodes = [
        208, 219, 574, 812, 270, 364, 606, 308, 423, 931, 458, 541, 605, 620, 785, 701, 850, 906, 915,
    ]

    @Test(arguments: nanpaTwoZoneAreaCodes)
    func everyNANPATwoZoneAreaCodeHasAtLeastTwoZones(_ areaCode: Int) throws {
        let info = try #require(AreaCodeDirectory.nanp.lookup(areaCode))
        #expect(info.timeZones.count >= 2, "\(areaCode) \(info.state): \(info.timeZones)")
    }

    /// The reviewer's reproductions: each time is inside the window on the zone the table used to list and outside
    /// it on the other side of the line.
    @Test(arguments: [
        ("+18125550123", utc(2026, 12, 1, 13), "07:00 in Evansville, IN (Central)"),
        ("+15415550123", utc(2026, 12, 2, 4, 30), "21:30 in Ontario, OR (Mountain)"),
        ("+13085550123", utc(2026, 12, 1, 14), "07:00 in Scottsbluff, NE (Mountain)"),
        ("+12195550123", utc(2026, 12, 1, 13), "07:00 in Gary, IN (Central)"),
        ("+19065550123", utc(2026, 12, 1, 13, 30), "07:30 in Menominee, MI (Central)"),
        ("+19155550123", utc(2026, 12, 2, 3, 30), "21:30 on Central time in 915 (west Texas)"),
    ])
    func marketingWaitsUntilTheWholeAreaCodeIsAwake(number: String, at: Instant, localTime: String) throws {
        var consent = ConsentHistory()
        consent.optIn(source: .webForm, at: utc(2026, 1, 1, 0))
        let recipient = RecipientCompliance(phone: try PhoneNumber.parse(number), consent: consent)
        let decision = OutboundGate.standard.check(recipient, purpose: .marketing, subject: "cart", at: at)
        guard case .deferred(_, let reason) = decision else {
            Issue.record("\(number) at \(localTime): expected deferred, got \(decision)")
            return
        }
        #expect(reason.cause == .quietHours)
        #expect(reason.reason.hasPrefix("quiet hours"), "\(reason)")
    }
}
