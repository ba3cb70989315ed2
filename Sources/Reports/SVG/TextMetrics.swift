/// Estimated text widths for laying out chart labels without a font engine (deliberately generous, so labels fit
/// the widest common sans-serif, DejaVu Sans, that Linux browsers fall back to).
enum TextMetrics {
    /// Width of `text` in pixels at `size` px.
    static func width(_ text: String, size: Double) -> Double {
        var em = 0.0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "i", "l", "j", "!", "|", ".", ",", ":", ";", "'", "I", "f", "t", "(", ")", "[", "]", " ": em += 0.36
            case "m", "w", "M", "W", "@", "%": em += 0.95
            case "A"..."Z": em += 0.74
            case "0"..."9", "$", "+", "-", "\u{2212}", "=", "#", "*", "?", "_": em += 0.66
            case "\u{0}"..."\u{7F}": em += 0.63
            default: em += scalar.properties.isEmojiPresentation || scalar.value > 0x2E80 ? 1.1 : 0.66
            }
        }
        return em * size
    }

    /// `text` shortened with "…" to fit `maxWidth` at `size` px.
    static func truncate(_ text: String, toWidth maxWidth: Double, size: Double) -> String {
        guard width(text, size: size) > maxWidth else { return text }
        var characters = Array(text)
        while !characters.isEmpty && width(String(characters) + "…", size: size) > maxWidth {
            characters.removeLast()
        }
        return String(characters) + "…"
    }
}
