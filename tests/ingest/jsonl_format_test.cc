// JSON Lines: one record per line; bad lines diagnosed, others still read.
#include <string>
#include <vector>

#include "checker/ingest/ingest.h"
#include "gtest/gtest.h"
#include "tests/ingest/test_util.h"

namespace crosscheck::ingest {
namespace {

std::vector<Document> Parse(absl::string_view bytes,
                            std::vector<Diagnostic>* diags) {
  return ParseDocuments("feed.jsonl", bytes, "", IngestOptions{}, diags);
}

TEST(JsonlFormatTest, FieldsAndExtra) {
  std::vector<Diagnostic> diags;
  auto docs = Parse(
      R"({"id":"a1","title":"Pier vote","source":"Harbour Post","url":"https://x.test/a1","published":"2025-03-05T10:00:00Z","author":["Ann Lee","Bo Kim"],"body":"First line.\nSecond line.","zeta":1,"alpha":{"k":true}})"
      "\n",
      &diags);
  ASSERT_EQ(docs.size(), 1u) << testing::Codes(diags);
  const Document& d = docs[0];
  EXPECT_EQ(d.id, "a1");
  EXPECT_EQ(d.format, "jsonl");
  EXPECT_EQ(d.record_line, 1);
  EXPECT_EQ(d.title, "Pier vote");
  EXPECT_EQ(d.source, "Harbour Post");
  EXPECT_EQ(d.url, "https://x.test/a1");
  EXPECT_EQ(d.byline, "Ann Lee, Bo Kim");
  EXPECT_EQ(d.reference_date.day, absl::CivilDay(2025, 3, 5));
  EXPECT_EQ(d.reference_date.provenance, "metadata:published");
  EXPECT_EQ(d.original, "First line.\nSecond line.");
  ASSERT_EQ(d.blocks.size(), 2u);
  EXPECT_EQ(d.blocks[1].kind, BlockKind::kLine);
  EXPECT_EQ(d.Quote(d.blocks[1].text.OriginalSpan(0, 6)), "Second");
  EXPECT_EQ(d.extra_json, R"({"alpha":{"k":true},"zeta":1})");
  EXPECT_TRUE(diags.empty()) << testing::Codes(diags);
}

TEST(JsonlFormatTest, AlternativeFieldNames) {
  std::vector<Diagnostic> diags;
  auto docs = Parse(
      R"({"id":7,"text":"Body A","date":"March 4, 2025","byline":"C. Day"})"
      "\n"
      R"({"content":"Body B","published_at":"2025-01-02"})"
      "\n",
      &diags);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].id, "7");
  EXPECT_EQ(docs[0].byline, "C. Day");
  EXPECT_EQ(docs[0].reference_date.day, absl::CivilDay(2025, 3, 4));
  EXPECT_EQ(docs[1].id, "feed:2");  // missing id: <stem>:<line>
  EXPECT_EQ(docs[1].reference_date.provenance, "metadata:published_at");
}

TEST(JsonlFormatTest, MalformedLineDiagnosedOthersRead) {
  std::vector<Diagnostic> diags;
  auto docs = Parse(R"({"id":"a","body":"One."})"
                    "\n"
                    R"({"id":"b","body": oops})"
                    "\n\n"
                    R"([1,2])"
                    "\n"
                    R"({"id":"c","body":"Three."})"
                    "\n",
                    &diags);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].id, "a");
  EXPECT_EQ(docs[1].id, "c");
  EXPECT_EQ(docs[1].record_line, 5);
  auto bad = testing::WithCode(diags, "ingest.jsonl-malformed");
  ASSERT_EQ(bad.size(), 2u);
  EXPECT_EQ(bad[0].path, "feed.jsonl");
  EXPECT_EQ(bad[0].line, 2);
  EXPECT_GT(bad[0].column, 1);
  EXPECT_EQ(bad[0].severity, Severity::kError);
  EXPECT_NE(bad[0].message.find("parse error"), std::string::npos)
      << bad[0].message;
  EXPECT_EQ(bad[1].line, 4);
}

TEST(JsonlFormatTest, TruncatedLastLine) {
  std::vector<Diagnostic> diags;
  auto docs = Parse(R"({"id":"a","body":"Whole."})"
                    "\n"
                    R"({"id":"b","body":"Cut off mid)",
                    &diags);
  ASSERT_EQ(docs.size(), 1u);
  auto bad = testing::WithCode(diags, "ingest.jsonl-malformed");
  ASSERT_EQ(bad.size(), 1u);
  EXPECT_EQ(bad[0].line, 2);
  EXPECT_NE(bad[0].message.find("truncated"), std::string::npos);
}

TEST(JsonlFormatTest, MissingBodyAndDuplicateId) {
  std::vector<Diagnostic> diags;
  auto docs = Parse(R"({"id":"a","body":"One."})"
                    "\n"
                    R"({"id":"b","title":"no body"})"
                    "\n"
                    R"({"id":"a","body":"Again."})"
                    "\n"
                    R"({"id":"d","body":42})"
                    "\n",
                    &diags);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[1].id, "a~3");
  auto missing = testing::WithCode(diags, "ingest.jsonl-missing-body");
  ASSERT_EQ(missing.size(), 2u);
  EXPECT_EQ(missing[0].line, 2);
  EXPECT_EQ(missing[1].line, 4);
  auto dup = testing::WithCode(diags, "ingest.jsonl-duplicate-id");
  ASSERT_EQ(dup.size(), 1u);
  EXPECT_EQ(dup[0].line, 3);
  EXPECT_EQ(dup[0].severity, Severity::kWarning);
}

TEST(JsonlFormatTest, HtmlBody) {
  std::vector<Diagnostic> diags;
  auto docs = Parse(R"({"id":"h","body":"<h2>Sub</h2><p>It&rsquo;s here.</p>"})"
                    "\n",
                    &diags);
  ASSERT_EQ(docs.size(), 1u);
  const Document& d = docs[0];
  ASSERT_EQ(d.blocks.size(), 2u);
  EXPECT_EQ(d.blocks[0].kind, BlockKind::kHeading);
  EXPECT_EQ(d.blocks[1].text.text(), "It's here.");
  EXPECT_EQ(d.Quote(d.blocks[1].text.OriginalSpan(2, 3)), "&rsquo;");
  EXPECT_EQ(d.title, "Sub");
}

TEST(JsonlFormatTest, EscapedBodyOffsetsIntoDecodedBody) {
  std::vector<Diagnostic> diags;
  auto docs = Parse(R"({"body":"caf\u00e9 \"quoted\"\r\nnext"})", &diags);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].original, "caf\xC3\xA9 \"quoted\"\r\nnext");
  ASSERT_EQ(docs[0].blocks.size(), 2u);
  EXPECT_EQ(docs[0].Quote(docs[0].blocks[1].text.OriginalSpan(0, 4)), "next");
}

}  // namespace
}  // namespace crosscheck::ingest
