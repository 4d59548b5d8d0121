// judge.compatible: overlapping bounds with different points.
#include <limits>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/judge/judge_util.h"

namespace crosscheck::judge {
namespace {

using ::crosscheck::testing::C;
using ::crosscheck::testing::Day;
using ::crosscheck::testing::Doc;
using ::crosscheck::testing::Judge;
using ::crosscheck::testing::OfKind;

TEST(CompatibleTest, RangeAndPointInside) {
  std::vector<Claim> claims = {
      C("a", 1).Count(35, "between 30 and 40").Bounds(30, 40).Subject("vessel"),
      C("b", 1).Count(36, "36").Subject("vessel"),
  };
  auto all =
      Judge(claims, {Doc("a", Day(2025, 7, 1)), Doc("b", Day(2025, 7, 1))});
  auto found = OfKind(all, "compatible");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message,
            "sources give compatible figures for vessel: between 30 and 40 "
            "(a) and 36 (b)");
  EXPECT_TRUE(OfKind(all, "conflict").empty());
  EXPECT_TRUE(OfKind(all, "agreement").empty());
}

// A figure inside a range stated at another time: nothing changed, so the
// two are compatible rather than one superseding the other. An open bound
// ("more than 4,000" then 4,800) may have been overtaken instead.
TEST(CompatibleTest, RangeAndPointInsideAtDifferentTimes) {
  auto run = [](C earlier) {
    std::vector<Claim> claims = {
        std::move(earlier).Subject("member", {"union"}),
        C("b", 1).Count(9600, "9,600").Subject("member", {"union"}),
    };
    return Judge(claims,
                 {Doc("a", Day(2025, 3, 6)), Doc("b", Day(2025, 6, 14))});
  };
  auto range = run(
      C("a", 1).Count(9500, "between 9,000 and 10,000").Bounds(9000, 10000));
  auto found = OfKind(range, "compatible");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message,
            "sources give compatible figures for union member: between 9,000 "
            "and 10,000 (a) and 9,600 (b)");
  EXPECT_TRUE(OfKind(range, "superseded").empty());
  EXPECT_TRUE(OfKind(range, "conflict").empty());

  auto floor = run(
      C("a", 1)
          .Count(4000, "more than 4,000")
          .Bounds(4000, std::numeric_limits<double>::infinity(), "more-than"));
  EXPECT_TRUE(OfKind(floor, "compatible").empty());
  EXPECT_EQ(OfKind(floor, "superseded").size(), 1u);
}

TEST(CompatibleTest, OpenBoundAndPoint) {
  std::vector<Claim> claims = {
      C("a", 1)
          .Count(4000, "more than 4,000")
          .Bounds(4000, std::numeric_limits<double>::infinity(), "more-than")
          .Subject("evacuee"),
      C("b", 1).Count(4800, "4,800").Subject("evacuee"),
  };
  auto all =
      Judge(claims, {Doc("a", Day(2025, 7, 1)), Doc("b", Day(2025, 7, 1))});
  EXPECT_EQ(OfKind(all, "compatible").size(), 1u);
  EXPECT_TRUE(OfKind(all, "conflict").empty());
}

TEST(CompatibleTest, ASyndicatedCopyIsNoSecondSource) {
  std::vector<Claim> claims = {
      C("wire", 1)
          .Count(11, "at least 11")
          .Bounds(11, std::numeric_limits<double>::infinity(), "at-least")
          .Subject("victim"),
      C("copy", 1)
          .Count(30, "about 30")
          .Bounds(27, 33, "about")
          .Subject("victim"),
  };
  std::vector<DocumentInfo> docs = {Doc("wire", Day(2026, 10, 3)),
                                    Doc("copy", Day(2026, 10, 3))};
  EXPECT_EQ(OfKind(Judge(claims, docs), "compatible").size(), 1u);
  docs[0].syndication_key = docs[1].syndication_key = "wire";
  EXPECT_TRUE(OfKind(Judge(claims, docs), "compatible").empty());
}

TEST(CompatibleTest, CompatibleStatusLabels) {
  std::vector<Claim> claims = {
      C("a", 1).Status("majority", "landslide", "decisive landslide"),
      C("b", 1).Status("majority", "supermajority", "two-thirds supermajority"),
  };
  auto all =
      Judge(claims, {Doc("a", Day(2026, 2, 10)), Doc("b", Day(2026, 2, 10))});
  EXPECT_EQ(OfKind(all, "compatible").size(), 1u);
  EXPECT_TRUE(OfKind(all, "status-conflict").empty());
}

TEST(CompatibleTest, MustNotTrigger) {
  struct Case {
    const char* name;
    std::vector<Claim> claims;
  } cases[] = {
      {"disjoint bounds",
       {C("a", 1).Count(35, "30 to 40").Bounds(30, 40).Subject("vessel"),
        C("b", 1).Count(90, "90").Subject("vessel")}},
      {"same document",
       {C("a", 1).Count(35, "30 to 40").Bounds(30, 40).Subject("vessel"),
        C("a", 2).Count(36, "36").Subject("vessel")}},
      {"equal values agree instead",
       {C("a", 1).Count(36, "36").Subject("vessel"),
        C("b", 1).Count(36, "36").Subject("vessel")}},
  };
  for (const auto& tc : cases) {
    auto all = Judge(tc.claims,
                     {Doc("a", Day(2025, 7, 1)), Doc("b", Day(2025, 7, 1))});
    EXPECT_TRUE(OfKind(all, "compatible").empty()) << tc.name;
  }
}

}  // namespace
}  // namespace crosscheck::judge
