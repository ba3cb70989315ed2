import Foundation
import Testing

@testable import Reports

/// What an analyst opening the CSV in a spreadsheet would notice: quoting, line ends, formulas, numbers.
@Suite struct CSVWriterTests {
    static func text(_ csv: CSVWriter) -> String {
        var copy = csv
        return String(decoding: copy.takeBytes(), as: UTF8.self)
    }

    @Test func quotesOnlyWhenNeededAndEndsLinesInCRLF() {
        var csv = CSVWriter(header: ["variant", "body", "customers"])
        csv.writeRow([.text("one-way"), .text("plain"), .integer(1_000)])
        csv.writeRow([.text("conv"), .text("a, b"), .integer(-5)])
        csv.writeRow([.text("conv"), .text("she said \"hi\"\nthen left"), .empty])
        #expect(
            Self.text(csv)
                == "variant,body,customers\r\none-way,plain,1000\r\nconv,\"a, b\",-5\r\n"
                + "conv,\"she said \"\"hi\"\"\nthen left\",\r\n"
        )
        #expect(csv.rowCount == 3)
    }

    @Test func lineFeedEndingWhenAsked() {
        var csv = CSVWriter(header: ["a"], lineEnding: .lf)
        csv.writeRow([.text("x")])
        #expect(Self.text(csv) == "a\nx\n")
    }

    @Test(arguments: [
        ("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\""),
        ("+1 415 555 0123", "'+1 415 555 0123"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\r=1", "\"'\r=1\""),
        ("a=1", "a=1"),
        ("😀 thanks", "😀 thanks"),
    ])
    func neutralisesFormulaText(input: String, expected: String) {
        var csv = CSVWriter(header: ["body"])
        csv.writeRow([.text(input)])
        #expect(Self.text(csv) == "body\r\n\(expected)\r\n")
    }

    @Test func numbersStayNumbers() {
        var csv = CSVWriter(header: ["n", "rate", "missing"])
        csv.writeRow([.integer(-42), .decimal(-0.125, places: 2), .decimal(.nan, places: 3)])
        #expect(Self.text(csv) == "n,rate,missing\r\n-42,-0.13,\r\n")
    }

    @Test func takeBytesStreamsTheSameBytes() {
        var whole = CSVWriter(header: ["i", "label"])
        var streamed = CSVWriter(header: ["i", "label"])
        var chunks: [UInt8] = []
        for i in 0..<1_000 {
            let row: [CSVCell] = [.integer(Int64(i)), .text(i % 7 == 0 ? "=x\(i)" : "row, \(i)")]
            whole.writeRow(row)
            streamed.writeRow(row)
            if i % 97 == 0 { chunks += streamed.takeBytes() }
        }
        chunks += streamed.takeBytes()
        #expect(chunks == whole.takeBytes())
    }

    @Test func fileWriterWritesWhatTheBufferHolds() throws {
        let path = NSTemporaryDirectory() + "replylab-csv-\(getpid()).csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try CSVFileWriter(path: path, header: ["i", "body"], chunkSize: 64)
        var reference = CSVWriter(header: ["i", "body"])
        for i in 0..<200 {
            let row: [CSVCell] = [.integer(Int64(i)), .text("line \(i), \"quoted\"")]
            try file.writeRow(row)
            reference.writeRow(row)
        }
        try file.close()
        let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(written == reference.takeBytes())
    }

    @Test func fileWriterNamesTheFileItCannotCreate() {
        let error = #expect(throws: ReportError.self) {
            _ = try CSVFileWriter(path: "/nonexistent-folder/x.csv", header: ["a"])
        }
        #expect(error?.description.contains("/nonexistent-folder/x.csv") == true)
    }
}
