import Testing

@testable import ReplyLabCLI

/// One key joins every source: the flag beats the environment, the environment beats the documented default.
@Suite struct PhoneHashKeyTests {
    func arguments(flag: String?) -> ParsedArguments {
        var parsed = ParsedArguments(commandPath: ["import", "twilio"])
        if let flag { parsed.options["phone-hash-key"] = [flag] }
        return parsed
    }

    @Test func flagThenEnvironmentThenDefault() throws {
        let environment = [PhoneHashKey.environmentVariable: "0x2A"]
        #expect(try PhoneHashKey.resolve(arguments(flag: "7"), environment: environment) == (7, .flag))
        #expect(try PhoneHashKey.resolve(arguments(flag: nil), environment: environment) == (42, .environment))
        let fallback = try PhoneHashKey.resolve(arguments(flag: nil), environment: [:])
        #expect(fallback == (PhoneHashKey.defaultKey, .projectDefault))
        #expect(PhoneHashKey.defaultKey == 0x5265_706C_794C_6162)  // "ReplyLab": documented, must not drift
    }

    @Test func aBadEnvironmentValueSaysWhatToType() {
        let error = #expect(throws: UsageError.self) {
            try PhoneHashKey.resolve(arguments(flag: nil), environment: [PhoneHashKey.environmentVariable: "secret"])
        }
        #expect(
            error?.message == "REPLYLAB_PHONE_HASH_KEY expects a number from 0 to 18446744073709551615, got 'secret'"
        )
    }

    @Test func theFingerprintNamesTheKeyWithoutRevealingIt() {
        #expect(PhoneHashKey.fingerprint(1) != PhoneHashKey.fingerprint(2))
        #expect(PhoneHashKey.fingerprint(1) == PhoneHashKey.fingerprint(1))
        #expect(PhoneHashKey.fingerprint(1).count == 8)
        #expect(
            PhoneHashKey.configEntries(key: 1, source: .environment)["phone_hash_key_source"]
                == "REPLYLAB_PHONE_HASH_KEY"
        )
    }
}
