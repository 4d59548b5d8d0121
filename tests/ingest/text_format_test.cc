// txt and md: one kLine block per physical line, titles, front matter.
#include <string>
#include <vector>

#include "checker/ingest/ingest.h"
#include "gtest/gtest.h"
#include "tests/ingest/test_util.h"

namespace crosscheck::ingest {
namespace {

std::vector<Document> Parse(const std::string& path, absl::string_view bytes,
                            std::vector<Diagnostic>* diags,
                            IngestOptions options = {}) {
  return ParseDocuments(path, bytes, "", options, diags);
}

TEST(TextFormatTest, OneBlockPerLineIncludingBlankLines) {
  std::vector<Diagnostic> diags;
  auto docs = Parse("dir/story.txt",
                    "First line\r\n\r\nThird \xE2\x80\x94 line\n", &diags);
  ASSERT_EQ(docs.size(), 1u);
  const Document& d = docs[0];
  EXPECT_EQ(d.id, "story");
  EXPECT_EQ(d.path, "dir/story.txt");
  EXPECT_EQ(d.format, "txt");
  ASSERT_EQ(d.blocks.size(), 3u);
  EXPECT_EQ(d.blocks[0].text.text(), "First line");
  EXPECT_EQ(d.blocks[1].text.text(), "");
  EXPECT_EQ(d.blocks[2].text.text(), "Third - line");
  for (const Block& b : d.blocks) EXPECT_EQ(b.kind, BlockKind::kLine);
  // "line" in block 2 points at its bytes and line 3 of the file.
  const Span s = d.blocks[2].text.OriginalSpan(8, 12);
  EXPECT_EQ(d.Quote(s), "line");
  EXPECT_EQ(d.original_index.PositionOf(s.begin), (Position{3, 11}));
  EXPECT_TRUE(diags.empty());
}

TEST(TextFormatTest, Titles) {
  struct {
    const char* name;
    std::string path;
    std::string bytes;
    std::string title;
  } cases[] = {
      {"short first line", "a.txt", "Port Reopens After Storm\nBody text.\n",
       "Port Reopens After Storm"},
      {"sentence is no title", "a.txt", "The port reopened today.\nMore.\n",
       ""},
      {"long line is no title", "a.txt", std::string(250, 'x') + "\n", ""},
      {"markdown heading", "a.md", "Intro text.\n\n# The Real Title\n",
       "The Real Title"},
      {"front matter", "a.md",
       "---\ntitle: \"Front Title\"\ndate: 2025-03-05\n---\n# Other\n",
       "Front Title"},
      {"dateline first line", "a.txt", "Published: 2025-03-05\nText.\n", ""},
      {"skips blank lines", "a.txt", "\n\n  Quiet Harbour  \nText.\n",
       "Quiet Harbour"},
  };
  for (const auto& c : cases) {
    std::vector<Diagnostic> diags;
    auto docs = Parse(c.path, c.bytes, &diags);
    ASSERT_EQ(docs.size(), 1u) << c.name;
    EXPECT_EQ(docs[0].title, c.title) << c.name;
  }
}

TEST(TextFormatTest, FrontMatterMetadataAndHints) {
  std::vector<Diagnostic> diags;
  auto docs = Parse("a.md",
                    "---\ntitle: T\nauthor: Ann Lee\nsource: Daily Test\n"
                    "date: 2025-03-05\n---\nBody.\n",
                    &diags);
  ASSERT_EQ(docs.size(), 1u);
  const Document& d = docs[0];
  EXPECT_EQ(d.format, "md");
  EXPECT_EQ(d.byline, "Ann Lee");
  EXPECT_EQ(d.source, "Daily Test");
  EXPECT_EQ(d.reference_date.day, absl::CivilDay(2025, 3, 5));
  EXPECT_EQ(d.reference_date.provenance, "metadata:date");
  ASSERT_EQ(d.blocks.size(), 7u);
  EXPECT_EQ(d.blocks[0].container_hint, "front-matter");
  EXPECT_EQ(d.blocks[5].container_hint, "front-matter");
  EXPECT_EQ(d.blocks[6].container_hint, "");
}

TEST(TextFormatTest, DatelineReferenceDate) {
  std::vector<Diagnostic> diags;
  auto docs =
      Parse("a.txt", "Harbour Plans\nBy Ann Lee | 4 March 2025\n\nBody text.\n",
            &diags);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].reference_date.day, absl::CivilDay(2025, 3, 4));
  EXPECT_EQ(docs[0].reference_date.provenance, "dateline");
  EXPECT_EQ(docs[0].reference_date.evidence, "4 March 2025");
}

TEST(TextFormatTest, LineTooLongIsCutAndDiagnosed) {
  IngestOptions options;
  options.max_line_bytes = 10;
  std::vector<Diagnostic> diags;
  // The cut falls inside "é": it backs off to a character boundary.
  auto docs =
      Parse("a.txt", "ok\n123456789\xC3\xA9xyz\nend\n", &diags, options);
  ASSERT_EQ(docs.size(), 1u);
  ASSERT_EQ(docs[0].blocks.size(), 3u);
  EXPECT_EQ(docs[0].blocks[1].text.text(), "123456789");
  EXPECT_EQ(docs[0].blocks[2].text.text(), "end");
  auto cut = testing::WithCode(diags, "ingest.line-too-long");
  ASSERT_EQ(cut.size(), 1u);
  EXPECT_EQ(cut[0].path, "a.txt");
  EXPECT_EQ(cut[0].line, 2);
  EXPECT_EQ(cut[0].severity, Severity::kWarning);
}

TEST(TextFormatTest, LoneCarriageReturns) {
  std::vector<Diagnostic> diags;
  auto docs = Parse("a.txt", "one\rtwo\rthree", &diags);
  ASSERT_EQ(docs.size(), 1u);
  ASSERT_EQ(docs[0].blocks.size(), 3u);
  EXPECT_EQ(docs[0].blocks[2].text.text(), "three");
  EXPECT_EQ(docs[0].Quote(docs[0].blocks[2].text.OriginalSpan(0, 5)), "three");
}

TEST(TextFormatTest, UnknownExtensionSniffed) {
  std::vector<Diagnostic> diags;
  auto html = Parse("page.xyz", "<!DOCTYPE html><p>Hi there</p>", &diags);
  ASSERT_EQ(html.size(), 1u);
  EXPECT_EQ(html[0].format, "html");
  auto txt = Parse("notes", "Just words.\n", &diags);
  ASSERT_EQ(txt.size(), 1u);
  EXPECT_EQ(txt[0].format, "txt");
  EXPECT_EQ(txt[0].id, "notes");
}

}  // namespace
}  // namespace crosscheck::ingest
