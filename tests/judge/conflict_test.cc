// judge.conflict: positive cases and the cases that must not trigger.
#include <string>
#include <vector>

#include "checker/judge/judge.h"
#include "gtest/gtest.h"
#include "tests/judge/claim_builder.h"

namespace crosscheck::judge {
namespace {

using ::crosscheck::testing::C;
using ::crosscheck::testing::Dates;
using ::crosscheck::testing::Day;
using ::crosscheck::testing::Doc;
using ::crosscheck::testing::OfKind;

std::vector<Finding> Judge(const std::vector<Claim>& claims,
                           const std::vector<DocumentInfo>& docs) {
  return JudgeAll(claims, docs, JudgeConfig::Defaults());
}

TEST(ConflictTest, DockworkerCountsDisagree) {
  std::vector<Claim> claims = {
      C("harbor_daily", 1).Count(4800, "4,800").Subject("dockworker"),
      C("port_wire", 1).Count(8400, "8,400").Subject("dockworker"),
  };
  std::vector<DocumentInfo> docs = {Doc("harbor_daily", Day(2025, 3, 4)),
                                    Doc("port_wire", Day(2025, 3, 5))};
  auto found = OfKind(Judge(claims, docs), "conflict");
  ASSERT_EQ(found.size(), 1u);
  const Finding& f = found[0];
  EXPECT_EQ(f.rule_id, "judge.conflict");
  EXPECT_EQ(f.severity, Severity::kError);
  EXPECT_EQ(f.message,
            "sources disagree on dockworker: 4,800 (harbor_daily) vs 8,400 "
            "(port_wire)");
  ASSERT_EQ(f.evidence.size(), 2u);
  EXPECT_EQ(f.evidence[0].doc_id, "harbor_daily");
  EXPECT_EQ(f.evidence[0].quote, "4,800");
  EXPECT_EQ(f.evidence[0].reference_date, "2025-03-04");
  EXPECT_EQ(f.evidence[0].path, "corpus/harbor_daily.txt");
  EXPECT_EQ(f.evidence[1].claim_id, "port_wire#1");
  EXPECT_EQ(f.fingerprint.size(), 16u);
  EXPECT_GT(f.confidence, 0.0);
}

TEST(ConflictTest, QuakeTollsOfTheSameDayDisagree) {
  std::vector<Claim> claims = {
      C("a", 1).Count(312, "312", "person").Subject("death", {"quake"}),
      C("b", 2).Count(450, "450", "person").Subject("death", {"quake"}),
      C("c", 3).Count(455, "455", "person").Subject("death", {"quake"}),
  };
  std::vector<DocumentInfo> docs = {Doc("a", Day(2024, 1, 2)),
                                    Doc("b", Day(2024, 1, 2)),
                                    Doc("c", Day(2024, 1, 3))};
  auto found = OfKind(Judge(claims, docs), "conflict");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message,
            "sources disagree on quake death: 312 (a) vs 450 (b, c)");
  EXPECT_EQ(found[0].evidence.size(), 3u);
}

// A document that gives both values (a trial's drug and placebo arms under
// one subject) says they both hold; it and its syndicated copy must not be
// set against each other over them. A third source with one value still
// conflicts with a second source that gives only the other.
TEST(ConflictTest, ADocumentStatingBothValuesContradictsNoOne) {
  std::vector<Claim> claims = {
      C("wire", 1).Count(98, "98", "millilitre").Subject("decline"),
      C("wire", 2).Count(166, "166", "millilitre").Subject("decline"),
      C("copy", 1).Count(98, "98", "millilitre").Subject("decline"),
      C("copy", 2).Count(166, "166", "millilitre").Subject("decline"),
  };
  std::vector<DocumentInfo> docs = {Doc("wire", Day(2026, 9, 14)),
                                    Doc("copy", Day(2026, 9, 14))};
  EXPECT_TRUE(OfKind(Judge(claims, docs), "conflict").empty());

  claims.push_back(
      C("post", 1).Count(98, "98", "millilitre").Subject("decline"));
  claims.push_back(
      C("daily", 1).Count(166, "166", "millilitre").Subject("decline"));
  docs.push_back(Doc("post", Day(2026, 9, 14)));
  docs.push_back(Doc("daily", Day(2026, 9, 14)));
  EXPECT_EQ(OfKind(Judge(claims, docs), "conflict").size(), 1u);
}

TEST(ConflictTest, MustNotTrigger) {
  struct Case {
    const char* name;
    std::vector<Claim> claims;
    std::vector<DocumentInfo> docs;
  } cases[] = {
      {"same document states both",
       {C("a", 1).Count(4800, "4,800").Subject("dockworker"),
        C("a", 2).Count(8400, "8,400").Subject("dockworker")},
       {Doc("a", Day(2025, 3, 4))}},
      {"different reference dates far apart",
       {C("a", 1).Count(4800, "4,800").Subject("dockworker"),
        C("b", 1).Count(8400, "8,400").Subject("dockworker")},
       {Doc("a", Day(2024, 3, 4)), Doc("b", Day(2025, 3, 4))}},
      {"explicit scopes that do not overlap",
       {C("a", 1)
            .Count(300, "300")
            .Subject("death", {"quake"})
            .Scope(Dates(Day(2023, 1, 1), Day(2023, 12, 31), Granularity::kYear,
                         "2023")),
        C("b", 1)
            .Count(700, "700")
            .Subject("death", {"quake"})
            .Scope(Dates(Day(2024, 1, 1), Day(2024, 12, 31), Granularity::kYear,
                         "2024"))},
       {Doc("a", Day(2025, 3, 4)), Doc("b", Day(2025, 3, 4))}},
      {"15% tariff vs 15% wage rise",
       {C("a", 1).Percent(15, "15%").Subject("tariff", {"car"}),
        C("b", 1).Percent(20, "20%").Subject("wage", {"nurse"})},
       {Doc("a", Day(2025, 3, 4)), Doc("b", Day(2025, 3, 4))}},
      {"change vs share of one subject",
       {C("a", 1)
            .Percent(15, "15%")
            .Subject("spending", {"defense"})
            .Measure(Measure::kChange),
        C("b", 1)
            .Percent(2, "2%")
            .Subject("spending", {"defense"})
            .Measure(Measure::kShare)},
       {Doc("a", Day(2026, 2, 12)), Doc("b", Day(2026, 2, 12))}},
      {"about 1,500 vs 1,480",
       {C("a", 1)
            .Count(1500, "about 1,500")
            .Bounds(1500, 1500, "about")
            .Subject("evacuee"),
        C("b", 1).Count(1480, "1,480").Subject("evacuee")},
       {Doc("a", Day(2025, 3, 4)), Doc("b", Day(2025, 3, 4))}},
      {"range vs point inside it",
       {C("a", 1)
            .Count(35, "between 30 and 40")
            .Bounds(30, 40)
            .Subject("vessel"),
        C("b", 1).Count(36, "36").Subject("vessel")},
       {Doc("a", Day(2025, 3, 4)), Doc("b", Day(2025, 3, 4))}},
      {"different currencies",
       {C("a", 1).Money(5e9, "$5 billion").Subject("aid"),
        C("b", 1).Money(700e9, "700 billion yen", "JPY").Subject("aid")},
       {Doc("a", Day(2025, 3, 4)), Doc("b", Day(2025, 3, 4))}},
  };
  for (const auto& tc : cases) {
    EXPECT_TRUE(OfKind(Judge(tc.claims, tc.docs), "conflict").empty())
        << tc.name;
  }
}

TEST(ConflictTest, PercentAndRatioCompareAsFractions) {
  std::vector<Claim> claims = {
      C("a", 1).Ratio(2.0 / 3, "two-thirds").Subject("seat"),
      C("b", 1).Percent(40, "40%").Subject("seat"),
  };
  std::vector<DocumentInfo> docs = {Doc("a", Day(2026, 2, 10)),
                                    Doc("b", Day(2026, 2, 10))};
  EXPECT_EQ(OfKind(Judge(claims, docs), "conflict").size(), 1u);
}

}  // namespace
}  // namespace crosscheck::judge

