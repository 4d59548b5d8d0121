// judge.agreement: tolerance, rounding awareness and independence.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "checker/judge/judge.h"
#include "gtest/gtest.h"
#include "tests/judge/claim_builder.h"
#include "tests/judge/judge_util.h"

namespace crosscheck::judge {
namespace {

using ::crosscheck::testing::C;
using ::crosscheck::testing::Day;
using ::crosscheck::testing::Doc;
using ::crosscheck::testing::DocsOf;
using ::crosscheck::testing::OfKind;

TEST(AgreementTest, ToleranceTable) {
  struct Case {
    const char* name;
    Claim a, b;
    bool agree;
  } cases[] = {
      {"equal", C("a", 1).Count(4800, "4,800"), C("b", 1).Count(4800, "4,800"),
       true},
      {"about vs exact",
       C("a", 1).Count(1500, "about 1,500").Bounds(1500, 1500, "about"),
       C("b", 1).Count(1480, "1,480"), true},
      {"two-thirds vs 66.7%", C("a", 1).Ratio(2.0 / 3, "two-thirds"),
       C("b", 1).Percent(66.7, "66.7%"), true},
      {"rounded figure", C("a", 1).Count(4800, "4,800"),
       C("b", 1).Count(4840, "4,840"), true},
      {"within 1%", C("a", 1).Money(640e9, "$640 billion"),
       C("b", 1).Money(636e9, "$636 billion"), true},
      {"one significant digit is not a range", C("a", 1).Count(1000, "1,000"),
       C("b", 1).Count(1400, "1,400"), false},
      {"far apart", C("a", 1).Count(4800, "4,800"),
       C("b", 1).Count(8400, "8,400"), false},
      {"small exact figures", C("a", 1).Count(12, "12"),
       C("b", 1).Count(13, "13"), false},
  };
  for (const auto& tc : cases) {
    Claim a = tc.a, b = tc.b;
    a.subject.head = b.subject.head = "crew";
    a.subject.text = b.subject.text = "crew";
    auto found = OfKind(
        JudgeAll({a, b}, {Doc("a", Day(2025, 5, 1)), Doc("b", Day(2025, 5, 1))},
                 JudgeConfig::Defaults()),
        "agreement");
    EXPECT_EQ(found.size(), tc.agree ? 1u : 0u) << tc.name;
  }
}

TEST(AgreementTest, CountsIndependentSources) {
  std::vector<Claim> claims = {
      C("harbor_daily", 1).Count(4800, "4,800").Subject("dockworker"),
      C("port_wire", 1).Count(4800, "4,800").Subject("dockworker"),
      C("city_news", 1).Count(4800, "4,800").Subject("dockworker"),
  };
  std::vector<DocumentInfo> docs = {Doc("harbor_daily", Day(2025, 3, 4)),
                                    Doc("port_wire", Day(2025, 3, 4)),
                                    Doc("city_news", Day(2025, 3, 4))};
  auto found =
      OfKind(JudgeAll(claims, docs, JudgeConfig::Defaults()), "agreement");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(DocsOf(found[0]), (std::vector<std::string>{
                                  "city_news", "harbor_daily", "port_wire"}));
  EXPECT_NE(found[0].message.find("3 independent sources"), std::string::npos)
      << found[0].message;

  // port_wire syndicates harbor_daily; city_news is AI-generated.
  docs[0].syndication_key = docs[1].syndication_key = "harbor_daily";
  docs[2].ai_generated = true;
  auto dep =
      OfKind(JudgeAll(claims, docs, JudgeConfig::Defaults()), "agreement");
  ASSERT_EQ(dep.size(), 1u);
  EXPECT_EQ(dep[0].message,
            "sources agree on dockworker: 4,800 (harbor_daily), 4,800 "
            "(port_wire) and 4,800 (city_news); 1 independent source, not "
            "independent: port_wire (syndicated copy of harbor_daily) and "
            "city_news (ai-generated)");
  EXPECT_LT(dep[0].confidence, found[0].confidence);
}

TEST(AgreementTest, StatusesAgreeAcrossDocuments) {
  std::vector<Claim> claims = {
      C("w", 1).Status("majority", "supermajority", "two-thirds supermajority"),
      C("h", 1).Status("majority", "supermajority", "two-thirds supermajority"),
  };
  auto found = OfKind(
      JudgeAll(claims, {Doc("w", Day(2026, 2, 9)), Doc("h", Day(2026, 2, 10))},
               JudgeConfig::Defaults()),
      "agreement");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(DocsOf(found[0]), (std::vector<std::string>{"h", "w"}));
}

TEST(AgreementTest, OneDocumentRepeatingItselfIsNotAgreement) {
  std::vector<Claim> claims = {C("a", 1).Count(4800, "4,800").Subject("crew"),
                               C("a", 2).Count(4800, "4,800").Subject("crew")};
  EXPECT_TRUE(OfKind(JudgeAll(claims, {Doc("a", Day(2025, 1, 1))},
                              JudgeConfig::Defaults()),
                     "agreement")
                  .empty());
}

}  // namespace
}  // namespace crosscheck::judge

