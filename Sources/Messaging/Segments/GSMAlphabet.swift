/// The GSM-7 default alphabet and its extension table (3GPP TS 23.038 §6.2.1 and §6.2.1.1).
///
/// Checked against TwilioDevEd/message-segment-calculator `UnicodeToGSM.ts`: 127 basic characters (ESC excluded)
/// and 10 extension characters that cost an escape septet plus their own.
enum GSMAlphabet {
    /// The basic table in code-point order 0x00–0x7F, ESC (0x1B) left out.
    static let basic: [Unicode.Scalar] = Array(
        ("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§"
            + "¿abcdefghijklmnopqrstuvwxyzäöñüà").unicodeScalars
    )

    /// The extension table: form feed ^ { } \ [ ~ ] | €.
    static let extended: [Unicode.Scalar] = Array("\u{0C}^{}\\[~]|€".unicodeScalars)

    /// Septets per Latin-1 code point (0 = not GSM-7), so the common case is one array read.
    private static let latin1Septets: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for scalar in basic where scalar.value < 256 { table[Int(scalar.value)] = 1 }
        for scalar in extended where scalar.value < 256 { table[Int(scalar.value)] = 2 }
        return table
    }()

    /// Septets `scalar` costs in GSM-7: 1 for the basic table, 2 for the extension table, 0 when it has none.
    /// - Complexity: O(1).
    static func septets(for scalar: Unicode.Scalar) -> Int {
        latin1Septets.withUnsafeBufferPointer { septets(for: scalar, latin1: $0) }
    }

    /// `septets(for:)` with the Latin-1 table already in hand (see `withLatin1Table`).
    @inline(__always)
    static func septets(for scalar: Unicode.Scalar, latin1: UnsafeBufferPointer<UInt8>) -> Int {
        let value = scalar.value
        if value < 256 { return Int(latin1[Int(value)]) }
        switch value {
        // Γ Δ Θ Λ Ξ Π Σ Φ Ψ Ω
        case 0x0393, 0x0394, 0x0398, 0x039B, 0x039E, 0x03A0, 0x03A3, 0x03A6, 0x03A8, 0x03A9: return 1
        case 0x20AC: return 2  // €
        default: return 0
        }
    }

    /// Runs `body` with the Latin-1 table read once: a loop over a text's scalars that calls `septets(for:)` pays
    /// the lazy global's initialisation check on every scalar (a third of the time a simulation spent counting
    /// segments).
    static func withLatin1Table<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        latin1Septets.withUnsafeBufferPointer(body)
    }
}
