#include "checker/core/json_codec.h"

#include <cmath>
#include <functional>
#include <limits>
#include <string>

#include "absl/strings/match.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using nlohmann::json;

// Round-trips through text too, so number formatting is part of the test.
json Reparse(const json& j) {
  json back = json::parse(j.dump(), nullptr, false);
  EXPECT_FALSE(back.is_discarded());
  return back;
}

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
  d.id = "harbor-daily";
  d.path = "corpus/harbor-daily.md";
  d.title = "Port fees \"rise\" again";
  d.source = "Harbor Daily";
  d.format = "md";
  d.reference_date.day = absl::CivilDay(2026, 2, 8);
  d.reference_date.latest = absl::CivilDay(2026, 2, 9);
  d.reference_date.provenance = "metadata:published";
  d.reference_date.evidence = "published: 2026-02-08";
  d.reference_date.confidence = 0.9;
  d.ai_generated = true;
  d.ai_evidence = "drafted with an AI assistant";
  d.ai_span_begin = 100;
  d.ai_span_end = 128;
  d.ai_line = 12;
  d.ai_column = 3;
  d.syndication_key = "k1";
  d.minhash = {0, 1, std::numeric_limits<uint64_t>::max()};
  return d;
}

Claim MakeClaim() {
  Claim c;
  c.id = "harbor-daily#3";
  c.doc_id = "harbor-daily";
  c.mention.kind = MentionKind::kMoney;
  c.mention.rule_id = "money.currency-amount";
  c.mention.span = Span{40, 52};
  c.mention.local_begin = 7;
  c.mention.local_end = 19;
  c.mention.segment = 2;
  c.mention.sentence = 1;
  c.mention.text = "more than $12,000";
  c.mention.amount =
      Amount{12000, 12000,      std::numeric_limits<double>::infinity(),
             "USD", "currency", "more-than"};
  c.mention.date = Quarter();
  c.mention.label = "x";
  c.mention.group = "g";
  c.subject = Subject{"docking fees for cargo ships",
                      "fee",
                      {"cargo", "dock"},
                      "fee|cargo,dock"};
  c.measure = Measure::kLevel;
  c.scope = TimeScope{Quarter(), "explicit"};
  c.modality = Modality::kFuture;
  c.speaker = "the port authority";
  c.event = "hearing";
  c.sentence = "Fees will reach more than $12,000.";
  c.position = Position{5, 8};
  c.quote = "more than $12,000";
  return c;
}

void ExpectSameDate(const DateValue& a, const DateValue& b) {
  EXPECT_EQ(a.begin, b.begin);
  EXPECT_EQ(a.end, b.end);
  EXPECT_EQ(a.granularity, b.granularity);
  EXPECT_EQ(a.iso, b.iso);
  EXPECT_EQ(a.relative, b.relative);
}

TEST(JsonCodecTest, DayFormat) {
  EXPECT_EQ(DayToJson(absl::CivilDay(2026, 2, 8)), json("2026-02-08"));
  EXPECT_TRUE(DayToJson(std::nullopt).is_null());
  auto d = DayFromJson(json("2025-12-31"));
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(**d, absl::CivilDay(2025, 12, 31));
  EXPECT_FALSE(DayFromJson(json("31/12/2025")).ok());
  EXPECT_FALSE(DayFromJson(json(20251231)).ok());
}

TEST(JsonCodecTest, DiagnosticRoundTrip) {
  Diagnostic d{Severity::kWarning,      "ingest.invalid-utf8", "a/b.txt", 3, 9,
               "invalid utf-8 replaced"};
  auto back = DiagnosticFromJson(Reparse(DiagnosticToJson(d)));
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(back->severity, d.severity);
  EXPECT_EQ(back->code, d.code);
  EXPECT_EQ(back->path, d.path);
  EXPECT_EQ(back->line, d.line);
  EXPECT_EQ(back->column, d.column);
  EXPECT_EQ(back->message, d.message);
}

