// Extractor: overlap resolution, context groups, guards, segments and
// untrusted input.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "checker/extract/extractor.h"
#include "checker/extract/rules.h"
#include "gtest/gtest.h"

namespace crosscheck::extract {
namespace {

RuleSet Load(const std::string& json) {
  std::vector<RuleProblem> problems;
  RuleSet rs = RuleSet::LoadPack("t.json", json, {}, &problems);
  for (const auto& p : problems) ADD_FAILURE() << p.ToString();
  return rs;
}

// Rules whose spans overlap in known ways on "abcdef".
const char kOverlapPack[] = R"j({"family": "number", "rules": [
  {"id": "number.ab", "kind": "status", "description": "d", "patterns": ["ab"], "priority": 1, "label": "ab"},
  {"id": "number.bcd", "kind": "status", "description": "d", "patterns": ["bcd"], "priority": 1, "label": "bcd"},
  {"id": "number.abcd", "kind": "status", "description": "d", "patterns": ["abcd"], "priority": 0, "label": "abcd"},
  {"id": "number.def", "kind": "status", "description": "d", "patterns": ["def"], "priority": 0, "label": "def"},
  {"id": "number.ef", "kind": "status", "description": "d", "patterns": ["ef"], "priority": 0, "label": "ef"}
]})j";

std::vector<std::string> Ids(const std::vector<RuleMatch>& ms) {
  std::vector<std::string> out;
  for (const auto& m : ms) out.push_back(m.rule->id);
  return out;
}

TEST(ExtractorOverlap, PriorityThenLengthThenPosition) {
  RuleSet rs = Load(kOverlapPack);
  Extractor ex(&rs);
  // ab and bcd tie on priority 1; bcd is longer and wins; then "ef" and
  // "def" (priority 0): def overlaps bcd, ef does not; abcd overlaps bcd.
  EXPECT_EQ(Ids(ex.Match("abcdef")),
            (std::vector<std::string>{"number.bcd", "number.ef"}));
  // Equal priority and length: earlier wins.
  EXPECT_EQ(Ids(ex.Match("xabx")), (std::vector<std::string>{"number.ab"}));
  // Non-overlapping hits all survive, in text order.
  EXPECT_EQ(Ids(ex.Match("ef ab ef")),
            (std::vector<std::string>{"number.ef", "number.ab", "number.ef"}));
}

TEST(ExtractorOverlap, Deterministic) {
  RuleSet rs = Load(kOverlapPack);
  Extractor ex(&rs);
  std::string text;
  for (int i = 0; i < 200; ++i) text += "abcdef xab def abcd ";
  auto first = ex.Match(text);
  for (int i = 0; i < 3; ++i) {
    auto again = ex.Match(text);
    ASSERT_EQ(again.size(), first.size());
    for (size_t k = 0; k < first.size(); ++k) {
      EXPECT_EQ(again[k].begin, first[k].begin);
      EXPECT_EQ(again[k].rule, first[k].rule);
    }
  }
}

TEST(ExtractorOverlap, AllMatchesOfARuleAreCollected) {
  RuleSet rs = Load(R"j({"family": "number", "rules": [
    {"id": "number.n", "kind": "number", "description": "d",
     "patterns": ["\\b(?P<num>\\d+)\\b"]}]})j");
  Extractor ex(&rs);
  auto ms = ex.FindMentionsInText("1 22 333 4444x 55", {});
  ASSERT_EQ(ms.size(), 4u);
  EXPECT_EQ(ms[0].amount.value, 1);
  EXPECT_EQ(ms[1].amount.value, 22);
  EXPECT_EQ(ms[2].amount.value, 333);
  EXPECT_EQ(ms[3].amount.value, 55);
  EXPECT_EQ(ms[3].local_begin, 15u);
  EXPECT_EQ(ms[3].local_end, 17u);
}

TEST(ExtractorOverlap, PreAndPostTrimTheSpan) {
  RuleSet rs = Load(R"j({"family": "number", "rules": [
    {"id": "number.n", "kind": "number", "description": "d",
     "patterns": ["(?P<pre>^|[^\\w-])(?P<num>\\d+)(?P<post>$|[^\\w-])"]}]})j");
  Extractor ex(&rs);
  auto ms = ex.FindMentionsInText("F-35 and 12 and 7", {});
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[0].text, "12");
  EXPECT_EQ(ms[1].text, "7");
  // "12 7": the trailing context of 12 is the leading context of 7.
  ms = ex.FindMentionsInText("12 7", {});
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[1].text, "7");
}

