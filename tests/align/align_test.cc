#include "checker/align/align.h"

#include <algorithm>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/judge/claim_builder.h"

namespace crosscheck::align {
namespace {

using ::crosscheck::testing::C;
using ::crosscheck::testing::Dates;
using ::crosscheck::testing::Day;

std::vector<std::vector<int>> Members(const std::vector<ClaimGroup>& gs) {
  std::vector<std::vector<int>> out;
  for (const auto& g : gs) out.push_back(g.claims);
  return out;
}

TEST(AlignTest, SameHeadSameModifiersGroupTogether) {
  std::vector<Claim> claims = {
      C("a", 1).Count(4800, "4,800").Subject("dockworker", {"harbor"}),
      C("b", 1).Count(8400, "8,400").Subject("dockworker", {"harbor"}),
      C("c", 1).Count(15, "15").Subject("crane"),
  };
  auto groups = AlignClaims(claims, AlignOptions());
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].key, "figure:crane");
  EXPECT_EQ(groups[1].key, "figure:dockworker[harbor]");
  EXPECT_EQ(groups[1].claims, (std::vector<int>{0, 1}));
}

TEST(AlignTest, BareVagueHeadsStayApart) {
  std::vector<Claim> claims = {
      C("a", 1)
          .Count(12000, "12,000")
          .Subject("person", {"evacuation", "order"}),
      C("b", 1)
          .Count(12400, "12,400")
          .Subject("person", {"evacuation", "order"}),
      C("c", 1).Count(41000, "41,000").Subject("person"),
      C("d", 1).Count(300, "300").Subject("tariff", {"steel"}),
      C("e", 1).Count(300, "300").Subject("tariff"),
  };
  AlignOptions options;
  auto joined = AlignClaims(claims, options);
  ASSERT_EQ(joined.size(), 2u);
  EXPECT_EQ(joined[0].claims, (std::vector<int>{0, 1, 2}));
  options.vague_heads = {"person"};
  auto apart = AlignClaims(claims, options);
  ASSERT_EQ(apart.size(), 3u);
  EXPECT_EQ(Members(apart),
            (std::vector<std::vector<int>>{{2}, {0, 1}, {3, 4}}));
}

TEST(AlignTest, DifferentHeadsNeverAlignEvenWithEqualNumbers) {
  std::vector<Claim> claims = {
      C("a", 1).Percent(15, "15%").Subject("tariff", {"car"}),
      C("b", 1).Percent(15, "15%").Subject("wage", {"nurse"}),
  };
  auto groups = AlignClaims(claims, AlignOptions());
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(Members(groups), (std::vector<std::vector<int>>{{0}, {1}}));
}

TEST(AlignTest, ModifierOverlapSplitsAndJoins) {
  struct Case {
    std::vector<std::string> a, b;
    bool together;
  } cases[] = {
      {{"korean", "south", "automobile"}, {"automobile", "korean"}, true},
      {{"korean", "south", "automobile"}, {"global"}, false},
      {{"steel"}, {"steel"}, true},
      {{"chinese", "steel"}, {"aluminum", "canadian"}, false},
  };
  for (const auto& tc : cases) {
    std::vector<std::string> a = tc.a, b = tc.b;
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    std::vector<Claim> claims = {
        C("x", 1).Percent(25, "25%").Subject("tariff", a),
        C("y", 1).Percent(25, "25%").Subject("tariff", b),
    };
    auto groups = AlignClaims(claims, AlignOptions());
    EXPECT_EQ(groups.size(), tc.together ? 1u : 2u)
        << ::testing::PrintToString(tc.a) << " vs "
        << ::testing::PrintToString(tc.b);
  }
}

TEST(AlignTest, BareHeadJoinsLargestCluster) {
  std::vector<Claim> claims = {
      C("a", 1).Percent(25, "25%").Subject("tariff", {"automobile"}),
      C("b", 1).Percent(25, "25%").Subject("tariff", {"automobile"}),
      C("c", 1).Percent(10, "10%").Subject("tariff", {"global"}),
      C("d", 1).Percent(25, "25%").Subject("tariff"),
  };
  auto groups = AlignClaims(claims, AlignOptions());
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].key, "figure:tariff[automobile]");
  EXPECT_EQ(groups[0].claims, (std::vector<int>{0, 1, 3}));
  EXPECT_EQ(groups[1].claims, (std::vector<int>{2}));
}

// Clusters of one size: a bare claim joins the one whose claims are dated
// near it, whichever comes first otherwise.
TEST(AlignTest, BareHeadJoinsTheClusterNearestInTime) {
  const DateValue october =
      Dates(Day(2026, 10, 21), Day(2026, 10, 21), Granularity::kDay, "");
  const DateValue long_ago =
      Dates(Day(2011, 1, 1), Day(2011, 12, 31), Granularity::kYear, "2011");
  for (bool swap : {false, true}) {
    std::vector<Claim> claims = {
        C("a", 1)
            .Count(3, "three")
            .Subject("aircraft", {"leased"})
            .Scope(swap ? october : long_ago),
        C("b", 1)
            .Count(58, "58")
            .Subject("aircraft", {"fleet"})
            .Scope(swap ? long_ago : october),
        C("c", 1).Count(64, "64").Subject("aircraft").Scope(october),
    };
    auto groups = AlignClaims(claims, AlignOptions());
    ASSERT_EQ(groups.size(), 2u);
    const int near = swap ? 0 : 1;
    for (const ClaimGroup& g : groups) {
      const bool has_bare =
          std::find(g.claims.begin(), g.claims.end(), 2) != g.claims.end();
      const bool has_near =
          std::find(g.claims.begin(), g.claims.end(), near) != g.claims.end();
      EXPECT_EQ(has_bare, has_near) << g.key << " swap=" << swap;
    }
  }
}

