// Event-date binding, offsets from named dates, datelines, scheduled plans
// and proportion subjects, through the real rule packs. Sentences are
// written for these tests.
#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "checker/extract/claims.h"
#include "checker/extract/extractor.h"
#include "checker/extract/rules.h"
#include "gtest/gtest.h"
#include "tests/extract/claims_testing.h"

namespace crosscheck::extract {
namespace {

using testing::DocBuilder;

std::vector<Claim> ClaimsOf(absl::CivilDay ref, const std::string& text) {
  DocBuilder b("bind");
  b.Reference(ref);
  b.Paragraph({text});
  Extractor ex(&testing::ShippedRules());
  const SegmentedDocument& sd = b.Build();
  std::vector<Mention> ms = ex.FindMentions(sd, b.doc().reference_date);
  return BuildClaims(sd, ms, testing::TestLexicon());
}

const Claim* EventClaim(const std::vector<Claim>& cs, absl::string_view event) {
  for (const Claim& c : cs) {
    if (c.measure == Measure::kEventDate && c.event == event) return &c;
  }
  return nullptr;
}

TEST(ClaimsBindingTest, EventDates) {
  struct Case {
    const char* text;
    absl::CivilDay ref;
    const char* event;
    const char* want_iso;  // "" = no event claim for `event`
  } cases[] = {
      // The offset phrase's own date is the base; the noun after it is the
      // base event, not the one dated.
      {"The firm announced the recall two days after its May 4 board meeting.",
       absl::CivilDay(2026, 5, 20), "recall", "2026-05-06"},
      {"The firm announced the recall two days after its May 4 board meeting.",
       absl::CivilDay(2026, 5, 20), "meeting", ""},
      // An event after a temporal connective is a reference point, and so
      // is a state: neither is dated by the date before the connective.
      {"Crews found survivors on Monday after a deadly earthquake hit the "
       "hills.",
       absl::CivilDay(2026, 4, 9), "earthquake", ""},
      {"Commuters queued for hours on Tuesday after the river bridge was "
       "closed to traffic.",
       absl::CivilDay(2026, 3, 5), "closure", ""},
      {"The river bridge was closed to traffic on Monday.",
       absl::CivilDay(2026, 3, 5), "closure", "2026-03-02"},
      // A date restated as an offset from the event after it dates that
      // event the offset the other way.
      {"Crews found survivors on Monday, a day after a deadly earthquake hit "
       "the hills.",
       absl::CivilDay(2026, 4, 9), "earthquake", "2026-04-05"},
      {"Commuters queued for hours on Tuesday, the day after the river "
       "bridge was closed to traffic.",
       absl::CivilDay(2026, 3, 5), "closure", "2026-03-02"},
      {"Markets steadied on March 12, two days after the election.",
       absl::CivilDay(2025, 3, 14), "election", "2025-03-10"},
      // ... but a time of day after "before" is not one.
      {"The earthquake struck before dawn on Sunday.",
       absl::CivilDay(2026, 4, 9), "earthquake", "2026-04-05"},
      // A date binds to the event it is nearest; the event takes its
      // nearest date.
      {"Relief teams worked on Thursday for families hit by Saturday's "
       "earthquake.",
       absl::CivilDay(2026, 4, 9), "earthquake", "2026-04-04"},
      // Verb-form events.
      {"The maker said on Friday that it is recalling 9,000 kettles.",
       absl::CivilDay(2026, 1, 19), "recall", "2026-01-16"},
      {"Some 700 porters walked off the job on Monday.",
       absl::CivilDay(2025, 3, 6), "strike", "2025-03-03"},
      {"The central bank said on Wednesday, November 12, that it was raising "
       "interest rates.",
       absl::CivilDay(2025, 11, 20), "decision", "2025-11-12"},
      // Ratifying an agreement is not the agreement itself.
      {"Members ratified the agreement on Friday.", absl::CivilDay(2025, 3, 15),
       "deal", ""},
      {"The pay deal struck on Thursday runs for three years.",
       absl::CivilDay(2025, 3, 15), "deal", "2025-03-13"},
      // Reaching "open" and reaching "closed" are two events.
      {"The ring road was shut to all traffic on Monday.",
       absl::CivilDay(2026, 3, 5), "closure", "2026-03-02"},
      {"The tunnel reopened on Tuesday.", absl::CivilDay(2026, 3, 5), "opening",
       "2026-03-03"},
      {"The tunnel reopened on Tuesday.", absl::CivilDay(2026, 3, 5), "closure",
       ""},
      // Taking effect is an entry into force, not a suspension.
      {"The new levy took effect on Monday.", absl::CivilDay(2026, 3, 5),
       "entry into force", "2026-03-02"},
      // A relative aside's event does not take the main clause's date; the
      // aside's antecedent takes the aside's.
      {"The fuel-duty cut, which the deal costs at $380 million a year, is "
       "due to take effect in July.",
       absl::CivilDay(2026, 3, 5), "deal", ""},
      {"The election, which was held on Sunday, left no party in charge.",
       absl::CivilDay(2026, 3, 5), "election", "2026-03-01"},
  };
  for (const Case& c : cases) {
    std::vector<Claim> cs = ClaimsOf(c.ref, c.text);
    const Claim* e = EventClaim(cs, c.event);
    if (*c.want_iso == '\0') {
      EXPECT_EQ(e, nullptr) << c.text << " / " << c.event << " dated "
                            << (e ? e->scope.period.iso : "");
      continue;
    }
    ASSERT_NE(e, nullptr) << c.text << " / " << c.event;
    EXPECT_EQ(e->scope.period.iso, c.want_iso) << c.text;
  }
}

// Without a name to the left, the noun phrase opening the clause is what a
// status is about ("The footway remains open": the footway, not whatever
// else in the story is open or closed).
TEST(ClaimsBindingTest, StatusSubjectFromTheClauseSubject) {
  struct Case {
    const char* text;
    const char* modifier;  // "" = no modifiers
  } cases[] = {
      {"The footway remains open to walkers.", "footway"},
      {"The old harbour remained open, officials said.", "harbor"},
      {"It remains closed.", ""},
  };
  for (const Case& c : cases) {
    const Claim* status = nullptr;
    std::vector<Claim> cs = ClaimsOf(absl::CivilDay(2026, 3, 5), c.text);
    for (const Claim& x : cs) {
      if (x.measure == Measure::kStatus) status = &x;
    }
    ASSERT_NE(status, nullptr) << c.text;
    std::vector<std::string> mods(status->subject.modifiers.begin(),
                                  status->subject.modifiers.end());
    if (*c.modifier == '\0') {
      EXPECT_TRUE(mods.empty()) << c.text;
    } else {
      EXPECT_NE(std::find(mods.begin(), mods.end(), c.modifier), mods.end())
          << c.text;
    }
  }
}

// A status a change starts from is the state before it: no claim.
TEST(ClaimsBindingTest, FormerStateIsNoClaim) {
  auto statuses = [](const char* text) {
    int n = 0;
    for (const Claim& c : ClaimsOf(absl::CivilDay(2026, 3, 5), text)) {
      n += c.measure == Measure::kStatus;
    }
    return n;
  };
  EXPECT_EQ(statuses("The party has gone from a comfortable majority to "
                     "needing a partner."),
            0);
  EXPECT_EQ(statuses("The party holds a comfortable majority."), 1);
  EXPECT_EQ(statuses("The party no longer commands a majority in the "
                     "assembly."),
            1);
}

// A comparison base after a comma is the compared figure's subject at the
// base's own date; a possessive date before it dates it alone.
TEST(ClaimsBindingTest, ComparisonBaseWithItsOwnDate) {
  std::vector<Claim> cs = ClaimsOf(
      absl::CivilDay(2026, 10, 20),
      "Ticket sales rose to $5 billion, up from last year's $4 billion.");
  const Claim* now = nullptr;
  const Claim* base = nullptr;
  for (const Claim& c : cs) {
    if (c.quote == "$5 billion") now = &c;
    if (c.quote == "$4 billion") base = &c;
  }
  ASSERT_NE(now, nullptr);
  ASSERT_NE(base, nullptr);
  EXPECT_EQ(base->subject.head, now->subject.head);
  EXPECT_EQ(base->scope.period.iso, "2025");
  EXPECT_EQ(now->scope.period.iso, "2026-10-20");
  // Without a date of its own the base is no claim of the figure's time.
  for (const Claim& c :
       ClaimsOf(absl::CivilDay(2026, 10, 20),
                "Ticket sales fell to $4 billion in March, down from "
                "$5 billion.")) {
    if (c.quote == "$5 billion") {
      EXPECT_NE(c.scope.period.iso, "2026-03") << c.subject.head;
    }
  }
}

// A count with a bare noun belongs to the name that is its clause's
// subject; a sentence-initial common word is no name.
TEST(ClaimsBindingTest, CountOwnedByTheNamedSubject) {
  struct Case {
    const char* text;
    const char* quote;
    const char* modifiers;  // comma-joined, sorted
  } cases[] = {
      {"The anti-tax Heartland First won 7 seats.", "7 seats",
       "first,heartland"},
      {"The DPP finished with thirty-eight seats.", "thirty-eight seats",
       "dpp"},
      {"Traffic on the Quay Bridge jumped to 57,000 vehicles.",
       "57,000 vehicles", "bridge,quay"},
      {"Officials counted 40 boats.", "40 boats", ""},
      {"The league, a rural party, won 12 seats.", "12 seats", ""},
  };
  for (const Case& c : cases) {
    const Claim* found = nullptr;
    std::vector<Claim> cs = ClaimsOf(absl::CivilDay(2026, 9, 28), c.text);
    for (const Claim& x : cs) {
      if (x.quote == c.quote) found = &x;
    }
    ASSERT_NE(found, nullptr) << c.text;
    std::vector<std::string> mods(found->subject.modifiers.begin(),
                                  found->subject.modifiers.end());
    std::sort(mods.begin(), mods.end());
    EXPECT_EQ(absl::StrJoin(mods, ","), c.modifiers) << c.text;
  }
}

// A proportion of a count is a share of what is counted.
TEST(ClaimsBindingTest, ProportionOfACount) {
  for (const Claim& c :
       ClaimsOf(absl::CivilDay(2026, 10, 17),
                "The order covered two-thirds of the village's 900 "
                "residents.")) {
    if (c.quote == "two-thirds") {
      EXPECT_EQ(c.subject.head, "resident");
      return;
    }
  }
  ADD_FAILURE() << "no claim for two-thirds";
}

TEST(ClaimsBindingTest, InsuredSumIsInsurance) {
  for (const char* text :
       {"The probe was insured for $90 million.",
        "The probe carried an insurance policy worth $95m."}) {
    std::vector<Claim> cs = ClaimsOf(absl::CivilDay(2026, 9, 10), text);
    ASSERT_EQ(cs.size(), 1u) << text;
    EXPECT_EQ(cs[0].subject.head, "insurance") << text;
  }
}

// A named first object between a money verb and the sum: the sum is still
// the fine (and "fined" dates a fine event).
TEST(ClaimsBindingTest, MoneyVerbWithANamedObject) {
  std::vector<Claim> cs =
      ClaimsOf(absl::CivilDay(2026, 7, 21),
               "The watchdog fined Northwind Power $3 million on Monday.");
  const Claim* money = nullptr;
  for (const Claim& c : cs) {
    if (c.mention.kind == MentionKind::kMoney) money = &c;
  }
  ASSERT_NE(money, nullptr);
  EXPECT_EQ(money->subject.head, "fine");
  const Claim* event = EventClaim(cs, "fine");
  ASSERT_NE(event, nullptr);
  EXPECT_EQ(event->scope.period.iso, "2026-07-20");
}

// People employed are employees; where they work still qualifies them.
TEST(ClaimsBindingTest, PeopleEmployedAreEmployees) {
  std::vector<Claim> cs =
      ClaimsOf(absl::CivilDay(2026, 9, 10),
               "The mill, which employs about 400 people, will close by 2028.");
  ASSERT_FALSE(cs.empty());
  EXPECT_EQ(cs[0].subject.head, "employee");
  EXPECT_EQ(cs[0].modality, Modality::kPresent);
  cs = ClaimsOf(absl::CivilDay(2026, 9, 10),
                "It employs 60 people at its depot in Hull.");
  ASSERT_FALSE(cs.empty());
  EXPECT_EQ(cs[0].subject.head, "employee");
  EXPECT_FALSE(cs[0].subject.modifiers.empty());
}

// "1,874" has a thousands separator: a count, not a year; "admitted"
// people are hospital admissions.
TEST(ClaimsBindingTest, SeparatedFourDigitNumberIsNoYear) {
  std::vector<Claim> cs =
      ClaimsOf(absl::CivilDay(2026, 7, 21),
               "The tally of heat cases reached 1,874, and 1,200 people were "
               "admitted on Monday alone.");
  ASSERT_EQ(cs.size(), 2u);
  EXPECT_EQ(cs[0].quote, "1,874");
  EXPECT_EQ(cs[1].subject.head, "hospital admission");
}

// "was valued at $X" is a valuation; the noun "value of $X" keeps its own
// subject.
TEST(ClaimsBindingTest, ValuedAtIsAValuation) {
  std::vector<Claim> cs = ClaimsOf(absl::CivilDay(2026, 9, 10),
                                   "The startup was valued at $900 million.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(cs[0].subject.head, "valuation");
  cs = ClaimsOf(absl::CivilDay(2026, 9, 10),
                "The deal gave it a market value of $900 million.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_NE(cs[0].subject.head, "valuation");
}

// "has meanwhile risen to": a participle after an adverb is no noun.
TEST(ClaimsBindingTest, ParticipleAfterPerfectAdverbIsNoSubject) {
  std::vector<Claim> cs =
      ClaimsOf(absl::CivilDay(2026, 12, 3),
               "The bill for the new roof has meanwhile risen to $9 million.");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_NE(cs[0].subject.head, "risen");
  EXPECT_EQ(cs[0].modality, Modality::kPresent);
}

TEST(ClaimsBindingTest, DatelineIsNeverAnEventDate) {
  std::vector<Claim> cs =
      ClaimsOf(absl::CivilDay(2025, 3, 6),
               "NORTH BAY, March 6 (Coast Wire) - The dock strike entered "
               "its fourth day.");
  for (const Claim& c : cs) {
    EXPECT_FALSE(absl::StrContains(c.quote, "March 6")) << c.quote;
  }
}

TEST(ClaimsBindingTest, ScheduledPlansAreFuture) {
  struct Case {
    const char* text;
    const char* quote;
  } cases[] = {
      {"A second runway, which is scheduled to open in 2024, will take "
       "larger jets.",
       "2024"},
      {"The new library is due in June 2025.", "June 2025"},
      // A plain future ("will", "shall") with the date in its verb phrase,
      // also when a hedged second verb phrase follows, or the thing
      // planned is a clause subject holding a figure.
      {"The ministry said a second radar will be switched on in May 2025 "
       "near the coast.",
       "May 2025"},
      {"Work on the three new locks is scheduled to start in March 2026 and "
       "could last two years.",
       "March 2026"},
  };
  for (const Case& c : cases) {
    std::vector<Claim> cs = ClaimsOf(absl::CivilDay(2026, 4, 10), c.text);
    const Claim* found = nullptr;
    for (const Claim& x : cs) {
      if (x.measure == Measure::kEventDate && x.quote == c.quote) found = &x;
    }
    ASSERT_NE(found, nullptr) << c.text;
    EXPECT_EQ(found->modality, Modality::kFuture) << c.text;
  }
  // "would" reports an old intention; a date before "will" is not in its
  // verb phrase.
  for (const char* text :
       {"The firm said in 2024 it would open the plant in March 2025.",
        "The 2019 flood, which ruined 300 homes, will be remembered."}) {
    for (const Claim& x : ClaimsOf(absl::CivilDay(2026, 4, 10), text)) {
      if (x.measure == Measure::kEventDate) {
        EXPECT_NE(x.modality, Modality::kFuture) << text << " / " << x.quote;
      }
    }
  }
  // An old plan reported in the past is not a plan still ahead.
  std::vector<Claim> cs =
      ClaimsOf(absl::CivilDay(2026, 4, 10),
               "The runway was scheduled to open in 2024, but work stalled.");
  for (const Claim& x : cs) {
    if (x.quote == "2024") {
      EXPECT_NE(x.modality, Modality::kFuture);
    }
  }
}

TEST(ClaimsBindingTest, ProportionAndCostSubjects) {
  struct Case {
    const char* text;
    const char* quote;
    const char* head;
  } cases[] = {
      {"Roughly 61% of the returned kettles were bought online.", "61%",
       "kettle"},
      {"Some 55.5% of surveyed traders expect a cut.", "55.5%", "trader"},
      {"The recall will cost it 7.5m euros.", "7.5m euros", "cost"},
  };
  for (const Case& c : cases) {
    std::vector<Claim> cs = ClaimsOf(absl::CivilDay(2026, 1, 20), c.text);
    const Claim* found = nullptr;
    for (const Claim& x : cs) {
      if (absl::StrContains(x.quote, c.quote)) found = &x;
    }
    ASSERT_NE(found, nullptr) << c.text;
    EXPECT_EQ(found->subject.head, c.head) << c.text;
  }
}

}  // namespace
}  // namespace crosscheck::extract