namespace crosscheck::judge {
namespace {

using ::crosscheck::testing::C;
using ::crosscheck::testing::Dates;
using ::crosscheck::testing::Day;
using ::crosscheck::testing::Doc;
using ::crosscheck::testing::DocsOf;
using ::crosscheck::testing::Judge;
using ::crosscheck::testing::OfKind;

// One document dates the figure explicitly, the other only by its own
// publication date a few days later: still corroboration.
TEST(AgreementTest, AcrossScopeBuckets) {
  std::vector<Claim> claims = {
      C("radio", 1)
          .Count(1500, "about 1,500", "complaint")
          .Bounds(1425, 1575, "about")
          .Subject("complaint")
          .Scope(Dates(Day(2026, 1, 20), Day(2026, 1, 20), Granularity::kDay,
                       "2026-01-20")),
      C("explainer", 1).Count(1480, "1,480", "complaint").Subject("complaint"),
      C("desk", 1)
          .Count(940, "940", "complaint")
          .Subject("complaint")
          .Scope(Dates(Day(2026, 1, 12), Day(2026, 1, 12), Granularity::kDay,
                       "2026-01-12")),
  };
  auto found = OfKind(Judge(claims, {Doc("radio", Day(2026, 1, 20)),
                                     Doc("explainer", Day(2026, 1, 25)),
                                     Doc("desk", Day(2026, 1, 13))}),
                      "agreement");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(DocsOf(found[0]), (std::vector<std::string>{"explainer", "radio"}));
}

TEST(AgreementTest, WrittenDifferentlyStillAgree) {
  struct Case {
    const char* name;
    Claim a, b;
  } cases[] = {
      {"billions and millions", C("a", 1).Money(1.2e9, "$1.2 billion"),
       C("b", 1).Money(1.2e9, "1,200 million dollars")},
      {"fraction word and percent", C("a", 1).Ratio(2.0 / 3, "two-thirds"),
       C("b", 1).Percent(66.7, "66.7%")},
      {"rounded percent", C("a", 1).Ratio(2.0 / 3, "two-thirds"),
       C("b", 1).Percent(67, "67%")},
  };
  for (auto& tc : cases) {
    tc.a.subject.head = tc.b.subject.head = "cost";
    auto found = OfKind(Judge({tc.a, tc.b}, {Doc("a", Day(2025, 3, 14)),
                                             Doc("b", Day(2025, 3, 17))}),
                        "agreement");
    EXPECT_EQ(found.size(), 1u) << tc.name;
  }
}

TEST(AgreementTest, DocumentsStatingTheSamePlanAgree) {
  std::vector<Claim> claims = {
      C("a", 1)
          .Status("plan", "planned", "revise Article 9")
          .Subject("revision", {"9", "article"}),
      C("b", 1)
          .Status("plan", "planned", "amend Article 9")
          .Subject("revision", {"9", "article", "constitution"}),
      C("b", 2)
          .Status("plan", "planned", "build a new port")
          .Subject("construction", {"port"}),
  };
  auto found = OfKind(
      Judge(claims, {Doc("a", Day(2026, 2, 10)), Doc("b", Day(2024, 11, 30))}),
      "agreement");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(DocsOf(found[0]), (std::vector<std::string>{"a", "b"}));
  EXPECT_NE(found[0].message.find("Article 9"), std::string::npos)
      << found[0].message;
}

// A figure dated only by its document ("66.7% voted to strike", published
// 17 March) agrees with the same figure stated for the one period the
// partition names ("in last month's ballot, two-thirds"), although a
// month and a document date are different span classes.
TEST(AgreementTest, UndatedClaimJoinsTheOneStatedPeriod) {
  const DateValue february =
      Dates(Day(2025, 2, 1), Day(2025, 2, 28), Granularity::kMonth, "2025-02");
  std::vector<Claim> claims = {
      C("wire", 1)
          .Ratio(2.0 / 3, "two-thirds")
          .Subject("member")
          .Scope(february),
      C("explainer", 1).Percent(66.7, "66.7%").Subject("member"),
      C("explainer", 2).Percent(12, "12%").Subject("member"),
  };
  auto found = OfKind(Judge(claims, {Doc("wire", Day(2025, 3, 6)),
                                     Doc("explainer", Day(2025, 3, 17))}),
                      "agreement");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(DocsOf(found[0]), (std::vector<std::string>{"explainer", "wire"}));
}

// The other side of that rule: an undated figure stays apart when which
// period it means is a guess (several stated periods: last year's toll
// and this year's), or when its document was written before the period
// or long after it.
TEST(AgreementTest, UndatedClaimStaysApartFromAmbiguousOrDistantPeriods) {
  auto year = [](int y) {
    return Dates(Day(y, 1, 1), Day(y, 12, 31), Granularity::kYear,
                 absl::StrCat(y));
  };
  const DateValue february =
      Dates(Day(2025, 2, 1), Day(2025, 2, 28), Granularity::kMonth, "2025-02");
  struct Case {
    const char* name;
    std::vector<Claim> claims;
    absl::CivilDay undated_doc_day;
  } cases[] = {
      {"last year's toll and this year's",
       {C("a", 1).Count(300, "300").Subject("death").Scope(year(2023)),
        C("b", 1).Count(700, "700").Subject("death").Scope(year(2024)),
        C("c", 1).Count(700, "700").Subject("death")},
       Day(2025, 1, 9)},
      {"a month and a day stated",
       {C("a", 1).Count(700, "700").Subject("death").Scope(february),
        C("b", 1)
            .Count(900, "900")
            .Subject("death")
            .Scope(Dates(Day(2025, 3, 3), Day(2025, 3, 3), Granularity::kDay,
                         "2025-03-03")),
        C("c", 1).Count(700, "700").Subject("death")},
       Day(2025, 3, 20)},
      {"written before the period",
       {C("a", 1).Count(700, "700").Subject("death").Scope(february),
        C("c", 1).Count(700, "700").Subject("death")},
       Day(2025, 1, 20)},
      {"written long after the period",
       {C("a", 1).Count(700, "700").Subject("death").Scope(february),
        C("c", 1).Count(700, "700").Subject("death")},
       Day(2025, 6, 1)},
  };
  for (const auto& tc : cases) {
    auto all =
        Judge(tc.claims, {Doc("a", Day(2025, 3, 6)), Doc("b", Day(2025, 3, 6)),
                          Doc("c", tc.undated_doc_day)});
    EXPECT_TRUE(OfKind(all, "agreement").empty()) << tc.name;
    EXPECT_TRUE(OfKind(all, "conflict").empty()) << tc.name;
  }
  // Last year's toll is still superseded by this year's.
  auto all = Judge(cases[0].claims,
                   {Doc("a", Day(2025, 1, 9)), Doc("b", Day(2025, 1, 9)),
                    Doc("c", Day(2025, 1, 9))});
  EXPECT_EQ(OfKind(all, "superseded").size(), 1u);
}

// A syndicated copy is named as a copy of the document that was counted,
// whichever of the two gave the syndication key its name.
TEST(AgreementTest, NamesTheCountedDocumentOfACopy) {
  std::vector<Claim> claims = {
      C("wire", 1).Count(4800, "4,800").Subject("dockworker"),
      C("copy", 1).Count(4800, "4,800").Subject("dockworker"),
      C("gazette", 1).Count(4800, "4,800").Subject("dockworker"),
  };
  std::vector<DocumentInfo> docs = {Doc("wire", Day(2025, 3, 6), false, "copy"),
                                    Doc("copy", Day(2025, 3, 6), false, "copy"),
                                    Doc("gazette", Day(2025, 3, 6))};
  auto found = OfKind(Judge(claims, docs), "agreement");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].message.find("copy (syndicated copy of wire)"),
            std::string::npos)
      << found[0].message;
}

}  // namespace
}  // namespace crosscheck::judge
