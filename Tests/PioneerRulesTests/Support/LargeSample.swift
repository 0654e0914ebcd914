/// A large generated rule set shaped like the shipped rules, for scale tests and timing.
enum LargeSample {
    static let topics = ["integration", "prevention", "workforce", "carers", "housing", "mental health",
                         "primary care", "hospital discharge", "reablement", "digital records", "pooled budget",
                         "outcomes", "engagement", "governance", "evaluation", "commissioning"]

    /// `criteria` criteria of `considerations` considerations each, over `termSets` term sets of `phrases` phrases.
    static func text(criteria: Int = 8, considerations: Int = 6, termSets: Int = 48, phrases: Int = 24) -> String {
        var out = """
        ruleset "Large" {
          version "1"
          source "generated"
        }

        document {
          page_limit 10
          over_limit cap not-met
        }

        spellings {
          "organisation" = "organization"
          "wellbeing" = "well-being" = "well being"
          "co-ordinated" = "coordinated"
          "programme" = "program"
        }

        negation {
          before { "no" "not" "without" "lack of" }
          after { "has not" "not yet" "is not" }
          except { "not only" "no later than" }
          breaks { "but" "although" "however" }
          window 4
        }

        signal commitment "Commitments" { "will" "have agreed" "committed to" "signed off" }


        """
        for set in 0..<termSets {
            let topic = topics[set % topics.count]
            out += "terms set\(set) \"\(topic) \(set)\" {\n"
            for phrase in 0..<phrases {
                out += "  \"\(topic) wellbeing organisation item\(set)x\(phrase)\"\n"
            }
            out += "  after_first { \"the \(topic) board \(set)\" }\n}\n\n"
        }
        for criterion in 0..<criteria {
            out += "criterion crit\(criterion) \"Criterion \(criterion)\" {\n  weight \(criterion % 3 + 1)\n"
            for index in 0..<considerations {
                let a = (criterion * considerations + index) % termSets
                let b = (a + 7) % termSets
                out += """
                  consideration crit\(criterion).c\(index) "Consideration \(index)" {
                    guidance "Name the owner, the date and the figure for consideration \(index)."
                    evidence set\(a) and (set\(b) or "co-ordinated care") and not "draft"
                    strong when commitment and 2 of (date, figure, money, percent, proper_name)
                    example met "The Board will deliver by March 2015 for 3,400 people."
                    example missing "Nothing relevant here."
                  }

                """
            }
            out += "}\n\n"
        }
        out += """
        gate gate.first "First consideration" {
          requires crit0.c0
          when missing cap not-met
          message "Must be present."
        }

        scoring {
          points { met 100 partial 50 missing 0 }
          band meets at 70 criteria_at_least 50
          band sift-in at 40
          band not-met
        }

        """
        return out
    }
}
