// The bodies of the libFuzzer targets, shared by the fuzz executables
// (tests/fuzz/*_fuzz.cc, one LLVMFuzzerTestOneInput each) and by the
// regression test (tests/e2e/fuzz_regression_test.cc), which replays every
// seed and every minimized crash input through the same function in the
// ordinary (gcc, ASan) builds.
//
//   // tests/fuzz/extract_fuzz.cc
//   extern "C" int LLVMFuzzerTestOneInput(const uint8_t* d, size_t n) {
//     return crosscheck::fuzz::Extract(d, n);
//   }
//
// Each function must accept any bytes; a broken invariant aborts
// (fuzz_checks.h).
#ifndef CROSSCHECK_TESTS_FUZZ_FUZZ_TARGETS_H_
#define CROSSCHECK_TESTS_FUZZ_FUZZ_TARGETS_H_

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/types/span.h"
#include "checker/core/json_codec.h"
#include "checker/core/types.h"
#include "checker/extract/dates.h"
#include "checker/extract/extractor.h"
#include "checker/extract/numbers.h"
#include "checker/extract/rules.h"
#include "checker/ingest/ingest.h"
#include "checker/segment/segment.h"
#include "nlohmann/json.hpp"
#include "tests/fuzz/fuzz_checks.h"

namespace crosscheck::fuzz {

namespace ex = crosscheck::extract;

// ---------------------------------------------------------------------------
// Target: the .txt and .md readers (ingest::ParseDocuments).
//
// The first byte picks the format and the line limit, so that one corpus
// covers both readers and the line-cutting path; the rest is the file.
inline int IngestText(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const char* format = (data[0] & 1) ? "md" : "txt";
  absl::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  crosscheck::ingest::IngestOptions options;
  if (data[0] & 2) options.max_line_bytes = 64;
  std::vector<crosscheck::Diagnostic> diags;
  auto docs = crosscheck::ingest::ParseDocuments(
      std::string("fuzz.") + format, bytes, format, options, &diags);
  for (const auto& d : docs) crosscheck::fuzz::CheckDocument(d);
  return 0;
}

// ---------------------------------------------------------------------------
// Target: the HTML reader (gumbo tree -> blocks and metadata).
inline int IngestHtml(const uint8_t* data, size_t size) {
  absl::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::vector<crosscheck::Diagnostic> diags;
  auto docs = crosscheck::ingest::ParseDocuments(
      "fuzz.html", bytes, "html", crosscheck::ingest::IngestOptions{}, &diags);
  for (const auto& d : docs) crosscheck::fuzz::CheckDocument(d);
  return 0;
}

// ---------------------------------------------------------------------------
// Target: the JSON Lines reader (records, metadata, HTML bodies).
inline int IngestJsonl(const uint8_t* data, size_t size) {
  absl::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::vector<crosscheck::Diagnostic> diags;
  auto docs = crosscheck::ingest::ParseDocuments(
      "fuzz.jsonl", bytes, "jsonl", crosscheck::ingest::IngestOptions{},
      &diags);
  for (const auto& d : docs) crosscheck::fuzz::CheckDocument(d);
  return 0;
}

// ---------------------------------------------------------------------------
// Target: the segmenter (segment::SegmentDocument) on documents
// parsed from fuzzed bytes, then the corpus-wide boilerplate pass.
//
// The first byte picks the reader (txt, md, html, jsonl) so the segmenter
// sees every block shape ingestion can produce. Boilerplate rules load once
// from the shipped rules/ directory.
namespace internal_segment {

inline const crosscheck::segment::BoilerplateRules& Rules() {
  static const auto* rules = [] {
    auto r = crosscheck::segment::BoilerplateRules::Load(
        CROSSCHECK_SOURCE_DIR "/rules/boilerplate.json");
    if (!r.ok()) crosscheck::fuzz::Fail("cannot load rules/boilerplate.json");
    return new crosscheck::segment::BoilerplateRules(std::move(*r));
  }();
  return *rules;
}

}  // namespace internal_segment

inline int Segmenter(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const char* const kFormats[] = {"txt", "md", "html", "jsonl"};
  const char* format = kFormats[data[0] & 3];
  absl::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::vector<crosscheck::Diagnostic> diags;
  auto docs = crosscheck::ingest::ParseDocuments(
      std::string("fuzz.") + format, bytes, format,
      crosscheck::ingest::IngestOptions{}, &diags);
  std::vector<crosscheck::SegmentedDocument> segmented;
  segmented.reserve(docs.size());
  for (const auto& d : docs) {
    segmented.push_back(
        crosscheck::segment::SegmentDocument(d, internal_segment::Rules()));
  }
  crosscheck::segment::MarkCorpusBoilerplate(absl::MakeSpan(segmented));
  for (const auto& sd : segmented) {
    const size_t limit = sd.doc->original.size();
    for (const auto& s : sd.segments) {
      crosscheck::fuzz::CheckMapped(s.text, limit,
                                    "segment span outside original");
      for (const auto& sent : s.sentences) {
        if (sent.begin > sent.end || sent.end > s.text.size()) {
          crosscheck::fuzz::Fail("sentence outside its segment");
        }
      }
    }
  }
  // The sentence splitter on its own, over the raw bytes.
  for (const auto& sent : crosscheck::segment::SplitSentences(bytes)) {
    if (sent.begin > sent.end || sent.end > bytes.size()) {
      crosscheck::fuzz::Fail("SplitSentences offset outside text");
    }
  }
  return 0;
}

// ---------------------------------------------------------------------------
// Target: the extractor (Extractor::FindMentionsInText) with the
// shipped rule packs, loaded once from rules/.
//
// The first byte picks the reference date (none, or one of a few days) so
// that date resolution with and without a "now" is covered.
namespace internal_extract {

inline const crosscheck::extract::RuleSet& Rules() {
  static const auto* rules = [] {
    std::vector<crosscheck::extract::RuleProblem> problems;
    auto* r =
        new crosscheck::extract::RuleSet(crosscheck::extract::RuleSet::LoadDirs(
            {CROSSCHECK_SOURCE_DIR "/rules"}, {}, &problems));
    if (r->rules().empty()) crosscheck::fuzz::Fail("no shipped rules loaded");
    return r;
  }();
  return *rules;
}

}  // namespace internal_extract

inline int Extract(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  crosscheck::ReferenceDate ref;
  switch (data[0] & 3) {
    case 0:
      break;
    case 1:
      ref.day = absl::CivilDay(2026, 2, 10);
      break;
    case 2:
      ref.day = absl::CivilDay(2000, 2, 29);
      break;
    default:
      ref.day = absl::CivilDay(1999, 12, 31);
      ref.latest = absl::CivilDay(2001, 1, 1);
      break;
  }
  absl::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  static const crosscheck::extract::Extractor extractor(
      &internal_extract::Rules());
  auto mentions = extractor.FindMentionsInText(text, ref);
  for (const auto& m : mentions) {
    if (m.local_begin > m.local_end || m.local_end > text.size()) {
      crosscheck::fuzz::Fail("mention outside its text");
    }
  }
  return 0;
}

// ---------------------------------------------------------------------------
// Target: the number, money and date normalizers.
//
// The input is read two ways. Whole, it goes through every string parser
// (ParseNumber, ParseOrdinal, ScaleFactor, CurrencyCode, Singularize,
// IsFraction, ParseIsoDate, ParseMonth, ParseWeekday, DetectTense). Split on
// '|', its fields become the named captures of a date match and of a numeric
// match, which ResolveDate and NormalizeAmount must survive: the rules
// guarantee little about what a capture holds.
namespace internal_normalize {

constexpr const char* kDateCaptures[] = {
    "year", "year2",  "month", "day",   "weekday", "quarter", "half",
    "part", "decade", "rel",   "count", "dir",     "unit"};
constexpr const char* kAmountCaptures[] = {"num", "num2", "scale", "scale2",
                                           "cur", "unit", "qual",  "pct",
                                           "ord", "noun"};

// A small date pack whose loose captures hand ResolveDate odd text
// ("99th", "Smarch", "0000s") that the shipped rules would not.
constexpr char kDatePack[] = R"json({
  "family": "date",
  "rules": [{
    "id": "date.fuzz-loose",
    "kind": "date",
    "description": "loose date shapes for fuzzing",
    "patterns": [
      "(?:(?P<part>early|mid|late)[- ])?(?P<month>[a-z]{3,9}\\.?) (?P<day>\\d{1,3})(?:st|nd|rd|th)?,? (?P<year>'?\\d{1,5})",
      "(?P<quarter>q\\d|\\w+ quarter) (?:of )?(?P<year>\\d{1,5})",
      "(?P<half>h\\d|\\w+ half) (?:of )?(?P<year>\\d{1,5})",
      "(?P<count>\\w+) (?P<unit>\\w+) (?P<dir>later|earlier|ago|before|after)",
      "(?P<rel>last|next|this|the following|the previous) (?P<weekday>\\w+day|\\w+)",
      "(?P<decade>'?\\d{1,4}s)",
      "(?P<year>\\d{1,5})[-/](?P<year2>\\d{1,5})"
    ]
  }]
})json";

