// Incident stories (a data breach, an outage) through the real rule packs:
// detection dates as one event whatever noun each source uses, statuses
// that flip with negation or with a service coming back, glued scales on
// counts and lengths of something as figures. Sentences written for these
// tests.
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

TEST(IncidentClaimsTest, DetectionIsOneEventWhateverTheIncidentNoun) {
  DocBuilder b("wire");
  b.Reference(absl::CivilDay(2027, 3, 17));  // a Wednesday
  b.Paragraph(
      {"The insurer detected the intrusion on Monday and took its "
       "portal offline."});
  b.Paragraph(
      {"Engineers said the hack was discovered three days before "
       "the company disclosed the breach on March 16."});
  b.Paragraph({"Rogue code had been running since about February 20."});
  b.Paragraph(
      {"The insurer, founded in 1962, had a smaller data leak in "
       "2019."});
  std::vector<Claim> cs = testing::ExtractClaims(b);

  auto monday = testing::Quoting(cs, "Monday");
  ASSERT_EQ(monday.size(), 1u);
  EXPECT_EQ(monday[0]->measure, Measure::kEventDate);
  EXPECT_EQ(monday[0]->event, "detection");
  EXPECT_EQ(monday[0]->scope.period.iso, "2027-03-15");

  auto before = testing::Quoting(cs, "three days before");
  ASSERT_EQ(before.size(), 1u);
  EXPECT_EQ(before[0]->event, "detection");
  EXPECT_EQ(before[0]->scope.period.iso, "2027-03-13");

  // When the code started running, the founding and an earlier leak are
  // other events: none of them dates the detection.
  for (const char* other : {"February 20", "1962", "2019"}) {
    for (const Claim* c : testing::Quoting(cs, other)) {
      EXPECT_NE(c->event, "detection") << other;
    }
  }
  // The earlier leak is a breach of its own year, if dated at all.
  for (const Claim* c : testing::Quoting(cs, "2019")) {
    if (c->measure == Measure::kEventDate) {
      EXPECT_EQ(c->event, "breach");
    }
  }
}

TEST(IncidentClaimsTest, DisclosureIsDatedApartFromDetection) {
  DocBuilder b("explainer");
  b.Reference(absl::CivilDay(2027, 3, 20));
  b.Paragraph({"Staff spotted the outage on March 12.",
               "The firm went public with the outage two days later."});
  std::vector<Claim> cs = testing::ExtractClaims(b);
  auto spotted = testing::Quoting(cs, "March 12");
  ASSERT_EQ(spotted.size(), 1u);
  EXPECT_EQ(spotted[0]->event, "detection");
  auto later = testing::Quoting(cs, "two days later");
  ASSERT_EQ(later.size(), 1u);
  EXPECT_EQ(later[0]->event, "disclosure");
  EXPECT_EQ(later[0]->scope.period.iso, "2027-03-14");
}

TEST(IncidentClaimsTest, NegationFlipsAnInvestigationStatus) {
  DocBuilder b("regulator");
  b.Reference(absl::CivilDay(2027, 3, 17));
  b.Paragraph({"The data watchdog has opened a formal investigation."});
  b.Paragraph({"Its rival agency had not opened an inquiry by Tuesday."});
  std::vector<Claim> cs = testing::ExtractClaims(b);
  auto opened = testing::Quoting(cs, "has opened");
  auto not_opened = testing::Quoting(cs, "had not opened");
  ASSERT_EQ(not_opened.size(), 1u);
  EXPECT_EQ(not_opened[0]->measure, Measure::kStatus);
  EXPECT_EQ(not_opened[0]->mention.group, "investigation");
  EXPECT_EQ(not_opened[0]->mention.label, "not-opened");
  // The unnegated phrase inside the negated one is no second status.
  ASSERT_EQ(testing::Quoting(cs, "opened").size(), 2u);
  for (const Claim* c : testing::Quoting(cs, "opened")) {
    if (c == not_opened[0]) continue;
    EXPECT_EQ(c->mention.group, "investigation");
    EXPECT_EQ(c->mention.label, "opened");
  }
  (void)opened;
}

TEST(IncidentClaimsTest, PaymentsSuspendedAndBackAreOneStatusGroup) {
  DocBuilder b("shops");
  b.Reference(absl::CivilDay(2027, 3, 17));
  b.Paragraph({"Card payments at the affected shops remain suspended."});
  b.Paragraph({"Card payments resumed at every branch on Thursday."});
  b.Paragraph({"Contactless payments are working again in all shops."});
  std::vector<Claim> cs = testing::ExtractClaims(b);
  auto closed = testing::Quoting(cs, "remain suspended");
  auto resumed = testing::Quoting(cs, "resumed");
  auto again = testing::Quoting(cs, "working again");
  ASSERT_EQ(closed.size(), 1u);
  ASSERT_EQ(resumed.size(), 1u);
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(closed[0]->mention.label, "closed");
  EXPECT_EQ(resumed[0]->mention.label, "open");
  EXPECT_EQ(again[0]->mention.label, "open");
  for (const Claim* c : {closed[0], resumed[0], again[0]}) {
    EXPECT_EQ(c->mention.group, "open-closed");
  }
}

