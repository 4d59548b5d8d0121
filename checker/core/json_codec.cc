#include "checker/core/json_codec.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace crosscheck {

using nlohmann::json;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

std::string FormatDay(absl::CivilDay d) { return absl::FormatCivilTime(d); }

// Reads the fields of one JSON object. The first error wins and is kept in
// *status; later reads become no-ops so callers read straight-line code and
// check once. `where` is the dotted path of the object, used in errors.
class FieldReader {
 public:
  FieldReader(const json& obj, std::string where, absl::Status* status)
      : obj_(obj), where_(std::move(where)), status_(status) {
    if (status_->ok() && !obj_.is_object()) {
      *status_ = absl::InvalidArgumentError(
          absl::StrCat(where_, ": expected a JSON object"));
    }
  }

  bool ok() const { return status_->ok(); }
  absl::Status* status() const { return status_; }
  std::string Where(absl::string_view key) const {
    return absl::StrCat(where_, ".", key);
  }

  void Fail(absl::string_view key, absl::string_view what) {
    if (status_->ok()) {
      *status_ =
          absl::InvalidArgumentError(absl::StrCat(Where(key), ": ", what));
    }
  }

  // The value at `key`, or nullptr when absent (an error when required).
  const json* Find(const char* key, bool required) {
    if (!ok()) return nullptr;
    auto it = obj_.find(key);
    if (it == obj_.end()) {
      if (required) Fail(key, "missing required field");
      return nullptr;
    }
    return &*it;
  }

  // std::string, Symbol or SharedString.
  template <typename S>
  void String(const char* key, S* out, bool required = false) {
    const json* v = Find(key, required);
    if (v == nullptr) return;
    if (!v->is_string()) return Fail(key, "expected a string");
    *out = v->get_ref<const std::string&>();
  }

  void Bool(const char* key, bool* out) {
    const json* v = Find(key, false);
    if (v == nullptr) return;
    if (!v->is_boolean()) return Fail(key, "expected true or false");
    *out = v->get<bool>();
  }

  // A finite number, or null meaning `null_value` when allowed.
  void Double(const char* key, double* out,
              std::optional<double> null_value = std::nullopt) {
    const json* v = Find(key, false);
    if (v == nullptr) return;
    if (v->is_null() && null_value) {
      *out = *null_value;
      return;
    }
    if (!v->is_number()) return Fail(key, "expected a number");
    *out = v->get<double>();
  }

  template <typename Int>
  void Integer(const char* key, Int* out, bool required = false) {
    const json* v = Find(key, required);
    if (v == nullptr) return;
    auto value = ToInteger<Int>(*v);
    if (!value) {
      return Fail(key, absl::StrCat("expected an integer in [",
                                    std::numeric_limits<Int>::min(), ", ",
                                    std::numeric_limits<Int>::max(), "]"));
    }
    *out = *value;
  }

  void Day(const char* key, std::optional<absl::CivilDay>* out,
           bool required = false) {
    const json* v = Find(key, required);
    if (v == nullptr) return;
    auto day = DayFromJson(*v);
    if (!day.ok()) return Fail(key, day.status().message());
    if (required && !day->has_value()) return Fail(key, "expected a date");
    *out = *day;
  }

  template <typename S>
  void StringList(const char* key, std::vector<S>* out) {
    const json* v = Find(key, false);
    if (v == nullptr) return;
    if (!v->is_array()) return Fail(key, "expected an array of strings");
    out->clear();
    for (size_t i = 0; i < v->size(); ++i) {
      const json& e = (*v)[i];
      if (!e.is_string()) {
        return Fail(absl::StrCat(key, "[", i, "]"), "expected a string");
      }
      out->push_back(e.get<std::string>());
    }
  }

