// JSON encoding of crosscheck's value types (checker/core/types.h).
//
// One function pair per type: `XToJson` builds an nlohmann::json value and
// `XFromJson` parses one back, returning absl::StatusOr. Parsing never
// throws: a wrong type or a malformed value yields InvalidArgument with an
// error that names the field by its path ("claim.mention.span.begin: expected
// a non-negative integer"). Missing optional fields take their defaults, so
// records written by older versions still load; required fields are listed
// per function.
//
// Conventions, stable across versions (tests pin them):
//   - Dates are "YYYY-MM-DD" strings; an unknown date is JSON null.
//   - A DateValue is {"iso", "granularity", "begin", "end", "relative"}.
//   - Spans are {"begin", "end"}: byte offsets into the original text, end
//     exclusive. Positions are flat "line" / "column" fields (1-based).
//   - Amount bounds that are infinite ("more than 40" has high = +inf) are
//     written as JSON null: JSON has no infinity. null reads back as +inf for
//     "high" and -inf for "low".
//   - Doubles print the way nlohmann::json prints them (12000.0 stays
//     "12000.0", 0.9 is "0.9"): shortest round-trip form, always stable.
//   - Object keys are sorted (nlohmann::json's std::map), so dumps are
//     deterministic.
//
// Bulk output uses the streaming WriteX functions at the end of this file,
// which print the same bytes as dump() without building a tree.
//
// Example: the `crosscheck extract` JSON Lines record.
//   nlohmann::json j = ClaimToJson(claim, info);  // claim + "document"
//   std::string line = j.dump();
//   ...
//   nlohmann::json back = nlohmann::json::parse(line, nullptr, false);
//   if (back.is_discarded()) { /* not JSON */ }
//   absl::StatusOr<Claim> c = ClaimFromJson(back);
//   absl::StatusOr<DocumentInfo> d = DocumentInfoFromJson(back["document"]);
#ifndef CROSSCHECK_CHECKER_CORE_JSON_CODEC_H_
#define CROSSCHECK_CHECKER_CORE_JSON_CODEC_H_

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/types/span.h"
#include "checker/core/json_writer.h"
#include "checker/core/mapped_text.h"
#include "checker/core/types.h"
#include "nlohmann/json.hpp"

