import Foundation
import Testing

@testable import ReplyLabCLI

/// Runs `replylab` in-process and returns the status with both streams.
private func run(_ arguments: [String]) -> (status: Int32, output: String, errors: String) {
    let console = Console.captured()
    let status = ReplyLab.run(arguments, console: console)
    return (status, console.output, console.errors)
}

/// Decodes one JSON line into a dictionary for field checks.
private func object(_ line: Substring) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
}

@Suite struct TextCommandTests {
    @Test func jsonNamesEncodingSegmentsAndKeywordClass() throws {
        let result = run(["text", "check", "Stop.", "--json"])
        #expect(result.status == 0)
        let fields = try object(Substring(result.output.trimmingCharacters(in: .newlines)))
        #expect(fields["encoding"] as? String == "GSM-7")
        #expect(fields["segments"] as? Int == 1)
        #expect(fields["keyword_class"] as? String == "opt_out_exact")
        #expect(fields["keyword"] as? String == "STOP")
        #expect(fields["units_per_segment"] as? Int == 160)
        #expect(fields["cost_microdollars"] as? Int == 8_300)
        #expect(fields["non_gsm_characters"] as? [String] == [])
    }

    @Test func smartApostropheIsExplainedInPlainWords() throws {
        let message =
            "Hi Sam, we saved your cart. Don’t miss out: your 2 items are waiting and we hold them until "
            + "Friday at noon. Tap the link below to finish your checkout today."
        let result = run(["text", "check", message, "--json"])
        let fields = try object(Substring(result.output.trimmingCharacters(in: .newlines)))
        #expect(fields["encoding"] as? String == "UCS-2")
        #expect(fields["segments"] as? Int == 3)
        #expect(fields["units_per_segment"] as? Int == 67)
        #expect(fields["cost_microdollars"] as? Int == 24_900)
        #expect(fields["non_gsm_characters"] as? [String] == ["’"])
        #expect(fields["advice"] as? String == "the ’ in “Don’t” makes this 3 segments instead of 1; use '")
    }

    /// Review M3: these came back `none`, so marketing went on after a clear revocation.
    @Test(arguments: [
        "STOP AT ONCE!", "Stop at once", "stop in the name of the law", "Stop over-texting me", "Cancel order texts",
    ])
    func aSentenceInitialStopIsNeverIgnored(_ reply: String) throws {
        let fields = try object(
            Substring(run(["text", "check", reply, "--json"]).output.trimmingCharacters(in: .newlines))
        )
        let keywordClass = try #require(fields["keyword_class"] as? String)
        #expect(["opt_out_phrase", "needs_review"].contains(keywordClass), "\(reply): \(keywordClass)")
    }

    /// Review M4: the emoji moves whole to the second part, so its part-one slot is lost; 66 more fit, not 67.
    @Test func freeUnitsCountTheSlotAnEmojiLeftBehind() {
        let text = String(repeating: "a", count: 66) + "😀" + String(repeating: "a", count: 66)
        let result = run(["text", "check", text])
        #expect(result.output.contains("segments     3 × 67 UTF-16 units (134 used, 66 free in the last)\n"))
    }

