/// One CSV field, typed so numbers stay numbers and only text is neutralised against formula injection.
public enum CSVCell: Sendable, Hashable {
    /// Free text: quoted when needed and prefixed with `'` when it starts with `= + - @`, tab or CR.
    case text(String)
    /// A whole number, written as plain decimal digits ("-1500").
    case integer(Int64)
    /// A decimal with exactly `places` decimals ("0.183400"); NaN and infinities are written empty.
    case decimal(Double, places: Int)
    /// An empty field (a missing value).
    case empty
}
