#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "re2/re2.h"
#include "reports/report.h"
#include "reports/sha256.h"
#include "tests/reports/sample_result.h"

namespace crosscheck::reports {
namespace {

using testing::SampleResult;

size_t Count(absl::string_view haystack, absl::string_view needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != absl::string_view::npos;
       at = haystack.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

TEST(Sha256Test, KnownVectors) {
  struct {
    std::string in;
    const char* hex;
  } cases[] = {
      {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {"abc",
       "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
      {std::string(1000, 'a'),
       "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"},
  };
  for (const auto& tc : cases) {
    EXPECT_EQ(absl::BytesToHexString(Sha256(tc.in)), tc.hex) << tc.in.size();
  }
}

TEST(HtmlReportTest, StructureAndAnchors) {
  CheckResult r = SampleResult();
  std::string html = RenderHtml(r, RenderOptions());
  EXPECT_TRUE(absl::StartsWith(html, "<!DOCTYPE html>"));
  EXPECT_EQ(Count(html, "<article class=\"finding"), r.findings.size());
  for (const Finding& f : r.findings) {
    EXPECT_TRUE(absl::StrContains(html, "id=\"f-" + f.fingerprint + "\""))
        << f.fingerprint;
  }
  // Every in-page link resolves to an element id.
  re2::StringPiece in(html);
  std::string target;
  int links = 0;
  while (RE2::FindAndConsume(&in, R"re(href="#([^"]+)")re", &target)) {
    ++links;
    EXPECT_TRUE(absl::StrContains(html, "id=\"" + target + "\"")) << target;
  }
  EXPECT_GT(links, 10);
  // Filters and data attributes.
  EXPECT_TRUE(absl::StrContains(html, "data-kind=\"conflict\""));
  EXPECT_TRUE(absl::StrContains(html, "data-severity=\"error\""));
  EXPECT_TRUE(absl::StrContains(html, "data-sources=\"alpha beta\""));
  EXPECT_TRUE(
      absl::StrContains(html, "data-filter=\"kind\" value=\"agreement\""));
  // Matrix cells carry a class and a text marker.
  EXPECT_TRUE(absl::StrContains(html, "class=\"cell conflict\""));
  EXPECT_TRUE(absl::StrContains(html, "class=\"cell agreement\""));
  EXPECT_TRUE(absl::StrContains(html, "class=\"cell superseded\""));
  EXPECT_TRUE(absl::StrContains(html, "conflict</span>"));
  // Quotes highlighted in their sentences, with path:line:col.
  EXPECT_TRUE(absl::StrContains(html, "at <mark>25 percent</mark> on Monday"));
  EXPECT_TRUE(absl::StrContains(html, "corpus/alpha.txt:2:41"));
  // Boilerplate is greyed and labelled; badges for AI and syndication.
  EXPECT_TRUE(absl::StrContains(html, " boilerplate\">"));
  EXPECT_TRUE(absl::StrContains(html, "boilerplate: boilerplate.related"));
  EXPECT_TRUE(absl::StrContains(html, "badge ai"));
  EXPECT_TRUE(absl::StrContains(html, "badge syndicated"));
  EXPECT_TRUE(absl::StrContains(html, "@media print"));
  EXPECT_TRUE(absl::StrContains(html, "metadata:published"));
}

// The claim matrix is built in batches of rows (one pass over the findings
// each) for spilled results; any batch size must give the same page.
TEST(HtmlReportTest, MatrixBatchesDoNotChangeThePage) {
  for (bool hostile : {false, true}) {
    CheckResult r = SampleResult(hostile);
    // A second finding citing a cell already shown (same value and quote)
    // with a more important kind: the cell must link to it in every batch.
    Finding f = r.findings[3];  // agreement on the docking fee
    f.kind = "conflict";
    f.fingerprint = "c0ffee05";
    r.findings.push_back(f);
    std::string whole = RenderHtml(r, RenderOptions());
    EXPECT_EQ(Count(whole, "<tr><th scope=\"row\">"), hostile ? 4 : 3);
    EXPECT_TRUE(absl::StrContains(whole, "href=\"#f-c0ffee05\""));
    for (uint64_t batch : {1, 100, 200, 400}) {
      RenderOptions options;
      options.matrix_batch_bytes = batch;
      EXPECT_EQ(RenderHtml(r, options), whole) << hostile << " " << batch;
    }
  }
}

TEST(HtmlReportTest, SelfContained) {
  std::string html = RenderHtml(SampleResult(), RenderOptions());
  // No external resources: the only URLs are the documents' own links.
  EXPECT_FALSE(absl::StrContains(html, "src=\""));
  EXPECT_FALSE(absl::StrContains(html, "<link"));
  EXPECT_FALSE(absl::StrContains(html, "@import"));
  EXPECT_EQ(Count(html, "<script"), 1u);
  EXPECT_EQ(Count(html, "<style"), 1u);
}

TEST(HtmlReportTest, CspHashesMatchInlineScriptAndStyle) {
  std::string html = RenderHtml(SampleResult(), RenderOptions());
  std::string script_hash, style_hash;
  ASSERT_TRUE(RE2::PartialMatch(html, R"re(script-src 'sha256-([^']+)')re",
                                &script_hash));
  ASSERT_TRUE(RE2::PartialMatch(html, R"re(style-src 'sha256-([^']+)')re",
                                &style_hash));
  size_t sb = html.find("<script>") + 8;
  size_t se = html.find("</script>", sb);
  size_t cb = html.find("<style>") + 7;
  size_t ce = html.find("</style>", cb);
  EXPECT_EQ(absl::Base64Escape(Sha256(html.substr(sb, se - sb))), script_hash);
  EXPECT_EQ(absl::Base64Escape(Sha256(html.substr(cb, ce - cb))), style_hash);
}

TEST(HtmlReportTest, EscapesHostileText) {
  CheckResult r = SampleResult(/*hostile=*/true);
  std::string html = RenderHtml(r, RenderOptions());
  const char* forbidden[] = {
      testing::kScriptTag,  testing::kAttrBreak, "<img",
      "href=\"javascript:", "onerror=alert(1)>", "<script>alert",
  };
  for (const char* f : forbidden) {
    EXPECT_FALSE(absl::StrContains(html, f)) << f;
  }
  EXPECT_EQ(Count(html, "<script"), 1u);
  // Shown as text instead.
  EXPECT_TRUE(absl::StrContains(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_TRUE(absl::StrContains(html, "&quot;&gt;&lt;img src=x"));
  EXPECT_TRUE(absl::StrContains(html, "javascript:alert(1)"));
}

TEST(HtmlReportTest, OnlyWebUrlsBecomeLinks) {
  struct {
    const char* url;
    bool link;
  } cases[] = {
      {"https://news.example/a", true}, {"HTTP://news.example/b", true},
      {"javascript:alert(1)", false},   {" javascript:alert(1)", false},
      {"data:text/html,x", false},      {"vbscript:x", false},
      {"//evil.example/x", false},      {"https://a.example/\nx", false},
  };
  for (const auto& tc : cases) {
    CheckResult r = SampleResult();
    r.documents[0].doc.url = tc.url;
    std::string html = RenderHtml(r, RenderOptions());
    bool linked = absl::StrContains(html, "rel=\"noopener noreferrer\">Port");
    EXPECT_EQ(linked, tc.link) << tc.url;
  }
}

TEST(HtmlReportTest, InvalidUtf8IsReplaced) {
  CheckResult r = SampleResult();
  r.findings[0].message = std::string("bad \xff\xc3( \xed\xa0\x80 end");
  std::string html = RenderHtml(r, RenderOptions());
  EXPECT_TRUE(absl::StrContains(html, "bad \xEF\xBF\xBD"));
  EXPECT_FALSE(absl::StrContains(html, "\xff"));
}

TEST(HtmlReportTest, IdsStayUniqueAndSafe) {
  CheckResult r = SampleResult();
  r.findings[1].fingerprint = r.findings[0].fingerprint;
  r.findings[2].fingerprint = "a b\"<c>";
  r.findings[3].fingerprint = "";
  std::string html = RenderHtml(r, RenderOptions());
  EXPECT_TRUE(absl::StrContains(html, "id=\"f-c0ffee01\""));
  EXPECT_TRUE(absl::StrContains(html, "id=\"f-c0ffee01-2\""));
  EXPECT_TRUE(absl::StrContains(html, "id=\"f-a_20b_22_3cc_3e\""));
  EXPECT_TRUE(absl::StrContains(html, "id=\"f-n3\""));
}

// An id made unique by a suffix can equal another finding's own id; each
// id is still given once, the later finding taking the next free suffix.
TEST(HtmlReportTest, SuffixedIdsDoNotCollideWithFingerprints) {
  CheckResult r = SampleResult();
  ASSERT_GE(r.findings.size(), 4u);
  r.findings[0].fingerprint = "x";
  r.findings[1].fingerprint = "x";
  r.findings[2].fingerprint = "x-2";
  r.findings[3].fingerprint = "x";
  std::string html = RenderHtml(r, RenderOptions());
  for (const char* id : {"f-x", "f-x-2", "f-x-2-2", "f-x-3"}) {
    EXPECT_EQ(Count(html, absl::StrCat("id=\"", id, "\"")), 1u) << id;
    // The finding's own anchor link uses the same id.
    EXPECT_GE(Count(html, absl::StrCat("href=\"#", id, "\"")), 1u) << id;
  }
}

TEST(HtmlReportTest, WritesBrowserFixtures) {
  // The browser test (tests/browser) opens these when no CLI is wired:
  // CROSSCHECK_REPORT_DIR=/tmp/crosscheck-browser/sample (or .../xss).
  namespace fs = std::filesystem;
  fs::path base = "/tmp/crosscheck-browser";
  for (bool hostile : {false, true}) {
    fs::path dir = base / (hostile ? "xss" : "sample");
    fs::create_directories(dir);
    CheckResult r = SampleResult(hostile);
    RenderOptions o;
    ASSERT_TRUE(WriteFileAtomically((dir / "crosscheck.html").string(),
                                    RenderHtml(r, o))
                    .ok());
    ASSERT_TRUE(WriteFileAtomically((dir / "crosscheck.json").string(),
                                    RenderJson(r, o))
                    .ok());
  }
}

TEST(MarkdownReportTest, CountsAndGroups) {
  CheckResult r = SampleResult();
  std::string md = RenderMarkdown(r, RenderOptions());
  EXPECT_TRUE(absl::StartsWith(md, "## crosscheck: 5 findings in 3 documents"));
  EXPECT_TRUE(absl::StrContains(md, "| findings | 1 | 1 | 3 |"));
  EXPECT_TRUE(absl::StrContains(md, "| not suppressed | 1 | 0 | 3 |"));
  EXPECT_TRUE(absl::StrContains(md, "| conflict | 1 |"));
  size_t errors = md.find("### Errors (1)");
  size_t warnings = md.find("### Warnings (1)");
  size_t info = md.find("### Information (3)");
  ASSERT_NE(errors, std::string::npos);
  ASSERT_NE(warnings, std::string::npos);
  ASSERT_NE(info, std::string::npos);
  EXPECT_LT(errors, warnings);
  EXPECT_LT(warnings, info);
  EXPECT_TRUE(absl::StrContains(md,
                                "corpus/alpha.txt:2:41 (Alpha Wire): "
                                "\"25 percent\""));
  EXPECT_TRUE(absl::StrContains(md, "### Input problems (1)"));
}

TEST(MarkdownReportTest, EscapesMarkup) {
  CheckResult r = SampleResult(/*hostile=*/true);
  r.findings[0].message = "a | b `code` <b>x</b> [link](javascript:y) *s*";
  std::string md = RenderMarkdown(r, RenderOptions());
  EXPECT_FALSE(absl::StrContains(md, "<script"));
  EXPECT_FALSE(absl::StrContains(md, "<img"));
  EXPECT_FALSE(absl::StrContains(md, "<b>"));
  EXPECT_TRUE(absl::StrContains(
      md,
      "a \\| b \\`code\\` &lt;b&gt;x&lt;/b&gt; \\[link\\]\\(javascript:y\\) "
      "\\*s\\*"));
  // Each finding stays on its own line: newlines in text are flattened.
  r.findings[0].message = "one\n## forged heading";
  md = RenderMarkdown(r, RenderOptions());
  EXPECT_FALSE(absl::StrContains(md, "\n## forged"));
}

TEST(MarkdownReportTest, LongListsAreCapped) {
  CheckResult r;
  for (int i = 0; i < 120; ++i) {
    Finding f;
    f.rule_id = "judge.conflict";
    f.kind = "conflict";
    f.severity = Severity::kError;
    f.message = absl::StrCat("finding ", i);
    r.findings.push_back(f);
  }
  std::string md = RenderMarkdown(r, RenderOptions());
  EXPECT_TRUE(absl::StrContains(md, "finding 49"));
  EXPECT_FALSE(absl::StrContains(md, "finding 50 "));
  EXPECT_TRUE(absl::StrContains(md, "and 70 more"));
}

}  // namespace
}  // namespace crosscheck::reports