inline const ex::RuleSet& DatePack() {
  static const auto* rules = [] {
    std::vector<ex::RuleProblem> problems;
    auto* r = new ex::RuleSet(
        ex::RuleSet::LoadPack("fuzz/date.json", kDatePack, {}, &problems));
    if (r->rules().empty() || !problems.empty()) {
      crosscheck::fuzz::Fail("fuzz date pack did not load");
    }
    return r;
  }();
  return *rules;
}

inline ex::Rule MakeRule(crosscheck::MentionKind kind) {
  ex::Rule r;
  r.id = "fuzz.rule";
  r.family = "fuzz";
  r.kind = kind;
  return r;
}

}  // namespace internal_normalize

inline int Normalize(const uint8_t* data, size_t size) {
  namespace in = internal_normalize;
  absl::string_view text(reinterpret_cast<const char*>(data), size);

  (void)ex::ParseNumber(text);
  (void)ex::ParseOrdinal(text);
  (void)ex::ScaleFactor(text);
  (void)ex::CurrencyCode(text);
  (void)ex::Singularize(text);
  (void)ex::IsFraction(text);
  (void)ex::ParseMonth(text);
  (void)ex::ParseWeekday(text);
  (void)ex::DetectTense(text, size / 2);
  (void)ex::DetectTense(text, size + 5);
  if (auto d = ex::ParseIsoDate(text)) {
    // A label that parses must print and parse again.
    std::string label = ex::FormatDate(*d);
    if (!ex::ParseIsoDate(label)) {
      crosscheck::fuzz::Fail("FormatDate(ParseIsoDate(s)) does not parse");
    }
  }

  std::vector<absl::string_view> fields = absl::StrSplit(text, '|');
  static const ex::Rule kDateRule =
      in::MakeRule(crosscheck::MentionKind::kDate);
  static const ex::Rule kDurationRule =
      in::MakeRule(crosscheck::MentionKind::kDuration);
  static const ex::Rule kMoneyRule =
      in::MakeRule(crosscheck::MentionKind::kMoney);
  static const ex::Rule kQuantityRule =
      in::MakeRule(crosscheck::MentionKind::kQuantity);

  // Field i feeds capture i when non-empty (empty = not participating).
  ex::RuleMatch date_match;
  date_match.rule = &kDateRule;
  date_match.end = static_cast<uint32_t>(size);
  for (size_t i = 0; i < fields.size() && i < std::size(in::kDateCaptures);
       ++i) {
    if (!fields[i].empty()) {
      date_match.captures.emplace_back(in::kDateCaptures[i],
                                       std::string(fields[i]));
    }
  }
  static const absl::CivilDay kRefs[] = {absl::CivilDay(2026, 2, 10),
                                         absl::CivilDay(2024, 2, 29),
                                         absl::CivilDay(1800, 1, 1)};
  ex::DateContext ctx;
  ctx.reference = kRefs[size % 3];
  for (int round = 0; round < 2; ++round) {  // round 2 has an anchor
    if (auto d = ex::ResolveDate(kDateRule, date_match, text, &ctx)) {
      if (d->end < d->begin) crosscheck::fuzz::Fail("date range inverted");
    }
  }
  (void)ex::ResolveDate(kDateRule, date_match, text, nullptr);
  date_match.rule = &kDurationRule;
  (void)ex::ResolveDate(kDurationRule, date_match, text, nullptr);

  // The small date rule over the whole input, as the extractor would run it.
  static const ex::Extractor date_extractor(&in::DatePack());
  ex::DateContext doc_ctx;
  doc_ctx.reference = kRefs[0];
  for (const auto& m : date_extractor.Match(text)) {
    if (m.begin > m.end || m.end > size) {
      crosscheck::fuzz::Fail("match outside its text");
    }
    (void)ex::ResolveDate(*m.rule, m, text, &doc_ctx);
  }

  ex::RuleMatch amount_match;
  amount_match.end = static_cast<uint32_t>(size);
  for (size_t i = 0; i < fields.size() && i < std::size(in::kAmountCaptures);
       ++i) {
    if (!fields[i].empty()) {
      amount_match.captures.emplace_back(in::kAmountCaptures[i],
                                         std::string(fields[i]));
    }
  }
  for (const ex::Rule* rule : {&kMoneyRule, &kQuantityRule, &kDurationRule}) {
    amount_match.rule = rule;
    (void)ex::NormalizeAmount(*rule, amount_match);
  }
  return 0;
}