    @Test func humanOutputShowsEachFactOnItsOwnLine() {
        let result = run(["text", "check", "We must STOP this bill"])
        #expect(result.status == 0)
        #expect(
            result.output == """
                encoding     GSM-7
                segments     1 × 160 septets (22 used, 138 free in the last)
                cost         $0.0083 (Twilio US long-code list price $0.0083/segment, carrier fees excluded (2026))
                as a reply   needs_review (stop)

                """
        )
    }

    @Test func invisibleCulpritsAreNamedByCodePoint() {
        let result = run(["text", "check", "50%\u{A0}off today"])
        #expect(result.output.hasPrefix("encoding     UCS-2 (forced by U+00A0)\n"))
        #expect(result.output.contains("advice       the U+00A0 in “50%\u{A0}off” switches this to UCS-2"))
        #expect(result.output.contains("use a plain space"))
    }

    @Test func priceIsConfigurable() throws {
        let result = run(["text", "check", String(repeating: "a", count: 161), "--json", "--price", "0.0079"])
        let fields = try object(Substring(result.output.trimmingCharacters(in: .newlines)))
        #expect(fields["segments"] as? Int == 2)
        #expect(fields["cost_microdollars"] as? Int == 15_800)
    }

    @Test func sixteenBitHeaderRoutesCountMoreParts() throws {
        let text = String(repeating: "a", count: 306)
        let standard = try object(
            Substring(run(["text", "check", text, "--json"]).output.trimmingCharacters(in: .newlines))
        )
        let tollFree = try object(
            Substring(
                run(["text", "check", text, "--json", "--header", "16-bit"]).output.trimmingCharacters(in: .newlines)
            )
        )
        #expect(standard["segments"] as? Int == 2)
        #expect(tollFree["segments"] as? Int == 3)
        #expect(tollFree["units_per_segment"] as? Int == 152)
        let wrong = run(["text", "check", text, "--header", "32-bit"])
        #expect(wrong.status == 64)
        #expect(wrong.errors.hasPrefix("error: --header is 8-bit or 16-bit, got '32-bit'\n"))
    }

    @Test func fileModePrintsOneJSONLinePerMessageWithItsLineNumber() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("replylab-text-\(UUID()).txt").path
        try "STOP\r\nWe must STOP this bill\n\nhelp\n😀😀\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = run(["text", "check", "--file", path, "--json"])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 4)
        let objects = try lines.map(object)
        #expect(objects.map { $0["line"] as? Int } == [1, 2, 4, 5])
        #expect(objects.map { $0["keyword_class"] as? String } == ["opt_out_exact", "needs_review", "help", "none"])
        #expect(objects.map { $0["encoding"] as? String } == ["GSM-7", "GSM-7", "GSM-7", "UCS-2"])
        #expect(objects[3]["total_units"] as? Int == 4)
        let table = run(["text", "check", "--file", path])
        #expect(table.output.hasPrefix("line  encoding  segments  cost       reply class     text\n"))
        #expect(table.output.contains("2     GSM-7     1         $0.0083    needs_review    We must STOP this bill"))
    }

    @Test func aMissingFileIsNamedInOneLine() {
        let result = run(["text", "check", "--file", "/no/such/messages.txt", "--json"])
        #expect(result.status == 1)
        #expect(result.errors == "error: /no/such/messages.txt: cannot read the file (does it exist?)\n")
        #expect(result.output.isEmpty)
    }

    @Test(arguments: [
        (["text", "check"], "error: give a message in quotes, or --file FILE with one message per line"),
        (["text", "check", "hi", "--file", "x.txt"], "error: give either a message or --file FILE, not both"),
        (["text", "check", "hi", "--price", "cheap"], "error: --price expects a number such as 0.5, got 'cheap'"),
    ])
    func usageMistakesExit64AndSayWhatToType(_ arguments: [String], _ firstLine: String) {
        let result = run(arguments)
        #expect(result.status == 64)
        #expect(result.errors.split(separator: "\n").first.map(String.init) == firstLine)
    }

    @Test func phoneShowsE164StateZonesAndRules() {
        let result = run(["text", "phone", "(214) 555-0123", "--at", "1768755600000"])
        #expect(result.status == 0)
        #expect(
            result.output == """
                e164         +12145550123
                masked       +1 214 ***-**23
                fictional    yes
                area code    214: TX, US
                time zones   America/Chicago
                rule         Federal: 08:00–21:00 — 47 CFR 64.1200(c)(1)
                rule         Texas: Sun 12:00–21:00, Mon–Sat 09:00–21:00 — Tex. Bus. & Com. Code §301.051 (texts since SB 140, eff. 2025-09-01)
                at 2026-01-18T17:00:00Z  deferred by Texas quiet hours [hours]: quiet hours: Sun 11:00 in America/Chicago is outside 12:00–21:00 (Texas: Tex. Bus. & Com. Code §301.051 (texts since SB 140, eff. 2025-09-01)); next allowed 2026-01-18T18:00:00Z

                """
        )
    }

    /// Review M2: `--state` adds the residence's clocks, so a Texan with a New York number is not texted at 08:00
    /// Texas time (Texas opens at 09:00).
    @Test func residenceStateIsCheckedOnItsOwnClock() {
        let texan = run(["text", "phone", "+12125550123", "--state", "TX", "--at", "1796133600000"])
        #expect(texan.output.contains("time zones   America/New_York, America/Chicago, America/Denver (with TX)\n"))
        #expect(
            texan.output.contains(
                "at 2026-12-01T14:00:00Z  deferred by Texas quiet hours [hours]: quiet hours: Tue 08:00 in America/Chicago is outside 09:00–21:00"
            )
        )
        let californian = run(["text", "phone", "+12125550123", "--state", "CA", "--at", "1796130000000"])
        #expect(californian.output.contains("[hours]: quiet hours: Tue 05:00 in America/Los_Angeles"))
    }

    @Test func invalidPhoneNumbersFailWithTheReason() {
        let result = run(["text", "phone", "(911) 555-0123"])
        #expect(result.status == 1)
        #expect(result.errors == "error: area code 911 is invalid: N11 codes are service codes such as 411 and 911\n")
    }

    @Test func textIsListedInTopLevelHelp() {
        let result = run(["--help"])
        #expect(result.output.contains("text"))
        #expect(result.output.contains("Check a text's segments, cost and keywords"))
    }

    @Test func phoneRulesCanComeFromAFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("replylab-rules-\(UUID()).json").path
        try
            #"{"rules": [{"name": "Federal", "states": [], "daily": "08:00-21:00", "source": "47 CFR 64.1200(c)(1)"}, {"name": "Louisiana", "states": ["LA"], "daily": "08:00-20:00", "days": {"sun": "closed"}, "source": "La. R.S. 45:811"}]}"#
            .write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = run(["text", "phone", "504-555-0100", "--rules", path, "--at", "1768755600000"])
        #expect(result.status == 0)
        #expect(result.output.contains("rule         Louisiana: Sun no sending, Mon–Sat 08:00–20:00 — La. R.S. 45:811"))
        // Monday 2026-01-19 is Martin Luther King Day, a Louisiana holiday: the next allowed send is Tuesday.
        #expect(result.output.contains("next allowed 2026-01-20T14:00:00Z"))
        let broken = run(["text", "phone", "504-555-0100", "--rules", "/no/rules.json"])
        #expect(broken.status == 1)
        #expect(broken.errors == "error: /no/rules.json: $: cannot read the file (does it exist?)\n")
    }

    /// Issue 13 items 3 and 5: `text phone --at` names the rule that held the text: hours, holiday calendar or cap.
    @Test func phoneNamesTheHolidayCalendarAndTheCap() throws {
        let holiday = run(["text", "phone", "504-555-0100", "--at", "1768831200000"])
        #expect(holiday.output.contains("holidays     Louisiana: no marketing texts on 13 holidays"))
        #expect(
            holiday.output.contains(
                "at 2026-01-19T14:00:00Z  deferred by Louisiana holiday calendar [calendar]: holiday: Birthday of "
                    + "Martin Luther King, Jr. (Mon 2026-01-19 in America/Chicago)"
            )
        )
        #expect(holiday.output.hasSuffix("next allowed 2026-01-20T14:00:00Z\n"))
        let capped = run([
            "text", "phone", "+13055550100", "--fictional", "--at", "1768755600000",
            "--sent", "1768700000000,1768710000000,1768720000000",
        ])
        #expect(capped.output.contains("deferred by Florida same-subject cap [cap]: frequency cap: at most 3 per 24 h"))
        #expect(capped.output.hasSuffix("next allowed 2026-01-19T13:00:00Z\n"))
        let twoSends = run([
            "text", "phone", "+13055550100", "--fictional", "--at", "1768755600000", "--sent",
            "1768700000000,1768710000000",
        ])
        #expect(twoSends.output.hasSuffix("at 2026-01-18T17:00:00Z  allowed\n"))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("holidays-\(UUID()).json").path
        try
            #"{"calendars": [{"name": "Texas test", "states": ["TX"], "source": "test", "blocks_marketing": true, "holidays": [{"name": "Test Day", "date": "3rd sun jan"}]}]}"#
            .write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fromFile = run(["text", "phone", "(214) 555-0123", "--holidays", path, "--at", "1768755600000"])
        #expect(fromFile.output.contains("deferred by Texas test holiday calendar [calendar]: holiday: Test Day"))
        #expect(run(["text", "phone", "(214) 555-0123", "--sent", "1"]).status == 64)
    }
}
