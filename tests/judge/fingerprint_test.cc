// Fingerprints, ordering, determinism and hostile input for JudgeAll.
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/judge/judge_util.h"

namespace crosscheck::judge {
namespace {

using ::crosscheck::testing::C;
using ::crosscheck::testing::Dates;
using ::crosscheck::testing::Day;
using ::crosscheck::testing::Doc;
using ::crosscheck::testing::Judge;
using ::crosscheck::testing::OfKind;

std::vector<Claim> Story(uint32_t shift) {
  return {
      C("harbor_daily", 1)
          .Count(4800, "4,800")
          .Subject("dockworker")
          .At(100 + shift, 105 + shift, 3 + static_cast<int>(shift)),
      C("port_wire", 1)
          .Count(8400, "8,400")
          .Subject("dockworker")
          .At(40 + shift, 45 + shift, 1 + static_cast<int>(shift)),
      C("city_news", 1)
          .Percent(12, "12%")
          .Subject("wage", {"dock"})
          .At(7 + shift, 10 + shift, 2),
  };
}

std::vector<DocumentInfo> Docs() {
  return {Doc("harbor_daily", Day(2025, 3, 4)),
          Doc("port_wire", Day(2025, 3, 4)), Doc("city_news", Day(2025, 3, 4))};
}

TEST(FingerprintTest, StableWhenSpansShift) {
  auto a = OfKind(Judge(Story(0), Docs()), "conflict");
  auto b = OfKind(Judge(Story(250), Docs()), "conflict");
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_NE(a[0].evidence[0].span, b[0].evidence[0].span);
  EXPECT_EQ(a[0].fingerprint, b[0].fingerprint);
}

TEST(FingerprintTest, ChangesWhenValuesOrDocumentsChange) {
  auto base = OfKind(Judge(Story(0), Docs()), "conflict");
  std::vector<Claim> other = Story(0);
  other[1] = C("port_wire", 1).Count(9100, "9,100").Subject("dockworker");
  auto changed = OfKind(Judge(other, Docs()), "conflict");
  ASSERT_EQ(base.size(), 1u);
  ASSERT_EQ(changed.size(), 1u);
  EXPECT_NE(base[0].fingerprint, changed[0].fingerprint);
}

TEST(FingerprintTest, KnownValue) {
  // FNV-1a 64 of "a" 0x1f: pinned so a silent algorithm change shows up.
  EXPECT_EQ(Fingerprint({}), "cbf29ce484222325");
  EXPECT_NE(Fingerprint({"ab", "c"}), Fingerprint({"a", "bc"}));
  EXPECT_EQ(Fingerprint({"x"}), Fingerprint({"x"}));
}

TEST(OrderingTest, SeverityThenRuleThenSubject) {
  std::vector<Claim> claims = Story(0);
  claims.push_back(C("harbor_daily", 2)
                       .Date(Dates(Day(2024, 7, 1), Day(2024, 9, 30),
                                   Granularity::kQuarter, "2024-Q3"),
                             "Q3 2024")
                       .Modality(Modality::kFuture));
  auto docs = Docs();
  docs[2].ai_generated = true;
  auto all = Judge(claims, docs);
  ASSERT_GE(all.size(), 3u);
  for (size_t i = 1; i < all.size(); ++i) {
    const Finding& p = all[i - 1];
    const Finding& f = all[i];
    ASSERT_GE(p.severity, f.severity);
    if (p.severity == f.severity) {
      ASSERT_LE(p.rule_id, f.rule_id);
      if (p.rule_id == f.rule_id) {
        ASSERT_LE(p.subject, f.subject);
      }
    }
  }
  EXPECT_EQ(all[0].kind, "conflict");
  EXPECT_EQ(all[1].kind, "anachronism");
}

TEST(DeterminismTest, SameInputSameOutputAndOrderFreeFingerprints) {
  std::vector<Claim> claims;
  std::vector<DocumentInfo> docs;
  for (int d = 0; d < 30; ++d) {
    docs.push_back(Doc(absl::StrCat("doc", d), Day(2025, 1, 1 + d % 3)));
    for (int k = 0; k < 20; ++k) {
      claims.push_back(C(absl::StrCat("doc", d), k)
                           .Count(100 + (d * 7 + k * 13) % 9 * 50, "n")
                           .Subject(absl::StrCat("head", k % 6),
                                    {absl::StrCat("m", (d + k) % 4)}));
    }
  }
  auto a = Judge(claims, docs);
  auto b = Judge(claims, docs);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].fingerprint, b[i].fingerprint);
    EXPECT_EQ(a[i].message, b[i].message);
  }
  std::vector<DocumentInfo> rdocs(docs.rbegin(), docs.rend());
  auto c = Judge(claims, rdocs);
  std::vector<std::string> fa, fc;
  for (const auto& f : a) fa.push_back(f.fingerprint);
  for (const auto& f : c) fc.push_back(f.fingerprint);
  EXPECT_EQ(fa, fc);
}

