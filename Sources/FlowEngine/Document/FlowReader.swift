import JSONDocument

/// The shared path-tracking reader, throwing `FlowError` so flow, test-suite and Studio errors keep one voice.
typealias FlowReader = JSONReader<FlowError>

extension FlowError: JSONDocumentErrorConvertible {
    /// Phrases a reader or parser error as flow authors have always seen it: syntax and duplicate-key errors by
    /// line and column, everything else by JSON path.
    public init(_ error: JSONDocumentError) {
        let kind: Kind
        switch error.problem {
        case .syntax: kind = .syntax
        case .duplicateKey: kind = .duplicate
        case .wrongType: kind = .wrongType
        case .missingKey: kind = .missingKey
        case .unknownKey: kind = .unknownKey
        case .emptyString, .outOfRange, .notAChoice, .invalidValue: kind = .invalidValue
        }
        self.init(
            kind: kind,
            file: error.file,
            path: error.position?.description ?? error.path,
            found: error.found,
            expected: error.expected
        )
    }
}

extension JSONReader where Failure == FlowError {
    /// A flow error of `kind` at this value (or at `path`), for checks beyond the reader's own.
    func error(_ kind: FlowError.Kind, found: String, expected: String, at path: String? = nil) -> FlowError {
        FlowError(kind: kind, file: file, path: path ?? self.path, found: found, expected: expected)
    }

    /// A duration: seconds as a number, or text such as "90s", "15m", "4h", "3d".
    func durationSeconds() throws(FlowError) -> Int64 {
        if case .number = value { return try integer(in: 1...31_536_000) }
        let text = try string().trimmingSpaces
        let units: [(Character, Int64)] = [("s", 1), ("m", 60), ("h", 3_600), ("d", 86_400)]
        guard let unit = text.last, let scale = units.first(where: { $0.0 == unit })?.1,
            let amount = Int64(text.dropLast()), amount > 0, amount * scale <= 31_536_000
        else {
            throw error(
                .invalidValue,
                found: value.described,
                expected: "a duration such as \"90s\", \"15m\", \"4h\" or \"3d\" (at most a year)"
            )
        }
        return amount * scale
    }
}