namespace crosscheck {

// "YYYY-MM-DD", or JSON null when unset.
nlohmann::json DayToJson(const std::optional<absl::CivilDay>& day);
// Accepts "YYYY-MM-DD" or null (-> nullopt).
absl::StatusOr<std::optional<absl::CivilDay>> DayFromJson(
    const nlohmann::json& j);

// {"begin", "end"}.
nlohmann::json SpanToJson(Span span);
absl::StatusOr<Span> SpanFromJson(const nlohmann::json& j);

// {"severity", "code", "path", "line", "column", "message"}.
nlohmann::json DiagnosticToJson(const Diagnostic& d);
absl::StatusOr<Diagnostic> DiagnosticFromJson(const nlohmann::json& j);

// {"date", "latest", "provenance", "evidence", "confidence"}.
nlohmann::json ReferenceDateToJson(const ReferenceDate& r);
absl::StatusOr<ReferenceDate> ReferenceDateFromJson(const nlohmann::json& j);

// {"id", "path", "title", "source", "format", "reference_date",
//  "ai_generated", "ai_evidence", "ai_span", "ai_line", "ai_column",
//  "syndication_key", "minhash"}. Required: "id".
nlohmann::json DocumentInfoToJson(const DocumentInfo& d);
absl::StatusOr<DocumentInfo> DocumentInfoFromJson(const nlohmann::json& j);

// {"iso", "granularity", "begin", "end", "relative"}. Required: "begin",
// "end".
nlohmann::json DateValueToJson(const DateValue& d);
absl::StatusOr<DateValue> DateValueFromJson(const nlohmann::json& j);

// {"value", "low", "high", "unit", "dimension", "qualifier"}; infinite
// bounds are null (see above).
nlohmann::json AmountToJson(const Amount& a);
absl::StatusOr<Amount> AmountFromJson(const nlohmann::json& j);

// {"kind", "rule_id", "span", "local_begin", "local_end", "segment",
//  "sentence", "text", "amount", "date" (null unless set), "label",
//  "group"}. Required: "kind", "span".
nlohmann::json MentionToJson(const Mention& m);
absl::StatusOr<Mention> MentionFromJson(const nlohmann::json& j);

// {"text", "head", "modifiers", "key"}.
nlohmann::json SubjectToJson(const Subject& s);
absl::StatusOr<Subject> SubjectFromJson(const nlohmann::json& j);

// {"period": DateValue, "source"}.
nlohmann::json TimeScopeToJson(const TimeScope& t);
absl::StatusOr<TimeScope> TimeScopeFromJson(const nlohmann::json& j);

// {"id", "doc_id", "mention", "subject", "measure", "scope", "modality",
//  "speaker", "event", "sentence", "line", "column", "quote"}.
// Required: "id", "doc_id", "mention".
nlohmann::json ClaimToJson(const Claim& c);
// The `crosscheck extract` record: ClaimToJson(c) plus "document":
// DocumentInfoToJson(info). ClaimFromJson ignores "document" (and any other
// unknown key, e.g. "type"); read it with DocumentInfoFromJson.
nlohmann::json ClaimToJson(const Claim& c, const DocumentInfo& info);
absl::StatusOr<Claim> ClaimFromJson(const nlohmann::json& j);

// {"doc_id", "path", "source", "line", "column", "span", "quote",
//  "sentence", "value", "claim_id", "reference_date"}.
nlohmann::json EvidenceToJson(const Evidence& e);
absl::StatusOr<Evidence> EvidenceFromJson(const nlohmann::json& j);

// {"rule_id", "kind", "severity", "confidence", "message", "subject",
//  "fingerprint", "suppressed", "suppression_reason", "evidence"}.
// Required: "rule_id", "kind".
nlohmann::json FindingToJson(const Finding& f);
absl::StatusOr<Finding> FindingFromJson(const nlohmann::json& j);

// {"index", "kind", "span" (original span of the whole text), "line",
//  "column" (of span.begin; present only when `index` is given), "text",
//  "sentences", "cells" (each {"begin", "end", "local_begin", "local_end"}:
//  original span and offsets into "text"), "column_headers", "heading",
//  "boilerplate", "boilerplate_reason"}.
nlohmann::json SegmentToJson(const Segment& s,
                             const LineIndex* index = nullptr);
// The text's byte mapping is rebuilt approximately: a text as long as its
// span maps one-for-one, anything else maps every byte to the whole span.
absl::StatusOr<Segment> SegmentFromJson(const nlohmann::json& j);

// ---------------------------------------------------------------------------
// Streaming writers for bulk output (`crosscheck extract`): the same objects
// appended as JSON text, without building a tree. Each writes exactly the
// bytes of XToJson(...).dump(-1, ' ', false, error_handler_t::replace)
// (tests/core/json_writer_test.cc pins this): a change to an XToJson
// function must be made to its WriteX twin.
//
// `extra` adds members that are not part of the type (a record's "type", a
// claim record's "document"): pre-serialized JSON values, sorted by key,
// merged among the type's own members in key order, as nlohmann's sorted
// objects would place them. Their keys must differ from the type's own.
//
//   std::string out;
//   JsonWriter w(&out);
//   const RawJsonMember extra[] = {{"type", "\"claim\""}};
//   WriteClaimJson(claim, &w, extra);
struct RawJsonMember {
  absl::string_view key;
  absl::string_view json;  // one serialized JSON value
};
void WriteDocumentInfoJson(const DocumentInfo& d, JsonWriter* w,
                           absl::Span<const RawJsonMember> extra = {});
void WriteMentionJson(const Mention& m, JsonWriter* w,
                      absl::Span<const RawJsonMember> extra = {});
void WriteClaimJson(const Claim& c, JsonWriter* w,
                    absl::Span<const RawJsonMember> extra = {});

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_CORE_JSON_CODEC_H_
