// judge.uncorroborated: figures only one source states.
#include <algorithm>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/judge/judge_util.h"

namespace crosscheck::judge {
namespace {

using ::crosscheck::testing::C;
using ::crosscheck::testing::Dates;
using ::crosscheck::testing::Day;
using ::crosscheck::testing::Doc;
using ::crosscheck::testing::DocsOf;
using ::crosscheck::testing::Judge;
using ::crosscheck::testing::OfKind;

TEST(UncorroboratedTest, SingleSourceFigures) {
  std::vector<Claim> claims = {
      C("forum", 1)
          .Count(12000, "12,000", "soldier")
          .Subject("soldier", {"korean", "north"}, "North Korean soldiers"),
      C("forum", 2)
          .Count(12000, "12,000", "soldier")
          .Subject("soldier", {"korean", "north"}),  // repeated: one finding
      C("wire", 1)
          .Money(640e9, "$640 billion")
          .Subject("relationship", {"trade"}),
      C("herald", 1)
          .Money(350e9, "$350 billion")
          .Subject("plan", {"investment"}),
      C("herald", 2)
          .Money(350e9, "$350 billion")
          .Subject("plan", {"investment"}),
  };
  std::vector<DocumentInfo> docs = {Doc("forum", Day(2024, 11, 20)),
                                    Doc("wire", Day(2026, 2, 10)),
                                    Doc("herald", Day(2026, 2, 10))};
  auto found = OfKind(Judge(claims, docs), "uncorroborated");
  ASSERT_EQ(found.size(), 3u);
  std::vector<std::string> messages;
  for (const auto& f : found) messages.push_back(f.message);
  EXPECT_NE(std::find(messages.begin(), messages.end(),
                      "only one source states North Korean soldiers: 12,000 "
                      "(forum)"),
            messages.end());
}

TEST(UncorroboratedTest, SyndicatedCopiesAreOneSource) {
  std::vector<Claim> claims = {
      C("orig", 1).Count(3000, "3,000").Subject("worker"),
      C("copy", 1).Count(3000, "3,000").Subject("worker"),
  };
  std::vector<DocumentInfo> docs = {
      Doc("orig", Day(2025, 1, 1), false, "copy"),
      Doc("copy", Day(2025, 1, 1), false, "copy")};
  auto found = OfKind(Judge(claims, docs), "uncorroborated");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(DocsOf(found[0]), (std::vector<std::string>{"copy", "orig"}));
}

TEST(UncorroboratedTest, MustNotTrigger) {
  struct Case {
    const char* name;
    std::vector<Claim> claims;
  } cases[] = {
      {"another source has the subject",
       {C("a", 1).Count(3000, "3,000").Subject("worker"),
        C("b", 1).Count(5000, "5,000").Subject("worker")}},
      {"another source has the subject with another measure",
       {C("a", 1).Count(3000, "3,000").Subject("worker"),
        C("b", 1).Percent(5, "5%").Subject("worker").Measure(
            Measure::kChange)}},
      {"dates are not figures",
       {C("a", 1)
            .Date(Dates(Day(2014, 1, 1), Day(2014, 12, 31), Granularity::kYear,
                        "2014"),
                  "2014")
            .Subject("agreement")}},
  };
  for (const auto& tc : cases) {
    EXPECT_TRUE(OfKind(Judge(tc.claims, {Doc("a", Day(2025, 1, 1)),
                                         Doc("b", Day(2025, 1, 1))}),
                       "uncorroborated")
                    .empty())
        << tc.name;
  }
}

}  // namespace
}  // namespace crosscheck::judge
