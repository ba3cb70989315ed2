import Foundation
import Messaging

/// The one key every command hashes phone numbers with, so a customer from a population, a simulation, a Twilio
/// log and an orders file is the same `phone_hash` wherever it came from.
///
/// Resolution, first found wins: the command's `--phone-hash-key`, the `REPLYLAB_PHONE_HASH_KEY` environment
/// variable, then `defaultKey`. The default is public (it is in this file), so hashes made with it only join
/// tables; they do not hide numbers from someone who can enumerate them. Set a secret key for real data. Commands
/// record the key's source (never the key) in the run's configuration.
enum PhoneHashKey {
    /// The documented default: "ReplyLab" in ASCII, read as a big-endian 64-bit number.
    static let defaultKey: UInt64 = 0x5265_706C_794C_6162
    static let environmentVariable = "REPLYLAB_PHONE_HASH_KEY"

    /// Where the key in use came from, for the run's configuration.
    enum Source: String {
        case flag = "--phone-hash-key"
        case environment = "REPLYLAB_PHONE_HASH_KEY"
        case projectDefault = "default"
    }

    /// The help line every command with the option shows.
    static let optionHelp =
        "Key for customers.phone_hash (default: $REPLYLAB_PHONE_HASH_KEY, else the documented project key)."

    /// A short public fingerprint of `key`: the hash of a fixed fictional number under it, so two runs can be seen
    /// to share a key without the log holding the key itself.
    static func fingerprint(_ key: UInt64) -> String {
        let probe = try! PhoneNumber(nationalNumber: 2_025_550_100, allowFictional: true)
        let hex = String(probe.keyedHash(key: key), radix: 16)
        return String(String(repeating: "0", count: 16 - hex.count) + hex).prefix(8).description
    }

    /// The run-configuration entries that say which key hashed the phones (source and fingerprint, never the key).
    static func configEntries(key: UInt64, source: Source) -> [String: String] {
        ["phone_hash_key_source": source.rawValue, "phone_hash_key_fingerprint": fingerprint(key)]
    }

    /// The key for this command: the flag, the environment, or the default.
    /// - Throws: `UsageError` when the flag or the variable is not a decimal or 0x-hex 64-bit number.
    static func resolve(
        _ arguments: ParsedArguments,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> (key: UInt64, source: Source) {
        if let key = try arguments.unsigned64("phone-hash-key") { return (key, .flag) }
        if let text = environment[environmentVariable] {
            let cleaned = text.filter { $0 != "_" }
            let parsed = cleaned.hasPrefix("0x") ? UInt64(cleaned.dropFirst(2), radix: 16) : UInt64(cleaned)
            guard let key = parsed else {
                throw UsageError("\(environmentVariable) expects a number from 0 to \(UInt64.max), got '\(text)'")
            }
            return (key, .environment)
        }
        return (defaultKey, .projectDefault)
    }
}