namespace crosscheck::judge {
namespace {

using ::crosscheck::testing::C;
using ::crosscheck::testing::Dates;
using ::crosscheck::testing::Day;
using ::crosscheck::testing::Doc;
using ::crosscheck::testing::OfKind;

// Values that differ too much for a misreport, different counted nouns and
// different period lengths are different quantities, not a conflict.
TEST(ConflictTest, DifferentQuantitiesSharingAHeadDoNotConflict) {
  const DateValue year =
      Dates(Day(2025, 1, 1), Day(2025, 12, 31), Granularity::kYear, "2025");
  const DateValue day =
      Dates(Day(2025, 3, 5), Day(2025, 3, 5), Granularity::kDay, "2025-03-05");
  struct Case {
    const char* name;
    std::vector<Claim> claims;
  } cases[] = {
      {"orders of magnitude apart",
       {C("a", 1).Count(1500, "about 1,500", "person").Subject("person"),
        C("b", 1).Count(640000, "640,000", "person").Subject("person")}},
      {"weak subject match, far apart",
       {C("a", 1).Percent(15, "15%").Subject("union", {"dock", "worker"}),
        C("b", 1).Ratio(0.5, "half").Subject("union")}},
      {"different counted nouns",
       {C("a", 1).Count(11.2, "11.20").Subject("crown"),
        C("b", 1).Count(60, "60 crowns", "crown").Subject("crown")}},
      {"yearly total vs a daily level",
       {C("a", 1)
            .Count(61000, "61,000", "container")
            .Subject("container")
            .Scope(day),
        C("b", 1)
            .Count(88000, "88,000", "container")
            .Subject("container")
            .Scope(year)}},
  };
  for (const auto& tc : cases) {
    auto all = Judge(tc.claims,
                     {Doc("a", Day(2025, 3, 6)), Doc("b", Day(2025, 3, 6))});
    EXPECT_TRUE(OfKind(all, "conflict").empty()) << tc.name;
  }
}

TEST(ConflictTest, WeakSubjectMatchStillConflictsWhenClose) {
  std::vector<Claim> claims = {
      C("a", 1).Count(48000, "48,000", "heater").Subject("heater"),
      C("b", 1)
          .Count(84000, "84,000", "heater")
          .Subject("heater", {"emberline"}),
  };
  auto found = OfKind(
      Judge(claims, {Doc("a", Day(2026, 1, 16)), Doc("b", Day(2026, 1, 16))}),
      "conflict");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].evidence[0].value, "48,000 heater");
}

}  // namespace
}  // namespace crosscheck::judge