TEST(AlignTest, MeasuresOfOneSubjectShareAGroup) {
  std::vector<Claim> claims = {
      C("a", 1)
          .Percent(15, "15%")
          .Subject("spending", {"defense"})
          .Measure(Measure::kChange),
      C("b", 1)
          .Percent(2, "2%")
          .Subject("spending", {"defense"})
          .Measure(Measure::kShare),
  };
  auto groups = AlignClaims(claims, AlignOptions());
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].claims.size(), 2u);
}

TEST(AlignTest, EventsAndStatusesUseTheirOwnKeys) {
  std::vector<Claim> claims = {
      C("a", 1)
          .Date(Dates(Day(2026, 2, 10), Day(2026, 2, 10), Granularity::kDay,
                      "2026-02-10"),
                "two days later")
          .Event("election")
          .Subject("supermajority"),
      C("b", 1)
          .Date(Dates(Day(2026, 2, 8), Day(2026, 2, 8), Granularity::kDay,
                      "2026-02-08"),
                "Sunday")
          .Event("election")
          .Subject("election"),
      C("c", 1)
          .Status("majority", "minority-government", "minority government")
          .Subject("ldp"),
      C("d", 1)
          .Status("majority", "supermajority", "supermajority")
          .Subject("takaichi"),
      C("e", 1).Subject("disclaimer"),  // no figure: left out
  };
  claims[4].mention.kind = MentionKind::kDisclaimer;
  auto groups = AlignClaims(claims, AlignOptions());
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].key, "event:election");
  EXPECT_EQ(groups[0].claims, (std::vector<int>{0, 1}));
  EXPECT_EQ(groups[1].key, "status:majority");
  EXPECT_EQ(groups[1].claims, (std::vector<int>{2, 3}));

  AlignOptions by_subject;
  by_subject.status_by_subject = true;
  auto split = AlignClaims(claims, by_subject);
  EXPECT_EQ(split.size(), 3u);
}

TEST(AlignTest, ClaimsWithoutKeysAreSkipped) {
  std::vector<Claim> claims = {C("a", 1).Count(3, "3"), Claim()};
  EXPECT_TRUE(AlignClaims(claims, AlignOptions()).empty());
  EXPECT_TRUE(AlignClaims({}, AlignOptions()).empty());
}

TEST(AlignTest, OutputDoesNotDependOnInputOrder) {
  std::vector<Claim> claims;
  for (int i = 0; i < 200; ++i) {
    std::vector<std::string> mods = {absl::StrCat("m", i % 7)};
    if (i % 3 == 0) mods.push_back(absl::StrCat("n", i % 5));
    std::sort(mods.begin(), mods.end());
    claims.push_back(C(absl::StrCat("d", i % 13), i)
                         .Count(i, "n")
                         .Subject(absl::StrCat("h", i % 11), mods));
  }
  auto a = AlignClaims(claims, AlignOptions());
  std::vector<Claim> reversed(claims.rbegin(), claims.rend());
  auto b = AlignClaims(reversed, AlignOptions());
  ASSERT_EQ(a.size(), b.size());
  const int n = static_cast<int>(claims.size());
  for (size_t g = 0; g < a.size(); ++g) {
    EXPECT_EQ(a[g].key, b[g].key);
    std::vector<int> back;
    for (int i : b[g].claims) back.push_back(n - 1 - i);
    std::sort(back.begin(), back.end());
    EXPECT_EQ(a[g].claims, back) << a[g].key;
  }
}

TEST(SubjectSimilarityTest, Table) {
  struct Case {
    std::string ha;
    std::vector<std::string> ma;
    std::string hb;
    std::vector<std::string> mb;
    double want;
  } cases[] = {
      {"tariff", {}, "tariff", {}, 1.0},
      {"tariff", {"car"}, "tariff", {}, 0.75},
      {"tariff", {"car", "korean"}, "tariff", {"car", "korean"}, 1.0},
      {"tariff", {"car"}, "tariff", {"steel"}, 0.5},
      {"tariff", {"car"}, "wage", {"car"}, 0.0},
      {"", {}, "", {}, 0.0},
  };
  for (const auto& tc : cases) {
    Subject a, b;
    a.head = tc.ha;
    a.modifiers.assign(tc.ma.begin(), tc.ma.end());
    b.head = tc.hb;
    b.modifiers.assign(tc.mb.begin(), tc.mb.end());
    EXPECT_DOUBLE_EQ(SubjectSimilarity(a, b), tc.want) << tc.ha << "/" << tc.hb;
  }
}

}  // namespace
}  // namespace crosscheck::align

namespace crosscheck::align {
namespace {

using ::crosscheck::testing::C;

// Plans are grouped by what is planned, not into one story-wide status.
TEST(AlignTest, PlansGroupByActionAndObject) {
  std::vector<Claim> claims = {
      C("a", 1)
          .Status("plan", "planned", "revise Article 9")
          .Subject("revision", {"9", "article"}),
      C("b", 1)
          .Status("plan", "planned", "build a port")
          .Subject("construction", {"port"}),
      C("c", 1)
          .Status("plan", "planned", "amend Article 9")
          .Subject("revision", {"9", "article", "constitution"}),
  };
  auto groups = AlignClaims(claims, AlignOptions());
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].key, "status:plan:construction[port]");
  EXPECT_EQ(groups[1].key, "status:plan:revision[9,article,constitution]");
  EXPECT_EQ(groups[1].claims, (std::vector<int>{0, 2}));
}

}  // namespace
}  // namespace crosscheck::align
