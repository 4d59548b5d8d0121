#include "checker/ingest/normalize.h"

#include <string>

#include "gtest/gtest.h"

namespace crosscheck::ingest {
namespace {

TEST(NormalizeTest, Table) {
  struct {
    const char* name;
    std::string in;
    std::string want;
  } cases[] = {
      {"ascii unchanged", "Plain text, 42 items.", "Plain text, 42 items."},
      {"bom dropped", "\xEF\xBB\xBFHello", "Hello"},
      {"crlf", "a\r\nb\rc\nd", "a\nb\nc\nd"},
      {"nbsp", "5\xC2\xA0km", "5 km"},
      {"thin and narrow spaces",
       "a\xE2\x80\x89"
       "b\xE2\x80\xAF"
       "c",
       "a b c"},
      {"ideographic space",
       "a\xE3\x80\x80"
       "b",
       "a b"},
      {"zero width dropped",
       "a\xE2\x80\x8B"
       "b\xE2\x80\x8D"
       "c",
       "abc"},
      {"soft hyphen dropped",
       "inter\xC2\xAD"
       "national",
       "international"},
      {"curly single", "\xE2\x80\x98hi\xE2\x80\x99", "'hi'"},
      {"curly double", "\xE2\x80\x9Cyes\xE2\x80\x9D", "\"yes\""},
      {"primes", "5\xE2\x80\xB2 6\xE2\x80\xB3", "5' 6\""},
      {"en dash range",
       "30\xE2\x80\x93"
       "40",
       "30-40"},
      {"en dash compound",
       "Oslo\xE2\x80\x93"
       "Bergen",
       "Oslo-Bergen"},
      {"spaced en dash", "war \xE2\x80\x93 and peace", "war - and peace"},
      {"em dash glued", "counts\xE2\x80\x94it's", "counts - it's"},
      {"em dash spaced", "a \xE2\x80\x94 b", "a - b"},
      {"em dash at end", "wait\xE2\x80\x94", "wait - "},
      {"horizontal bar", "x\xE2\x80\x95y", "x - y"},
      {"minus",
       "\xE2\x88\x92"
       "3",
       "-3"},
      {"ellipsis", "and so\xE2\x80\xA6", "and so..."},
      {"named entities", "A &amp; B &lt;3 &rsquo; &eacute;",
       "A & B <3 ' \xC3\xA9"},
      {"numeric entities", "it&#8217;s &#x2019; &#65;", "it's ' A"},
      {"entity to dash", "x&mdash;y", "x - y"},
      {"unknown entity kept", "&bogus; & &#;", "&bogus; & &#;"},
      {"tab to space", "a\tb", "a b"},
      {"control to space",
       std::string("a\x01"
                   "b"),
       "a b"},
      {"invalid byte",
       "a\xFF"
       "b",
       "a\xEF\xBF\xBD"
       "b"},
      {"truncated sequence", "a\xE2\x80", "a\xEF\xBF\xBD\xEF\xBF\xBD"},
      {"overlong", "\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD"},
      {"surrogate", "\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
      {"cp1252 c1 quote", "it\xC2\x92s", "it's"},
      {"letters kept", "Caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC",
       "Caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC"},
      {"empty", "", ""},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(NormalizeText(c.in).text(), c.want) << c.name;
  }
}

TEST(NormalizeTest, CollapseWhitespace) {
  struct {
    std::string in;
    std::string want;
  } cases[] = {
      {"  a \n\t b  ", "a b "},
      {"a\xC2\xA0\xC2\xA0"
       "b",
       "a b"},
      {"\n\nx", "x"},
      {"a &nbsp; b", "a b"},
  };
  NormalizeOptions o;
  o.collapse_whitespace = true;
  for (const auto& c : cases) {
    EXPECT_EQ(NormalizeText(c.in, o).text(), c.want) << c.in;
  }
}

TEST(NormalizeTest, OffsetsAreExact) {
  // "It’s 30–40 &amp; more"
  const std::string in =
      "It\xE2\x80\x99s 30\xE2\x80\x93"
      "40 &amp; more";
  MappedText t = NormalizeText(in);
  ASSERT_EQ(t.text(), "It's 30-40 & more");
  struct {
    size_t begin, end;
    Span want;
  } cases[] = {
      {0, 2, {0, 2}},      // "It"
      {2, 3, {2, 5}},      // the curly quote's three bytes
      {3, 4, {5, 6}},      // "s"
      {5, 10, {7, 14}},    // "30-40" spans the en dash
      {7, 8, {9, 12}},     // the en dash
      {11, 12, {15, 20}},  // "&amp;"
      {13, 17, {21, 25}},  // "more"
  };
  for (const auto& c : cases) {
    EXPECT_EQ(t.OriginalSpan(c.begin, c.end), c.want)
        << t.text().substr(c.begin, c.end - c.begin);
  }
}

TEST(NormalizeTest, DashSpacesMapToTheDash) {
  const std::string in =
      "a\xE2\x80\x94"
      "b";
  MappedText t = NormalizeText(in);
  ASSERT_EQ(t.text(), "a - b");
  for (size_t i = 1; i < 4; ++i) {
    EXPECT_EQ(t.OriginalSpan(i, i + 1), (Span{1, 4})) << i;
  }
  EXPECT_EQ(t.OriginalSpan(4, 5), (Span{4, 5}));
}

TEST(NormalizeTest, Utf8IssuesCountedWithFirstOffset) {
  Utf8Issues issues;
  MappedText t = NormalizeText("ok\nb\xC3(\xFF", {}, &issues);
  EXPECT_EQ(issues.invalid_bytes, 2u);
  EXPECT_EQ(issues.first_offset, 4u);
  EXPECT_EQ(issues.first_byte, 0xC3);
  EXPECT_EQ(t.OriginalSpan(4, 7), (Span{4, 5}));  // the U+FFFD for 0xC3
}

TEST(NormalizeTest, PiecesNormalizeLikeOneString) {
  Normalizer n;
  MappedText t;
  n.Append("10", 0, &t);
  n.Append("\xE2\x80\x94", 2, &t);
  n.Append("it", 5, &t);
  EXPECT_EQ(t.text(), "10 - it");
}

TEST(NormalizeTest, DecodeEntity) {
  struct {
    const char* in;
    std::optional<uint32_t> want;
    size_t len;
  } cases[] = {
      {"&amp;", 38, 5},
      {"&#8217;x", 8217, 7},
      {"&#x2014;", 0x2014, 8},
      {"&#X41;", 0x41, 6},
      {"&#0;", 0xFFFD, 4},
      {"&#xD800;", 0xFFFD, 8},
      {"&#99999999;", 0xFFFD, 11},
      {"&amp", std::nullopt, 0},
      {"&nosuch;", std::nullopt, 0},
      {"&", std::nullopt, 0},
      {"&Eacute;", 0xC9, 8},
      {"&yuml;", 0xFF, 6},
      {"&times;", 0xD7, 7},
  };
  for (const auto& c : cases) {
    size_t len = 0;
    EXPECT_EQ(DecodeEntity(c.in, &len), c.want) << c.in;
    if (c.want) {
      EXPECT_EQ(len, c.len) << c.in;
    }
  }
}

TEST(NormalizeTest, CleanString) {
  EXPECT_EQ(CleanString("  A&amp;B \n\t C  "), "A&B C");
  EXPECT_EQ(CleanString("A&amp;amp;B", /*decode_entities=*/false),
            "A&amp;amp;B");
  EXPECT_EQ(CleanString("\xFF"), "\xEF\xBF\xBD");
}

TEST(NormalizeTest, AllBytesNeverCrash) {
  std::string all;
  for (int i = 0; i < 256; ++i) all.push_back(static_cast<char>(i));
  for (int rep = 0; rep < 3; ++rep) all += all;
  Utf8Issues issues;
  MappedText t = NormalizeText(all, {}, &issues);
  EXPECT_GT(issues.invalid_bytes, 0u);
  // Output is valid UTF-8: it round-trips without new issues.
  Utf8Issues again;
  NormalizeText(t.text(), {}, &again);
  EXPECT_EQ(again.invalid_bytes, 0u);
  for (size_t i = 0; i < t.size(); ++i) {
    ASSERT_LE(t.OriginalSpan(i, i + 1).end, all.size());
  }
}

}  // namespace
}  // namespace crosscheck::ingest
