import ReplyLabCLI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

exit(ReplyLab.run(Array(CommandLine.arguments.dropFirst()), console: .standard()))
