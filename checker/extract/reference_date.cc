// Reference-date inference and document flags (declared in claims.h).
#include <algorithm>
#include <optional>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "checker/extract/claims.h"
#include "checker/extract/dates.h"

namespace crosscheck::extract {
namespace {

const Segment* FindSegment(const SegmentedDocument& doc, int index) {
  if (index >= 0 && index < static_cast<int>(doc.segments.size()) &&
      doc.segments[index].index == index) {
    return &doc.segments[index];
  }
  for (const Segment& s : doc.segments) {
    if (s.index == index) return &s;
  }
  return nullptr;
}

// The clause around a mention, for its modality.
Modality MentionModality(const SegmentedDocument& doc, const Mention& m,
                         const Lexicon& lex) {
  const Segment* seg = FindSegment(doc, m.segment);
  if (seg == nullptr) return Modality::kPresent;
  absl::string_view text = seg->text.text();
  uint32_t sb = 0, se = static_cast<uint32_t>(text.size());
  for (const Sentence& s : seg->sentences) {
    if (s.begin <= m.local_begin && m.local_begin < s.end) {
      sb = s.begin;
      se = std::min<uint32_t>(s.end, se);
      break;
    }
  }
  if (sb > se || m.local_begin < sb || m.local_end > se) {
    return Modality::kPresent;
  }
  absl::string_view sentence = text.substr(sb, se - sb);
  auto [cb, ce] =
      ClauseBounds(sentence, m.local_begin - sb, m.local_end - sb, lex);
  // Unknown reference year: "by 2027" alone must not decide.
  return ClauseModality(sentence.substr(cb, ce - cb), lex, 0);
}

// "March 6", "6 March", "Mar. 6th" -> (month, day).
std::optional<std::pair<int, int>> MonthDay(absl::string_view evidence) {
  int month = 0, day = 0;
  for (absl::string_view w :
       absl::StrSplit(evidence, absl::ByAnyChar(" ,.\t"), absl::SkipEmpty())) {
    // Month names as the date rules read them (dates.h ParseMonth); a
    // number is the day.
    if (month == 0 && !absl::ascii_isdigit(static_cast<unsigned char>(w[0]))) {
      if (auto m = ParseMonth(w)) {
        month = *m;
        continue;
      }
    }
    std::string digits;
    for (char c : w) {
      if (absl::ascii_isdigit(static_cast<unsigned char>(c))) digits += c;
    }
    int d = 0;
    if (day == 0 && !digits.empty() && digits.size() <= 2 &&
        absl::SimpleAtoi(digits, &d) && d >= 1 && d <= 31) {
      day = d;
    }
  }
  if (month == 0 || day == 0) return std::nullopt;
  return std::make_pair(month, day);
}

}  // namespace

ReferenceDate InferReferenceDate(const SegmentedDocument& doc,
                                 const std::vector<Mention>& mentions,
                                 const Lexicon& lex) {
  ReferenceDate none;
  if (doc.doc != nullptr) {
    none.evidence = doc.doc->reference_date.evidence;
    none.provenance = doc.doc->reference_date.provenance;
  }
  // Explicit, non-future dates of body text.
  const Mention* latest_fine = nullptr;  // month or finer
  const Mention* latest_year = nullptr;
  for (const Mention& m : mentions) {
    if (m.kind != MentionKind::kDate || !m.date || m.date->relative) continue;
    const Segment* seg = FindSegment(doc, m.segment);
    if (seg == nullptr || seg->boilerplate) continue;
    const Granularity g = m.date->granularity;
    if (g == Granularity::kDecade) continue;
    Modality mod = MentionModality(doc, m, lex);
    if (mod == Modality::kFuture || mod == Modality::kHedged) continue;
    const bool fine = g == Granularity::kDay || g == Granularity::kWeek ||
                      g == Granularity::kMonth;
    const Mention*& slot = fine ? latest_fine : latest_year;
    // Ties keep the first in document order: deterministic.
    if (slot == nullptr || m.date->end > slot->date->end) slot = &m;
  }
  // Year-only mentions count for the year too.
  int latest_year_value = 0;
  if (latest_fine)
    latest_year_value = static_cast<int>(latest_fine->date->end.year());
  if (latest_year) {
    latest_year_value = std::max(
        latest_year_value, static_cast<int>(latest_year->date->end.year()));
  }

  if (doc.doc != nullptr &&
      doc.doc->reference_date.provenance == "dateline-no-year" &&
      latest_year_value > 0) {
    if (auto md = MonthDay(doc.doc->reference_date.evidence)) {
      absl::CivilDay d(latest_year_value, md->first, md->second);
      // The dateline follows the latest past date it mentions; a dateline
      // earlier in that year than the latest date belongs to the next year.
      if (latest_fine != nullptr && d < latest_fine->date->end) {
        d = absl::CivilDay(latest_year_value + 1, md->first, md->second);
      }
      ReferenceDate r;
      r.day = d;
      r.provenance = "dateline+text-year";
      r.evidence = doc.doc->reference_date.evidence;
      r.confidence = 0.6;
      return r;
    }
  }
  if (latest_fine != nullptr) {
    ReferenceDate r;
    r.day = latest_fine->date->end;
    r.provenance = "latest-past-date";
    r.evidence = latest_fine->text;
    r.confidence = 0.6;
    return r;
  }
  if (latest_year != nullptr) {
    ReferenceDate r;
    r.day = latest_year->date->end;
    r.provenance = "latest-past-date";
    r.evidence = latest_year->text;
    r.confidence = 0.4;
    return r;
  }
  return none;
}

void FlagDocument(const SegmentedDocument& doc,
                  const std::vector<Mention>& mentions, DocumentInfo* info) {
  if (info == nullptr) return;
  const Mention* first = nullptr;
  for (const Mention& m : mentions) {
    if (m.kind != MentionKind::kDisclaimer) continue;
    if (first == nullptr || m.span.begin < first->span.begin) first = &m;
  }
  if (first == nullptr) return;
  info->ai_generated = true;
  info->ai_evidence = first->text;
  info->ai_span_begin = first->span.begin;
  info->ai_span_end = first->span.end;
  if (doc.doc != nullptr) {
    Position p = doc.doc->original_index.PositionOf(first->span.begin);
    info->ai_line = p.line;
    info->ai_column = p.column;
    absl::string_view q = doc.doc->Quote(first->span);
    if (!q.empty()) info->ai_evidence = std::string(q);
  }
}

}  // namespace crosscheck::extract
