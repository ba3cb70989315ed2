import Foundation

@testable import Population

/// Paths into the repository's datasets, found from this file's location so tests run from any directory.
enum Fixtures {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let populations = repository.appendingPathComponent("datasets/populations").path
    static let defaultSpecPath = populations + "/default.json"

    static let defaultSpec: PopulationSpec = try! PopulationSpec.load(path: defaultSpecPath)
    static let generator: PopulationGenerator = try! PopulationGenerator(spec: defaultSpec)

    /// The default spec as a mutable JSON object, for tests that break one value.
    static func defaultSpecObject() -> [String: Any] {
        let data = try! Data(contentsOf: URL(fileURLWithPath: defaultSpecPath))
        return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    /// Parses `object` as if it were a spec file in datasets/populations named `file`.
    static func parse(_ object: [String: Any], file: String = "broken.json") throws(PopulationError) -> PopulationSpec {
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return try PopulationSpec.parse(data: data, file: file, baseDirectory: populations)
    }
}
