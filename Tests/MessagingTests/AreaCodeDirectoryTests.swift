import Foundation
import Testing

@testable import Messaging

@Suite struct AreaCodeDirectoryTests {
    /// datasets/nanp-area-codes.csv, found from this file's path.
    static func csvRows() throws -> [AreaCodeInfo] {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("datasets/nanp-area-codes.csv")
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).dropFirst().map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return AreaCodeInfo(
                areaCode: Int(fields[0]) ?? -1,
                country: fields[1],
                state: fields[2],
                timeZones: fields[3].split(separator: ";").map(String.init)
            )
        }
    }

    @Test func embeddedTableEqualsTheDatasetFile() throws {
        let rows = try Self.csvRows()
        #expect(rows.count == 413)
        #expect(AreaCodeDirectory.embeddedRows == rows)
        #expect(AreaCodeDirectory.nanp.all == rows.sorted { $0.areaCode < $1.areaCode })
    }

    @Test func looksUpStateAndZones() throws {
        let directory = AreaCodeDirectory.nanp
        #expect(
            directory.lookup(415)
                == AreaCodeInfo(
                    areaCode: 415,
                    country: "US",
                    state: "CA",
                    timeZones: ["America/Los_Angeles"]
                )
        )
        #expect(directory.lookup(305)?.state == "FL")
        #expect(directory.lookup(850)?.timeZones == ["America/Chicago", "America/New_York"])
        #expect(directory.lookup(208)?.timeZones.count == 3)
        #expect(directory.lookup(602)?.timeZones == ["America/Phoenix"])
        #expect(directory.lookup(416)?.country == "CA")
        #expect(directory.lookup(800) == nil)
        #expect(directory.lookup(-1) == nil)
        #expect(directory.lookup(5000) == nil)
    }

    @Test func allIsSortedAndUnique() {
        let codes = AreaCodeDirectory.nanp.all.map(\.areaCode)
        #expect(codes == codes.sorted())
        #expect(Set(codes).count == codes.count)
    }

    @Test func everyZoneIsKnownToTheSystemDatabase() {
        for name in AreaCodeDirectory.nanp.timeZoneNames {
            #expect(TimeZone(identifier: name) != nil, "unknown zone \(name)")
        }
    }

    @Test func everyAreaCodeIsAValidNANPCode() throws {
        for info in AreaCodeDirectory.nanp.all {
            let phone = try PhoneNumber.parse("\(info.areaCode)5550123")
            #expect(phone.areaCode == info.areaCode)
        }
    }
}
