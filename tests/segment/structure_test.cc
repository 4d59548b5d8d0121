#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "checker/segment/segment.h"
#include "gtest/gtest.h"
#include "tests/segment/test_util.h"

namespace crosscheck::segment {
namespace {

using testing::MakeTextDoc;
using testing::ShippedRules;

struct Want {
  SegmentKind kind;
  std::string text;
};

std::vector<Want> Shape(const SegmentedDocument& sd) {
  std::vector<Want> out;
  for (const Segment& s : sd.segments) out.push_back({s.kind, s.text.text()});
  return out;
}

std::string Describe(const std::vector<Want>& ws) {
  std::string out;
  for (const Want& w : ws) {
    absl::StrAppend(&out, SegmentKindName(w.kind), ": ", w.text, "\n");
  }
  return out;
}

constexpr SegmentKind kT = SegmentKind::kTitle;
constexpr SegmentKind kH = SegmentKind::kHeading;
constexpr SegmentKind kP = SegmentKind::kParagraph;
constexpr SegmentKind kL = SegmentKind::kListItem;
constexpr SegmentKind kR = SegmentKind::kTableRow;

TEST(SegmentDocument, TextStructureTable) {
  struct {
    const char* name;
    const char* text;
    std::vector<Want> want;
  } cases[] = {
      {"blank lines separate paragraphs",
       "The council met on Monday to debate the harbour budget.\n\n"
       "It adjourned without a vote after four hours of talks.\n",
       {{kP, "The council met on Monday to debate the harbour budget."},
        {kP, "It adjourned without a vote after four hours of talks."}}},
      {"one paragraph per line",
       "The council met on Monday to debate the harbour budget.\n"
       "It adjourned without a vote after four hours of talks.\n",
       {{kP, "The council met on Monday to debate the harbour budget."},
        {kP, "It adjourned without a vote after four hours of talks."}}},
      {"mid-sentence break joined",
       "The council met on Monday to debate the\n"
       "harbour budget and adjourned.\n",
       {{kP,
         "The council met on Monday to debate the harbour budget and "
         "adjourned."}}},
      {"hard-wrapped document joined",
       "Officials in the port city said on Tuesday that the new crane\n"
       "contract, worth about 40 million euros, would be signed before\n"
       "Parliament returns. Unions welcomed the news but asked for more\n"
       "Detail on jobs at the container terminal.\n"
       "\n"
       "A second tender for dredging the outer channel is expected to\n"
       "open in the spring, according to a person close to the matter.\n",
       {{kP,
         "Officials in the port city said on Tuesday that the new crane "
         "contract, worth about 40 million euros, would be signed before "
         "Parliament returns. Unions welcomed the news but asked for more "
         "Detail on jobs at the container terminal."},
        {kP,
         "A second tender for dredging the outer channel is expected to "
         "open in the spring, according to a person close to the "
         "matter."}}},
      {"one-sentence lines of a filled width stay apart",
       "The first short paragraph of this note is one sentence long.\n"
       "A second paragraph follows it on the very next line as well.\n"
       "The third line is yet another paragraph of similar length here.\n"
       "And a fourth one closes the note with one more plain sentence.\n",
       {{kP, "The first short paragraph of this note is one sentence long."},
        {kP, "A second paragraph follows it on the very next line as well."},
        {kP,
         "The third line is yet another paragraph of similar length "
         "here."},
        {kP,
         "And a fourth one closes the note with one more plain "
         "sentence."}}},
      {"markdown headings",
       "# Harbour Plans\n\nThe port will expand by 2030, officials said.\n\n"
       "## Costs ##\n\nThe bill is put at 2 billion euros in total.\n",
       {{kT, "Harbour Plans"},
        {kP, "The port will expand by 2030, officials said."},
        {kH, "Costs"},
        {kP, "The bill is put at 2 billion euros in total."}}},
      {"setext headings",
       "Harbour Plans\n=============\n\nThe port will grow, officials "
       "said.\n\nCosts\n-----\nThe bill is put at 2 billion euros.\n",
       {{kT, "Harbour Plans"},
        {kP, "The port will grow, officials said."},
        {kH, "Costs"},
        {kP, "The bill is put at 2 billion euros."}}},
      {"list markers stripped",
       "Measures announced:\n- wider quays\n* deeper berths\n+ new cranes\n"
       "\xE2\x80\xA2 rail link\n1. first phase\n2) second phase\n",
       {{kP, "Measures announced:"},
        {kL, "wider quays"},
        {kL, "deeper berths"},
        {kL, "new cranes"},
        {kL, "rail link"},
        {kL, "first phase"},
        {kL, "second phase"}}},
      {"list item continuation",
       "- a longer item that wraps\n  onto an indented line\n- next\n",
       {{kL, "a longer item that wraps onto an indented line"}, {kL, "next"}}},
      {"markdown table",
       "| Port | Cargo |\n|:---|---:|\n| Rotterdam | 440 Mt |\n"
       "| Hamburg | 114 Mt |\n",
       {{kR, "Port | Cargo"},
        {kR, "Rotterdam | 440 Mt"},
        {kR, "Hamburg | 114 Mt"}}},
      {"capitalised heading in one-per-line text",
       "Port Growth Outlook\nThe port grew 4% last year, its best result "
       "since records began.\nRisks Ahead\nFuel costs may cut margins in "
       "the coming year, analysts said.\n",
       {{kT, "Port Growth Outlook"},
        {kP,
         "The port grew 4% last year, its best result since records "
         "began."},
        {kH, "Risks Ahead"},
        {kP,
         "Fuel costs may cut margins in the coming year, analysts "
         "said."}}},
      {"sentence-case heading standing alone",
       "The port grew 4% last year, its best result since records began, "
       "the authority said.\n\nWhat comes next\n\nFuel costs may cut "
       "margins.\n",
       {{kP,
         "The port grew 4% last year, its best result since records "
         "began, the authority said."},
        {kH, "What comes next"},
        {kP, "Fuel costs may cut margins."}}},
      {"not headings: colon, sentence case in a run, last line",
       "The port grew 4% last year, its best result since records began, "
       "the authority said.\nKey points include:\nsome lower-case line\n"
       "Final Words Here\n",
       {{kP,
         "The port grew 4% last year, its best result since records "
         "began, the authority said."},
        {kP, "Key points include:"},
        {kP, "some lower-case line"},
        {kP, "Final Words Here"}}},
      {"leading and trailing blank lines",
       "\n\n\n   \nOnly one paragraph here, it says.\n\n\n\n",
       {{kP, "Only one paragraph here, it says."}}},
  };
  for (const auto& c : cases) {
    Document doc = MakeTextDoc(c.text);
    SegmentedDocument sd = SegmentDocument(doc, ShippedRules());
    std::vector<Want> got = Shape(sd);
    EXPECT_EQ(Describe(got), Describe(c.want)) << c.name;
  }
}

TEST(SegmentDocument, SpansPointIntoTheOriginal) {
  const std::string text =
      "Harbour Plans\n\nThe council met to debate the\nharbour budget.\n\n"
      "| Port | Cargo |\n|---|---|\n| Rotterdam | 440 Mt |\n";
  Document doc = MakeTextDoc(text);
  SegmentedDocument sd = SegmentDocument(doc, ShippedRules());
  ASSERT_EQ(sd.segments.size(), 4u);
  const Segment& para = sd.segments[1];
  EXPECT_EQ(para.text.text(), "The council met to debate the harbour budget.");
  Span whole = para.text.OriginalSpan(0, para.text.size());
  EXPECT_EQ(doc.Quote(whole), "The council met to debate the\nharbour budget.");
  // The joining space maps to the line break.
  size_t sp = para.text.text().find(" harbour");
  EXPECT_EQ(doc.original[para.text.OriginOf(sp)], '\n');

  const Segment& row = sd.segments[3];
  ASSERT_EQ(row.cells.size(), 2u);
  EXPECT_EQ(row.column_headers, (std::vector<std::string>{"Port", "Cargo"}));
  const Sentence& cargo = row.cells[1];
  EXPECT_EQ(row.text.text().substr(cargo.begin, cargo.end - cargo.begin),
            "440 Mt");
  EXPECT_EQ(doc.Quote(row.text.OriginalSpan(cargo.begin, cargo.end)), "440 Mt");
  EXPECT_TRUE(IsTableHeader(sd.segments[2]));
  EXPECT_FALSE(IsTableHeader(row));
  EXPECT_EQ(row.heading, "Harbour Plans");
}

TEST(SegmentDocument, TableWithoutHeaderAndEscapedPipe) {
  Document doc = MakeTextDoc("| a \\| b | 3 |\n| c | 4 |\n");
  SegmentedDocument sd = SegmentDocument(doc, ShippedRules());
  ASSERT_EQ(sd.segments.size(), 2u);
  const Segment& r = sd.segments[0];
  ASSERT_EQ(r.cells.size(), 2u);
  EXPECT_EQ(
      r.text.text().substr(r.cells[0].begin, r.cells[0].end - r.cells[0].begin),
      "a \\| b");
  EXPECT_EQ(r.column_headers, (std::vector<std::string>{"", ""}));
  EXPECT_FALSE(IsTableHeader(r));
}

Block HtmlBlock(BlockKind kind, const std::string& text, uint32_t origin,
                std::string hint = "") {
  Block b;
  b.kind = kind;
  b.text.Append(text, origin);
  b.container_hint = std::move(hint);
  return b;
}

TEST(SegmentDocument, HtmlBlocksMapDirectly) {
  Document doc;
  doc.format = "html";
  doc.original = std::string(1000, ' ');
  doc.blocks.push_back(HtmlBlock(BlockKind::kTitle, "Port expands", 0));
  doc.blocks.push_back(HtmlBlock(BlockKind::kHeading, "Cargo volumes", 20));
  doc.blocks.push_back(HtmlBlock(BlockKind::kParagraph,
                                 "Volumes rose 4%. Fuel costs fell.", 40));
  doc.blocks.push_back(HtmlBlock(BlockKind::kListItem, "new cranes", 80));
  Block header;
  header.kind = BlockKind::kTableRow;
  header.is_header = true;
  header.cells.push_back(MappedText());
  header.cells.back().Append("Port", 100);
  header.cells.push_back(MappedText());
  header.cells.back().Append(" Cargo ", 110);
  header.text.Append("Port | Cargo", 100);
  doc.blocks.push_back(header);
  Block row;
  row.kind = BlockKind::kTableRow;
  row.cells.push_back(MappedText());
  row.cells.back().Append("Hamburg", 130);
  row.cells.push_back(MappedText());
  row.cells.back().Append("114 Mt", 150);
  row.text.Append("Hamburg | 114 Mt", 130);
  doc.blocks.push_back(row);
  doc.blocks.push_back(HtmlBlock(BlockKind::kParagraph,
                                 "Readers also liked these port stories.", 200,
                                 "related-posts widget"));
  doc.blocks.push_back(
      HtmlBlock(BlockKind::kOther, "A caption under the picture here.", 300));
  SegmentedDocument sd = SegmentDocument(doc, ShippedRules());
  ASSERT_EQ(sd.segments.size(), 8u);
  EXPECT_EQ(sd.segments[0].kind, SegmentKind::kTitle);
  EXPECT_EQ(sd.segments[1].kind, SegmentKind::kHeading);
  EXPECT_EQ(sd.segments[2].kind, SegmentKind::kParagraph);
  EXPECT_EQ(sd.segments[2].sentences.size(), 2u);
  EXPECT_EQ(sd.segments[2].heading, "Cargo volumes");
  EXPECT_EQ(sd.segments[3].kind, SegmentKind::kListItem);
  EXPECT_TRUE(IsTableHeader(sd.segments[4]));
  const Segment& r = sd.segments[5];
  EXPECT_EQ(r.text.text(), "Hamburg | 114 Mt");
  EXPECT_EQ(r.column_headers, (std::vector<std::string>{"Port", "Cargo"}));
  EXPECT_EQ(r.text.OriginOf(r.cells[1].begin), 150u);
  EXPECT_TRUE(sd.segments[6].boilerplate);
  EXPECT_EQ(sd.segments[6].boilerplate_reason, "structure.container");
  EXPECT_FALSE(sd.segments[7].boilerplate);
  EXPECT_EQ(sd.segments[7].kind, SegmentKind::kParagraph);
}

TEST(SegmentDocument, FrontMatterYieldsNoSegments) {
  Document doc = MakeTextDoc("---\ntitle: x\n---\nBody text of the note.\n");
  for (size_t i = 0; i < 3; ++i) doc.blocks[i].container_hint = "front-matter";
  SegmentedDocument sd = SegmentDocument(doc, ShippedRules());
  ASSERT_EQ(sd.segments.size(), 1u);
  EXPECT_EQ(sd.segments[0].text.text(), "Body text of the note.");
}

TEST(SegmentDocument, UntrustedInputNeverCrashes) {
  std::vector<std::string> inputs = {
      "",
      "\n\n\n",
      std::string("\xFF\xFE\xC3\x28\n| \xE2\x82 |\n|---|\n", 17),
      std::string(3000, '|'),
      std::string(5000, '#') + "\n" + std::string(5000, '-'),
      "- \n* \n1. \n|\n||\n| |\n",
  };
  std::string binary;
  for (int i = 0; i < 20000; ++i) binary.push_back(static_cast<char>(i * 131));
  inputs.push_back(binary);
  for (const std::string& in : inputs) {
    Document doc = MakeTextDoc(in);
    SegmentedDocument sd = SegmentDocument(doc, ShippedRules());
    for (const Segment& s : sd.segments) {
      for (const Sentence& st : s.sentences) {
        EXPECT_LE(st.begin, st.end);
        EXPECT_LE(st.end, s.text.size());
      }
      for (const Sentence& c : s.cells) EXPECT_LE(c.end, s.text.size());
    }
  }
}

TEST(SegmentDocument, Deterministic) {
  Document doc = MakeTextDoc(
      "Title Here\nA paragraph of text, long enough to be real body text for "
      "this test.\nRelated\nA teaser line...\nAnother teaser line...\n");
  SegmentedDocument a = SegmentDocument(doc, ShippedRules());
  SegmentedDocument b = SegmentDocument(doc, ShippedRules());
  ASSERT_EQ(a.segments.size(), b.segments.size());
  for (size_t i = 0; i < a.segments.size(); ++i) {
    EXPECT_EQ(a.segments[i].text.text(), b.segments[i].text.text());
    EXPECT_EQ(a.segments[i].boilerplate_reason,
              b.segments[i].boilerplate_reason);
  }
}

}  // namespace
}  // namespace crosscheck::segment
