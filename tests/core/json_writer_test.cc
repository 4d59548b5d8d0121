// The streaming writer must print exactly what nlohmann::json::dump() prints
// (compact, error_handler_t::replace): `crosscheck extract` switched from
// trees to the writer and its output bytes must not change.
#include "checker/core/json_writer.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "checker/core/json_codec.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using nlohmann::json;

std::string Dump(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string Written(absl::string_view s) {
  std::string out;
  AppendJsonString(s, &out);
  return out;
}

std::string Written(double d) {
  std::string out;
  AppendJsonDouble(d, &out);
  return out;
}

// Strings that exercise every branch of the escaper and of nlohmann's
// replacement of invalid UTF-8.
std::vector<std::string> TrickyStrings() {
  std::vector<std::string> v = {
      "",
      "plain words",
      "say \"hi\"",
      "back\\slash\\",
      "tab\tnew\nline\rcr\bbs\fff",
      std::string("nul\0byte", 8),
      "\x01\x1f\x7f",            // control chars; DEL passes through
      "a/b",                     // '/' is not escaped
      "line\u2028sep\u2029par",  // JS line separators pass through
      "caf\u00e9 \u65e5\u672c \U0001F600",
      "\xEF\xBF\xBD already replaced",
      // Invalid UTF-8, each form nlohmann replaces differently.
      "lone \x80 continuation",
      "truncated \xE2\x82",
      "truncated at end \xE2",
      "\xF0\x9F\x98",
      "overlong \xC0\xAF",
      "overlong \xE0\x80\x80 and \xF0\x80\x80\x80",
      "surrogate \xED\xA0\x80",
      "above max \xF4\x90\x80\x80",
      "bytes \xF5\xFF\xFE",
      "\xC3(",
      "\xE2\x82(\xE2\x82\xAC",
      "mixed \"\xC3\" \\ \x01",
  };
  for (int c = 0; c < 0x20; ++c) v.push_back(std::string(1, char(c)) + "x");
  return v;
}

TEST(JsonWriterTest, StringsMatchNlohmann) {
  for (const std::string& s : TrickyStrings()) {
    EXPECT_EQ(Written(s), Dump(json(s)))
        << "input: "
        << json(s).dump(-1, ' ', true, json::error_handler_t::replace);
  }
}

TEST(JsonWriterTest, ControlCharsAreEscapedLikeNlohmann) {
  EXPECT_EQ(Written("\n\t\"\\"), R"("\n\t\"\\")");
  EXPECT_EQ(Written(std::string("\0\x1f", 2)), R"("\u0000\u001f")");
  EXPECT_EQ(Written("\xE2\x80\xA8"), "\"\xE2\x80\xA8\"");
}

// Random byte strings: runs of plain letters (skipped a word at a time) with
// the bytes that matter at every offset (escapes, lead and continuation
// bytes, bytes never valid in UTF-8, DEL, the borders of each test).
TEST(JsonWriterTest, RandomBytesMatchNlohmann) {
  const unsigned char kSpecial[] = {' ',  '!',  '"',  '#',  '\\', '[',  ']',
                                    '\n', 0x00, 0x1f, 0x7f, 0x80, 0x8f, 0x9f,
                                    0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0,
                                    0xe2, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff};
  std::mt19937 rng(7);
  std::uniform_int_distribution<size_t> pick(0, sizeof(kSpecial) - 1);
  std::uniform_int_distribution<int> len(0, 40);
  std::uniform_int_distribution<int> percent(0, 99);
  for (int i = 0; i < 20000; ++i) {
    std::string s;
    for (int n = len(rng); n > 0; --n) {
      s.push_back(percent(rng) < 75 ? char('a' + percent(rng) % 26)
                                    : char(kSpecial[pick(rng)]));
    }
    ASSERT_EQ(Written(s), Dump(json(s)))
        << "input: "
        << json(s).dump(-1, ' ', true, json::error_handler_t::replace);
  }
}

TEST(JsonWriterTest, DoublesMatchNlohmann) {
  const double kInf = std::numeric_limits<double>::infinity();
  const std::vector<double> values = {0.0,
                                      -0.0,
                                      1.0,
                                      12000.0,
                                      0.15,
                                      0.1 + 0.2,
                                      2.0 / 3.0,
                                      0.667,
                                      -1.5,
                                      640e9,
                                      1e-4,
                                      1e-5,
                                      123456789012345.0,
                                      1e15,
                                      1e16,
                                      1e17,
                                      1e21,
                                      1e300,
                                      -1e-300,
                                      5e-324,
                                      std::numeric_limits<double>::max(),
                                      std::numeric_limits<double>::min(),
                                      9007199254740993.0};
  for (double d : values) EXPECT_EQ(Written(d), Dump(json(d))) << d;
  EXPECT_EQ(Written(-0.0), "-0.0");
  EXPECT_EQ(Written(12000.0), "12000.0");
  EXPECT_EQ(Written(0.15), "0.15");
  // JSON has no NaN or infinity: null, as the trees write them (Number()).
  EXPECT_EQ(Written(std::nan("")), "null");
  EXPECT_EQ(Written(kInf), "null");
  EXPECT_EQ(Written(-kInf), "null");
  // Random bit patterns cover every exponent.
  std::mt19937_64 rng(11);
  for (int i = 0; i < 20000; ++i) {
    uint64_t bits = rng();
    double d;
    std::memcpy(&d, &bits, sizeof(d));
    if (!std::isfinite(d)) continue;
    ASSERT_EQ(Written(d), Dump(json(d))) << bits;
  }
}

TEST(JsonWriterTest, IntegersMatchNlohmann) {
  for (int64_t v : {int64_t{0}, int64_t{-1}, int64_t{42},
                    std::numeric_limits<int64_t>::min(),
                    std::numeric_limits<int64_t>::max()}) {
    std::string out;
    AppendJsonInt(v, &out);
    EXPECT_EQ(out, Dump(json(v)));
  }
  for (uint64_t v :
       {uint64_t{0}, uint64_t{7}, std::numeric_limits<uint64_t>::max()}) {
    std::string out;
    AppendJsonUint(v, &out);
    EXPECT_EQ(out, Dump(json(v)));
  }
}

TEST(JsonWriterTest, CommasAndNesting) {
  std::string out = "prefix ";
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("a");
  w.BeginArray();
  w.Int(1);
  w.BeginObject();
  w.EndObject();
  w.BeginArray();
  w.EndArray();
  w.Null();
  w.EndArray();
  w.FixedKey("b");  // checked at compile time; written like Key
  w.Bool(false);
  w.Key("c");
  w.Raw(R"({"x":1})");
  w.Key("d");
  w.Double(0.5);
  w.EndObject();
  EXPECT_EQ(out,
            R"(prefix {"a":[1,{},[],null],"b":false,"c":{"x":1},"d":0.5})");
}

// --- The codec's streaming twins of ClaimToJson & co. -----------------------

DateValue Quarter() {
  DateValue d;
  d.begin = absl::CivilDay(2024, 7, 1);
  d.end = absl::CivilDay(2024, 9, 30);
  d.granularity = Granularity::kQuarter;
  d.iso = "2024-Q3";
  d.relative = true;
  return d;
}

DocumentInfo Info() {
  DocumentInfo d;
  d.id = "quay-\"gazette\"";
  d.path = "corpus/quay\\gazette.md";
  d.title = "Berth fees \u2028 climb\ttwice \xC3";
  d.source = "Quay Gaz\u00e9tte";
  d.format = "md";
  d.reference_date.day = absl::CivilDay(2026, 2, 8);
  d.reference_date.provenance = "metadata:published";
  d.reference_date.evidence = "published:\n2026-02-08";
  d.reference_date.confidence = 0.9;
  d.ai_generated = true;
  d.ai_evidence = "written with a \x01 model";
  d.ai_span_begin = 100;
  d.ai_span_end = std::numeric_limits<uint64_t>::max();
  d.ai_line = 12;
  d.ai_column = -3;
  d.syndication_key = "k1";
  d.minhash = {0, 1, std::numeric_limits<uint64_t>::max()};
  return d;
}

Claim MakeClaim() {
  Claim c;
  c.id = "quay#3";
  c.doc_id = "quay";
  c.mention.kind = MentionKind::kMoney;
  c.mention.rule_id = "money.currency-amount";
  c.mention.span = {40, 52};
  c.mention.local_begin = 4;
  c.mention.local_end = 16;
  c.mention.segment = 2;
  c.mention.sentence = 1;
  c.mention.text = "\u20ac310 million";
  c.mention.amount.value = 310e6;
  c.mention.amount.low = -std::numeric_limits<double>::infinity();
  c.mention.amount.high = std::numeric_limits<double>::infinity();
  c.mention.amount.unit = "EUR";
  c.mention.amount.dimension = "currency";
  c.mention.amount.qualifier = "more-than";
  c.mention.date = Quarter();
  c.mention.label = "a \"label\"";
  c.mention.group = "g\\1";
  c.subject.text = "berth fees at the \u201cnorth\u201d quay";
  c.subject.head = "fee";
  c.subject.modifiers = {"berth", "north", "quay"};
  c.subject.key = "fee|berth,north,quay";
  c.measure = Measure::kChange;
  c.scope.period = Quarter();
  c.scope.source = "explicit";
  c.modality = Modality::kHedged;
  c.speaker = "the harbour master";
  c.event = "";
  c.change_from = -0.0;
  c.sentence = "Fees rose\r\nto \u20ac310 million \xFF.";
  c.position = {7, 19};
  c.quote = "\u20ac310\u00a0million";
  return c;
}

std::string WriteClaim(const Claim& c,
                       absl::Span<const RawJsonMember> extra = {}) {
  std::string out;
  JsonWriter w(&out);
  WriteClaimJson(c, &w, extra);
  return out;
}

TEST(JsonCodecWriterTest, ClaimMatchesTreeDump) {
  Claim c = MakeClaim();
  EXPECT_EQ(WriteClaim(c), Dump(ClaimToJson(c)));
  // Defaults: no date, no change_from, empty strings, NaN figures.
  Claim bare;
  bare.mention.amount.value = std::nan("");
  EXPECT_EQ(WriteClaim(bare), Dump(ClaimToJson(bare)));
  c.change_from = 1e21;
  c.mention.date.reset();
  c.mention.amount.low = 5e-324;
  c.subject.modifiers.clear();
  EXPECT_EQ(WriteClaim(c), Dump(ClaimToJson(c)));
  // Days are formatted without absl: years of any width and sign.
  for (int year : {-44, 0, 5, 999, 2026, 12345}) {
    c.scope.period.begin = absl::CivilDay(year, 1, 2);
    c.scope.period.end = absl::CivilDay(year, 12, 31);
    EXPECT_EQ(WriteClaim(c), Dump(ClaimToJson(c))) << year;
  }
}

TEST(JsonCodecWriterTest, ExtraMembersAreMergedInKeyOrder) {
  const Claim c = MakeClaim();
  DocumentInfo slim = Info();
  slim.minhash.clear();
  std::string slim_json;
  JsonWriter sw(&slim_json);
  WriteDocumentInfoJson(slim, &sw);
  EXPECT_EQ(slim_json, Dump(DocumentInfoToJson(slim)));

  // The `extract` claim record.
  json tree = ClaimToJson(c, slim);
  tree["type"] = "claim";
  const RawJsonMember record[] = {{"document", slim_json},
                                  {"type", "\"claim\""}};
  EXPECT_EQ(WriteClaim(c, record), Dump(tree));

  // Before the first key, between keys and after the last.
  json edges = ClaimToJson(c);
  edges["aaa"] = 1;
  edges["line_"] = nullptr;
  edges["zzz"] = "z";
  const RawJsonMember extra[] = {
      {"aaa", "1"}, {"line_", "null"}, {"zzz", "\"z\""}};
  EXPECT_EQ(WriteClaim(c, extra), Dump(edges));
}

TEST(JsonCodecWriterTest, MentionAndDocumentMatchTreeDump) {
  const Claim c = MakeClaim();
  json tree = MentionToJson(c.mention);
  tree["type"] = "mention";
  tree["doc_id"] = "quay";
  const RawJsonMember extra[] = {{"doc_id", "\"quay\""},
                                 {"type", "\"mention\""}};
  std::string out;
  JsonWriter w(&out);
  WriteMentionJson(c.mention, &w, extra);
  EXPECT_EQ(out, Dump(tree));

  DocumentInfo d = Info();
  out.clear();
  JsonWriter dw(&out);
  WriteDocumentInfoJson(d, &dw);
  EXPECT_EQ(out, Dump(DocumentInfoToJson(d)));
  // Unknown dates are null; a NaN confidence too.
  d.reference_date = ReferenceDate();
  d.reference_date.latest = absl::CivilDay(2025, 1, 20);
  d.reference_date.confidence = std::nan("");
  out.clear();
  JsonWriter dw2(&out);
  WriteDocumentInfoJson(d, &dw2);
  EXPECT_EQ(out, Dump(DocumentInfoToJson(d)));
}

// What the writer prints reads back through the tree parser and codec.
TEST(JsonCodecWriterTest, OutputReadsBack) {
  const Claim c = MakeClaim();
  json back = json::parse(WriteClaim(c), nullptr, false);
  ASSERT_FALSE(back.is_discarded());
  auto read = ClaimFromJson(back);
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(read->id, "quay#3");
  EXPECT_EQ(read->subject.head, "fee");
  EXPECT_EQ(read->mention.amount.value, 310e6);
  EXPECT_TRUE(std::isinf(read->mention.amount.high));
  ASSERT_TRUE(read->change_from.has_value());
  EXPECT_TRUE(std::signbit(*read->change_from));
}

}  // namespace
}  // namespace crosscheck