// ---------------------------------------------------------------------------
// Target: the rule-pack loader (RuleSet::LoadPack) on arbitrary
// JSON, then linting and matching with whatever loaded.
//
// Patterns come from users (--rules DIR), so a pack may hold anything:
// wrong types, huge repetition counts, unknown kinds. The loader must report
// problems, never crash, and what it accepts must be usable.
inline int RulePack(const uint8_t* data, size_t size) {
  absl::string_view json(reinterpret_cast<const char*>(data), size);
  std::vector<ex::RuleProblem> problems;
  ex::RuleBudget budget;
  budget.max_pattern_memory = 1 << 20;  // keeps each run fast
  ex::RuleSet rules =
      ex::RuleSet::LoadPack("fuzz/pack.json", json, budget, &problems);
  for (const auto& p : problems) (void)p.ToString();
  (void)rules.Lint();
  if (!rules.rules().empty()) {
    (void)rules.Find(rules.rules().front().id);
    // Run what loaded over a fixed sentence with figures and dates.
    ex::Extractor extractor(&rules);
    crosscheck::ReferenceDate ref;
    ref.day = absl::CivilDay(2026, 2, 10);
    (void)extractor.FindMentionsInText(
        "On Monday, 3 March 2025, officials said about $1.2bn (12%) of the "
        "2,000 units shipped in Q3 2024 were returned two days later.",
        ref);
  }
  return 0;
}

