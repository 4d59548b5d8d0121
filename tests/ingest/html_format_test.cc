// HTML: structure, chrome, metadata and exact offsets.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "checker/ingest/ingest.h"
#include "gtest/gtest.h"
#include "tests/ingest/test_util.h"

namespace crosscheck::ingest {
namespace {

Document ParseHtml(absl::string_view html, std::vector<Diagnostic>* diags) {
  auto docs = ParseDocuments("page.html", html, "", IngestOptions{}, diags);
  EXPECT_EQ(docs.size(), 1u);
  return docs.empty() ? Document{} : std::move(docs[0]);
}

std::vector<std::string> Texts(const Document& d) {
  std::vector<std::string> out;
  for (const Block& b : d.blocks) {
    out.push_back(absl::StrCat(BlockKindName(b.kind), ":", b.text.text()));
  }
  return out;
}

TEST(HtmlFormatTest, BlocksFromStructure) {
  std::vector<Diagnostic> diags;
  Document d = ParseHtml(
      "<html><head><title>Pier Vote</title></head><body>"
      "<h1>Council backs pier</h1>"
      "<p>The vote was 7&ndash;2.<br>Work starts soon.</p>"
      "<ul><li>One<li>Two</ul>"
      "<div>Loose text<div>inner</div>tail</div>"
      "<figure><figcaption>A photo</figcaption></figure>"
      "</body></html>",
      &diags);
  const std::vector<std::string> want = {
      "title:Pier Vote",
      "heading:Council backs pier",
      "paragraph:The vote was 7-2.",
      "paragraph:Work starts soon.",
      "list-item:One",
      "list-item:Two",
      "paragraph:Loose text",
      "paragraph:inner",
      "paragraph:tail",
      "other:A photo",
  };
  EXPECT_EQ(Texts(d), want);
}

TEST(HtmlFormatTest, DropsChromeAndHidden) {
  std::vector<Diagnostic> diags;
  Document d = ParseHtml(
      "<body><header>Site banner</header><nav>Menu</nav>"
      "<script>var a = 1;</script><style>p{}</style>"
      "<article><header><h1>Kept headline</h1></header>"
      "<p>Body.</p><div hidden>gone</div>"
      "<p style=\"display: none\">gone too</p>"
      "<form><button>Go</button></form></article>"
      "<aside>Side</aside><footer>Foot</footer></body>",
      &diags);
  const std::vector<std::string> want = {"heading:Kept headline",
                                         "paragraph:Body."};
  EXPECT_EQ(Texts(d), want);
}

TEST(HtmlFormatTest, ContainerHints) {
  std::vector<Diagnostic> diags;
  Document d = ParseHtml(
      "<div id=\"relatedStories\"><p>Other story</p></div>"
      "<div class=\"social-share box\"><p>Share this</p></div>"
      "<blockquote><p>Quoted</p></blockquote><p>Plain</p>",
      &diags);
  ASSERT_EQ(d.blocks.size(), 4u);
  EXPECT_EQ(d.blocks[0].container_hint, "related");
  EXPECT_EQ(d.blocks[1].container_hint, "social share");
  EXPECT_EQ(d.blocks[2].container_hint, "blockquote");
  EXPECT_EQ(d.blocks[3].container_hint, "");
}

TEST(HtmlFormatTest, TableRows) {
  std::vector<Diagnostic> diags;
  Document d = ParseHtml(
      "<table><thead><tr><th>Area</th><th>Change</th></tr></thead>"
      "<tbody><tr><td>Budget</td><td>Up <b>15%</b></td></tr>"
      "<tr><th>Total</th><th>n/a</th></tr></tbody></table>",
      &diags);
  ASSERT_EQ(d.blocks.size(), 3u);
  EXPECT_EQ(d.blocks[0].kind, BlockKind::kTableRow);
  EXPECT_TRUE(d.blocks[0].is_header);
  EXPECT_FALSE(d.blocks[1].is_header);
  EXPECT_TRUE(d.blocks[2].is_header);  // all th
  ASSERT_EQ(d.blocks[1].cells.size(), 2u);
  EXPECT_EQ(d.blocks[1].cells[1].text(), "Up 15%");
  EXPECT_EQ(d.blocks[1].text.text(), "Budget | Up 15%");
  const Span s = d.blocks[1].cells[1].OriginalSpan(3, 6);
  EXPECT_EQ(d.Quote(s), "15%");
}

TEST(HtmlFormatTest, OffsetsMapThroughEntities) {
  std::vector<Diagnostic> diags;
  const std::string html = "<p>It&rsquo;s  &euro;4.5&nbsp;million</p>";
  Document d = ParseHtml(html, &diags);
  ASSERT_EQ(d.blocks.size(), 1u);
  const MappedText& t = d.blocks[0].text;
  ASSERT_EQ(t.text(),
            "It's \xE2\x82\xAC"
            "4.5 million");
  EXPECT_EQ(d.Quote(t.OriginalSpan(2, 3)), "&rsquo;");
  EXPECT_EQ(d.Quote(t.OriginalSpan(5, 8)), "&euro;");
  EXPECT_EQ(d.Quote(t.OriginalSpan(5, t.size())), "&euro;4.5&nbsp;million");
}

TEST(HtmlFormatTest, Metadata) {
  std::vector<Diagnostic> diags;
  Document d = ParseHtml(
      "<html><head><title>Raw Title | Site</title>"
      "<meta property=\"og:title\" content=\"Clean Title\">"
      "<meta property=\"og:site_name\" content=\"Harbour Post\">"
      "<meta name=\"author\" content=\"Ann Lee\">"
      "<link rel=\"canonical\" href=\"https://example.test/a\">"
      "<meta property=\"article:published_time\" "
      "content=\"2025-03-05T08:00:00Z\">"
      "<script>var d = '2019-01-01';</script>"
      "</head><body><p>Text.</p></body></html>",
      &diags);
  EXPECT_EQ(d.title, "Clean Title");
  EXPECT_EQ(d.source, "Harbour Post");
  EXPECT_EQ(d.byline, "Ann Lee");
  EXPECT_EQ(d.url, "https://example.test/a");
  EXPECT_EQ(d.reference_date.day, absl::CivilDay(2025, 3, 5));
  EXPECT_EQ(d.reference_date.provenance, "metadata:article:published_time");
}

TEST(HtmlFormatTest, DateSources) {
  struct {
    const char* name;
    std::string html;
    std::optional<absl::CivilDay> day;
    const char* provenance;
  } cases[] = {
      {"meta date", "<meta name=\"date\" content=\"2024-11-02\"><p>x</p>",
       absl::CivilDay(2024, 11, 2), "metadata:date"},
      {"itemprop",
       "<meta itemprop=\"datePublished\" content=\"2024-11-03\"><p>x</p>",
       absl::CivilDay(2024, 11, 3), "metadata:datePublished"},
      {"json-ld",
       "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
       "\"datePublished\":\"2024-11-04T10:00:00Z\"}</script><p>x</p>",
       absl::CivilDay(2024, 11, 4), "metadata:datePublished"},
      {"time in article",
       "<time datetime=\"2020-01-01\">old</time><article><p>x</p>"
       "<time datetime=\"2024-11-05\">Nov 5</time></article>",
       absl::CivilDay(2024, 11, 5), "metadata:time"},
      {"bad meta falls back to time",
       "<meta name=\"date\" content=\"soon\"><time datetime=\"2024-11-06\">"
       "</time><p>x</p>",
       absl::CivilDay(2024, 11, 6), "metadata:time"},
      {"dateline in text", "<p>Published: 2024-11-07</p><p>Body.</p>",
       absl::CivilDay(2024, 11, 7), "dateline"},
  };
  for (const auto& c : cases) {
    std::vector<Diagnostic> diags;
    Document d = ParseHtml(c.html, &diags);
    EXPECT_EQ(d.reference_date.day, c.day) << c.name;
    EXPECT_EQ(d.reference_date.provenance, c.provenance) << c.name;
  }
}

TEST(HtmlFormatTest, BadDateDiagnosed) {
  std::vector<Diagnostic> diags;
  Document d = ParseHtml(
      "<meta property=\"article:published_time\" content=\"2025-02-30\">"
      "<p>x</p>",
      &diags);
  EXPECT_FALSE(d.reference_date.day.has_value());
  ASSERT_EQ(testing::WithCode(diags, "ingest.bad-date").size(), 1u);
}

TEST(HtmlFormatTest, UnclosedTags) {
  std::vector<Diagnostic> diags;
  Document d = ParseHtml(
      "<p>First <b>bold <i>both</b> italic</i><p>Second<li>item<table><tr>"
      "<td>cell",
      &diags);
  const std::vector<std::string> want = {"paragraph:First bold both italic",
                                         "paragraph:Second", "list-item:item",
                                         "table-row:cell"};
  EXPECT_EQ(Texts(d), want);
}

TEST(HtmlFormatTest, HundredThousandNestedElements) {
  std::string html = "<p>start</p>";
  for (int i = 0; i < 100000; ++i) html += "<span>";
  html += "deep text";
  std::vector<Diagnostic> diags;
  Document d = ParseHtml(html, &diags);
  ASSERT_EQ(d.blocks.size(), 2u);
  EXPECT_EQ(d.blocks[1].text.text(), "deep text");
  EXPECT_EQ(d.Quote(d.blocks[1].text.OriginalSpan(0, 4)), "deep");
  EXPECT_TRUE(testing::WithCode(diags, "ingest.html-too-deep").empty());
}

TEST(HtmlFormatTest, DeepBlockNestingFallsBackToFlatText) {
  // Deeply nested divs make tree building quadratic: read without a tree.
  std::string html;
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "deep &amp; text";
  std::vector<Diagnostic> diags;
  Document d = ParseHtml(html, &diags);
  ASSERT_EQ(testing::WithCode(diags, "ingest.html-too-deep").size(), 1u);
  ASSERT_EQ(d.blocks.size(), 1u);
  EXPECT_EQ(d.blocks[0].text.text(), "deep & text");
  EXPECT_EQ(d.Quote(d.blocks[0].text.OriginalSpan(5, 6)), "&amp;");
}

TEST(HtmlFormatTest, InvalidUtf8InHtml) {
  std::vector<Diagnostic> diags;
  Document d = ParseHtml("<p>ok</p>\n<p>bad \xFF byte</p>", &diags);
  auto bad = testing::WithCode(diags, "ingest.invalid-utf8");
  ASSERT_EQ(bad.size(), 1u);
  EXPECT_EQ(bad[0].line, 2);
  EXPECT_EQ(bad[0].column, 8);
  ASSERT_EQ(d.blocks.size(), 2u);
  EXPECT_EQ(d.blocks[1].text.text(), "bad \xEF\xBF\xBD byte");
}

}  // namespace
}  // namespace crosscheck::ingest
