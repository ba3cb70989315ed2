import Foundation
import Testing

@testable import Population

/// A broken spec is refused with the file, the JSON path of the bad value and what is wrong with it.
@Suite struct SpecErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var label: String
        var path: String
        var reasonContains: String
        var mutate: @Sendable (inout [String: Any]) -> Void
        var testDescription: String { label }
    }

    static func segments(_ object: [String: Any]) -> [[String: Any]] { object["segments"] as! [[String: Any]] }

    static let cases: [Case] = [
        Case(label: "share above 1", path: "$.segments[1].share", reasonContains: "must be from 0 to 1, got 1.4") {
            var list = segments($0)
            list[1]["share"] = 1.4
            $0["segments"] = list
        },
        Case(label: "misspelt key", path: "$.segments[0].shar", reasonContains: "unknown key 'shar'") {
            var list = segments($0)
            list[0]["shar"] = 0.3
            $0["segments"] = list
        },
        Case(label: "shares not adding to 1", path: "$.segments", reasonContains: "add up to 1, got 0.95") {
            var list = segments($0)
            list[3]["share"] = 0.05
            $0["segments"] = list
        },
        Case(label: "unknown segment", path: "$.segments[2].name", reasonContains: "unknown segment 'dormant'") {
            var list = segments($0)
            list[2]["name"] = "dormant"
            $0["segments"] = list
        },
        Case(label: "duplicate segment", path: "$.segments[1].name", reasonContains: "listed twice") {
            var list = segments($0)
            list[1]["name"] = "new"
            $0["segments"] = list
        },
        Case(label: "range upside down", path: "$.segments[0].tenure_days.max", reasonContains: "at least min") {
            var list = segments($0)
            list[0]["tenure_days"] = ["min": 30, "max": 10]
            $0["segments"] = list
        },
        Case(label: "fractional order count", path: "$.segments[3].minimum_orders", reasonContains: "whole number") {
            var list = segments($0)
            list[3]["minimum_orders"] = 2.5
            $0["segments"] = list
        },
        Case(
            label: "string for a number",
            path: "$.segments[0].cart_share",
            reasonContains: "expected a number, got a string"
        ) {
            var list = segments($0)
            list[0]["cart_share"] = "25%"
            $0["segments"] = list
        },
        Case(label: "boolean for a number", path: "$.female_share", reasonContains: "got a boolean") {
            $0["female_share"] = true
        },
        Case(label: "missing key", path: "$.cart", reasonContains: "missing required key 'maximum_items'") {
            var cart = $0["cart"] as! [String: Any]
            cart["maximum_items"] = nil
            $0["cart"] = cart
        },
        Case(
            label: "unknown consent source",
            path: "$.consent.sources.sms",
            reasonContains: "unknown consent source 'sms'"
        ) {
            var consent = $0["consent"] as! [String: Any]
            var sources = consent["sources"] as! [String: Any]
            sources["sms"] = 0.1
            consent["sources"] = sources
            $0["consent"] = consent
        },
        Case(label: "bad date", path: "$.as_of", reasonContains: "YYYY-MM-DD") { $0["as_of"] = "2026-02-30" },
        Case(label: "state code", path: "$.states.weights.California", reasonContains: "two-letter postal code") {
            var states = $0["states"] as! [String: Any]
            var weights = states["weights"] as! [String: Any]
            weights["California"] = 1
            states["weights"] = weights
            $0["states"] = states
        },
        Case(label: "unknown question topic", path: "$.questions.colour", reasonContains: "unknown question topic") {
            var questions = $0["questions"] as! [String: Any]
            questions["colour"] = 0.1
            $0["questions"] = questions
        },
        Case(
            label: "zone not in the area code",
            path: "$.time_zone_splits[\"907\"][\"America/Denver\"]",
            reasonContains: "its zones are America/Adak, America/Anchorage, America/Juneau"
        ) {
            var splits = $0["time_zone_splits"] as! [String: Any]
            splits["907"] = ["America/Denver": 1]
            $0["time_zone_splits"] = splits
        },
        Case(label: "state without an area code", path: "$.states.weights.ZZ", reasonContains: "no US area code") {
            var states = $0["states"] as! [String: Any]
            var weights = states["weights"] as! [String: Any]
            weights["ZZ"] = 1
            states["weights"] = weights
            $0["states"] = states
        },
    ]

    @Test(arguments: cases)
    func brokenSpecNamesThePath(_ testCase: Case) {
        var object = Fixtures.defaultSpecObject()
        testCase.mutate(&object)
        do {
            let spec = try Fixtures.parse(object)
            _ = try PopulationGenerator(spec: spec)
            Issue.record("\(testCase.label): accepted")
        } catch {
            #expect(error.path == testCase.path)
            #expect(error.description.hasPrefix("broken.json: \(testCase.path): "), "\(error.description)")
            #expect(error.description.contains(testCase.reasonContains), "\(error.description)")
        }
    }

    @Test func invalidJSONIsReportedAtTheRoot() {
        #expect(throws: PopulationError.self) {
            _ = try PopulationSpec.parse(data: Data("{\"name\": ".utf8), file: "cut.json", baseDirectory: "/")
        }
        do {
            _ = try PopulationSpec.parse(data: Data("[1, 2]".utf8), file: "list.json", baseDirectory: "/")
        } catch {
            #expect(error == .invalid(file: "list.json", path: "$", reason: "expected an object, got an array"))
        }
    }

    @Test func duplicateKeyIsRefusedWithItsLine() {
        let text = "{\"name\": \"a\",\n \"name\": \"b\"}"
        let error = #expect(throws: PopulationError.self) {
            _ = try PopulationSpec.parse(data: Data(text.utf8), file: "twice.json", baseDirectory: "/")
        }
        #expect(error?.path == "$")
        #expect(
            error?.description
                == "twice.json: $: not valid JSON (line 2, column 2: found the key \"name\" a second time in the same "
                + "object; expected each key once)"
        )
    }

    @Test func catalogErrorsNameTheCatalogFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("replylab-catalog-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let catalog = directory.appendingPathComponent("catalog.json")
        try Data(
            """
            {"brand": "X", "categories": [{"name": "tops", "sizes": ["S"]}],
             "products": [{"sku": "A", "name": "Tee", "category": "shoes", "price_cents": 100, "popularity": 1}]}
            """.utf8
        ).write(to: catalog)
        var object = Fixtures.defaultSpecObject()
        object["catalog"] = catalog.path
        #expect {
            _ = try Fixtures.parse(object)
        } throws: { error in
            let error = error as! PopulationError
            return error
                == .invalid(
                    file: catalog.path,
                    path: "$.products[0].category",
                    reason: "unknown category 'shoes'; expected one of tops"
                )
        }
    }

    @Test func missingSpecFileSaysSo() {
        #expect {
            _ = try PopulationSpec.load(path: "/no/such/spec.json")
        } throws: { error in
            guard case .unreadable(let file, _) = error as! PopulationError else { return false }
            return file == "/no/such/spec.json"
        }
    }
}
