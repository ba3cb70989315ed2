import Foundation
import Testing

@testable import Ingest

/// The RFC 4180 reader on the shapes real exports take: quotes, inner line breaks, CRLF, BOM, damage.
@Suite struct CSVReaderTests {
    /// Every row as (line, fields, problem).
    func rows(_ reader: CSVReader) throws -> [(line: Int, fields: [String], problem: CSVReader.RowProblem?)] {
        var rows: [(line: Int, fields: [String], problem: CSVReader.RowProblem?)] = []
        while try reader.next() { rows.append((reader.line, reader.strings, reader.problem)) }
        return rows
    }

    func rows(_ bytes: [UInt8]) throws -> [(line: Int, fields: [String], problem: CSVReader.RowProblem?)] {
        try rows(CSVReader(bytes: bytes))
    }

    func rows(_ text: String) throws -> [(line: Int, fields: [String], problem: CSVReader.RowProblem?)] {
        try rows(Array(text.utf8))
    }

    @Test func quotedFieldsDoubledQuotesAndEmbeddedNewlinesKeepTheirStartingLine() throws {
        let text =
            "From,Body,Status\r\n+14155550123,\"Hi, \"\"Sam\"\"!\r\nSee you\nsoon\",delivered\r\n+1212,plain,sent\r\n"
        let read = try rows(text)
        #expect(read.count == 3)
        #expect(read[0].line == 1)
        #expect(read[1].line == 2)
        #expect(read[1].fields == ["+14155550123", "Hi, \"Sam\"!\r\nSee you\nsoon", "delivered"])
        #expect(read[2].line == 5)
        #expect(read[2].fields == ["+1212", "plain", "sent"])
        #expect(read.allSatisfy { $0.problem == nil })
    }

    @Test func lineFeedCarriageReturnAndMixedEndingsAllEndRows() throws {
        let read = try rows("a,b\nc,d\r\ne,f\rg,h")
        #expect(read.map(\.fields) == [["a", "b"], ["c", "d"], ["e", "f"], ["g", "h"]])
        #expect(read.map(\.line) == [1, 2, 3, 4])
    }

    @Test func byteOrderMarkIsSkippedAndBlankLinesAreNotRows() throws {
        let read = try rows([0xEF, 0xBB, 0xBF] + Array("Sid,Body\n\nSM1,x\n\n".utf8))
        #expect(read.map(\.fields) == [["Sid", "Body"], ["SM1", "x"]])
        #expect(read.map(\.line) == [1, 3])
    }

    @Test func emptyFieldsAndTrailingCommasAreFields() throws {
        let read = try rows("a,,c,\n\"\",x\n")
        #expect(read[0].fields == ["a", "", "c", ""])
        #expect(read[1].fields == ["", "x"])
    }

    @Test func strayQuoteInsideAnUnquotedFieldIsText() throws {
        let read = try rows("5\" screen,ok\n")
        #expect(read[0].fields == ["5\" screen", "ok"])
        #expect(read[0].problem == nil)
    }

    @Test func textAfterAClosingQuoteIsAProblemButTheNextRowIsFound() throws {
        let read = try rows("a,\"bc\"d,e\nnext,row\n")
        #expect(read[0].problem == .textAfterClosingQuote(field: 1))
        #expect(read[0].fields == ["a", "bcd", "e"])
        #expect(read[1].fields == ["next", "row"])
        #expect(read[1].line == 2)
    }

    @Test func anUnclosedQuoteRunsToTheEndAndSaysSo() throws {
        let reader = CSVReader(text: "h1,h2\nok,1\nbad,\"never closed\nmore\n")
        let read = try rows(reader)
        #expect(read.count == 3)
        #expect(read[2].line == 3)
        #expect(read[2].problem == .unterminatedQuote)
    }

    @Test func invalidUTF8IsFlaggedWithItsOffsetAndTheRawRowIsKept() throws {
        let reader = CSVReader(bytes: Array("Body\ncaf".utf8) + [0xE9] + Array("\nnext\n".utf8))
        #expect(try reader.next())
        #expect(try reader.next())
        #expect(reader.problem == .invalidUTF8(offset: 3, byte: 0xE9))
        #expect(reader.rawText == "caf\u{FFFD}")
        #expect(try reader.next())
        #expect(reader.problem == nil)
        #expect(reader.string(0) == "next")
    }

    @Test(
        arguments: [
            ([0xC0, 0x80], 0),  // overlong NUL
            ([0xED, 0xA0, 0x80], 0),  // surrogate
            ([0xF4, 0x90, 0x80, 0x80], 0),  // past U+10FFFF
            ([0x61, 0xE2, 0x82], 1),  // truncated €
        ] as [([UInt8], Int)]
    )
    func utf8ValidatorRejectsWhatRFC3629Forbids(bytes: [UInt8], offset: Int) {
        #expect(bytes.withUnsafeBufferPointer { CSVReader.firstInvalidUTF8($0.baseAddress!, $0.count) } == offset)
    }

    @Test func validMultibyteTextPasses() {
        let bytes = Array("Zoë → 😀 日本 €".utf8)
        #expect(bytes.withUnsafeBufferPointer { CSVReader.firstInvalidUTF8($0.baseAddress!, $0.count) } == nil)
    }

    @Test func utf16FileIsRefusedWithAFix() {
        let reader = CSVReader(bytes: [0xFF, 0xFE, 0x53, 0x00], name: "log.csv")
        #expect(throws: IngestError.notUTF8File(path: "log.csv", encoding: "UTF-16")) { try reader.next() }
    }

    /// A row longer than the chunk and rows split across chunk boundaries read the same as from memory.
    @Test func streamingFromAFileAcrossTinyChunksMatchesReadingInMemory() throws {
        var text = "Sid,Body\r\n"
        for index in 0..<200 {
            text += "SM\(index),\"line one\nline \"\"two\"\", \(String(repeating: "x", count: index))\"\r\n"
        }
        text += "last,\"" + String(repeating: "long ", count: 100) + "\""
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let fromFile = try rows(CSVReader(path: url.path, hashing: true, chunkSize: 64))
        let fromMemory = try rows(text)
        #expect(fromFile.count == 202)
        #expect(fromFile.map(\.fields) == fromMemory.map(\.fields))
        #expect(fromFile.map(\.line) == fromMemory.map(\.line))
        #expect(fromFile.last?.line == 402)
    }

    @Test func hashingAFileGivesItsSHA256() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString).csv")
        try Data("abc".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let reader = try CSVReader(path: url.path, hashing: true, chunkSize: 64)
        while try reader.next() {}
        #expect(reader.sha256Hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func missingFileIsAOneLineError() {
        #expect(throws: IngestError.self) { try CSVReader(path: "/nonexistent/log.csv") }
    }
}

/// SHA-256 against the FIPS 180-4 example vectors (NIST CSRC "Examples with intermediate values").
@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrst"
                + "nopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        ),
    ])
    func knownVectors(message: String, digest: String) {
        #expect(SHA256.hex(Array(message.utf8)) == digest)
    }

    @Test func oneMillionAsFedInUnevenPieces() {
        var hasher = SHA256()
        let piece = [UInt8](repeating: UInt8(ascii: "a"), count: 997)
        var remaining = 1_000_000
        while remaining > 0 {
            let take = min(remaining, piece.count - remaining % 7)
            piece.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[0..<take])) }
            remaining -= take
        }
        #expect(hasher.finalizeHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
