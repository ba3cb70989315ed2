import Foundation
import JSONDocument

/// Reads holiday calendars from JSON (`datasets/holidays.json`), so a state's list or observance rule can be
/// corrected as data once its statute is checked. A calendar may start from another's list (`"includes"`).
public enum HolidayCalendarFile {
    /// Every enabled calendar of the file at `path`, in file order.
    /// - Throws: `MessagingDataError` naming the JSON path of the first problem.
    public static func load(contentsOf path: String) throws -> [HolidayCalendar] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MessagingDataError(file: path, path: "$", problem: "cannot read the file (does it exist?)")
        }
        return try decode(data, file: path)
    }

    public static func decode(_ data: Data, file: String) throws -> [HolidayCalendar] {
        try decode(Reader(parsing: [UInt8](data), file: file))
    }

    private typealias Reader = JSONReader<MessagingDataError>

    static let calendarKeys = [
        "name", "states", "includes", "holidays", "observed", "blocks_marketing", "source", "confidence", "enabled",
        "note",
    ]
    static let holidayKeys = ["name", "date", "from_year"]

    private static func decode(_ root: Reader) throws(MessagingDataError) -> [HolidayCalendar] {
        func fail(_ path: String, _ problem: String) -> MessagingDataError {
            MessagingDataError(file: root.file, path: path, problem: problem)
        }
        _ = try root.requireObject(allowed: ["about", "calendars"])
        guard let calendars = try? root.child("calendars")?.array() else {
            throw fail("$.calendars", "expected an array of calendars")
        }
        var lists: [String: [HolidayCalendar.Holiday]] = [:]
        var result: [HolidayCalendar] = []
        for calendar in calendars {
            let path = calendar.path
            _ = try calendar.requireObject(allowed: calendarKeys)
            guard let name = try? calendar.child("name")?.nonEmptyString() else {
                throw fail("\(path).name", "expected the calendar's name, e.g. \"Louisiana\"")
            }
            guard let source = try? calendar.child("source")?.nonEmptyString() else {
                throw fail("\(path).source", "every calendar needs its statute or regulation")
            }
            let states = (try? calendar.child("states")?.stringArray()) ?? nil
            guard let states, states.allSatisfy({ $0.count == 2 && $0 == $0.uppercased() }) else {
                throw fail("\(path).states", "expected two-letter state codes such as [\"LA\"], or [] for federal")
            }
            let observedText = (try? calendar.child("observed")?.string()) ?? "none"
            guard let observance = HolidayObservance(rawValue: observedText) else {
                throw fail(
                    "\(path).observed",
                    "expected " + HolidayObservance.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
                )
            }
            var holidays: [HolidayCalendar.Holiday] = []
            if let includes = calendar.child("includes") {
                guard let included = try? includes.string(), let list = lists[included] else {
                    throw fail(includes.path, "expected the name of a calendar earlier in the file")
                }
                holidays = list
            }
            for holiday in (try? calendar.child("holidays")?.array()) ?? [] {
                _ = try holiday.requireObject(allowed: holidayKeys)
                guard let holidayName = try? holiday.child("name")?.nonEmptyString() else {
                    throw fail("\(holiday.path).name", "expected the holiday's name")
                }
                guard let text = try? holiday.child("date")?.string(), let date = HolidayDate(text) else {
                    throw fail(
                        "\(holiday.path).date",
                        "expected \"MM-DD\", \"3rd mon jan\" (1st…5th or last; sun…sat; jan…dec) or \"easter-2\""
                    )
                }
                var fromYear: Int?
                if let from = holiday.child("from_year") {
                    guard let year = try? from.integer(in: 1800...2200) else {
                        throw fail(from.path, "expected a year such as 2021")
                    }
                    fromYear = year
                }
                holidays.append(HolidayCalendar.Holiday(holidayName, date, fromYear: fromYear))
            }
            guard !holidays.isEmpty else { throw fail("\(path).holidays", "a calendar needs at least one holiday") }
            lists[name] = holidays
            if let enabled = calendar.child("enabled") {
                guard let flag = try? enabled.bool() else { throw fail(enabled.path, "expected true or false") }
                if !flag { continue }
            }
            let blocks = (try? calendar.child("blocks_marketing")?.bool()) ?? nil
            guard let blocks else { throw fail("\(path).blocks_marketing", "expected true or false") }
            result.append(
                HolidayCalendar(
                    name: name,
                    states: states,
                    holidays: holidays,
                    observance: observance,
                    blocksMarketing: blocks,
                    source: source
                )
            )
        }
        return result
    }
}
