import Foundation

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
        try parse(JSONNode.load(URL(fileURLWithPath: path), file: path))
    }

    static func parse(_ root: JSONNode) throws(PopulationError) -> Catalog {
        let object = try root.object(allowing: ["brand", "categories", "products"])
        let brand = try object.require("brand").string()
        var categories: [Category] = []
        for node in try object.require("categories").array() {
            let category = try node.object(allowing: ["name", "sizes"])
            let name = try category.require("name").string()
            if categories.contains(where: { $0.name == name }) {
                throw try category.require("name").fail("category '\(name)' is listed twice")
            }
            var sizes: [String] = []
            for size in try category.optional("sizes")?.array() ?? [] { sizes.append(try size.string()) }
            categories.append(Category(name: name, sizes: sizes))
        }
        var products: [Product] = []
        for node in try object.require("products").array() {
            let product = try node.object(allowing: ["sku", "name", "category", "price_cents", "popularity"])
            let categoryNode = try product.require("category")
            let categoryName = try categoryNode.string()
            guard let categoryIndex = categories.firstIndex(where: { $0.name == categoryName }) else {
                throw categoryNode.fail(
                    "unknown category '\(categoryName)'; expected one of \(categories.map(\.name).joined(separator: ", "))"
                )
            }
            products.append(
                Product(
                    sku: try product.require("sku").string(),
                    name: try product.require("name").string(),
                    categoryIndex: categoryIndex,
                    priceCents: Int64(try product.require("price_cents").integer(in: 1...100_000_000)),
                    popularity: try product.require("popularity").positive()
                )
            )
        }
        if products.isEmpty { throw try object.require("products").fail("must list at least one product") }
        if products.count > Int(UInt16.max) { throw try object.require("products").fail("at most 65535 products") }
        return Catalog(brand: brand, categories: categories, products: products)
    }
}

/// First names weighted by how common they are, for `{{first_name}}` personalisation.
public struct FirstNames: Sendable {
    public var female: [(name: String, weight: Double)]
    public var male: [(name: String, weight: Double)]

    public static func load(path: String) throws(PopulationError) -> FirstNames {
        try parse(JSONNode.load(URL(fileURLWithPath: path), file: path))
    }

    static func parse(_ root: JSONNode) throws(PopulationError) -> FirstNames {
        let object = try root.object(allowing: ["source", "female", "male"])
        func list(_ key: String) throws(PopulationError) -> [(name: String, weight: Double)] {
            let node = try object.require(key)
            var names: [(name: String, weight: Double)] = []
            for entry in try node.array() {
                let fields = try entry.object(allowing: ["name", "percent"])
                names.append((try fields.require("name").string(), try fields.require("percent").positive()))
            }
            if names.isEmpty { throw node.fail("must list at least one name") }
            return names
        }
        return FirstNames(female: try list("female"), male: try list("male"))
    }
}