TEST(RobustnessTest, HostileClaimsDoNotCrash) {
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::vector<Claim> claims = {
      C("a", 1).Count(nan, "\xff\xfe").Subject("x"),
      C("b", 1).Count(inf, "inf").Subject("x"),
      C("c", 1).Count(-inf, "-inf").Bounds(nan, -5).Subject("x"),
      C("d", 1).Count(1e308, "huge").Subject("x"),
      C("e", 1).Count(0, "zero").Subject("x"),
      C("f", 1).Count(-0.0, "-0").Bounds(5, -5, "about").Subject("x"),
      C("", 1).Count(3, "").Subject(std::string("\0\x01", 2)),
      C("ghost", 1).Status("", "", "").Subject(""),
      C("ghost", 2)
          .Date(Dates(Day(2025, 5, 5), Day(2024, 1, 1), Granularity::kDay, ""),
                "")
          .Event("e")
          .Modality(Modality::kPast),
      C("ghost", 3)
          .Percent(5, "5%")
          .Subject("x")
          .Scope(Dates(Day(9999, 1, 1), Day(-9999, 1, 1), Granularity::kDecade,
                       "")),
      Claim(),
  };
  std::vector<DocumentInfo> docs = {Doc("a", Day(2025, 1, 1)),
                                    Doc("a", Day(2026, 1, 1)),  // duplicate id
                                    Doc("b", std::nullopt)};
  docs[2].minhash = {1, 2, 3};  // wrong length
  auto all = Judge(claims, docs);
  for (const auto& f : all) {
    EXPECT_FALSE(f.rule_id.empty());
    EXPECT_EQ(f.fingerprint.size(), 16u);
  }
  EXPECT_TRUE(Judge({}, {}).empty());
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

// An undated document takes the corpus date, which moves when unrelated
// articles are added: the anachronism must keep its fingerprint.
TEST(FingerprintTest, AnachronismIgnoresTheReferenceDate) {
  std::vector<Claim> claims = {
      C("a", 1)
          .Date(Dates(Day(2024, 7, 1), Day(2024, 9, 30), Granularity::kQuarter,
                      "2024-Q3"),
                "Q3 2024")
          .Subject("drill")
          .Modality(Modality::kFuture),
  };
  auto first = OfKind(
      JudgeAll(claims, {Doc("a", Day(2026, 2, 10))}, JudgeConfig::Defaults()),
      "anachronism");
  auto second = OfKind(
      JudgeAll(claims, {Doc("a", Day(2026, 3, 1))}, JudgeConfig::Defaults()),
      "anachronism");
  ASSERT_EQ(first.size(), 1u);
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(first[0].fingerprint, second[0].fingerprint);
}

TEST(EvidenceValueTest, NumbersReadLikeNumbers) {
  std::vector<Claim> claims = {
      C("a", 1).Money(3.5e11, "$350 billion").Subject("budget"),
      C("b", 1).Money(3.5e11, "350bn dollars").Subject("budget"),
      C("a", 2).Percent(15, "15%").Subject("tariff"),
      C("b", 2).Percent(15, "15 percent").Subject("tariff"),
  };
  auto found = OfKind(
      JudgeAll(claims, {Doc("a", Day(2026, 1, 1)), Doc("b", Day(2026, 1, 1))},
               JudgeConfig::Defaults()),
      "agreement");
  ASSERT_EQ(found.size(), 2u);
  std::vector<std::string> values;
  for (const Finding& f : found) values.push_back(f.evidence[0].value);
  std::sort(values.begin(), values.end());
  EXPECT_EQ(values, (std::vector<std::string>{"15%", "350,000,000,000 USD"}));
}

}  // namespace
}  // namespace crosscheck::judge
