import Foundation
import Testing

@testable import Reports

#if canImport(FoundationXML)
import FoundationXML
#endif

/// No customer text reaches the page as markup, phone numbers stay hidden, and the file needs nothing outside.
@Suite struct HTMLSafetyTests {
    let html = HTMLReport.render(Fixtures.hostileDocument())

    @Test func noPlantedTextReachesTheHTMLRaw() {
        #expect(!html.contains("<script"))
        #expect(!html.contains("alert(\""))
        #expect(!html.contains("x&y"))
        #expect(!html.contains("y's"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&amp;y&#39;s&quot;)&lt;/script&gt;😀"))
    }

    @Test func everyFieldIsRenderedEscapedRatherThanDropped() {
        let escaped = "&lt;script&gt;alert(&quot;x&amp;y&#39;s&quot;)&lt;/script&gt;😀 +1 415 ***-**34"
        let count = html.components(separatedBy: escaped).count - 1
        // 80-odd fields, several drawn twice (wide and narrow charts) or repeated in labels.
        #expect(count >= 80, "only \(count) escaped copies")
    }

    @Test func phoneNumbersAreMaskedUnlessShown() {
        #expect(!html.contains("555-0134"))
        #expect(html.contains("+1 415 ***-**34"))
        let shown = HTMLReport.render(Fixtures.hostileDocument(), options: ReportOptions(showNumbers: true))
        #expect(shown.contains("(415) 555-0134"))
        #expect(!shown.contains("<script"))
    }

    @Test func theFileIsSelfContained() {
        for forbidden in ["<script", "<link", "<img", "<iframe", "@import", "url(", "http://", "https://", "src="] {
            #expect(!html.contains(forbidden), "found \(forbidden)")
        }
        #expect(html.contains("<style>"))
        #expect(html.contains("@media print"))
        #expect(html.contains("<meta name=\"viewport\""))
    }

    @Test func svgsAreLabelledForScreenReaders() {
        let svgCount = html.components(separatedBy: "<svg").count - 1
        let labelled = html.components(separatedBy: "role=\"img\" aria-label=").count - 1
        #expect(svgCount > 10)
        #expect(svgCount == labelled)
    }

    @Test func theMarkupIsWellFormed() throws {
        // Void elements are self-closed and only XML's entities are used, so an XML parser can check the nesting.
        let sample = HTMLReport.render(SampleReport.document())
        for document in [html, sample] {
            let parser = XMLParser(data: Data(document.utf8))
            let ok = parser.parse()
            #expect(ok, "\(parser.parserError.map(String.init(describing:)) ?? "") at line \(parser.lineNumber)")
        }
    }
}