  // Enum by name through one of the Parse* functions of types.h.
  template <typename E, typename ParseFn>
  void Enum(const char* key, E* out, ParseFn parse, bool required = false) {
    const json* v = Find(key, required);
    if (v == nullptr) return;
    if (!v->is_string()) return Fail(key, "expected a string");
    std::optional<E> e = parse(v->get_ref<const std::string&>());
    if (!e) {
      return Fail(key, absl::StrCat("unknown value \"",
                                    v->get_ref<const std::string&>(), "\""));
    }
    *out = *e;
  }

  template <typename Int>
  static std::optional<Int> ToInteger(const json& v) {
    if (v.is_number_unsigned()) {
      uint64_t u = v.get<uint64_t>();
      if (u > static_cast<uint64_t>(std::numeric_limits<Int>::max())) {
        return std::nullopt;
      }
      return static_cast<Int>(u);
    }
    if (v.is_number_integer()) {
      int64_t s = v.get<int64_t>();
      if constexpr (std::is_unsigned_v<Int>) {
        if (s < 0) return std::nullopt;
        if (static_cast<uint64_t>(s) >
            static_cast<uint64_t>(std::numeric_limits<Int>::max())) {
          return std::nullopt;
        }
      } else {
        if (s < static_cast<int64_t>(std::numeric_limits<Int>::min()) ||
            s > static_cast<int64_t>(std::numeric_limits<Int>::max())) {
          return std::nullopt;
        }
      }
      return static_cast<Int>(s);
    }
    return std::nullopt;
  }

 private:
  const json& obj_;
  std::string where_;
  absl::Status* status_;
};

// Parses a nested object with an internal reader function, reporting errors
// under the parent's path.
template <typename T, typename Fn>
void Nested(FieldReader& r, const char* key, T* out, Fn read,
            bool required = false) {
  const json* v = r.Find(key, required);
  if (v == nullptr) return;
  *out = read(*v, r.Where(key), r.status());
}

// Internal readers: (json, where, status) -> value. Each leaves the first
// error in *status.

Span ReadSpan(const json& j, const std::string& where, absl::Status* st) {
  Span s;
  FieldReader r(j, where, st);
  r.Integer("begin", &s.begin, true);
  r.Integer("end", &s.end, true);
  if (r.ok() && s.end < s.begin) r.Fail("end", "smaller than begin");
  return s;
}

Diagnostic ReadDiagnostic(const json& j, const std::string& where,
                          absl::Status* st) {
  Diagnostic d;
  FieldReader r(j, where, st);
  r.Enum("severity", &d.severity, ParseSeverity);
  r.String("code", &d.code);
  r.String("path", &d.path);
  r.Integer("line", &d.line);
  r.Integer("column", &d.column);
  r.String("message", &d.message);
  return d;
}

ReferenceDate ReadReferenceDate(const json& j, const std::string& where,
                                absl::Status* st) {
  ReferenceDate d;
  FieldReader r(j, where, st);
  r.Day("date", &d.day);
  r.Day("latest", &d.latest);
  r.String("provenance", &d.provenance);
  r.String("evidence", &d.evidence);
  r.Double("confidence", &d.confidence);
  return d;
}

DocumentInfo ReadDocumentInfo(const json& j, const std::string& where,
                              absl::Status* st) {
  DocumentInfo d;
  FieldReader r(j, where, st);
  r.String("id", &d.id, true);
  r.String("path", &d.path);
  r.String("title", &d.title);
  r.String("source", &d.source);
  r.String("format", &d.format);
  Nested(r, "reference_date", &d.reference_date, ReadReferenceDate);
  r.Bool("ai_generated", &d.ai_generated);
  r.String("ai_evidence", &d.ai_evidence);
  if (const json* v = r.Find("ai_span", false)) {
    FieldReader s(*v, r.Where("ai_span"), st);
    s.Integer("begin", &d.ai_span_begin);
    s.Integer("end", &d.ai_span_end);
  }
  r.Integer("ai_line", &d.ai_line);
  r.Integer("ai_column", &d.ai_column);
  r.String("syndication_key", &d.syndication_key);
  if (const json* v = r.Find("minhash", false)) {
    if (!v->is_array()) {
      r.Fail("minhash", "expected an array of integers");
    } else {
      d.minhash.reserve(v->size());
      for (size_t i = 0; i < v->size() && r.ok(); ++i) {
        auto h = FieldReader::ToInteger<uint64_t>((*v)[i]);
        if (!h) {
          r.Fail(absl::StrCat("minhash[", i, "]"),
                 "expected a non-negative integer");
        } else {
          d.minhash.push_back(*h);
        }
      }
    }
  }
  return d;
}