// ---------------------------------------------------------------------------
// Target: the JSON codec's claim reader (ClaimFromJson), the path
// every `crosscheck align` input line takes.
//
// A claim that reads must write and read back: ClaimToJson(ClaimFromJson(j))
// is itself readable, and stable after one round.
inline int ClaimJson(const uint8_t* data, size_t size) {
  using nlohmann::json;
  json j = json::parse(data, data + size, nullptr, false);
  if (j.is_discarded()) return 0;
  (void)crosscheck::DocumentInfoFromJson(j);
  (void)crosscheck::FindingFromJson(j);
  auto claim = crosscheck::ClaimFromJson(j);
  if (!claim.ok()) return 0;
  json once = crosscheck::ClaimToJson(*claim);
  auto again = crosscheck::ClaimFromJson(once);
  if (!again.ok()) crosscheck::fuzz::Fail("a written claim does not read back");
  json twice = crosscheck::ClaimToJson(*again);
  if (once.dump() != twice.dump()) {
    crosscheck::fuzz::Fail("claim JSON not stable after one round trip");
  }
  return 0;
}

// Every target by its executable's name, for the regression test.
struct Target {
  const char* name;
  int (*run)(const uint8_t* data, size_t size);
};
inline constexpr Target kTargets[] = {
    {"ingest_text_fuzz", &IngestText},   {"ingest_html_fuzz", &IngestHtml},
    {"ingest_jsonl_fuzz", &IngestJsonl}, {"segment_fuzz", &Segmenter},
    {"extract_fuzz", &Extract},          {"normalize_fuzz", &Normalize},
    {"rules_fuzz", &RulePack},           {"claim_json_fuzz", &ClaimJson},
};

}  // namespace crosscheck::fuzz

#endif  // CROSSCHECK_TESTS_FUZZ_FUZZ_TARGETS_H_
