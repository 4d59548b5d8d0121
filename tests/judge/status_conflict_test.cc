// judge.status-conflict: exclusive statuses at the same time.
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

TEST(StatusConflictTest, ExclusiveStatusesSameTime) {
  std::vector<Claim> claims = {
      C("a", 1).Status("majority", "minority-government",
                       "minority government"),
      C("b", 1).Status("majority", "supermajority", "supermajority"),
  };
  auto found = OfKind(
      Judge(claims, {Doc("a", Day(2026, 2, 10)), Doc("b", Day(2026, 2, 11))}),
      "status-conflict");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::kError);
  EXPECT_EQ(DocsOf(found[0]), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(found[0].message,
            "sources state exclusive statuses for majority at the same time: "
            "minority government (a) vs supermajority (b)");
}

// "is still recruiting" on 14 September vs another source's "finished
// recruiting in June": different times, yet exclusive, since the one says
// nothing changed after the other's transition.
TEST(StatusConflictTest, StillHoldingAfterADatedTransition) {
  const DateValue june =
      Dates(Day(2026, 6, 1), Day(2026, 6, 30), Granularity::kMonth, "2026-06");
  auto finished = [&] {
    return C("a", 1)
        .Status("recruitment", "closed", "finished recruiting")
        .Modality(Modality::kPast)
        .Scope(june);
  };
  auto still = [](const char* quote, Modality m = Modality::kPresent) {
    return C("b", 1).Status("recruitment", "recruiting", quote).Modality(m);
  };
  const std::vector<DocumentInfo> docs = {Doc("a", Day(2026, 9, 15)),
                                          Doc("b", Day(2026, 9, 14))};
  std::vector<Claim> claims = {finished(), still("is still recruiting")};
  auto found = OfKind(Judge(claims, docs), "status-conflict");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(DocsOf(found[0]), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(OfKind(Judge(claims, docs), "superseded").empty());

  // Without a word of continuity the later status may be a reversal; a
  // hope that it will stay so is no statement; a transition dated after the
  // other's document is no contradiction.
  std::vector<std::vector<Claim>> fine = {
      {finished(), still("is recruiting")},
      {finished(), still("will still be recruiting", Modality::kFuture)},
      {finished(), still("is still recruiting")},
  };
  std::vector<std::vector<DocumentInfo>> fine_docs = {
      docs, docs, {Doc("a", Day(2026, 9, 15)), Doc("b", Day(2026, 5, 14))}};
  for (size_t k = 0; k < fine.size(); ++k) {
    EXPECT_TRUE(OfKind(Judge(fine[k], fine_docs[k]), "status-conflict").empty())
        << k;
  }
}

// "has been closed" on the 14th vs "remains open" on the 15th: a state as
// of one source's date that the other says never changed; not so when the
// two dates are further apart than tolerances.continuity_days.
TEST(StatusConflictTest, StillHoldingAfterAnotherSourcesState) {
  // As extract scopes a present-tense status: its document's day, exactly.
  auto as_of = [](Claim c, absl::CivilDay day) {
    c.scope.period = Dates(day, day, Granularity::kDay, "");
    c.scope.source = "present-tense";
    return c;
  };
  std::vector<Claim> claims = {
      as_of(C("a", 1).Status("open-closed", "closed", "has been closed"),
            Day(2026, 5, 14)),
      as_of(C("b", 1).Status("open-closed", "open", "remains open"),
            Day(2026, 5, 15)),
  };
  auto found = OfKind(
      Judge(claims, {Doc("a", Day(2026, 5, 14)), Doc("b", Day(2026, 5, 15))}),
      "status-conflict");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message,
            "sources state exclusive statuses for open-closed: remains open "
            "(b) as of 2026-05-15, although by then has been closed (a) as "
            "of 2026-05-14");
  claims[0] = as_of(claims[0], Day(2026, 3, 2));
  EXPECT_TRUE(OfKind(Judge(claims, {Doc("a", Day(2026, 3, 2)),
                                    Doc("b", Day(2026, 5, 15))}),
                     "status-conflict")
                  .empty());
}

// "the harbour has been closed" vs "the fleet remains open": named things
// with no modifier in common are not one thing, even when a bare claim
// ("has been closed", no modifiers) joins them in one group.
TEST(StatusConflictTest, StillHoldingNeedsTheSameThing) {
  auto as_of = [](Claim c, absl::CivilDay day) {
    c.scope.period = Dates(day, day, Granularity::kDay, "");
    c.scope.source = "present-tense";
    return c;
  };
  std::vector<Claim> claims = {
      as_of(C("a", 1)
                .Status("open-closed", "closed", "has been closed")
                .Subject("open-closed", {"harbor"}),
            Day(2026, 5, 14)),
      as_of(C("b", 1)
                .Status("open-closed", "open", "remains open")
                .Subject("open-closed", {"fleet"}),
            Day(2026, 5, 15)),
      as_of(C("c", 1)
                .Status("open-closed", "closed", "has been closed")
                .Subject("open-closed"),
            Day(2026, 4, 1)),
  };
  std::vector<DocumentInfo> docs = {Doc("a", Day(2026, 5, 14)),
                                    Doc("b", Day(2026, 5, 15)),
                                    Doc("c", Day(2026, 4, 1))};
  EXPECT_TRUE(OfKind(Judge(claims, docs), "status-conflict").empty());
  // The same modifier on both sides: one thing, a conflict.
  claims[1].subject.modifiers = claims[0].subject.modifiers;
  EXPECT_EQ(OfKind(Judge(claims, docs), "status-conflict").size(), 1u);
}

TEST(StatusConflictTest, MustNotTrigger) {
  struct Case {
    const char* name;
    std::vector<Claim> claims;
    std::vector<DocumentInfo> docs;
  } cases[] = {
      {"different times",
       {C("a", 1).Status("majority", "minority-government", "minority"),
        C("b", 1).Status("majority", "supermajority", "supermajority")},
       {Doc("a", Day(2024, 11, 20)), Doc("b", Day(2026, 2, 10))}},
      {"compatible labels",
       {C("a", 1).Status("majority", "landslide", "landslide"),
        C("b", 1).Status("majority", "supermajority", "supermajority")},
       {Doc("a", Day(2026, 2, 10)), Doc("b", Day(2026, 2, 10))}},
      {"one document",
       {C("a", 1).Status("majority", "minority-government", "minority"),
        C("a", 2).Status("majority", "supermajority", "supermajority")},
       {Doc("a", Day(2026, 2, 10))}},
      {"different status groups",
       {C("a", 1).Status("majority", "minority-government", "minority"),
        C("b", 1).Status("recall", "voluntary-recall", "voluntary recall")},
       {Doc("a", Day(2026, 2, 10)), Doc("b", Day(2026, 2, 10))}},
  };
  for (const auto& tc : cases) {
    EXPECT_TRUE(OfKind(Judge(tc.claims, tc.docs), "status-conflict").empty())
        << tc.name;
  }
}

}  // namespace
}  // namespace crosscheck::judge