DateValue ReadDateValue(const json& j, const std::string& where,
                        absl::Status* st) {
  DateValue d;
  FieldReader r(j, where, st);
  std::optional<absl::CivilDay> begin, end;
  r.Day("begin", &begin, true);
  r.Day("end", &end, true);
  if (begin) d.begin = *begin;
  if (end) d.end = *end;
  if (r.ok() && d.end < d.begin) r.Fail("end", "before begin");
  r.Enum("granularity", &d.granularity, [](absl::string_view name) {
    for (Granularity g :
         {Granularity::kDay, Granularity::kWeek, Granularity::kMonth,
          Granularity::kQuarter, Granularity::kHalf, Granularity::kYear,
          Granularity::kDecade}) {
      if (GranularityName(g) == name) return std::optional<Granularity>(g);
    }
    return std::optional<Granularity>();
  });
  r.String("iso", &d.iso);
  r.Bool("relative", &d.relative);
  return d;
}

Amount ReadAmount(const json& j, const std::string& where, absl::Status* st) {
  Amount a;
  FieldReader r(j, where, st);
  r.Double("value", &a.value);
  r.Double("low", &a.low, -kInf);
  r.Double("high", &a.high, kInf);
  r.String("unit", &a.unit);
  r.String("dimension", &a.dimension);
  r.String("qualifier", &a.qualifier);
  return a;
}

Mention ReadMention(const json& j, const std::string& where, absl::Status* st) {
  Mention m;
  FieldReader r(j, where, st);
  r.Enum("kind", &m.kind, ParseMentionKind, true);
  r.String("rule_id", &m.rule_id);
  Nested(r, "span", &m.span, ReadSpan, true);
  r.Integer("local_begin", &m.local_begin);
  r.Integer("local_end", &m.local_end);
  r.Integer("segment", &m.segment);
  r.Integer("sentence", &m.sentence);
  r.String("text", &m.text);
  Nested(r, "amount", &m.amount, ReadAmount);
  if (const json* v = r.Find("date", false); v != nullptr && !v->is_null()) {
    m.date = ReadDateValue(*v, r.Where("date"), st);
  }
  r.String("label", &m.label);
  r.String("group", &m.group);
  return m;
}

Subject ReadSubject(const json& j, const std::string& where, absl::Status* st) {
  Subject s;
  FieldReader r(j, where, st);
  r.String("text", &s.text);
  r.String("head", &s.head);
  r.StringList("modifiers", &s.modifiers);
  r.String("key", &s.key);
  return s;
}

TimeScope ReadTimeScope(const json& j, const std::string& where,
                        absl::Status* st) {
  TimeScope t;
  FieldReader r(j, where, st);
  Nested(r, "period", &t.period, ReadDateValue);
  r.String("source", &t.source);
  return t;
}

Claim ReadClaim(const json& j, const std::string& where, absl::Status* st) {
  Claim c;
  FieldReader r(j, where, st);
  r.String("id", &c.id, true);
  r.String("doc_id", &c.doc_id, true);
  Nested(r, "mention", &c.mention, ReadMention, true);
  Nested(r, "subject", &c.subject, ReadSubject);
  r.Enum("measure", &c.measure, ParseMeasure);
  Nested(r, "scope", &c.scope, ReadTimeScope);
  r.Enum("modality", &c.modality, ParseModality);
  r.String("speaker", &c.speaker);
  r.String("event", &c.event);
  r.String("sentence", &c.sentence);
  r.Integer("line", &c.position.line);
  r.Integer("column", &c.position.column);
  r.String("quote", &c.quote);
  if (auto it = j.find("change_from"); it != j.end() && it->is_number()) {
    c.change_from = it->get<double>();
  }
  return c;
}

