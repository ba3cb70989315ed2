import Foundation

/// Writes a population as CSV (RFC 4180, UTF-8, `\n` line ends), one row per customer in customer order, with
/// the attributes JSON in the last column. Same spec, count and seed give the same bytes.
public enum PopulationCSV {
    /// The header row's columns, in order.
    public static let columns = [
        "customer_id", "first_name", "phone", "state", "time_zone", "segment", "consent_source", "tenure_days",
        "orders", "last_order_days_ago", "last_order_total_cents", "cart_total_cents", "cart_items",
        "reply_propensity", "question_topic", "attributes",
    ]

    /// The whole CSV in memory (tests, small populations).
    public static func render(_ population: Population) -> [UInt8] {
        var output: [UInt8] = []
        write(population) { output.append(contentsOf: $0) }
        return output
    }

    /// Writes the CSV to `path` in chunks of about 1 MB, so memory stays flat for millions of rows.
    public static func write(_ population: Population, toFile path: String) throws(PopulationError) {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw PopulationError.unreadable(file: path, reason: "cannot create the file") }
        defer { try? handle.close() }
        var failure: (any Error)?
        write(population) { chunk in
            guard failure == nil else { return }
            do { try handle.write(contentsOf: chunk) } catch { failure = error }
        }
        if let failure {
            throw PopulationError.unreadable(file: path, reason: "cannot write (\(failure.localizedDescription))")
        }
    }

    /// Streams the CSV through `sink` in chunks.
    /// - Complexity: O(customers + cart lines).
    public static func write(_ population: Population, sink: ([UInt8]) -> Void) {
        let attributes = CustomerAttributesWriter(population: population)
        let questions = QuestionTopic.allCases.map { Array($0.rawValue.utf8) }
        let noConsent = Array("none".utf8)
        var out = ByteWriter(capacity: 1 << 20 + 4_096)
        out.append(columns.joined(separator: ","))
        out.append(byte: 0x0A)
        var json = ByteWriter(capacity: 1_024)
        for i in 0..<population.count {
            out.append(integer: Int64(i))
            out.append(byte: UInt8(ascii: ","))
            out.append(attributes.firstNames[Int(population.firstName[i])])
            out.append(",+1")
            out.append(integer: Int64(population.areaCode[i]))
            out.append(padded: Int(population.exchange[i]), width: 3)
            out.append(padded: Int(population.line[i]), width: 4)
            out.append(byte: UInt8(ascii: ","))
            out.append(attributes.states[Int(population.state[i])])
            out.append(byte: UInt8(ascii: ","))
            out.append(attributes.timeZones[Int(population.timeZone[i])])
            out.append(byte: UInt8(ascii: ","))
            out.append(attributes.segments[CustomerAttributesWriter.segmentIndex(population.segment[i])])
            out.append(byte: UInt8(ascii: ","))
            let source = population.consentSource[i]
            out.append(source == Population.none ? noConsent : attributes.consentSources[Int(source)])
            out.append(byte: UInt8(ascii: ","))
            out.append(integer: Int64(population.tenureDays[i]))
            out.append(byte: UInt8(ascii: ","))
            out.append(integer: Int64(population.orders[i]))
            out.append(byte: UInt8(ascii: ","))
            if population.orders[i] > 0 { out.append(integer: Int64(population.lastOrderDaysAgo[i])) }
            out.append(byte: UInt8(ascii: ","))
            if population.orders[i] > 0 { out.append(integer: population.lastOrderTotalCents[i]) }
            out.append(byte: UInt8(ascii: ","))
            out.append(integer: population.cartTotalCents[i])
            out.append(byte: UInt8(ascii: ","))
            out.append(integer: Int64(population.cartLines(i).count))
            out.append(byte: UInt8(ascii: ","))
            out.append(fraction: population.replyPropensity[i])
            out.append(byte: UInt8(ascii: ","))
            out.append(questions[Self.questionIndex(population.question[i])])
            out.append(byte: UInt8(ascii: ","))
            json.bytes.removeAll(keepingCapacity: true)
            attributes.write(i, into: &json)
            out.appendCSVField(json.bytes[...])
            out.append(byte: 0x0A)
            if out.bytes.count >= 1 << 20 {
                sink(out.bytes)
                out.bytes.removeAll(keepingCapacity: true)
            }
        }
        if !out.bytes.isEmpty { sink(out.bytes) }
    }

    static func questionIndex(_ topic: QuestionTopic) -> Int {
        switch topic {
        case .sizing: return 0
        case .shipping: return 1
        case .price: return 2
        case .availability: return 3
        case .returns: return 4
        }
    }
}