TEST(ExtractorOverlap, GuardsWinButEmitNothing) {
  RuleSet rs = Load(R"j({"family": "number", "rules": [
    {"id": "number.n", "kind": "number", "description": "d",
     "patterns": ["\\b(?P<num>\\d+)\\b"], "priority": 1},
    {"id": "number.article", "kind": "number", "description": "d",
     "patterns": ["\\barticle\\s+\\d+"], "priority": 5, "suppress": true}]})j");
  Extractor ex(&rs);
  auto ms = ex.FindMentionsInText("Article 9 has 3 clauses", {});
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].amount.value, 3);
  EXPECT_EQ(Ids(ex.Match("Article 9")),
            (std::vector<std::string>{"number.article"}));
}

TEST(ExtractorOverlap, FailedNormalizationHidesNothing) {
  RuleSet rs = Load(R"j({"family": "number", "rules": [
    {"id": "number.n", "kind": "number", "description": "d",
     "patterns": ["\\b(?P<num>\\d[\\d,]*)\\b"], "priority": 1},
    {"id": "number.q", "kind": "quantity", "description": "d",
     "patterns": ["\\b(?P<num>\\d[\\d,]*)\\s+(?P<noun>(?:\\w+\\s+){0,3}?\\w+s)\\b"],
     "priority": 5}]})j");
  Extractor ex(&rs);
  auto ms = ex.FindMentionsInText("About 2,000 were killed in floods", {});
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].rule_id, "number.n");
  ms = ex.FindMentionsInText("About 2,000 villagers fled", {});
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].rule_id, "number.q");
  EXPECT_EQ(ms[0].amount.unit, "villager");
}

TEST(ExtractorSegments, SkipsBoilerplateAndMapsSpans) {
  RuleSet rs = Load(R"j({"family": "number", "rules": [
    {"id": "number.n", "kind": "number", "description": "d",
     "patterns": ["\\b(?P<num>\\d+)\\b"]}]})j");
  Extractor ex(&rs);
  SegmentedDocument sd;
  Segment body;
  body.index = 0;
  body.text.Append("It cost 40. Then 50.", 100);
  body.sentences = {{0, 11}, {12, 20}};
  Segment chrome;
  chrome.index = 1;
  chrome.text.Append("Read 3 more", 300);
  chrome.boilerplate = true;
  Segment table;
  table.index = 2;
  table.text.Append("Rate | 7", 400);
  sd.segments = {body, chrome, table};
  auto ms = ex.FindMentions(sd, ReferenceDate{});
  ASSERT_EQ(ms.size(), 3u);
  EXPECT_EQ(ms[0].text, "40");
  EXPECT_EQ(ms[0].span, (Span{108, 110}));
  EXPECT_EQ(ms[0].sentence, 0);
  EXPECT_EQ(ms[1].text, "50");
  EXPECT_EQ(ms[1].sentence, 1);
  EXPECT_EQ(ms[1].local_begin, 17u);
  EXPECT_EQ(ms[2].segment, 2);
  EXPECT_EQ(ms[2].span, (Span{407, 408}));
}

// A document of body segments, one sentence per ". "-separated piece.
SegmentedDocument Doc(const std::vector<std::string>& paragraphs) {
  SegmentedDocument sd;
  uint32_t offset = 0;
  for (const std::string& p : paragraphs) {
    Segment seg;
    seg.index = static_cast<int>(sd.segments.size());
    seg.text.Append(p, offset);
    uint32_t begin = 0;
    for (size_t dot = p.find(". "); begin < p.size();
         dot = p.find(". ", begin)) {
      uint32_t end = dot == std::string::npos ? p.size() : dot + 1;
      seg.sentences.push_back({begin, end});
      begin = dot == std::string::npos ? p.size() : dot + 2;
    }
    sd.segments.push_back(std::move(seg));
    offset += static_cast<uint32_t>(p.size()) + 2;
  }
  return sd;
}