Evidence ReadEvidence(const json& j, const std::string& where,
                      absl::Status* st) {
  Evidence e;
  FieldReader r(j, where, st);
  r.String("doc_id", &e.doc_id);
  r.String("path", &e.path);
  r.String("source", &e.source);
  r.Integer("line", &e.position.line);
  r.Integer("column", &e.position.column);
  Nested(r, "span", &e.span, ReadSpan);
  r.String("quote", &e.quote);
  r.String("sentence", &e.sentence);
  r.String("value", &e.value);
  r.String("claim_id", &e.claim_id);
  r.String("reference_date", &e.reference_date);
  return e;
}

Finding ReadFinding(const json& j, const std::string& where, absl::Status* st) {
  Finding f;
  FieldReader r(j, where, st);
  r.String("rule_id", &f.rule_id, true);
  r.String("kind", &f.kind, true);
  r.Enum("severity", &f.severity, ParseSeverity);
  r.Double("confidence", &f.confidence);
  r.String("message", &f.message);
  r.String("subject", &f.subject);
  r.String("fingerprint", &f.fingerprint);
  r.Bool("suppressed", &f.suppressed);
  r.String("suppression_reason", &f.suppression_reason);
  if (const json* v = r.Find("evidence", false)) {
    if (!v->is_array()) {
      r.Fail("evidence", "expected an array");
    } else {
      for (size_t i = 0; i < v->size() && r.ok(); ++i) {
        f.evidence.push_back(ReadEvidence(
            (*v)[i], absl::StrCat(r.Where("evidence"), "[", i, "]"), st));
      }
    }
  }
  return f;
}

std::optional<SegmentKind> ParseSegmentKind(absl::string_view name) {
  for (SegmentKind k :
       {SegmentKind::kTitle, SegmentKind::kHeading, SegmentKind::kParagraph,
        SegmentKind::kListItem, SegmentKind::kTableRow}) {
    if (SegmentKindName(k) == name) return k;
  }
  return std::nullopt;
}

json PiecesToJson(const Segment& s, const std::vector<Sentence>& pieces) {
  json out = json::array();
  for (const Sentence& p : pieces) {
    Span span = s.text.OriginalSpan(p.begin, p.end);
    out.push_back(json{{"begin", span.begin},
                       {"end", span.end},
                       {"local_begin", p.begin},
                       {"local_end", p.end}});
  }
  return out;
}

void ReadPieces(FieldReader& r, const char* key, size_t text_size,
                std::vector<Sentence>* out) {
  const json* v = r.Find(key, false);
  if (v == nullptr) return;
  if (!v->is_array()) return r.Fail(key, "expected an array");
  for (size_t i = 0; i < v->size() && r.ok(); ++i) {
    FieldReader p((*v)[i], absl::StrCat(r.Where(key), "[", i, "]"), r.status());
    Sentence s;
    p.Integer("local_begin", &s.begin, true);
    p.Integer("local_end", &s.end, true);
    if (p.ok() && (s.end < s.begin || s.end > text_size)) {
      p.Fail("local_end", "outside the segment text");
    }
    out->push_back(s);
  }
}

Segment ReadSegment(const json& j, const std::string& where, absl::Status* st) {
  Segment s;
  FieldReader r(j, where, st);
  r.Integer("index", &s.index);
  r.Enum("kind", &s.kind, ParseSegmentKind);
  Span span;
  Nested(r, "span", &span, ReadSpan);
  std::string text;
  r.String("text", &text);
  if (text.size() == span.end - span.begin) {
    s.text.Append(text, span.begin);
  } else {
    s.text.AppendReplacement(text, span.begin, span.end);
  }
  ReadPieces(r, "sentences", text.size(), &s.sentences);
  ReadPieces(r, "cells", text.size(), &s.cells);
  r.StringList("column_headers", &s.column_headers);
  r.String("heading", &s.heading);
  r.Bool("boilerplate", &s.boilerplate);
  r.String("boilerplate_reason", &s.boilerplate_reason);
  return s;
}

