import Foundation
import JSONDocument

/// What the brand sells: carts and past orders are drawn from it, so texts name real-sounding products at
/// believable prices (`datasets/catalog.json`).
public struct Catalog: Sendable {
    public struct Category: Sendable, Equatable {
        public var name: String
        /// Sizes in order (XS…XXL, 6…12); empty when the category is not sized.
        public var sizes: [String]
    }

    public struct Product: Sendable, Equatable {
        public var sku: String
        public var name: String
        public var categoryIndex: Int
        /// List price in integer cents.
        public var priceCents: Int64
        /// Relative weight for how often the product lands in a cart or an order.
        public var popularity: Double
    }

    public var brand: String
    public var categories: [Category]
    public var products: [Product]

    /// Parses a catalog file; errors name `file` and the JSON path.
    public static func load(path: String) throws(PopulationError) -> Catalog {
        try parse(SpecReader.load(URL(fileURLWithPath: path), file: path))
    }

    static func parse(_ root: SpecReader) throws(PopulationError) -> Catalog {
        let object = try root.requireObject(allowed: ["brand", "categories", "products"])
        let brand = try object.required("brand").string()
        var categories: [Category] = []
        for node in try object.required("categories").array() {
            let category = try node.requireObject(allowed: ["name", "sizes"])
            let name = try category.required("name").string()
            if categories.contains(where: { $0.name == name }) {
                throw try category.required("name").fail("category '\(name)' is listed twice")
            }
            var sizes: [String] = []
            for size in try category.child("sizes")?.array() ?? [] { sizes.append(try size.string()) }
            categories.append(Category(name: name, sizes: sizes))
        }
        var products: [Product] = []
        for node in try object.required("products").array() {
            let product = try node.requireObject(allowed: ["sku", "name", "category", "price_cents", "popularity"])
            let categoryNode = try product.required("category")
            let categoryName = try categoryNode.string()
            guard let categoryIndex = categories.firstIndex(where: { $0.name == categoryName }) else {
                throw categoryNode.fail(
                    "unknown category '\(categoryName)'; expected one of \(categories.map(\.name).joined(separator: ", "))"
                )
            }
            products.append(
                Product(
                    sku: try product.required("sku").string(),
                    name: try product.required("name").string(),
                    categoryIndex: categoryIndex,
                    priceCents: Int64(try product.required("price_cents").integer(in: 1...100_000_000)),
                    popularity: try product.required("popularity").positive()
                )
            )
        }
        if products.isEmpty { throw try object.required("products").fail("must list at least one product") }
        if products.count > Int(UInt16.max) { throw try object.required("products").fail("at most 65535 products") }
        return Catalog(brand: brand, categories: categories, products: products)
    }
}

/// First names weighted by how common they are, for `{{first_name}}` personalisation.
public struct FirstNames: Sendable {
    public var female: [(name: String, weight: Double)]
    public var male: [(name: String, weight: Double)]

    public static func load(path: String) throws(PopulationError) -> FirstNames {
        try parse(SpecReader.load(URL(fileURLWithPath: path), file: path))
    }

    static func parse(_ root: SpecReader) throws(PopulationError) -> FirstNames {
        let object = try root.requireObject(allowed: ["source", "female", "male"])
        func list(_ key: String) throws(PopulationError) -> [(name: String, weight: Double)] {
            let node = try object.required(key)
            var names: [(name: String, weight: Double)] = []
            for entry in try node.array() {
                let fields = try entry.requireObject(allowed: ["name", "percent"])
                names.append((try fields.required("name").string(), try fields.required("percent").positive()))
            }
            if names.isEmpty { throw node.fail("must list at least one name") }
            return names
        }
        return FirstNames(female: try list("female"), male: try list("male"))
    }
}
