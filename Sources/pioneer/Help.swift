/// Help texts: OVERVIEW, USAGE, OPTIONS for every command.
enum Help {
    static func text(for command: String) -> String? {
        switch command {
        case "check": return check
        case "batch": return batch
        case "pages": return pages
        case "text": return text
        case "rules": return rules
        default: return nil
        }
    }

    static var main: String {
        """
        OVERVIEW: Assess integrated care and support pioneer bids against declarative rules.

        USAGE: pioneer <command> [options]

        COMMANDS:
        \(CLI.commands.map { "  " + $0.name.padding(toLength: 8, withPad: " ", startingAt: 0) + $0.summary }.joined(separator: "\n"))

        OPTIONS:
          -h, --help    Show help (also 'pioneer help <command>')
          --version     Show the version

        EXIT CODES: 0 assessed; 1 below --fail-under, or not-met with --strict, or rule tests failed;
                    2 usage or rules error; 3 a document could not be read.

        """
    }

    static let check = """
    OVERVIEW: Assess each bid and print its gap report: per criterion what is met (with quotes and
    pages), what is weak or missing and what to add; the page-limit verdict; what lies beyond it.

    USAGE: pioneer check <file>... [options]

    ARGUMENTS:
      <file>               .pdf, .docx, .md, .markdown or .txt

    OPTIONS:
      --format <format>    text (default), markdown or json
      --explain <id>       Show every candidate match for one consideration and why it did or did not count
      --rules <path>       Rules file or folder (default: the bundled rules/)
      --fail-under <n>     Exit 1 when a bid scores below n (0-100)
      --strict             Exit 1 when a bid's band is not-met
      --out <file>         Write the report to a file (atomically) instead of standard output
      -h, --help           Show this help

    """

    static let batch = """
    OVERVIEW: Assess every supported file under the given folders (and the given files) in parallel
    and print them ranked by score. A file that cannot be read is a row with its error.

    USAGE: pioneer batch <dir-or-file>... [options]

    OPTIONS:
      --format <format>    table (default), csv, json (every result in full, with reasons and evidence), markdown or html
      --out <file>         Write to a file (atomically) instead of standard output
      --jobs <n>           Documents assessed at once (default: the number of cores)
      --rules <path>       Rules file or folder (default: the bundled rules/)
      -h, --help           Show this help

    """

    static let pages = """
    OVERVIEW: Count each document's pages, exact or estimated, and check them against the rules' page limit.

    USAGE: pioneer pages <file>... [--format text|json] [--rules <path>]

    """

    static let text = """
    OVERVIEW: Print the text the tool reads from a document, with page markers and block kinds.

    USAGE: pioneer text <file> [--page <n>]

    """

    static let rules = """
    OVERVIEW: Tools for rules authors.

    USAGE: pioneer rules <subcommand> [path] [options]

    SUBCOMMANDS:
      check [path]                 Parse and validate; print diagnostics (exit 1 on errors)
      test [path]                  Run every example embedded in the rules (exit 1 on a failure)
      fmt [--check] [path...]      Format rule files in place; --check only reports (exit 1 if unformatted)
      list [path] [--format text|json]
                                   List every criterion, consideration, principle and gate
      phrases [path]               Print every phrase the rules match, one per line

      path defaults to the bundled rules/ folder (its entry point is main.rules).

    """
}
