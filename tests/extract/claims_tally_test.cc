// BuildClaims on the grammar around counts of people and proportions:
// tallies of people in a state (their counted noun and their day), a
// proportion taken by a phrasal verb, and a subject before a relative
// clause that the figure's clause starts in.
#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "checker/extract/claims.h"
#include "gtest/gtest.h"
#include "tests/extract/claims_testing.h"

namespace crosscheck::extract {
namespace {

using testing::ClaimsFor;
using testing::DocBuilder;
using testing::TestLexicon;

std::vector<Claim> Build(DocBuilder& b) {
  return BuildClaims(b.Build(), b.mentions(), TestLexicon());
}

const Claim* One(const std::vector<Claim>& cs, const char* text) {
  auto found = ClaimsFor(cs, text);
  EXPECT_EQ(found.size(), 1u) << text;
  return found.size() == 1 ? found[0] : nullptr;
}

TEST(ClaimsTallyTest, PeopleInAStateAreCountedAsThatState) {
  DocBuilder b;
  b.Reference(absl::CivilDay(2027, 2, 6));
  int p = b.Paragraph({"The coach had 52 people on board when it overturned.",
                       "Police said 9 people were confirmed dead.",
                       "About 400 people gathered at the square."});
  b.Number(p, "52 people", 52, MentionKind::kQuantity, "person", "count");
  b.Number(p, "9 people", 9, MentionKind::kQuantity, "person", "count");
  b.Number(p, "About 400 people", 400, MentionKind::kQuantity, "person",
           "count");
  std::vector<Claim> cs = Build(b);

  const Claim* aboard = One(cs, "52 people");
  ASSERT_NE(aboard, nullptr);
  EXPECT_EQ(aboard->subject.head, "passenger");
  // So that it compares with "48 passengers" as one counted noun.
  EXPECT_EQ(aboard->mention.amount.unit, "passenger");
  // A tally holds on the day of writing, not in the days around it.
  EXPECT_EQ(aboard->scope.source, "as-of-writing");
  EXPECT_EQ(aboard->scope.period.iso, "2027-02-06");

  const Claim* dead = One(cs, "9 people");
  ASSERT_NE(dead, nullptr);
  EXPECT_EQ(dead->subject.head, "death toll");
  EXPECT_EQ(dead->scope.source, "as-of-writing");

  // People in no state keep their noun and the loose day of writing.
  const Claim* crowd = One(cs, "About 400 people");
  ASSERT_NE(crowd, nullptr);
  EXPECT_EQ(crowd->subject.head, "person");
  EXPECT_EQ(crowd->mention.amount.unit, "person");
  EXPECT_EQ(crowd->scope.source, "reference-date");
}

TEST(ClaimsTallyTest, AProportionAfterAPhrasalVerbIsNoChange) {
  DocBuilder b;
  b.Reference(absl::CivilDay(2027, 2, 6));
  int p = b.Paragraph({"Retired teachers made up 35% of the volunteers.",
                       "Ticket sales were up 8% on the year."});
  b.Percent(p, "35%", 35);
  b.Percent(p, "8%", 8);
  std::vector<Claim> cs = Build(b);
  const Claim* share = One(cs, "35%");
  ASSERT_NE(share, nullptr);
  EXPECT_EQ(MeasureName(share->measure), MeasureName(Measure::kLevel));
  EXPECT_EQ(share->subject.head, "teacher");
  const Claim* up = One(cs, "8%");
  ASSERT_NE(up, nullptr);
  EXPECT_EQ(MeasureName(up->measure), MeasureName(Measure::kChange));
}

TEST(ClaimsTallyTest, SubjectBeforeARelativeClause) {
  DocBuilder b;
  b.Reference(absl::CivilDay(2027, 2, 6));
  int p = b.Paragraph(
      {"Shares in Brannock Holdings, which runs the quarry, fell 14% on "
       "Friday.",
       "Exports to Chile, which buys most of the harvest, rose 8%."});
  b.Percent(p, "14%", 14);
  b.Percent(p, "8%", 8);
  std::vector<Claim> cs = Build(b);
  const Claim* shares = One(cs, "14%");
  ASSERT_NE(shares, nullptr);
  EXPECT_EQ(shares->subject.head, "share");
  EXPECT_EQ(absl::StrJoin(shares->subject.modifiers, ","), "brannock,holding");
  EXPECT_EQ(MeasureName(shares->measure), MeasureName(Measure::kChange));
  const Claim* exports = One(cs, "8%");
  ASSERT_NE(exports, nullptr);
  EXPECT_EQ(exports->subject.head, "export");
  EXPECT_EQ(absl::StrJoin(exports->subject.modifiers, ","), "chile");
}

}  // namespace
}  // namespace crosscheck::extract