TEST(JsonCodecTest, DocumentInfoRoundTrip) {
  DocumentInfo d = Info();
  auto back = DocumentInfoFromJson(Reparse(DocumentInfoToJson(d)));
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(back->id, d.id);
  EXPECT_EQ(back->path, d.path);
  EXPECT_EQ(back->title, d.title);
  EXPECT_EQ(back->source, d.source);
  EXPECT_EQ(back->format, d.format);
  EXPECT_EQ(back->reference_date.day, d.reference_date.day);
  EXPECT_EQ(back->reference_date.latest, d.reference_date.latest);
  EXPECT_EQ(back->reference_date.provenance, d.reference_date.provenance);
  EXPECT_EQ(back->reference_date.evidence, d.reference_date.evidence);
  EXPECT_DOUBLE_EQ(back->reference_date.confidence,
                   d.reference_date.confidence);
  EXPECT_EQ(back->ai_generated, d.ai_generated);
  EXPECT_EQ(back->ai_evidence, d.ai_evidence);
  EXPECT_EQ(back->ai_span_begin, d.ai_span_begin);
  EXPECT_EQ(back->ai_span_end, d.ai_span_end);
  EXPECT_EQ(back->ai_line, d.ai_line);
  EXPECT_EQ(back->ai_column, d.ai_column);
  EXPECT_EQ(back->syndication_key, d.syndication_key);
  EXPECT_EQ(back->minhash, d.minhash);
}

TEST(JsonCodecTest, UnknownReferenceDateIsNull) {
  DocumentInfo d;
  d.id = "x";
  json j = DocumentInfoToJson(d);
  EXPECT_TRUE(j["reference_date"]["date"].is_null());
  auto back = DocumentInfoFromJson(Reparse(j));
  ASSERT_TRUE(back.ok());
  EXPECT_FALSE(back->reference_date.day.has_value());
}

TEST(JsonCodecTest, AmountInfiniteBoundsAreNull) {
  Amount a{40,
           -std::numeric_limits<double>::infinity(),
           std::numeric_limits<double>::infinity(),
           "",
           "count",
           "more-than"};
  json j = AmountToJson(a);
  EXPECT_TRUE(j["high"].is_null());
  EXPECT_TRUE(j["low"].is_null());
  auto back = AmountFromJson(Reparse(j));
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_TRUE(std::isinf(back->high) && back->high > 0);
  EXPECT_TRUE(std::isinf(back->low) && back->low < 0);
  EXPECT_EQ(back->value, 40);
  EXPECT_EQ(back->qualifier, "more-than");
}

TEST(JsonCodecTest, NumberFormattingIsStable) {
  Amount a{12000, 11500.5, 12500, "USD", "currency", "about"};
  EXPECT_EQ(AmountToJson(a).dump(),
            "{\"dimension\":\"currency\",\"high\":12500.0,\"low\":11500.5,"
            "\"qualifier\":\"about\",\"unit\":\"USD\",\"value\":12000.0}");
}

TEST(JsonCodecTest, DateValueRoundTrip) {
  json j = DateValueToJson(Quarter());
  EXPECT_EQ(j["begin"], "2024-07-01");
  EXPECT_EQ(j["granularity"], "quarter");
  auto back = DateValueFromJson(Reparse(j));
  ASSERT_TRUE(back.ok()) << back.status();
  ExpectSameDate(*back, Quarter());
}

TEST(JsonCodecTest, SubjectAndScopeRoundTrip) {
  Claim c = MakeClaim();
  auto s = SubjectFromJson(Reparse(SubjectToJson(c.subject)));
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->text, c.subject.text);
  EXPECT_EQ(s->head, c.subject.head);
  EXPECT_EQ(s->modifiers, c.subject.modifiers);
  EXPECT_EQ(s->key, c.subject.key);
  auto t = TimeScopeFromJson(Reparse(TimeScopeToJson(c.scope)));
  ASSERT_TRUE(t.ok());
  ExpectSameDate(t->period, c.scope.period);
  EXPECT_EQ(t->source, "explicit");
}

