// judge.superseded: same subject and measure at different times.
#include <limits>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_format.h"
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

TEST(SupersededTest, MinorityGovernmentThenSupermajority) {
  std::vector<Claim> claims = {
      C("forum", 1)
          .Status("majority", "minority-government", "minority government"),
      C("wire", 1).Status("majority", "supermajority", "supermajority"),
      C("herald", 1)
          .Status("majority", "supermajority", "two-thirds supermajority"),
  };
  std::vector<DocumentInfo> docs = {Doc("forum", Day(2024, 11, 20)),
                                    Doc("wire", Day(2026, 2, 10), true),
                                    Doc("herald", Day(2026, 2, 10))};
  auto all = Judge(claims, docs);
  auto found = OfKind(all, "superseded");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::kInfo);
  EXPECT_EQ(found[0].message,
            "majority changed over time: minority government (forum) as of "
            "2024-11-20 was superseded by supermajority (wire) as of "
            "2026-02-10");
  EXPECT_TRUE(OfKind(all, "status-conflict").empty());
  EXPECT_TRUE(OfKind(all, "conflict").empty());
  EXPECT_EQ(OfKind(all, "agreement").size(), 1u);
}

TEST(SupersededTest, LastYearsTollVersusThisYears) {
  std::vector<Claim> claims = {
      C("a", 1)
          .Count(300, "300")
          .Subject("death", {"quake"})
          .Scope(Dates(Day(2023, 1, 1), Day(2023, 12, 31), Granularity::kYear,
                       "2023")),
      C("b", 1)
          .Count(700, "700")
          .Subject("death", {"quake"})
          .Scope(Dates(Day(2024, 1, 1), Day(2024, 12, 31), Granularity::kYear,
                       "2024")),
  };
  auto all =
      Judge(claims, {Doc("a", Day(2025, 1, 9)), Doc("b", Day(2025, 1, 9))});
  auto found = OfKind(all, "superseded");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(DocsOf(found[0]), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(OfKind(all, "conflict").empty());
}

// A figure stated for one past day and one not in the past tense
// (as of writing) in a document dated days later hold at distinct times:
// the change is superseded, not a conflict. An undated past-tense figure
// may be about that very day, so it still conflicts.
TEST(SupersededTest, StatedDayThenAsOfWriting) {
  auto run = [](crosscheck::Modality later) {
    std::vector<Claim> claims = {
        C("wire", 1)
            .Money(8.4e9, "$8.4 billion")
            .Subject("value", {"market"})
            .Modality(Modality::kPast)
            .Scope(Dates(Day(2026, 9, 14), Day(2026, 9, 14), Granularity::kDay,
                         "Monday")),
        C("update", 1)
            .Money(9.6e9, "$9.6 billion")
            .Subject("value", {"market"})
            .Modality(later),
    };
    return Judge(claims, {Doc("wire", Day(2026, 9, 14)),
                          Doc("update", Day(2026, 9, 17))});
  };
  auto now = run(Modality::kPresent);
  ASSERT_EQ(OfKind(now, "superseded").size(), 1u);
  // The dated value is the old one, the one as of writing the new one.
  EXPECT_TRUE(absl::StrContains(OfKind(now, "superseded")[0].message,
                                "superseded by $9.6 billion (update)"))
      << OfKind(now, "superseded")[0].message;
  EXPECT_TRUE(OfKind(now, "conflict").empty());
  // A plan or a negated perfect ("has not yet applied") also holds as of
  // writing.
  EXPECT_EQ(OfKind(run(Modality::kFuture), "superseded").size(), 1u);
  auto past = run(Modality::kPast);
  EXPECT_TRUE(OfKind(past, "superseded").empty());
  EXPECT_EQ(OfKind(past, "conflict").size(), 1u);
}

TEST(SupersededTest, MustNotTrigger) {
  struct Case {
    const char* name;
    std::vector<Claim> claims;
  } cases[] = {
      {"same value at both times",
       {C("a", 1).Count(300, "300").Subject("death"),
        C("b", 1).Count(300, "300").Subject("death")}},
      {"one document reporting a change itself",
       {C("a", 1)
            .Count(300, "300")
            .Subject("death")
            .Scope(Dates(Day(2023, 1, 1), Day(2023, 12, 31), Granularity::kYear,
                         "2023")),
        C("a", 2)
            .Count(700, "700")
            .Subject("death")
            .Scope(Dates(Day(2024, 1, 1), Day(2024, 12, 31), Granularity::kYear,
                         "2024"))}},
      {"a figure inside the range stated earlier",
       {C("a", 1)
            .Count(9500, "between 9,000 and 10,000")
            .Bounds(9000, 10000)
            .Subject("member", {"union"}),
        C("b", 1).Count(9600, "9,600").Subject("member", {"union"})}},
  };
  for (const auto& tc : cases) {
    auto all = Judge(tc.claims,
                     {Doc("a", Day(2023, 6, 1)), Doc("b", Day(2025, 6, 1))});
    EXPECT_TRUE(OfKind(all, "superseded").empty()) << tc.name;
  }
}

// An open bound is a floor, not a range the later figure falls in: "at
// least 11 dead" on Friday was overtaken by Monday's 19.
TEST(SupersededTest, AnOpenBoundIsOvertaken) {
  std::vector<Claim> claims = {
      C("a", 1)
          .Count(11, "at least 11")
          .Bounds(11, std::numeric_limits<double>::infinity(), "at-least")
          .Subject("dead"),
      C("b", 1).Count(19, "19").Subject("dead"),
  };
  auto all =
      Judge(claims, {Doc("a", Day(2025, 6, 1)), Doc("b", Day(2026, 6, 1))});
  auto found = OfKind(all, "superseded");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(DocsOf(found[0]), (std::vector<std::string>{"a", "b"}));
}

// A state reported unchanged by several sources before it changed: every
// one of them was overtaken, not only the latest. A syndicated copy adds
// nothing to its source.
TEST(SupersededTest, EverySourceOfTheOldStateIsEvidence) {
  auto on = [](int d) {
    return Dates(Day(2026, 1, d), Day(2026, 1, d), Granularity::kDay,
                 absl::StrFormat("2026-01-%02d", d));
  };
  std::vector<Claim> claims = {
      C("wire", 1)
          .Status("obligation", "voluntary", "is voluntary")
          .Scope(on(16)),
      C("desk", 1)
          .Status("obligation", "voluntary", "is voluntary")
          .Scope(on(19)),
      C("desk_copy", 1)
          .Status("obligation", "voluntary", "is voluntary")
          .Scope(on(19)),
      C("explainer", 1)
          .Status("obligation", "mandatory", "made the recall mandatory")
          .Scope(on(20)),
  };
  auto found =
      OfKind(Judge(claims, {Doc("wire", Day(2026, 1, 16)),
                            Doc("desk", Day(2026, 1, 19)),
                            Doc("desk_copy", Day(2026, 1, 19), false, "desk"),
                            Doc("explainer", Day(2026, 1, 21))}),
             "superseded");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(DocsOf(found[0]),
            (std::vector<std::string>{"desk", "explainer", "wire"}));
  EXPECT_EQ(found[0].message,
            "obligation changed over time: is voluntary (desk) as of "
            "2026-01-19 was superseded by made the recall mandatory "
            "(explainer) as of 2026-01-20; also stated: is voluntary (wire) "
            "as of 2026-01-16");
}

}  // namespace
}  // namespace crosscheck::judge
