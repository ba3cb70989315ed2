/// How long after a customer's start (`t0`) an event still counts for a metric: the windows every rate of the
/// report names beside its number.
///
/// A click cannot be seen in a message log (unless links are ReplyLab's own short links), so the platform presets
/// keep only what a log shows: their delivery ("view") window for orders, and reply attribution. Each preset says
/// which platform default it follows and when that default was documented (reference/analytics.md §1.1).
public struct AttributionWindow: Sendable, Hashable {
    /// The preset's name as typed after `--window`, or "custom".
    public var name: String
    /// Orders in (t0, t0 + conversion] count: conversion, recovery, revenue, AOV (milliseconds).
    public var conversionMilliseconds: Int64
    /// Inbound non-keyword replies in (t0, t0 + reply] count for the reply rate and the funnel (milliseconds).
    public var replyMilliseconds: Int64
    /// Opt-outs in (t0, t0 + optOut] count for the opt-out rate (milliseconds).
    public var optOutMilliseconds: Int64
    /// Where the numbers come from, printed in the methods footer.
    public var source: String

    public init(
        name: String,
        conversionMilliseconds: Int64,
        replyMilliseconds: Int64,
        optOutMilliseconds: Int64,
        source: String
    ) {
        self.name = name
        self.conversionMilliseconds = conversionMilliseconds
        self.replyMilliseconds = replyMilliseconds
        self.optOutMilliseconds = optOutMilliseconds
        self.source = source
    }

    static let hour: Int64 = 3_600_000
    static let day: Int64 = 86_400_000

    /// ReplyLab's canonical windows (reference §1.4): orders 7 d, replies 72 h, opt-outs 7 d after t0.
    public static let replylab = AttributionWindow(
        name: "replylab",
        conversionMilliseconds: 7 * day,
        replyMilliseconds: 72 * hour,
        optOutMilliseconds: 7 * day,
        source: "ReplyLab default (intent-to-treat: order within 7 d of the customer's start)"
    )

    /// Cart recovery: an order within 72 h of the first send (reference §1.4, recovery rate).
    public static let cart72h = AttributionWindow(
        name: "cart72h",
        conversionMilliseconds: 72 * hour,
        replyMilliseconds: 72 * hour,
        optOutMilliseconds: 7 * day,
        source: "abandoned-cart recovery: order within 72 h of the first send"
    )

    /// Klaviyo (accounts from 2024-10-09): SMS delivery window 12 h (its 5 d click window needs clicks).
    public static let klaviyo = AttributionWindow(
        name: "klaviyo",
        conversionMilliseconds: 12 * hour,
        replyMilliseconds: 72 * hour,
        optOutMilliseconds: 7 * day,
        source: "Klaviyo default since 2024-10-09: 12 h after delivery (5 d click window not observable)"
    )

    /// Postscript: 24 h view window (its 7 d click window needs clicks).
    public static let postscript = AttributionWindow(
        name: "postscript",
        conversionMilliseconds: 24 * hour,
        replyMilliseconds: 72 * hour,
        optOutMilliseconds: 7 * day,
        source: "Postscript default: 24 h after send (7 d click window not observable)"
    )

    /// Attentive (current FAQ): 24 h rolling delivered window (its 5 d click window needs clicks).
    public static let attentive = AttributionWindow(
        name: "attentive",
        conversionMilliseconds: 24 * hour,
        replyMilliseconds: 72 * hour,
        optOutMilliseconds: 7 * day,
        source: "Attentive current default: 24 h after delivery (5 d click window not observable)"
    )

    /// Emotive-style conversation attribution: an order within 14 d; replies counted over the same 14 d.
    public static let conversation14d = AttributionWindow(
        name: "conversation14d",
        conversionMilliseconds: 14 * day,
        replyMilliseconds: 14 * day,
        optOutMilliseconds: 14 * day,
        source: "Emotive conversation attribution: order within 14 d of the exchange"
    )

    /// Every preset, in the order help lists them.
    public static let presets: [AttributionWindow] = [
        replylab, cart72h, klaviyo, postscript, attentive, conversation14d,
    ]

    /// A preset by name, optionally followed by overrides: "cart72h", "replylab,conversion=5d,reply=48h".
    ///
    /// Durations are a whole number followed by `m`, `h` or `d`. Keys: `conversion`, `reply`, `opt-out`.
    /// - Throws: `AnalysisError.badWindow` naming what was not understood.
    public static func parse(_ text: String) throws(AnalysisError) -> AttributionWindow {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map {
            String($0).trimmingSpaces()
        }
        var window: AttributionWindow
        var overrides = parts[...]
        if let first = parts.first, !first.contains("=") {
            guard let preset = presets.first(where: { $0.name == first.lowercased() }) else {
                let names = presets.map(\.name).joined(separator: ", ")
                throw .badWindow(text, reason: "no preset '\(first)'; presets: \(names)")
            }
            window = preset
            overrides = overrides.dropFirst()
        } else {
            window = replylab
        }
        for override in overrides {
            let pair = override.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2, let duration = milliseconds(pair[1]) else {
                throw .badWindow(text, reason: "'\(override)' is not key=duration (e.g. conversion=5d)")
            }
            switch pair[0].lowercased() {
            case "conversion": window.conversionMilliseconds = duration
            case "reply": window.replyMilliseconds = duration
            case "opt-out", "optout": window.optOutMilliseconds = duration
            default: throw .badWindow(text, reason: "unknown window '\(pair[0])'; keys: conversion, reply, opt-out")
            }
            window.name = window.name.hasSuffix("+custom") ? window.name : window.name + "+custom"
        }
        return window
    }

    /// "72h" → 259,200,000; nil for anything but a positive whole number with `m`, `h` or `d`.
    static func milliseconds(_ text: String) -> Int64? {
        guard let unit = text.last, let count = Int64(text.dropLast()), count > 0, count < 100_000 else { return nil }
        switch unit {
        case "m": return count * 60_000
        case "h": return count * hour
        case "d": return count * day
        default: return nil
        }
    }

    /// "72 h", "7 d", "90 min": how the report prints a window.
    public static func describe(_ milliseconds: Int64) -> String {
        if milliseconds % day == 0 && milliseconds >= 4 * day { return "\(milliseconds / day) d" }
        if milliseconds % hour == 0 { return "\(milliseconds / hour) h" }
        return "\(milliseconds / 60_000) min"
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs (Foundation-free).
    func trimmingSpaces() -> String {
        var slice = self[...]
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
