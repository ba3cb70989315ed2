/// The one way model text reaches HTML, SVG or markdown: phone numbers masked (unless shown on purpose),
/// then escaped for the target.
struct TextSafety: Sendable {
    var showNumbers: Bool

    /// `text` with phone numbers masked unless `showNumbers`.
    func plain(_ text: String) -> String { showNumbers ? text : PhoneMasker.mask(text) }

    /// `text` masked and HTML-escaped, for element content and quoted attributes.
    func html(_ text: String) -> String { HTMLText.escape(plain(text)) }

    /// A report value's display text, masked and escaped.
    func html(_ value: ReportValue) -> String { html(ValueText.display(value)) }

    /// A CSV cell with its text masked.
    func csv(_ cell: CSVCell) -> CSVCell {
        if case .text(let text) = cell { return .text(plain(text)) }
        return cell
    }
}
