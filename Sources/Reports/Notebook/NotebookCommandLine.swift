/// The words of a ```replylab block, split as a POSIX shell would split one simple command, and nothing more:
/// 'single' and "double" quotes, backslash escapes, `\` at a line's end to continue it, `#` comments.
///
/// Anything that would make a shell do more than run one command is refused with what to write instead: a second
/// command (another line, `;`, `&&`), pipes, redirections, variables and `$(…)`, background jobs. Globs are not
/// expanded: `*` stays a `*`.
public enum NotebookCommandLine {
    /// The words of `body`, `replylab` first.
    public static func words(_ body: String) throws(NotebookBlockError) -> [String] {
        var words: [String] = []
        var word: String?
        var scalars = Substring(body).unicodeScalars
        var commandEnded = false

        func finishWord() {
            if let finished = word { words.append(finished) }
            word = nil
        }
        /// Starts a word (or continues one); a word after the command's last line is a second command.
        func startWord() throws(NotebookBlockError) {
            if commandEnded {
                throw NotebookBlockError(
                    "a replylab block holds one command; end a line with \\ to continue it, or put the next "
                        + "command in its own block"
                )
            }
            if word == nil { word = "" }
        }
        func append(_ scalar: Unicode.Scalar) throws(NotebookBlockError) {
            try startWord()
            word! += String(scalar)
        }

        while let scalar = scalars.first {
            scalars.removeFirst()
            switch scalar {
            case " ", "\t", "\r":
                finishWord()
            case "\n":
                finishWord()
                if !words.isEmpty { commandEnded = true }
            case "\\":
                guard let next = scalars.first else { throw NotebookBlockError("the block ends with a lone \\") }
                scalars.removeFirst()
                if next == "\n" {
                    finishWord()
                } else if next == "\r", scalars.first == "\n" {
                    scalars.removeFirst()
                    finishWord()
                } else {
                    try append(next)
                }
            case "#" where word == nil:
                while let next = scalars.first, next != "\n" { scalars.removeFirst() }
            case "'":
                try startWord()
                var closed = false
                while let next = scalars.first {
                    scalars.removeFirst()
                    if next == "'" {
                        closed = true
                        break
                    }
                    word! += String(next)
                }
                guard closed else { throw NotebookBlockError("a ' quote is never closed") }
            case "\"":
                try startWord()
                var closed = false
                while let next = scalars.first {
                    scalars.removeFirst()
                    if next == "\"" {
                        closed = true
                        break
                    }
                    if next == "$" || next == "`" { throw refusal(next) }
                    if next == "\\", let escaped = scalars.first, "\"\\$`\n".unicodeScalars.contains(escaped) {
                        scalars.removeFirst()
                        if escaped != "\n" { word! += String(escaped) }
                        continue
                    }
                    word! += String(next)
                }
                guard closed else { throw NotebookBlockError("a \" quote is never closed") }
            case ";", "|", "&", ">", "<", "$", "`", "(", ")":
                throw refusal(scalar)
            default:
                try append(scalar)
            }
        }
        finishWord()
        guard !words.isEmpty else {
            throw NotebookBlockError("the block is empty; write one command, e.g. replylab simulate EXPERIMENT.json")
        }
        return words
    }

    private static func refusal(_ scalar: Unicode.Scalar) -> NotebookBlockError {
        let reason: String
        switch scalar {
        case ";": reason = "';' would start a second command; a replylab block holds one command"
        case "|": reason = "pipes are not run; a replylab block holds one command and shows what it prints"
        case "&": reason = "'&' and '&&' are not run; a replylab block holds one command"
        case ">", "<": reason = "redirections are not run; commands write files through their own options (--out, --db)"
        case "$", "`": reason = "variables and command substitution are not expanded; write the value itself"
        default: reason = "parentheses would start a subshell; quote them if they belong to a value"
        }
        return NotebookBlockError("refused: \(reason)")
    }
}
