/// Rule sets written for the tests.
enum Samples {
    /// A realistic rule set that uses every construct of the language, with comments in awkward places.
    static let full = #"""
# Pioneer programme 2013: expression of interest criteria.
# Kept short for the tests; the shipped rules live in rules/.

ruleset "Integrated care pioneers 2013" {
  version "1.0"   # bumped when criteria change
  source "Letter inviting expressions of interest, May 2013"
}

document {
  page_limit 10
  over_limit cap not-met
}

spellings {
  "organisation" = "organization"
  "wellbeing" = "well-being" = "well being"
  "programme" = "program"
}

negation {
  before { "no", "not", "without" }
  after {
    "has not"
    "not yet"
  }
  except { "not only" "no later than" }
  breaks { "but" "although" }
  window 4
}

defaults {
  unit sentence
  strong when 2 of (date, figure, money, percent, proper_name, commitment)
  minimum 1
}

terms hwb "Health and Wellbeing Board" {
  "health and wellbeing board"
  "HWB",
  "H&WB"
  after_first {
    "the Board"
  }
}

terms integration "Integration" {
  "integrat*"
  "joined-up care"
  "co\u{2011}ordinated care"
}

terms plan "Plans and strategies" {
  "joint health and wellbeing strategy"
  "plan"
}

terms healthwatch "Healthwatch" { "Healthwatch" "local \"Healthwatch\"" }

signal commitment "Commitment verbs" {
  "will"
  "have agreed"
  "committed"
}

signal owner "Named owners" {
  "chief executive"
  "director of adult social care"
}

# The first criterion.
criterion vision "A clear vision for integrated care" {
  weight 2

  consideration vision.narrative "A narrative for whole-system integration" {
    guidance "Describe what integrated care will look like for people, in their words."
    evidence integration and (hwb or plan)   # the core test
    strong when commitment and any(date, figure)
    minimum 2
    weight 1.5
    example met "The Health and Wellbeing Board will deliver integrated care for 3,400 people by March 2015. Our plan commits £2m to integration from April 2014."
    example partial "We believe in integration."
    example missing "Our hospital has a new car park."
  }

  consideration vision.people "The voice of people who use services" {
    guidance """
      Show how people and carers shaped the vision:
      name the groups and what changed as a result.
      """
    evidence near(healthwatch, any("co-produced", "engaged"), 8) or "I statements"
    mentions healthwatch
    unit paragraph
    scope heading "vision" or "engagement"
    example met """
      Healthwatch Northshire co-produced our vision with 200 carers in June 2013.
      The Director of Adult Social Care will report progress monthly.
      """
    example missing "Healthwatch has not yet been engaged."
  }
}

criterion leadership "Leadership and governance" {
  consideration leadership.board "Sign-off by the Health and Wellbeing Board" {
    guidance "Say when the Board signed off the bid and who chairs it."
    evidence all(hwb, "signed off") or 2 of (hwb, owner, not "draft")
    strong when owner and date
    example met "The Health and Wellbeing Board signed off this bid on 12 June 2013, chaired by Cllr Jane Smith."
  }
  # A comment before the closing brace.
}

principles "Partnership principles" {
  weight 0
  principle principles.outcomes "Focus on outcomes" {
    evidence "outcomes" and (figure or percent)
    example met "We will cut emergency admissions by 15% by 2015."
  }
}

gate gate.signoff "Health and Wellbeing Board sign-off" {
  requires leadership.board
  when missing cap not-met
  when partial cap sift-in
  message "Bids must be signed off by the Health and Wellbeing Board."
}

scoring {
  points {
    met 100
    partial 50
    missing 0
  }
  band meets at 70 criteria_at_least 50
  band sift-in at 40
  band not-met
}
# End of file.
"""#
}
