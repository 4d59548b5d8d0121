// Acts named by a verb rather than by an event noun: a body voting ("the
// council voted", "councillors agreed"), results made public ("published
// the results", "the results were made public"). Each is one event key
// whatever verb a source uses, so sources that date it differently can be
// compared. Sentences written for these tests.
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

TEST(ActClaimsTest, ABodyVotingIsOneEventWhateverTheVerb) {
  DocBuilder wire("wire");
  wire.Reference(absl::CivilDay(2027, 5, 12));  // a Wednesday
  wire.Paragraph(
      {"The district council voted late on Monday to borrow another $40 "
       "million for the tram depot."});
  wire.Paragraph({"Two-thirds of members voted for the plan."});
  std::vector<Claim> a = testing::ExtractClaims(wire);

  DocBuilder guide("guide");
  guide.Reference(absl::CivilDay(2027, 5, 19));
  guide.Paragraph(
      {"Late on May 10, councillors agreed to borrow the money over 20 "
       "years."});
  std::vector<Claim> b = testing::ExtractClaims(guide);

  auto monday = testing::Quoting(a, "Monday");
  ASSERT_EQ(monday.size(), 1u);
  EXPECT_EQ(monday[0]->measure, Measure::kEventDate);
  EXPECT_EQ(monday[0]->event, "vote");
  EXPECT_EQ(monday[0]->scope.period.iso, "2027-05-10");

  auto may10 = testing::Quoting(b, "May 10");
  ASSERT_EQ(may10.size(), 1u);
  EXPECT_EQ(may10[0]->event, "vote");

  // The body is context of the verb, not part of the event mention: a
  // share of its members keeps the members as its subject.
  auto share = testing::Quoting(a, "Two-thirds");
  ASSERT_EQ(share.size(), 1u);
  EXPECT_EQ(share[0]->subject.head, "member");
}

TEST(ActClaimsTest, CitizensVotingAndCompaniesAgreeingAreNoBodyVote) {
  DocBuilder b("wire");
  b.Reference(absl::CivilDay(2027, 5, 12));
  b.Paragraph({"She voted early on Monday and went to work."});
  b.Paragraph({"The builder agreed on Tuesday to pay for the repairs."});
  for (const Claim& c : testing::ExtractClaims(b))
    EXPECT_NE(c.event, "vote") << c.quote;
}

TEST(ActClaimsTest, ResultsMadePublicAreOneEventWhateverTheVerb) {
  DocBuilder b("ledger");
  b.Reference(absl::CivilDay(2027, 5, 12));  // a Wednesday
  b.Paragraph({"The drugmaker released the study results on Friday."});
  std::vector<Claim> a = testing::ExtractClaims(b);
  auto friday = testing::Quoting(a, "Friday");
  ASSERT_EQ(friday.size(), 1u);
  EXPECT_EQ(friday[0]->event, "results-release");
  EXPECT_EQ(friday[0]->scope.period.iso, "2027-05-07");

  DocBuilder g("guide");
  g.Reference(absl::CivilDay(2027, 5, 20));
  g.Paragraph({"The findings were made public on May 10."});
  std::vector<Claim> c = testing::ExtractClaims(g);
  auto may10 = testing::Quoting(c, "May 10");
  ASSERT_EQ(may10.size(), 1u);
  EXPECT_EQ(may10[0]->event, "results-release");
}

TEST(ActClaimsTest, AMarketOpeningDatesTheActBeforeIt) {
  // "before the stock market opened on Monday" says when the results came
  // out; "a day after the results" would make them a reference point.
  DocBuilder b("wire");
  b.Reference(absl::CivilDay(2027, 5, 10));  // a Monday
  b.Paragraph(
      {"The firm published the headline results before the stock market "
       "opened on Monday."});
  b.Paragraph(
      {"It will present the full data at a congress in Lisbon on "
       "Saturday."});
  std::vector<Claim> cs = testing::ExtractClaims(b);
  auto monday = testing::Quoting(cs, "Monday");
  ASSERT_EQ(monday.size(), 1u);
  EXPECT_EQ(monday[0]->event, "results-release");
  EXPECT_EQ(monday[0]->scope.period.iso, "2027-05-10");
  // Presenting the data later is another event.
  for (const Claim* c : testing::Quoting(cs, "Saturday")) {
    EXPECT_NE(c->event, "results-release");
  }
}

TEST(ActClaimsTest, VoteTalliesCountVotesForAndAgainst) {
  DocBuilder b("wire");
  b.Reference(absl::CivilDay(2027, 5, 12));
  b.Paragraph({"The plan passed with 9 trustees in favour and 4 against."});
  b.Paragraph({"Delegates backed the motion by 212 votes to 187."});
  b.Paragraph({"The krona rose 2% against the euro, and 3 banks said so."});
  std::vector<Claim> cs = testing::ExtractClaims(b);
  auto side = [&](absl::string_view quote) -> std::string {
    auto q = testing::Quoting(cs, quote);
    if (q.size() != 1 || q[0]->subject.head != "vote" ||
        q[0]->subject.modifiers.size() != 1) {
      return "";
    }
    return std::string(q[0]->subject.modifiers.front());
  };
  EXPECT_EQ(side("9 trustees"), "for");
  EXPECT_EQ(side("4"), "against");
  EXPECT_EQ(side("212"), "for");
  EXPECT_EQ(side("187"), "against");
  // A currency move "against" another is no tally.
  for (const Claim& c : cs) {
    if (absl::StrContains(c.quote, "2%") || absl::StrContains(c.quote, "3")) {
      EXPECT_NE(c.subject.head, "vote") << c.quote;
    }
  }
}

TEST(ActClaimsTest, PeopleTakenIntoAStudyAreItsParticipants) {
  DocBuilder b("wire");
  b.Reference(absl::CivilDay(2027, 5, 12));
  b.Paragraph({"The study enrolled 2,140 adults at 80 clinics."});
  b.Paragraph({"A rival trial followed 1,950 patients for two years."});
  b.Paragraph({"The ward treated 300 patients last winter."});
  std::vector<Claim> cs = testing::ExtractClaims(b);
  for (const char* q : {"2,140", "1,950"}) {
    auto found = testing::Quoting(cs, q);
    ASSERT_EQ(found.size(), 1u) << q;
    EXPECT_EQ(found[0]->subject.head, "participant") << q;
    EXPECT_EQ(found[0]->mention.amount.unit, "participant") << q;
  }
  // Treating patients is no enrolment.
  auto treated = testing::Quoting(cs, "300");
  ASSERT_EQ(treated.size(), 1u);
  EXPECT_NE(treated[0]->subject.head, "participant");
}

}  // namespace
}  // namespace crosscheck::extract