template <typename T, typename Fn>
absl::StatusOr<T> Run(const json& j, const char* where, Fn read) {
  absl::Status st;
  T value = read(j, where, &st);
  if (!st.ok()) return st;
  return value;
}

// Infinite or NaN doubles cannot be JSON numbers: null.
json Number(double d) { return std::isfinite(d) ? json(d) : json(nullptr); }

}  // namespace

json DayToJson(const std::optional<absl::CivilDay>& day) {
  if (!day) return nullptr;
  return FormatDay(*day);
}

absl::StatusOr<std::optional<absl::CivilDay>> DayFromJson(const json& j) {
  if (j.is_null()) return std::optional<absl::CivilDay>();
  absl::CivilDay day;
  if (!j.is_string() ||
      !absl::ParseCivilTime(j.get_ref<const std::string&>(), &day)) {
    return absl::InvalidArgumentError("expected a \"YYYY-MM-DD\" date");
  }
  return std::optional<absl::CivilDay>(day);
}

json SpanToJson(Span span) {
  return json{{"begin", span.begin}, {"end", span.end}};
}
absl::StatusOr<Span> SpanFromJson(const json& j) {
  return Run<Span>(j, "span", ReadSpan);
}

json DiagnosticToJson(const Diagnostic& d) {
  return json{{"severity", SeverityName(d.severity)},
              {"code", d.code},
              {"path", d.path},
              {"line", d.line},
              {"column", d.column},
              {"message", d.message}};
}
absl::StatusOr<Diagnostic> DiagnosticFromJson(const json& j) {
  return Run<Diagnostic>(j, "diagnostic", ReadDiagnostic);
}

json ReferenceDateToJson(const ReferenceDate& r) {
  return json{{"date", DayToJson(r.day)},
              {"latest", DayToJson(r.latest)},
              {"provenance", r.provenance},
              {"evidence", r.evidence},
              {"confidence", Number(r.confidence)}};
}
absl::StatusOr<ReferenceDate> ReferenceDateFromJson(const json& j) {
  return Run<ReferenceDate>(j, "reference_date", ReadReferenceDate);
}

json DocumentInfoToJson(const DocumentInfo& d) {
  return json{
      {"id", d.id},
      {"path", d.path},
      {"title", d.title},
      {"source", d.source},
      {"format", d.format},
      {"reference_date", ReferenceDateToJson(d.reference_date)},
      {"ai_generated", d.ai_generated},
      {"ai_evidence", d.ai_evidence},
      {"ai_span", json{{"begin", d.ai_span_begin}, {"end", d.ai_span_end}}},
      {"ai_line", d.ai_line},
      {"ai_column", d.ai_column},
      {"syndication_key", d.syndication_key},
      {"minhash", d.minhash}};
}
absl::StatusOr<DocumentInfo> DocumentInfoFromJson(const json& j) {
  return Run<DocumentInfo>(j, "document", ReadDocumentInfo);
}

json DateValueToJson(const DateValue& d) {
  return json{{"iso", d.iso},
              {"granularity", GranularityName(d.granularity)},
              {"begin", FormatDay(d.begin)},
              {"end", FormatDay(d.end)},
              {"relative", d.relative}};
}
absl::StatusOr<DateValue> DateValueFromJson(const json& j) {
  return Run<DateValue>(j, "date", ReadDateValue);
}