TEST(JsonCodecTest, ClaimRecordRoundTrip) {
  Claim c = MakeClaim();
  json j = Reparse(ClaimToJson(c, Info()));
  ASSERT_TRUE(j.contains("document"));
  auto info = DocumentInfoFromJson(j["document"]);
  ASSERT_TRUE(info.ok()) << info.status();
  EXPECT_EQ(info->id, "harbor-daily");
  auto back = ClaimFromJson(j);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(back->id, c.id);
  EXPECT_EQ(back->doc_id, c.doc_id);
  const Mention& m = back->mention;
  EXPECT_EQ(m.kind, c.mention.kind);
  EXPECT_EQ(m.rule_id, c.mention.rule_id);
  EXPECT_EQ(m.span, c.mention.span);
  EXPECT_EQ(m.local_begin, c.mention.local_begin);
  EXPECT_EQ(m.local_end, c.mention.local_end);
  EXPECT_EQ(m.segment, c.mention.segment);
  EXPECT_EQ(m.sentence, c.mention.sentence);
  EXPECT_EQ(m.text, c.mention.text);
  EXPECT_EQ(m.amount.value, 12000);
  EXPECT_TRUE(std::isinf(m.amount.high));
  EXPECT_EQ(m.amount.unit, "USD");
  ASSERT_TRUE(m.date.has_value());
  ExpectSameDate(*m.date, Quarter());
  EXPECT_EQ(m.label, "x");
  EXPECT_EQ(m.group, "g");
  EXPECT_EQ(back->subject.key, c.subject.key);
  EXPECT_EQ(back->measure, c.measure);
  ExpectSameDate(back->scope.period, c.scope.period);
  EXPECT_EQ(back->modality, c.modality);
  EXPECT_EQ(back->speaker, c.speaker);
  EXPECT_EQ(back->event, c.event);
  EXPECT_EQ(back->sentence, c.sentence);
  EXPECT_EQ(back->position, c.position);
  EXPECT_EQ(back->quote, c.quote);
  // Stable bytes.
  EXPECT_EQ(ClaimToJson(c, Info()).dump(), ClaimToJson(c, Info()).dump());
}

TEST(JsonCodecTest, MentionWithoutDate) {
  Mention m;
  m.kind = MentionKind::kPercent;
  m.span = Span{1, 4};
  json j = MentionToJson(m);
  EXPECT_TRUE(j["date"].is_null());
  auto back = MentionFromJson(Reparse(j));
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_FALSE(back->date.has_value());
  EXPECT_EQ(back->kind, MentionKind::kPercent);
}

TEST(JsonCodecTest, FindingRoundTrip) {
  Finding f;
  f.rule_id = "judge.conflict";
  f.kind = "conflict";
  f.severity = Severity::kError;
  f.confidence = 0.75;
  f.message = "sources disagree: 15% vs 25%";
  f.subject = "tariff";
  f.fingerprint = "abc123";
  f.suppressed = true;
  f.suppression_reason = "baseline";
  Evidence e;
  e.doc_id = "a";
  e.path = "a.txt";
  e.source = "A";
  e.position = Position{2, 5};
  e.span = Span{10, 13};
  e.quote = "15%";
  e.sentence = "It is 15%.";
  e.value = "15 %";
  e.claim_id = "a#1";
  e.reference_date = "2026-01-02";
  f.evidence = {e, e};
  f.evidence[1].doc_id = "b";
  auto back = FindingFromJson(Reparse(FindingToJson(f)));
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(back->rule_id, f.rule_id);
  EXPECT_EQ(back->kind, f.kind);
  EXPECT_EQ(back->severity, f.severity);
  EXPECT_DOUBLE_EQ(back->confidence, f.confidence);
  EXPECT_EQ(back->message, f.message);
  EXPECT_EQ(back->subject, f.subject);
  EXPECT_EQ(back->fingerprint, f.fingerprint);
  EXPECT_EQ(back->suppressed, f.suppressed);
  EXPECT_EQ(back->suppression_reason, f.suppression_reason);
  ASSERT_EQ(back->evidence.size(), 2u);
  const Evidence& b = back->evidence[1];
  EXPECT_EQ(b.doc_id, "b");
  EXPECT_EQ(b.path, e.path);
  EXPECT_EQ(b.source, e.source);
  EXPECT_EQ(b.position, e.position);
  EXPECT_EQ(b.span, e.span);
  EXPECT_EQ(b.quote, e.quote);
  EXPECT_EQ(b.sentence, e.sentence);
  EXPECT_EQ(b.value, e.value);
  EXPECT_EQ(b.claim_id, e.claim_id);
  EXPECT_EQ(b.reference_date, e.reference_date);
}

