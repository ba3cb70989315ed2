import Foundation

/// Case- and diacritic-insensitive comparison keys: "Café", "CAFE" and "cafe" all fold to "cafe".
///
/// Canonical decomposition (NFD, locale-free), combining marks dropped, then Unicode lower-casing; curly
/// apostrophes become straight ones and emoji skin tones are dropped, so 👍🏾 compares equal to 👍 (as mailroom does).
enum TextFolding {
    /// The comparison key of `text`.
    /// - Complexity: O(*n*) in the length of `text`; ASCII takes a byte-wise fast path.
    static func fold(_ text: some StringProtocol) -> String {
        var ascii = true
        var hasUpper = false
        for byte in text.utf8 {
            if byte >= 0x80 {
                ascii = false
                break
            }
            if byte >= 0x41 && byte <= 0x5A { hasUpper = true }
        }
        if ascii {
            guard hasUpper else { return String(text) }
            return String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        var scalars = String.UnicodeScalarView()
        for scalar in String(text).decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark: continue
            default: break
            }
            if scalar == "\u{2019}" || scalar == "\u{2018}" || scalar == "\u{02BC}" {
                scalars.append("'")
            } else if isSkinToneOrVariation(scalar) {
                continue
            } else {
                scalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(scalars)
    }

    /// Skin-tone modifiers and emoji variation selectors.
    static func isSkinToneOrVariation(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F3FB...0x1F3FF).contains(scalar.value) || scalar.value == 0xFE0F || scalar.value == 0xFE0E
    }
}