json AmountToJson(const Amount& a) {
  return json{{"value", Number(a.value)}, {"low", Number(a.low)},
              {"high", Number(a.high)},   {"unit", a.unit},
              {"dimension", a.dimension}, {"qualifier", a.qualifier}};
}
absl::StatusOr<Amount> AmountFromJson(const json& j) {
  return Run<Amount>(j, "amount", ReadAmount);
}

json MentionToJson(const Mention& m) {
  return json{{"kind", MentionKindName(m.kind)},
              {"rule_id", m.rule_id},
              {"span", SpanToJson(m.span)},
              {"local_begin", m.local_begin},
              {"local_end", m.local_end},
              {"segment", m.segment},
              {"sentence", m.sentence},
              {"text", m.text},
              {"amount", AmountToJson(m.amount)},
              {"date", m.date ? DateValueToJson(*m.date) : json(nullptr)},
              {"label", m.label},
              {"group", m.group}};
}
absl::StatusOr<Mention> MentionFromJson(const json& j) {
  return Run<Mention>(j, "mention", ReadMention);
}

json SubjectToJson(const Subject& s) {
  return json{{"text", s.text},
              {"head", s.head},
              {"modifiers", s.modifiers},
              {"key", s.key}};
}
absl::StatusOr<Subject> SubjectFromJson(const json& j) {
  return Run<Subject>(j, "subject", ReadSubject);
}

json TimeScopeToJson(const TimeScope& t) {
  return json{{"period", DateValueToJson(t.period)}, {"source", t.source}};
}
absl::StatusOr<TimeScope> TimeScopeFromJson(const json& j) {
  return Run<TimeScope>(j, "scope", ReadTimeScope);
}

json ClaimToJson(const Claim& c) {
  json j{{"id", c.id},
         {"doc_id", c.doc_id},
         {"mention", MentionToJson(c.mention)},
         {"subject", SubjectToJson(c.subject)},
         {"measure", MeasureName(c.measure)},
         {"scope", TimeScopeToJson(c.scope)},
         {"modality", ModalityName(c.modality)},
         {"speaker", c.speaker},
         {"event", c.event},
         {"sentence", c.sentence},
         {"line", c.position.line},
         {"column", c.position.column},
         {"quote", c.quote}};
  // The old value of a "from X to Y" change; null when the claim is not one.
  j["change_from"] = c.change_from ? Number(*c.change_from) : json(nullptr);
  return j;
}
json ClaimToJson(const Claim& c, const DocumentInfo& info) {
  json j = ClaimToJson(c);
  j["document"] = DocumentInfoToJson(info);
  return j;
}
absl::StatusOr<Claim> ClaimFromJson(const json& j) {
  return Run<Claim>(j, "claim", ReadClaim);
}

json EvidenceToJson(const Evidence& e) {
  return json{{"doc_id", e.doc_id},
              {"path", e.path},
              {"source", e.source},
              {"line", e.position.line},
              {"column", e.position.column},
              {"span", SpanToJson(e.span)},
              {"quote", e.quote},
              {"sentence", e.sentence},
              {"value", e.value},
              {"claim_id", e.claim_id},
              {"reference_date", e.reference_date}};
}
absl::StatusOr<Evidence> EvidenceFromJson(const json& j) {
  return Run<Evidence>(j, "evidence", ReadEvidence);
}

json FindingToJson(const Finding& f) {
  json evidence = json::array();
  for (const Evidence& e : f.evidence) evidence.push_back(EvidenceToJson(e));
  return json{{"rule_id", f.rule_id},
              {"kind", f.kind},
              {"severity", SeverityName(f.severity)},
              {"confidence", Number(f.confidence)},
              {"message", f.message},
              {"subject", f.subject},
              {"fingerprint", f.fingerprint},
              {"suppressed", f.suppressed},
              {"suppression_reason", f.suppression_reason},
              {"evidence", std::move(evidence)}};
}
absl::StatusOr<Finding> FindingFromJson(const json& j) {
  return Run<Finding>(j, "finding", ReadFinding);
}