TEST(JsonCodecTest, SegmentRoundTrip) {
  std::string original = "intro\nOil | 7% | 2025\n";
  LineIndex index(original);
  Segment s;
  s.index = 4;
  s.kind = SegmentKind::kTableRow;
  s.text.Append("Oil | 7% | 2025", 6);
  s.sentences = {{0, 15}};
  s.cells = {{0, 3}, {6, 8}, {11, 15}};
  s.column_headers = {"good", "rate", "year"};
  s.heading = "Rates";
  s.boilerplate = true;
  s.boilerplate_reason = "structure.nav";
  json j = SegmentToJson(s, &index);
  EXPECT_EQ(j["line"], 2);
  EXPECT_EQ(j["column"], 1);
  EXPECT_EQ(j["span"]["begin"], 6);
  EXPECT_EQ(j["cells"][1]["begin"], 12);
  auto back = SegmentFromJson(Reparse(j));
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(back->index, s.index);
  EXPECT_EQ(back->kind, s.kind);
  EXPECT_EQ(back->text.text(), s.text.text());
  EXPECT_EQ(back->text.OriginalSpan(0, 15), s.text.OriginalSpan(0, 15));
  EXPECT_EQ(back->text.OriginalSpan(6, 8), s.text.OriginalSpan(6, 8));
  ASSERT_EQ(back->sentences.size(), 1u);
  EXPECT_EQ(back->sentences[0].end, 15u);
  ASSERT_EQ(back->cells.size(), 3u);
  EXPECT_EQ(back->cells[2].begin, 11u);
  EXPECT_EQ(back->column_headers, s.column_headers);
  EXPECT_EQ(back->heading, s.heading);
  EXPECT_TRUE(back->boilerplate);
  EXPECT_EQ(back->boilerplate_reason, s.boilerplate_reason);
}

TEST(JsonCodecTest, ErrorsNameTheField) {
  Claim c = MakeClaim();
  struct {
    const char* name;
    std::function<void(json&)> mutate;
    const char* field;
  } cases[] = {
      {"missing id", [](json& j) { j.erase("id"); }, "claim.id"},
      {"bad span", [](json& j) { j["mention"]["span"]["begin"] = "x"; },
       "claim.mention.span.begin"},
      {"negative span", [](json& j) { j["mention"]["span"]["end"] = -1; },
       "claim.mention.span.end"},
      {"bad kind", [](json& j) { j["mention"]["kind"] = "colour"; },
       "claim.mention.kind"},
      {"bad date", [](json& j) { j["scope"]["period"]["begin"] = "soon"; },
       "claim.scope.period.begin"},
      {"bad modifier", [](json& j) { j["subject"]["modifiers"][1] = 3; },
       "claim.subject.modifiers[1]"},
      {"bad amount", [](json& j) { j["mention"]["amount"]["value"] = true; },
       "claim.mention.amount.value"},
      {"line overflow", [](json& j) { j["line"] = 1e300; }, "claim.line"},
      {"not object", [](json& j) { j = json::array(); }, "claim"},
  };
  for (const auto& tc : cases) {
    json j = ClaimToJson(c);
    tc.mutate(j);
    auto back = ClaimFromJson(j);
    ASSERT_FALSE(back.ok()) << tc.name;
    EXPECT_EQ(back.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_TRUE(
        absl::StartsWith(back.status().message(), std::string(tc.field) + ":"))
        << tc.name << ": " << back.status().message();
  }
}

TEST(JsonCodecTest, DocumentInfoErrors) {
  json j = DocumentInfoToJson(Info());
  j["minhash"][2] = -5;
  auto back = DocumentInfoFromJson(j);
  ASSERT_FALSE(back.ok());
  EXPECT_NE(back.status().message().find("document.minhash[2]"),
            std::string::npos);
  EXPECT_FALSE(DocumentInfoFromJson(json::object()).ok());
  EXPECT_FALSE(DocumentInfoFromJson(json("text")).ok());
}

TEST(JsonCodecTest, GarbageNeverThrows) {
  const char* inputs[] = {"null",
                          "[]",
                          "1",
                          "\"s\"",
                          "{}",
                          "{\"id\":{},\"doc_id\":[],\"mention\":1}",
                          "{\"id\":\"a\",\"doc_id\":\"b\",\"mention\":{"
                          "\"kind\":\"money\",\"span\":{\"begin\":5,"
                          "\"end\":2}}}"};
  for (const char* in : inputs) {
    json j = json::parse(in, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << in;
    EXPECT_FALSE(ClaimFromJson(j).ok()) << in;
    EXPECT_FALSE(FindingFromJson(j).ok() && !j.is_object()) << in;
    (void)SegmentFromJson(j);
    (void)DocumentInfoFromJson(j);
    (void)MentionFromJson(j);
  }
}

}  // namespace
}  // namespace crosscheck