std::vector<std::string> Describe(const std::vector<Mention>& ms) {
  std::vector<std::string> out;
  for (const Mention& m : ms) {
    out.push_back(
        absl::StrCat(m.rule_id, "@", m.span.begin, "-", m.span.end, ":", m.text,
                     "=", m.date ? std::string(m.date->iso) : std::string(),
                     m.segment, "/", m.sentence));
  }
  return out;
}

TEST(ExtractorBatch, MatchingManyDocumentsEqualsOneAtATime) {
  std::vector<RuleProblem> problems;
  RuleSet rs =
      RuleSet::LoadDirs({CROSSCHECK_SOURCE_DIR "/rules"}, {}, &problems);
  Extractor ex(&rs);
  const std::vector<SegmentedDocument> docs = {
      Doc({"About 4,800 dockworkers walked out on Monday. Talks resume "
           "next week.",
           "The union wants a 12% raise over two years, up from 9 percent."}),
      Doc({"No figures here at all."}),
      Doc({"The quake killed 1,480 people. Two days later, on March 6, the "
           "toll rose to about 1,500.",
           "Relief costs reached $3.5 billion, or 2% of GDP, by 2027. It is "
           "the third-largest disaster."}),
      Doc({}),
      Doc({"Shares fell 3 points; the vote is scheduled for Q3 2024."})};
  std::vector<const SegmentedDocument*> all;
  for (const SegmentedDocument& d : docs) all.push_back(&d);
  std::vector<DocumentHits> hits = ex.MatchDocuments(all);
  ASSERT_EQ(hits.size(), docs.size());
  ReferenceDate ref;
  ref.day = absl::CivilDay(2026, 3, 4);
  size_t total = 0;
  for (size_t i = 0; i < docs.size(); ++i) {
    std::vector<Mention> alone = ex.FindMentions(docs[i], ref);
    total += alone.size();
    // The hits do not depend on the date: the same hits give the mentions
    // for either date.
    EXPECT_EQ(Describe(ex.MentionsFrom(docs[i], hits[i], ReferenceDate{})),
              Describe(ex.FindMentions(docs[i], ReferenceDate{})))
        << "document " << i;
    EXPECT_EQ(Describe(ex.MentionsFrom(docs[i], std::move(hits[i]), ref)),
              Describe(alone))
        << "document " << i;
  }
  EXPECT_GE(total, 15u);  // the batch found the figures, not nothing
  EXPECT_TRUE(ex.MatchDocuments({}).empty());
}

TEST(ExtractorInput, UntrustedTextNeverCrashes) {
  std::vector<RuleProblem> problems;
  RuleSet rs =
      RuleSet::LoadDirs({CROSSCHECK_SOURCE_DIR "/rules"}, {}, &problems);
  Extractor ex(&rs);
  std::string binary;
  for (int i = 0; i < 4096; ++i) binary.push_back(static_cast<char>(i * 37));
  std::string huge;
  for (int i = 0; i < 20000; ++i) huge += "about 1,500 soldiers and $3bn; ";
  std::string digits(100000, '9');
  const std::string inputs[] = {"",
                                "\xff\xfe\xfd 12 \xc3",
                                std::string("7\0 8", 4),
                                binary,
                                digits,
                                "$$$$$$",
                                "1,,,,2",
                                "%%%",
                                "between and",
                                "from to 5 percent"};
  for (const std::string& s : inputs) {
    ex.FindMentionsInText(s, ReferenceDate{});
    ex.Match(s);
  }
  auto ms = ex.FindMentionsInText(huge, ReferenceDate{});
  EXPECT_GE(ms.size(), 40000u);
  // A null rule set extracts nothing.
  Extractor none(nullptr);
  EXPECT_TRUE(none.Match("12").empty());
}

TEST(ExtractorInput, PrefilterSkipsTextWithNoHits) {
  std::vector<RuleProblem> problems;
  RuleSet rs =
      RuleSet::LoadDirs({CROSSCHECK_SOURCE_DIR "/rules"}, {}, &problems);
  Extractor ex(&rs);
  EXPECT_TRUE(ex.Match("nothing to see in this quiet sentence").empty());
}

}  // namespace
}  // namespace crosscheck::extract