json SegmentToJson(const Segment& s, const LineIndex* index) {
  Span span = s.text.OriginalSpan(0, s.text.size());
  json j{{"index", s.index},
         {"kind", SegmentKindName(s.kind)},
         {"span", SpanToJson(span)},
         {"text", s.text.text()},
         {"sentences", PiecesToJson(s, s.sentences)},
         {"cells", PiecesToJson(s, s.cells)},
         {"column_headers", s.column_headers},
         {"heading", s.heading},
         {"boilerplate", s.boilerplate},
         {"boilerplate_reason", s.boilerplate_reason}};
  if (index != nullptr) {
    Position p = index->PositionOf(span.begin);
    j["line"] = p.line;
    j["column"] = p.column;
  }
  return j;
}
absl::StatusOr<Segment> SegmentFromJson(const json& j) {
  return Run<Segment>(j, "segment", ReadSegment);
}

// ---------------------------------------------------------------------------
// Streaming writers. Members are written in byte order of their keys (the
// order of nlohmann's std::map objects); keep them in step with XToJson.

namespace {

// One object being written: merges the caller's extra members among the
// type's own so that all keys come out sorted.
class ObjectOut {
 public:
  ObjectOut(JsonWriter* w, absl::Span<const RawJsonMember> extra = {})
      : w_(w), extra_(extra) {
    w_->BeginObject();
  }
  ObjectOut(const ObjectOut&) = delete;
  ObjectOut& operator=(const ObjectOut&) = delete;
  ~ObjectOut() {
    while (next_ < extra_.size()) WriteExtra();
    w_->EndObject();
  }

  // Writes `key`; the caller writes its value on the returned writer.
  JsonWriter& Key(JsonKey key) {
    while (next_ < extra_.size() && extra_[next_].key < key.name()) {
      WriteExtra();
    }
    w_->FixedKey(key);
    return *w_;
  }

 private:
  void WriteExtra() {
    w_->Key(extra_[next_].key);
    w_->Raw(extra_[next_].json);
    ++next_;
  }

  JsonWriter* w_;
  absl::Span<const RawJsonMember> extra_;
  size_t next_ = 0;
};

// FormatDay(day) as a JSON string, without absl's time-zone machinery (the
// larger part of a claim's cost): the year as absl::StrCat prints it, then
// "-MM-DD", which is how absl::FormatCivilTime prints a CivilDay.
void WriteDay(absl::CivilDay day, JsonWriter* w) {
  char buf[40];
  char* p = buf;
  *p++ = '"';
  p = std::to_chars(p, buf + sizeof(buf) - 8, day.year()).ptr;
  for (int part : {day.month(), day.day()}) {
    *p++ = '-';
    *p++ = static_cast<char>('0' + part / 10);
    *p++ = static_cast<char>('0' + part % 10);
  }
  *p++ = '"';
  w->Raw(absl::string_view(buf, static_cast<size_t>(p - buf)));
}

void WriteDay(const std::optional<absl::CivilDay>& day, JsonWriter* w) {
  if (day) {
    WriteDay(*day, w);
  } else {
    w->Null();
  }
}

void WriteSpan(uint64_t begin, uint64_t end, JsonWriter* w) {
  ObjectOut o(w);
  o.Key("begin").Uint(begin);
  o.Key("end").Uint(end);
}

void WriteReferenceDate(const ReferenceDate& r, JsonWriter* w) {
  ObjectOut o(w);
  o.Key("confidence").Double(r.confidence);
  WriteDay(r.day, &o.Key("date"));
  o.Key("evidence").String(r.evidence);
  WriteDay(r.latest, &o.Key("latest"));
  o.Key("provenance").String(r.provenance);
}

void WriteDateValue(const DateValue& d, JsonWriter* w) {
  ObjectOut o(w);
  WriteDay(d.begin, &o.Key("begin"));
  WriteDay(d.end, &o.Key("end"));
  o.Key("granularity").String(GranularityName(d.granularity));
  o.Key("iso").String(d.iso);
  o.Key("relative").Bool(d.relative);
}

void WriteAmount(const Amount& a, JsonWriter* w) {
  ObjectOut o(w);
  o.Key("dimension").String(a.dimension);
  o.Key("high").Double(a.high);
  o.Key("low").Double(a.low);
  o.Key("qualifier").String(a.qualifier);
  o.Key("unit").String(a.unit);
  o.Key("value").Double(a.value);
}

void WriteSubject(const Subject& s, JsonWriter* w) {
  ObjectOut o(w);
  o.Key("head").String(s.head);
  o.Key("key").String(s.key);
  JsonWriter& m = o.Key("modifiers");
  m.BeginArray();
  for (const std::string& mod : s.modifiers) m.String(mod);
  m.EndArray();
  o.Key("text").String(s.text);
}

void WriteTimeScope(const TimeScope& t, JsonWriter* w) {
  ObjectOut o(w);
  WriteDateValue(t.period, &o.Key("period"));
  o.Key("source").String(t.source);
}

}  // namespace

