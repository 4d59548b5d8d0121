// Figures about a different period or a different part than the figure
// they seem to repeat: a change since the start of the year next to a
// one-day move, the staff of one site next to the whole workforce.
// Sentences written for these tests.
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "checker/extract/claims.h"
#include "checker/extract/extractor.h"
#include "checker/extract/rules.h"
#include "gtest/gtest.h"
#include "tests/extract/claims_testing.h"

namespace crosscheck::extract {
namespace {

using testing::DocBuilder;

const Claim* Quoting(const std::vector<Claim>& cs, absl::string_view part) {
  for (const Claim& c : cs) {
    if (absl::StrContains(c.quote, part)) return &c;
  }
  return nullptr;
}

TEST(PartClaimsTest, AChangeSinceTheStartOfTheYearIsScopedToTheYear) {
  DocBuilder b("ledger");
  b.Reference(absl::CivilDay(2027, 8, 20));
  b.Paragraph(
      {"The brewer is now worth about $3.1 billion, and its shares have "
       "gained 27% since the start of the year."});
  std::vector<Claim> cs = testing::ExtractClaims(b);

  const Claim* gain = Quoting(cs, "27%");
  ASSERT_NE(gain, nullptr);
  EXPECT_EQ(gain->measure, Measure::kChange);
  EXPECT_EQ(gain->scope.source, "explicit");
  EXPECT_EQ(gain->scope.period.granularity, Granularity::kYear);
  EXPECT_EQ(gain->scope.period.iso, "2027");

  // The "since" phrase opens the period of the gain next to it, not of the
  // value stated before it: that one holds now.
  const Claim* value = Quoting(cs, "$3.1 billion");
  ASSERT_NE(value, nullptr);
  EXPECT_NE(value->scope.period.granularity, Granularity::kYear);
}

TEST(PartClaimsTest, ADateAfterAComparisonBaseDatesTheBase) {
  DocBuilder b("gazette");
  b.Reference(absl::CivilDay(2027, 5, 4));
  b.Paragraph(
      {"The bill for the 30,000-seat arena is now $610 million, up from "
       "the $420 million budget the city approved in 2023."});
  b.Paragraph({"Exports rose 6% to $2.9 billion in 2026."});
  std::vector<Claim> cs = testing::ExtractClaims(b);

  // The budget is the base the bill is compared with: 2023 is its year.
  const Claim* budget = Quoting(cs, "$420 million");
  ASSERT_NE(budget, nullptr);
  EXPECT_EQ(budget->scope.period.iso, "2023");
  // The bill and the arena's size hold as of the article, not 2023.
  for (const char* now : {"$610 million", "30,000-seat"}) {
    const Claim* c = Quoting(cs, now);
    ASSERT_NE(c, nullptr) << now;
    EXPECT_EQ(c->scope.source, "reference-date") << now;
  }
  // A figure reached ("to $2.9 billion") is no base: the year dates both.
  const Claim* rise = Quoting(cs, "6%");
  ASSERT_NE(rise, nullptr);
  EXPECT_EQ(rise->scope.period.iso, "2026");
}

TEST(PartClaimsTest, ADateAfterASpeechVerbDatesTheSayingNotThePlan) {
  DocBuilder b("wire");
  b.Reference(absl::CivilDay(2027, 5, 14));
  b.Paragraph(
      {"The utility said in March that it planned to spend $140 million "
       "on its treatment works over the next five years."});
  b.Paragraph({"The council is scheduled to vote on the plan in June."});
  std::vector<Claim> cs = testing::ExtractClaims(b);
  // March is when the plan was announced: nothing is planned for March
  // (which would read as a plan overdue in May), and the figure is not a
  // March figure.
  for (const Claim& c : cs) {
    EXPECT_NE(c.scope.period.iso, "2027-03") << c.quote;
  }
  const Claim* spend = Quoting(cs, "$140 million");
  ASSERT_NE(spend, nullptr);
  EXPECT_EQ(spend->scope.source, "reference-date");
  // Without a speech verb before it, a date still dates the plan.
  bool june = false;
  for (const Claim& c : cs) june = june || c.scope.period.iso == "2027-06";
  EXPECT_TRUE(june);
}

TEST(PartClaimsTest, ATotalOverSeveralPartiesIsCombined) {
  DocBuilder b("wire");
  b.Reference(absl::CivilDay(2026, 10, 21));
  b.Paragraph(
      {"Between them, the two airlines carried about 31 million passengers "
       "last year."});
  b.Paragraph({"The smaller airline carried 11.2 million passengers."});
  b.Paragraph({"It flies 58 jets."});
  std::vector<Claim> cs = testing::ExtractClaims(b);
  const Claim* total = Quoting(cs, "about 31 million passengers");
  const Claim* part = Quoting(cs, "11.2 million passengers");
  ASSERT_NE(total, nullptr);
  ASSERT_NE(part, nullptr);
  EXPECT_EQ(total->subject.key, "passenger|combined");
  EXPECT_EQ(part->subject.key, "passenger|");
  // A counted noun named by a lexicon synonym counts the synonym's
  // canonical noun: "58 jets" compares with "64 aircraft".
  const Claim* jets = Quoting(cs, "58 jets");
  ASSERT_NE(jets, nullptr);
  EXPECT_EQ(jets->mention.amount.unit, "aircraft");
}

TEST(PartClaimsTest, ATargetBeforeTheEndOfTheYearIsNoPeriod) {
  // Only "since" opens a period: a plan's deadline does not say when the
  // plan was stated.
  DocBuilder b("courier");
  b.Reference(absl::CivilDay(2027, 3, 9));
  b.Paragraph(
      {"The miller plans to shut its Tarrow mill before the end of the "
       "year, putting 310 jobs at risk."});
  for (const Claim& c : testing::ExtractClaims(b)) {
    EXPECT_NE(c.scope.period.granularity, Granularity::kYear) << c.quote;
  }
}

TEST(PartClaimsTest, PeopleAtOneSiteAreAPartOfTheWorkforce) {
  DocBuilder b("post");
  b.Reference(absl::CivilDay(2027, 3, 9));
  b.Paragraph({"It employs about 410 people at its head office in Carrow."});
  b.Paragraph({"The group employs around 1,700 people."});
  std::vector<Claim> cs = testing::ExtractClaims(b);

  // People employed are employees (lexicon employ_verb).
  const Claim* site = Quoting(cs, "410");
  ASSERT_NE(site, nullptr);
  EXPECT_EQ(site->subject.head, "employee");
  EXPECT_FALSE(site->subject.modifiers.empty());

  const Claim* all = Quoting(cs, "1,700");
  ASSERT_NE(all, nullptr);
  EXPECT_EQ(all->subject.head, "employee");
  EXPECT_TRUE(all->subject.modifiers.empty());
}

TEST(PartClaimsTest, APassiveActSpreadOverAPeriodHasThatTerm) {
  DocBuilder b("wire");
  b.Reference(absl::CivilDay(2027, 3, 9));
  b.Paragraph({"The grant will be repaid over 15 years from parking income."});
  b.Paragraph({"Crews worked over 12 hours to clear the line."});
  std::vector<Claim> cs = testing::ExtractClaims(b);

  const Claim* term = Quoting(cs, "15 years");
  ASSERT_NE(term, nullptr);
  EXPECT_EQ(term->mention.kind, MentionKind::kDuration);
  EXPECT_EQ(term->measure, Measure::kLevel);
  EXPECT_FALSE(term->subject.head.empty());

  // How long an active verb went on is no figure about a thing.
  EXPECT_EQ(Quoting(cs, "12 hours"), nullptr);
}

}  // namespace
}  // namespace crosscheck::extract
