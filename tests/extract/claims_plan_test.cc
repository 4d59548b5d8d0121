// Plan claims (rules/plan.json: status group "plan") and the time of
// status claims, over hand-made documents; plus the subject fixes for
// participles, pronoun objects and counted nouns that measure a relational
// noun. Sentences are written for these tests.
#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "checker/extract/claims.h"
#include "checker/extract/subject.h"
#include "gtest/gtest.h"
#include "tests/extract/claims_testing.h"

namespace crosscheck::extract {
namespace {

using testing::DocBuilder;
using testing::TestLexicon;

std::vector<Claim> Build(DocBuilder& b) {
  return BuildClaims(b.Build(), b.mentions(), TestLexicon());
}

std::string Mods(const Subject& s) { return absl::StrJoin(s.modifiers, ","); }

Mention& Plan(DocBuilder& b, int seg, absl::string_view trigger) {
  return b.Status(seg, trigger, "planned", "plan");
}

TEST(PlanClaimsTest, VerbAndNounPhrasesOfOnePlanShareAKey) {
  DocBuilder a("a");
  a.Reference(absl::CivilDay(2026, 3, 9));
  Plan(a, a.Paragraph({"Tolvane Mills plans to close its Harlow plant."}),
       "plans to");
  DocBuilder b("b");
  b.Reference(absl::CivilDay(2026, 3, 11));
  Plan(b,
       b.Paragraph({"The group is moving ahead with the closure of the Harlow "
                    "plant despite protests."}),
       "moving ahead with");
  std::vector<Claim> ca = Build(a);
  std::vector<Claim> cb = Build(b);
  ASSERT_EQ(ca.size(), 1u);
  ASSERT_EQ(cb.size(), 1u);
  EXPECT_EQ(ca[0].measure, Measure::kStatus);
  EXPECT_EQ(ca[0].subject.head, "closure");
  EXPECT_EQ(Mods(ca[0].subject), "harlow,plant");
  EXPECT_EQ(ca[0].subject.text, "close its Harlow plant");
  EXPECT_EQ(ca[0].subject.key, cb[0].subject.key);
}

TEST(PlanClaimsTest, ActionNounInsideTheNounPhrase) {
  DocBuilder b;
  b.Reference(absl::CivilDay(2026, 2, 10));
  int p = b.Paragraph({"Push for Article 9 revision"});
  Plan(b, p, "Push for");
  std::vector<Claim> cs = Build(b);
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(cs[0].subject.head, "revision");
  EXPECT_EQ(Mods(cs[0].subject), "9,article");
}

TEST(PlanClaimsTest, TableRowLabelNamesTheArea) {
  DocBuilder b;
  b.Reference(absl::CivilDay(2026, 2, 10));
  int r = b.TableRow({"Charter Reform", "Push for Clause 4 revision",
                      "A larger role for the army"},
                     {"Area", "Plan", "Effect"});
  Plan(b, r, "Push for");
  std::vector<Claim> cs = Build(b);
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(cs[0].subject.head, "revision");
  // "Reform" names an action, not the area.
  EXPECT_EQ(Mods(cs[0].subject), "4,charter,clause");
}

TEST(PlanClaimsTest, AdjectiveObjectsBecomeNouns) {
  DocBuilder b;
  b.Reference(absl::CivilDay(2026, 2, 10));
  int p = b.Paragraph(
      {"The vote gave the coalition a mandate for constitutional revision."});
  Plan(b, p, "mandate for");
  std::vector<Claim> cs = Build(b);
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(cs[0].subject.head, "revision");
  EXPECT_EQ(Mods(cs[0].subject), "constitution");
}

TEST(PlanClaimsTest, CoordinatedActionsAreSeparatePlans) {
  DocBuilder b;
  b.Reference(absl::CivilDay(2026, 2, 10));
  int p = b.Paragraph(
      {"The mayor said she would press ahead with adding a tram line and "
       "with widening the ring road, calling for a vote soon."});
  Plan(b, p, "press ahead with");
  std::vector<Claim> cs = Build(b);
  ASSERT_EQ(cs.size(), 2u);
  EXPECT_EQ(cs[0].subject.head, "addition");
  EXPECT_EQ(Mods(cs[0].subject), "line,tram");
  EXPECT_EQ(cs[1].subject.head, "expansion");
  EXPECT_EQ(Mods(cs[1].subject), "ring,road");
  EXPECT_NE(cs[0].id, cs[1].id);
  EXPECT_EQ(cs[0].mention.span.begin, cs[1].mention.span.begin);
}

TEST(PlanClaimsTest, UnlistedVerbsKeyByTheirStem) {
  DocBuilder a("a");
  a.Reference(absl::CivilDay(2026, 2, 10));
  Plan(a, a.Paragraph({"The club intends to rename the north stand."}),
       "intends to");
  DocBuilder b("b");
  b.Reference(absl::CivilDay(2026, 2, 10));
  Plan(b,
       b.Paragraph({"The club is pressing on with renaming the north stand."}),
       "pressing on with");
  std::vector<Claim> ca = Build(a);
  std::vector<Claim> cb = Build(b);
  ASSERT_EQ(ca.size(), 1u);
  ASSERT_EQ(cb.size(), 1u);
  EXPECT_EQ(ca[0].subject.key, cb[0].subject.key);
  EXPECT_EQ(Mods(ca[0].subject), "north,stand");
}

TEST(PlanClaimsTest, DeniedEmptyAndObjectlessPlansAreNoClaims) {
  DocBuilder b;
  b.Reference(absl::CivilDay(2026, 2, 10));
  Plan(b, b.Paragraph({"The firm has no plans to close the depot."}),
       "plans to");
  Plan(b, b.Paragraph({"Ministers scrapped plans to sell the airport."}),
       "plans to");
  Plan(b, b.Paragraph({"The company plans to expand."}), "plans to");
  Plan(b, b.Paragraph({"She sent a proposal to the council."}), "proposal to");
  EXPECT_TRUE(Build(b).empty());
}

TEST(PlanClaimsTest, APlanDatesNoEvent) {
  DocBuilder b;
  b.Reference(absl::CivilDay(2026, 2, 10));
  int p = b.Paragraph({"The board plans to close the mill in March."});
  Plan(b, p, "plans to");
  b.Date(p, "March", testing::Month(2026, 3));
  std::vector<Claim> cs = Build(b);
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(cs[0].measure, Measure::kStatus);
  EXPECT_EQ(Mods(cs[0].subject), "mill");
}

TEST(StatusTimeTest, PresentStateHoldsOnTheDayOfWriting) {
  DocBuilder b;
  b.Reference(absl::CivilDay(2026, 1, 19));
  int p = b.Paragraph({"For now the recall is voluntary."});
  b.Status(p, "is voluntary", "voluntary", "obligation");
  std::vector<Claim> cs = Build(b);
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(cs[0].scope.source, "present-tense");
  EXPECT_EQ(cs[0].scope.period.iso, "2026-01-19");
}

TEST(StatusTimeTest, EarlierStageInATemporalClauseIsNoClaim) {
  DocBuilder b;
  b.Reference(absl::CivilDay(2025, 3, 17));
  int p = b.Paragraph(
      {"After talks collapsed in the first week, a mediator stepped in."});
  b.Status(p, "talks collapsed", "failed", "negotiation");
  int q =
      b.Paragraph({"A day after talks collapsed on Tuesday, the port "
                   "closed."});
  b.Status(q, "talks collapsed", "failed", "negotiation");
  b.Date(q, "Tuesday", testing::Day(2025, 3, 4, true));
  std::vector<Claim> statuses;
  for (const Claim& c : Build(b)) {
    if (c.mention.kind == MentionKind::kStatus) statuses.push_back(c);
  }
  ASSERT_EQ(statuses.size(), 1u);  // only the dated one
  EXPECT_EQ(statuses[0].scope.period.iso, "2025-03-04");
}

TEST(StatusTimeTest, AttributiveYearIsNotTheTimeOfAStatus) {
  DocBuilder b;
  b.Reference(absl::CivilDay(2025, 11, 10));
  int p =
      b.Paragraph({"The 2026 spending bill remains stalled in the senate."});
  b.Date(p, "2026", testing::Year(2026));
  b.Status(p, "bill remains stalled", "pending", "approval");
  std::vector<Claim> cs = Build(b);
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(cs[0].scope.source, "present-tense");
  EXPECT_EQ(cs[0].scope.period.iso, "2025-11-10");
}

TEST(ActionNounTest, InflectionsAndNounsMapToOneNoun) {
  const Lexicon& lex = TestLexicon();
  for (const char* w :
       {"revise", "revises", "revised", "revising", "revision", "revisions"}) {
    SCOPED_TRACE(w);
    ASSERT_TRUE(lex.ActionNoun(w).has_value());
    EXPECT_EQ(*lex.ActionNoun(w), "revision");
  }
  EXPECT_EQ(*lex.ActionNoun("shutting"), "closure");
  EXPECT_EQ(*lex.ActionNoun("hold"), "");  // a light verb
  EXPECT_FALSE(lex.ActionNoun("harbour").has_value());
  EXPECT_EQ(lex.AdjectiveNoun("constitutional"), "constitution");
  EXPECT_EQ(lex.AdjectiveNoun("harbor"), "harbor");
}

TEST(SubjectVerbFormsTest, Table) {
  struct Case {
    const char* sentence;
    const char* figure;
    MentionKind kind;
    Amount amount;
    const char* head;
    const char* modifiers;
  };
  Amount pct{0, 0, 0, "%", "percent", ""};
  Amount boxes{0, 0, 0, "box", "count", ""};
  const Case cases[] = {
      {"The town's population has grown 9% since 2010.", "9%",
       MentionKind::kPercent, pct, "population", "town"},
      {"Data on Friday showed prices accelerating to 4.1% in May.", "4.1%",
       MentionKind::kPercent, pct, "price", ""},
      {"The bank raised its deposit rate by half a point, taking it to 3 "
       "percent.",
       "3 percent", MentionKind::kPercent, pct, "rate", "deposit"},
      {"Grain volumes reached 1.8 million boxes in the year.", "1.8 million",
       MentionKind::kQuantity, boxes, "volume", "box,grain"},
      {"Grain volumes at the terminal rose 6% last year.", "6%",
       MentionKind::kPercent, pct, "volume", "grain,terminal"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.sentence);
    Subject s =
        SubjectOfFigure(c.sentence, c.figure, c.kind, c.amount, TestLexicon());
    EXPECT_EQ(s.head, c.head);
    EXPECT_EQ(Mods(s), c.modifiers);
  }
}

}  // namespace
}  // namespace crosscheck::extract
