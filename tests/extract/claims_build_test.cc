// BuildClaims over hand-made documents: measures, scopes, modality,
// speakers, event and status claims, skipping rules, ids and positions.
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "checker/extract/claims.h"
#include "gtest/gtest.h"
#include "tests/extract/claims_testing.h"

namespace crosscheck::extract {
namespace {

using testing::ClaimsFor;
using testing::DocBuilder;
using testing::TestLexicon;

std::vector<Claim> Build(DocBuilder& b) {
  return BuildClaims(b.Build(), b.mentions(), TestLexicon());
}

TEST(ClaimsTest, MeasureShareChangeCountLevel) {
  DocBuilder b;
  b.Reference(absl::CivilDay(2026, 2, 10));
  int p = b.Paragraph({
      "Tokyo promised 2% of GDP for its armed forces.",
      "Washington lifted tariffs on imported cars from 15 percent to 25 "
      "percent.",
      "Exports of steel rose 7% over the period.",
      "Some 3,000 nurses walked out.",
      "The jobless rate was 4.1%.",
      "A 0.5% rise in consumer prices surprised markets.",
  });
  b.Percent(p, "2%", 2);
  b.Percent(p, "15 percent", 15);
  b.Percent(p, "25 percent", 25);
  b.Percent(p, "7%", 7);
  b.Number(p, "3,000 nurses", 3000, MentionKind::kQuantity, "nurse", "count");
  b.Percent(p, "4.1%", 4.1);
  b.Percent(p, "0.5%", 0.5);
  std::vector<Claim> cs = Build(b);

  struct Case {
    const char* text;
    Measure measure;
    const char* head;
  } cases[] = {
      {"2%", Measure::kShare, "force"},
      {"25 percent", Measure::kChange, "tariff"},
      {"7%", Measure::kChange, "export"},
      {"3,000 nurses", Measure::kCount, "nurse"},
      {"4.1%", Measure::kLevel, "unemployment"},
      {"0.5%", Measure::kChange, "price"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    auto found = ClaimsFor(cs, c.text);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(MeasureName(found[0]->measure), MeasureName(c.measure));
    EXPECT_EQ(found[0]->subject.head, c.head);
  }
  // "from 15 percent": the old level is folded into the change claim.
  EXPECT_TRUE(ClaimsFor(cs, "15 percent").empty());
  auto change = ClaimsFor(cs, "25 percent");
  ASSERT_EQ(change.size(), 1u);
  ASSERT_TRUE(change[0]->change_from.has_value());
  EXPECT_EQ(*change[0]->change_from, 15);
  EXPECT_EQ(absl::StrJoin(change[0]->subject.modifiers, ","),
            "automobile,imported");
}

TEST(ClaimsTest, TableRowsUseTheRowLabel) {
  DocBuilder b;
  b.Reference(absl::CivilDay(2026, 2, 12));
  std::vector<std::string> headers = {"Area", "Plan"};
  int h = b.TableRow(headers, headers);
  int r1 = b.TableRow({"Defense Spending", "Increase by 15% over next 2 years"},
                      headers);
  int r2 = b.TableRow({"Joint naval drills", "Scheduled Q3 2024"}, headers);
  b.Add(h, "Plan", MentionKind::kNumber);  // junk in a header row: ignored
  b.Percent(r1, "15%", 15);
  b.Date(r2, "Q3 2024", testing::Quarter(2024, 3));
  std::vector<Claim> cs = Build(b);
  ASSERT_EQ(cs.size(), 2u);
  EXPECT_EQ(cs[0].subject.head, "defense spending");
  EXPECT_EQ(cs[0].measure, Measure::kChange);
  EXPECT_EQ(cs[0].modality, Modality::kFuture);
  EXPECT_EQ(cs[1].measure, Measure::kEventDate);
  EXPECT_EQ(cs[1].event, "drill");
  EXPECT_EQ(cs[1].modality, Modality::kFuture);
  EXPECT_EQ(cs[1].scope.period.iso, "2024-Q3");
  EXPECT_EQ(cs[1].scope.source, "explicit");
}

// A cell that is a figure alone measures what its column header names
// ("Seats 2026"), for the row's name, in the header's year; a cell with
// words of its own keeps the row label (above).
TEST(ClaimsTest, ColumnHeaderNamesWhatABareCellMeasures) {
  DocBuilder b;
  b.Reference(absl::CivilDay(2026, 10, 20));
  std::vector<std::string> headers = {"Party", "Seats 2022", "Seats 2026"};
  b.TableRow(headers, headers);
  int r = b.TableRow({"Civic Alliance", "24", "31"}, headers);
  b.Number(r, "24", 24);
  b.Number(r, "31", 31);
  std::vector<Claim> cs = Build(b);
  ASSERT_EQ(cs.size(), 2u);
  for (const Claim& c : cs) {
    EXPECT_EQ(c.subject.head, "seat") << c.quote;
    EXPECT_EQ(c.subject.text, "Civic Alliance seats") << c.quote;
  }
  EXPECT_EQ(cs[0].scope.period.iso, "2022");
  EXPECT_EQ(cs[1].scope.period.iso, "2026");
}

// A row's date cell dates the figures in its other cells; a row with two
// different dates leaves them undated.
TEST(ClaimsTest, TableRowDateCellScopesItsFigures) {
  DocBuilder b;
  b.Reference(absl::CivilDay(2026, 7, 21));
  std::vector<std::string> headers = {"Measure", "Figure", "When"};
  b.TableRow(headers, headers);
  int r1 = b.TableRow({"Peak load", "61%", "14 July"}, headers);
  int r2 = b.TableRow({"Spare margin", "12%", "13 July to 15 July"}, headers);
  b.Percent(r1, "61%", 61);
  b.Date(r1, "14 July", testing::Day(2026, 7, 14));
  b.Percent(r2, "12%", 12);
  b.Date(r2, "13 July", testing::Day(2026, 7, 13));
  b.Date(r2, "15 July", testing::Day(2026, 7, 15));
  std::vector<Claim> cs = Build(b);
  std::map<std::string, std::string> scope;
  for (const Claim& c : cs) {
    if (c.mention.kind == MentionKind::kPercent) {
      scope[c.quote] = c.scope.period.iso;
    }
  }
  EXPECT_EQ(scope["61%"], "2026-07-14");
  EXPECT_EQ(scope["12%"], "2026-07-21");

  // A bare year in the row's label dates the row too.
  DocBuilder y;
  y.Reference(absl::CivilDay(2026, 7, 21));
  std::vector<std::string> h2 = {"Item", "Figure"};
  y.TableRow(h2, h2);
  int r3 = y.TableRow({"Share of sales abroad, 2025", "31%"}, h2);
  y.Percent(r3, "31%", 31);
  std::vector<Claim> ys = Build(y);
  ASSERT_EQ(ys.size(), 1u);
  EXPECT_EQ(ys[0].scope.period.iso, "2025");
}

// A bare number in a table row counts what the row is about, as a counted
// noun in a sentence would.
TEST(ClaimsTest, TableRowBareNumberCountsTheRowsNoun) {
  DocBuilder b;
  b.Reference(absl::CivilDay(2026, 7, 21));
  std::vector<std::string> headers = {"Measure", "Figure"};
  b.TableRow(headers, headers);
  int r = b.TableRow({"Shops without power", "2,650"}, headers);
  b.Number(r, "2,650", 2650);
  std::vector<Claim> cs = Build(b);
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(cs[0].subject.head, "shop");
  EXPECT_EQ(cs[0].mention.amount.unit, "shop");
  EXPECT_EQ(cs[0].mention.amount.dimension, "count");
}

TEST(ClaimsTest, EventDates) {
  DocBuilder b;
  b.Reference(absl::CivilDay(2026, 2, 10));
  int p1 = b.Paragraph(
      {"After Sunday's lower-house election, the premier spoke at a "
       "post-election press conference Monday."});
  int p2 = b.Paragraph({"She met reporters on February 8."});
  int p3 = b.Paragraph(
      {"The ruling bloc secured a two-thirds supermajority two days later."});
  b.Date(p1, "Sunday's", testing::Day(2026, 2, 8, true));
  b.Event(p1, "election", "election");
  b.Event(p1, "press conference", "press-conference");
  b.Date(p1, "Monday", testing::Day(2026, 2, 9, true));
  b.Date(p2, "February 8", testing::Day(2026, 2, 8));
  b.Status(p3, "two-thirds supermajority", "supermajority",
           "parliamentary-majority");
  b.Date(p3, "two days later", testing::Day(2026, 2, 10, true));
  std::vector<Claim> cs = Build(b);

  auto sunday = ClaimsFor(cs, "Sunday's");
  ASSERT_EQ(sunday.size(), 1u);
  EXPECT_EQ(sunday[0]->measure, Measure::kEventDate);
  EXPECT_EQ(sunday[0]->event, "election");
  EXPECT_EQ(sunday[0]->subject.head, "election");
  EXPECT_EQ(absl::StrJoin(sunday[0]->subject.modifiers, ","), "house,lower");
  EXPECT_EQ(sunday[0]->scope.period.iso, "2026-02-08");

  auto monday = ClaimsFor(cs, "Monday");
  ASSERT_EQ(monday.size(), 1u);
  EXPECT_EQ(monday[0]->event, "press-conference");
  EXPECT_EQ(absl::StrJoin(monday[0]->subject.modifiers, ","), "post-election");

  // A meeting with reporters is no election.
  EXPECT_TRUE(ClaimsFor(cs, "February 8").empty());

  auto later = ClaimsFor(cs, "two days later");
  ASSERT_EQ(later.size(), 1u);
  EXPECT_EQ(later[0]->event, "election");
  EXPECT_EQ(later[0]->scope.period.iso, "2026-02-10");

  auto status = ClaimsFor(cs, "two-thirds supermajority");
  ASSERT_EQ(status.size(), 1u);
  EXPECT_EQ(status[0]->measure, Measure::kStatus);
  EXPECT_EQ(status[0]->subject.head, "parliamentary-majority");
}

TEST(ClaimsTest, StatusEntityDropsTitles) {
  DocBuilder b;
  b.Reference(absl::CivilDay(2026, 2, 10));
  int p =
      b.Paragraph({"Prime Minister Ana Costa now commands a clear "
                   "majority in the chamber."});
  b.Status(p, "clear majority", "majority", "parliamentary-majority");
  std::vector<Claim> cs = Build(b);
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(cs[0].subject.text, "Ana Costa");
  EXPECT_EQ(absl::StrJoin(cs[0].subject.modifiers, ","), "ana,costa");
}

TEST(ClaimsTest, StatusEntityAndScope) {
  DocBuilder b;
  b.Reference(absl::CivilDay(2024, 11, 20));
  int p = b.Paragraph(
      {"In November 2024, the LDP rules with a minority government."});
  b.Date(p, "November 2024", testing::Month(2024, 11));
  b.Status(p, "minority government", "minority", "parliamentary-majority");
  std::vector<Claim> cs = Build(b);
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(cs[0].subject.head, "parliamentary-majority");
  EXPECT_EQ(absl::StrJoin(cs[0].subject.modifiers, ","), "ldp");
  EXPECT_EQ(cs[0].subject.text, "LDP");
  EXPECT_EQ(cs[0].scope.source, "explicit");
  EXPECT_EQ(cs[0].scope.period.iso, "2024-11");
}

// A "since" date opens a period: another date of the clause dates the
// figure; alone, it still scopes it.
TEST(ClaimsTest, SinceDateIsTheLastResortScope) {
  DocBuilder b;
  b.Reference(absl::CivilDay(2026, 3, 20));
  int p1 =
      b.Paragraph({"The maker said on Monday it was recalling 9,000 "
                   "kettles sold since May 2024."});
  int p2 = b.Paragraph({"The bank has held its rate at 3% since June 2025."});
  b.Date(p1, "Monday", testing::Day(2026, 3, 16, true));
  b.Number(p1, "9,000 kettles", 9000, MentionKind::kQuantity, "kettle",
           "count");
  b.Date(p1, "May 2024", testing::Month(2024, 5));
  b.Percent(p2, "3%", 3);
  b.Date(p2, "June 2025", testing::Month(2025, 6));
  std::vector<Claim> cs = Build(b);
  auto kettles = ClaimsFor(cs, "9,000 kettles");
  ASSERT_EQ(kettles.size(), 1u);
  EXPECT_EQ(kettles[0]->scope.period.iso, "2026-03-16");
  auto rate = ClaimsFor(cs, "3%");
  ASSERT_EQ(rate.size(), 1u);
  EXPECT_EQ(rate[0]->scope.period.iso, "2025-06");
}

// "the cost of the strike" is a sum about the strike ("the strike will cost
// $90 million"): a money claim with the strike as its subject, not an event.
TEST(ClaimsTest, CostOfAnEventIsAboutTheEvent) {
  DocBuilder b;
  b.Reference(absl::CivilDay(2026, 3, 20));
  int p = b.Paragraph({"Analysts put the cost of the walkout at $90 million."});
  b.Event(p, "walkout", "strike");
  b.Number(p, "$90 million", 90e6, MentionKind::kMoney, "USD", "currency");
  std::vector<Claim> cs = Build(b);
  auto cost = ClaimsFor(cs, "$90 million");
  ASSERT_EQ(cost.size(), 1u);
  EXPECT_EQ(cost[0]->subject.head, "strike");
  EXPECT_EQ(cost[0]->measure, Measure::kLevel);
  EXPECT_TRUE(cost[0]->event.empty());
}

// "due to" + a verb is a plan ("due to enter service"); "due to" + a noun
// phrase is a cause.
TEST(ClaimsTest, DueToAVerbIsAPlan) {
  DocBuilder b;
  b.Reference(absl::CivilDay(2026, 10, 4));
  int p1 = b.Paragraph({"A larger ferry is due to enter service in May 2026."});
  int p2 =
      b.Paragraph({"Crossings were cancelled due to the storm in May "
                   "2026."});
  b.Date(p1, "May 2026", testing::Month(2026, 5));
  b.Date(p2, "May 2026", testing::Month(2026, 5));
  std::vector<Claim> cs = Build(b);
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(cs[0].measure, Measure::kEventDate);
  EXPECT_EQ(ModalityName(cs[0].modality), ModalityName(Modality::kFuture));
  EXPECT_FALSE(cs[0].subject.head.empty());
}

TEST(ClaimsTest, ScopeModalityAndSpeaker) {
  DocBuilder b;
  b.Reference(absl::CivilDay(2026, 2, 10));
  int p1 = b.Paragraph(
      {"Japan will spend 2% of GDP on its military by 2027, officials said."});
  int p2 = b.Paragraph({"Inflation was 3.2% last year, the bank said."});
  int p3 = b.Paragraph({"Prices could rise 4% next spring."});
  int p4 =
      b.Paragraph({"Lee Min-ho, an economist at a Seoul think tank, said "
                   "exports may fall 3% while imports grew 5%."});
  int p5 = b.Paragraph({"\"The deficit is 6% now,\" according to Ana Ruiz."});
  b.Percent(p1, "2%", 2);
  b.Date(p1, "2027", testing::Year(2027));
  b.Percent(p2, "3.2%", 3.2);
  b.Date(p2, "last year", testing::Year(2025));
  b.Percent(p3, "4%", 4);
  b.Percent(p4, "3%", 3);
  b.Percent(p4, "5%", 5);
  b.Percent(p5, "6%", 6);
  std::vector<Claim> cs = Build(b);

  struct Case {
    const char* text;
    Modality modality;
    const char* scope_iso;
    const char* scope_source;
    const char* speaker;
  } cases[] = {
      {"2%", Modality::kFuture, "2027", "explicit", ""},
      {"3.2%", Modality::kPast, "2025", "explicit", ""},
      {"4%", Modality::kHedged, "2026-02-10", "reference-date", ""},
      {"3%", Modality::kHedged, "2026-02-10", "reference-date", "Lee Min-ho"},
      {"5%", Modality::kPast, "2026-02-10", "reference-date", "Lee Min-ho"},
      {"6%", Modality::kPresent, "2026-02-10", "reference-date", "Ana Ruiz"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    auto found = ClaimsFor(cs, c.text);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(ModalityName(found[0]->modality), ModalityName(c.modality));
    EXPECT_EQ(found[0]->scope.period.iso, c.scope_iso);
    EXPECT_EQ(found[0]->scope.source, c.scope_source);
    EXPECT_EQ(found[0]->speaker, c.speaker);
  }
  // Dates alone are no claims.
  EXPECT_TRUE(ClaimsFor(cs, "2027").empty());
  EXPECT_TRUE(ClaimsFor(cs, "last year").empty());
}

TEST(ClaimsTest, SkipsWhatIsNotAClaim) {
  DocBuilder b("art");
  b.Reference(absl::CivilDay(2026, 2, 10));
  int body =
      b.Paragraph({"The 2024 budget set aside funds for 640 new "
                   "schools during the Second World War memorial."});
  int chrome = b.Paragraph({"Related: a 10% global tariff hits markets."},
                           /*boilerplate=*/true);
  b.Number(body, "2024", 2024);
  Mention& rank = b.Number(body, "Second", 2);
  rank.rule_id = "number.rank";
  b.Number(body, "640 new schools", 640, MentionKind::kQuantity, "school",
           "count");
  b.Percent(chrome, "10%", 10);
  Mention& d = b.Add(body, "funds", MentionKind::kDisclaimer);
  d.label = "ai-generated";
  std::vector<Claim> cs = Build(b);
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(cs[0].mention.text, "640 new schools");
  EXPECT_EQ(cs[0].id, "art#1");
  EXPECT_EQ(cs[0].doc_id, "art");
  EXPECT_EQ(cs[0].subject.head, "school");
  EXPECT_EQ(absl::StrJoin(cs[0].subject.modifiers, ","), "");
  EXPECT_EQ(cs[0].quote, "640 new schools");
  EXPECT_EQ(cs[0].position.line, 1);
  EXPECT_EQ(cs[0].position.column,
            static_cast<int>(b.doc().original.find("640")) + 1);
}

TEST(ClaimsTest, IdsFollowDocumentOrderAndAreDeterministic) {
  DocBuilder b("d");
  b.Reference(absl::CivilDay(2026, 1, 1));
  int p1 = b.Paragraph({"Unemployment stood at 5%."});
  int p2 = b.Paragraph({"Turnout reached 61%."});
  // Mentions handed over out of order.
  b.Percent(p2, "61%", 61);
  b.Percent(p1, "5%", 5);
  std::vector<Claim> a = Build(b);
  std::vector<Claim> again = Build(b);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].id, "d#1");
  EXPECT_EQ(a[0].mention.text, "5%");
  EXPECT_EQ(a[1].id, "d#2");
  EXPECT_EQ(a[1].position.line, 3);
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].id, again[i].id);
    EXPECT_EQ(a[i].subject.key, again[i].subject.key);
  }
}

TEST(ClaimsTest, BadMentionsDoNotCrash) {
  DocBuilder b;
  int p = b.Paragraph({"Short."});
  b.Paragraph({"\xff\xfe binary \x01 text 5%"});
  Mention m;
  m.segment = p;
  m.local_begin = 3;
  m.local_end = 999;  // past the end
  std::vector<Mention> ms = b.mentions();
  ms.push_back(m);
  m.segment = 42;  // no such segment
  m.local_end = 4;
  ms.push_back(m);
  m.segment = 1;
  m.local_begin = 18;
  m.local_end = 20;
  m.kind = MentionKind::kPercent;
  m.sentence = 7;  // no such sentence
  ms.push_back(m);
  const SegmentedDocument& sd = b.Build();
  std::vector<Claim> cs = BuildClaims(sd, ms, TestLexicon());
  for (const Claim& c : cs) EXPECT_FALSE(c.id.empty());
  SegmentedDocument empty;
  EXPECT_TRUE(BuildClaims(empty, ms, TestLexicon()).empty());
}

}  // namespace
}  // namespace crosscheck::extract
