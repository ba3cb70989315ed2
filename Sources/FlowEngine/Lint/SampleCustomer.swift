import JSONDocument

/// A typical customer with every documented attribute: the linter estimates lengths with it and `flow chat`
/// talks to it when no `--customer` is given.
public enum SampleCustomer {
    public static let attributes: JSONValue = try! JSONParser.parse(json, file: "SampleCustomer")

    /// The same customer as JSON text, keys in the contract's order.
    public static let json = """
        {"first_name": "Maya", "segment": "active", "state": "CA", "time_zone": "America/Los_Angeles",
         "consent_source": "checkout",
         "cart": {"id": "C-10442", "total": 8450, "item_count": 2, "checkout_url": "https://shop.example/c/10442",
                  "items": [{"name": "Trail Runner 2", "category": "shoes", "price": 6450, "quantity": 1, "size": "8"},
                            {"name": "Merino Socks", "category": "accessories", "price": 2000, "quantity": 1}]},
         "last_order": {"id": "O-88120", "product": "Pour-Over Kettle", "category": "kitchen", "total": 5900, "days_ago": 21},
         "appointment": {"service": "Haircut & color", "date": "Tue, Dec 2", "time": "3:30 PM"},
         "lead": {"company": "Northwind Dental", "interest": "online booking"}}
        """
}