void WriteDocumentInfoJson(const DocumentInfo& d, JsonWriter* w,
                           absl::Span<const RawJsonMember> extra) {
  ObjectOut o(w, extra);
  o.Key("ai_column").Int(d.ai_column);
  o.Key("ai_evidence").String(d.ai_evidence);
  o.Key("ai_generated").Bool(d.ai_generated);
  o.Key("ai_line").Int(d.ai_line);
  WriteSpan(d.ai_span_begin, d.ai_span_end, &o.Key("ai_span"));
  o.Key("format").String(d.format);
  o.Key("id").String(d.id);
  JsonWriter& h = o.Key("minhash");
  h.BeginArray();
  for (uint64_t v : d.minhash) h.Uint(v);
  h.EndArray();
  o.Key("path").String(d.path);
  WriteReferenceDate(d.reference_date, &o.Key("reference_date"));
  o.Key("source").String(d.source);
  o.Key("syndication_key").String(d.syndication_key);
  o.Key("title").String(d.title);
}

void WriteMentionJson(const Mention& m, JsonWriter* w,
                      absl::Span<const RawJsonMember> extra) {
  ObjectOut o(w, extra);
  WriteAmount(m.amount, &o.Key("amount"));
  JsonWriter& date = o.Key("date");
  if (m.date) {
    WriteDateValue(*m.date, &date);
  } else {
    date.Null();
  }
  o.Key("group").String(m.group);
  o.Key("kind").String(MentionKindName(m.kind));
  o.Key("label").String(m.label);
  o.Key("local_begin").Uint(m.local_begin);
  o.Key("local_end").Uint(m.local_end);
  o.Key("rule_id").String(m.rule_id);
  o.Key("segment").Int(m.segment);
  o.Key("sentence").Int(m.sentence);
  WriteSpan(m.span.begin, m.span.end, &o.Key("span"));
  o.Key("text").String(m.text);
}

void WriteClaimJson(const Claim& c, JsonWriter* w,
                    absl::Span<const RawJsonMember> extra) {
  ObjectOut o(w, extra);
  JsonWriter& from = o.Key("change_from");
  if (c.change_from) {
    from.Double(*c.change_from);
  } else {
    from.Null();
  }
  o.Key("column").Int(c.position.column);
  o.Key("doc_id").String(c.doc_id);
  o.Key("event").String(c.event);
  o.Key("id").String(c.id);
  o.Key("line").Int(c.position.line);
  o.Key("measure").String(MeasureName(c.measure));
  WriteMentionJson(c.mention, &o.Key("mention"));
  o.Key("modality").String(ModalityName(c.modality));
  o.Key("quote").String(c.quote);
  WriteTimeScope(c.scope, &o.Key("scope"));
  o.Key("sentence").String(c.sentence);
  o.Key("speaker").String(c.speaker);
  WriteSubject(c.subject, &o.Key("subject"));
}

}  // namespace crosscheck