TEST(IncidentClaimsTest, GluedScaleOnACount) {
  DocBuilder b("count");
  b.Reference(absl::CivilDay(2027, 3, 17));
  b.Paragraph({"About 4.2m policyholders were told to change passwords."});
  b.Paragraph({"She finished the 400m hurdles in second place."});
  std::vector<Claim> cs = testing::ExtractClaims(b);
  auto count = testing::Quoting(cs, "4.2m");
  ASSERT_EQ(count.size(), 1u);
  EXPECT_DOUBLE_EQ(count[0]->mention.amount.value, 4200000);
  EXPECT_EQ(count[0]->mention.amount.unit, "policyholder");
  EXPECT_EQ(count[0]->subject.head, "policyholder");
  // A race distance is not 400 million hurdles.
  for (const Claim* c : testing::Quoting(cs, "400")) {
    EXPECT_LT(c->mention.amount.value, 1000) << c->quote;
  }
}

TEST(IncidentClaimsTest, LengthOfSomethingIsAFigureAboutIt) {
  DocBuilder b("offer");
  b.Reference(absl::CivilDay(2027, 3, 17));
  b.Paragraph(
      {"The insurer will give members three years of free identity "
       "protection, it said."});
  b.Paragraph({"Intruders were inside the network for about five weeks."});
  b.Paragraph({"Losses mounted in the first two years of the scheme."});
  std::vector<Claim> cs = testing::ExtractClaims(b);
  auto offer = testing::Quoting(cs, "three years");
  ASSERT_EQ(offer.size(), 1u);
  EXPECT_EQ(offer[0]->mention.kind, MentionKind::kDuration);
  EXPECT_EQ(offer[0]->measure, Measure::kLevel);
  EXPECT_EQ(offer[0]->subject.head, "protection");
  EXPECT_DOUBLE_EQ(offer[0]->mention.amount.value, 3);
  EXPECT_EQ(offer[0]->mention.amount.unit, "year");
  // How long something lasted, and a part of a period, are no figures.
  EXPECT_TRUE(testing::Quoting(cs, "five weeks").empty());
  EXPECT_TRUE(testing::Quoting(cs, "two years").empty());
}

// "212 of the chain's 318 stores": the part is the count of stores; the
// whole is no second count that would clash with another source's part.
TEST(IncidentClaimsTest, PartOfAWholeCountsThePart) {
  DocBuilder b("part");
  b.Reference(absl::CivilDay(2027, 3, 17));
  b.Paragraph({"The malware reached 212 of the chain's 318 stores."});
  b.Paragraph({"Rebels now hold two of the province's nine districts."});
  std::vector<Claim> cs = testing::ExtractClaims(b);
  auto part = testing::Quoting(cs, "212");
  ASSERT_EQ(part.size(), 1u);
  EXPECT_DOUBLE_EQ(part[0]->mention.amount.value, 212);
  EXPECT_EQ(part[0]->subject.head, "store");
  EXPECT_TRUE(testing::Quoting(cs, "318").empty());
  auto two = testing::Quoting(cs, "two");
  ASSERT_EQ(two.size(), 1u);
  EXPECT_DOUBLE_EQ(two[0]->mention.amount.value, 2);
  EXPECT_EQ(two[0]->subject.head, "district");
  EXPECT_TRUE(testing::Quoting(cs, "nine").empty());
}

// The claims.cc side alone, with hand-made mentions: only a duration with
// an object after "of" is a claim, and not one whose object starts with a
// determiner.
TEST(IncidentClaimsTest, DurationClaimNeedsAnObject) {
  DocBuilder b("hand");
  b.Reference(absl::CivilDay(2027, 3, 17));
  int p1 = b.Paragraph({"Members get two years of credit monitoring."});
  int p2 = b.Paragraph({"The outage lasted for 48 hours."});
  int p3 = b.Paragraph({"Prices fell in six months of the year."});
  b.Number(p1, "two years of credit monitoring", 2, MentionKind::kDuration,
           "year", "duration");
  b.Number(p2, "for 48 hours", 48, MentionKind::kDuration, "hour", "duration");
  b.Number(p3, "six months of the year", 6, MentionKind::kDuration, "month",
           "duration");
  std::vector<Claim> cs =
      BuildClaims(b.Build(), b.mentions(), testing::TestLexicon());
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(cs[0].quote, "two years of credit monitoring");
  EXPECT_EQ(cs[0].subject.head, "monitoring");
  EXPECT_EQ(cs[0].measure, Measure::kLevel);
}

}  // namespace
}  // namespace crosscheck::extract
