// judge.not-comparable: one subject, different measures.
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

TEST(NotComparableTest, GrowthRateVersusShareOfGdp) {
  std::vector<Claim> claims = {
      C("analysis", 1)
          .Percent(15, "15%")
          .Subject("spending", {"defense"})
          .Measure(Measure::kChange)
          .Modality(Modality::kFuture),
      C("brief", 1)
          .Percent(2, "2%")
          .Subject("spending", {"defense"})
          .Measure(Measure::kShare)
          .Modality(Modality::kFuture)
          .Scope(Dates(Day(2027, 1, 1), Day(2027, 12, 31), Granularity::kYear,
                       "2027")),
  };
  auto all = Judge(claims, {Doc("analysis", Day(2026, 2, 12)),
                            Doc("brief", Day(2026, 2, 12), /*ai=*/true)});
  auto found = OfKind(all, "not-comparable");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::kInfo);
  EXPECT_EQ(DocsOf(found[0]), (std::vector<std::string>{"analysis", "brief"}));
  EXPECT_EQ(found[0].message,
            "figures for defense spending measure different things and are "
            "not comparable: 15% (analysis) is a change in percent, 2% "
            "(brief) is a share in percent");
  EXPECT_TRUE(OfKind(all, "conflict").empty());
}

TEST(NotComparableTest, MustNotTrigger) {
  struct Case {
    const char* name;
    std::vector<Claim> claims;
  } cases[] = {
      {
          "same measure",
          {C("a", 1)
               .Percent(15, "15%")
               .Subject("spending", {"defense"})
               .Measure(Measure::kChange),
           C("b", 1)
               .Percent(12, "12%")
               .Subject("spending", {"defense"})
               .Measure(Measure::kChange)},
      },
      {"same document",
       {C("a", 1)
            .Percent(15, "15%")
            .Subject("spending", {"defense"})
            .Measure(Measure::kChange),
        C("a", 2)
            .Percent(2, "2%")
            .Subject("spending", {"defense"})
            .Measure(Measure::kShare)}},
      {"different subjects",
       {C("a", 1)
            .Percent(15, "15%")
            .Subject("spending", {"defense"})
            .Measure(Measure::kChange),
        C("b", 1)
            .Percent(2, "2%")
            .Subject("inflation")
            .Measure(Measure::kLevel)}},
  };
  for (const auto& tc : cases) {
    auto all = Judge(tc.claims,
                     {Doc("a", Day(2026, 2, 12)), Doc("b", Day(2026, 2, 12))});
    EXPECT_TRUE(OfKind(all, "not-comparable").empty()) << tc.name;
  }
}

}  // namespace
}  // namespace crosscheck::judge
