import HPCTestCommands

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

exit(await Entry.main(Array(CommandLine.arguments.dropFirst())))
