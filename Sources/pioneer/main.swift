import Foundation

let console = Console.current()
let code = CLI.run(Array(CommandLine.arguments.dropFirst()), console: console)
exit(code)
