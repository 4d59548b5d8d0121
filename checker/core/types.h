// crosscheck's value types: what flows between the stages.
//
//   paths --ingest--> Document --segment--> Segment --extract--> Mention/Claim
//         --align--> ClaimGroup --judge--> Finding --report--> json/html/sarif
//
// Every stage takes values of these types and returns new ones; nothing here
// owns behaviour beyond small helpers. Offsets are always byte offsets into a
// document's *original* text (the file's bytes, or for JSON Lines input the
// decoded body field), end exclusive, so every claim and finding can quote
// and point (path:line:col) into what the user has on disk.
//
// Example:
//   Document doc = ...;                       // from ingest::ReadCorpus
//   Position p = doc.original_index.PositionOf(span.begin);
//   absl::string_view quote = doc.Quote(span);
#ifndef CROSSCHECK_CHECKER_CORE_TYPES_H_
#define CROSSCHECK_CHECKER_CORE_TYPES_H_

#include <atomic>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "checker/core/mapped_text.h"

namespace crosscheck {

// ---------------------------------------------------------------------------
// Compact strings for claim fields. A million claims must fit in memory with
// room to judge them, and a std::string costs 32 bytes even when empty; most
// claim strings come from small vocabularies (rule ids, units, lemmas) or are
// shared by several claims (a sentence). The types below read like a const
// std::string: they convert implicitly to std::string (Symbol to
// `const std::string&`) and absl::string_view, work in
// absl::StrCat/StrJoin/StrFormat("%s"), compare with strings and literals by
// content, print to streams and serialize as JSON strings (nlohmann::json).
// Assigning a string sets them.

// Read-only string interface of a type that holds a std::string (Symbol);
// Derived provides `const std::string& str() const`.
template <typename Derived>
class StringValue {
 public:
  operator const std::string&() const { return self(); }  // NOLINT
  operator absl::string_view() const { return self(); }   // NOLINT
  operator absl::AlphaNum() const {  // NOLINT: absl::StrCat / StrJoin
    return absl::AlphaNum(absl::string_view(self()));
  }
  bool empty() const { return self().empty(); }
  size_t size() const { return self().size(); }
  const char* data() const { return self().data(); }
  const char* c_str() const { return self().c_str(); }
  std::string::const_iterator begin() const { return self().begin(); }
  std::string::const_iterator end() const { return self().end(); }
  char operator[](size_t i) const { return self()[i]; }
  size_t find(absl::string_view s, size_t pos = 0) const {
    return absl::string_view(self()).find(s, pos);
  }
  std::string substr(size_t pos, size_t n = std::string::npos) const {
    return self().substr(pos, n);
  }

  friend std::string operator+(const Derived& a, absl::string_view b) {
    return absl::StrCat(a.str(), b);
  }
  friend std::string operator+(const Derived& a, const char* b) {
    return absl::StrCat(a.str(), b);
  }
  friend std::string operator+(const Derived& a, const std::string& b) {
    return absl::StrCat(a.str(), b);
  }
  friend std::string operator+(absl::string_view a, const Derived& b) {
    return absl::StrCat(a, b.str());
  }
  friend std::string operator+(const char* a, const Derived& b) {
    return absl::StrCat(a, b.str());
  }
  friend std::string operator+(const std::string& a, const Derived& b) {
    return absl::StrCat(a, b.str());
  }

  friend bool operator==(const Derived& a, const char* b) {
    return a.str() == b;
  }
  friend bool operator==(const Derived& a, absl::string_view b) {
    return absl::string_view(a.str()) == b;
  }
  friend bool operator==(const Derived& a, const std::string& b) {
    return a.str() == b;
  }
  // By content, so that sorted output never depends on interning order.
  friend std::strong_ordering operator<=>(const Derived& a, const Derived& b) {
    return a.str().compare(b.str()) <=> 0;
  }
  friend std::ostream& operator<<(std::ostream& os, const Derived& s) {
    return os << s.str();
  }
  // absl::StrFormat("%s", s).
  friend absl::FormatConvertResult<absl::FormatConversionCharSet::kString>
  AbslFormatConvert(const Derived& s, const absl::FormatConversionSpec&,
                    absl::FormatSink* sink) {
    sink->Append(s.str());
    return {true};
  }

 private:
  const std::string& self() const {
    return static_cast<const Derived*>(this)->str();
  }
};

// An interned string: 8 bytes, copied and compared for equality in O(1).
// Equal contents share one process-wide, never-freed copy, so use it for
// vocabularies (rule ids, units, lemmas, labels, document ids), not for
// free text. Interning is thread-safe.
//
//   Symbol unit = "USD";
//   if (unit == "USD") ...;                  // content comparison
//   absl::StrCat(unit, " 4.8");              // "USD 4.8"
class Symbol : public StringValue<Symbol> {
 public:
  Symbol() = default;
  Symbol(absl::string_view s);  // NOLINT(runtime/explicit): like std::string
  Symbol(const std::string& s) : Symbol(absl::string_view(s)) {}  // NOLINT
  Symbol(const char* s) : Symbol(absl::string_view(s)) {}         // NOLINT

  const std::string& str() const { return *s_; }

  friend bool operator==(const Symbol& a, const Symbol& b) {
    return a.s_ == b.s_;  // interned: same content, same pointer
  }
  template <typename H>
  friend H AbslHashValue(H h, const Symbol& s) {
    return H::combine(std::move(h), s.s_);
  }

 private:
  static const std::string kEmpty;
  const std::string* s_ = &kEmpty;
};

// Read-only string interface shared by SharedString and InlineString,
// which keep their bytes themselves (so, unlike StringValue, no
// std::string to hand out); Derived provides `const char* data() const`
// and `size_t size() const`.
template <typename Derived>
class StringViewValue {
 public:
  absl::string_view view() const {
    return absl::string_view(self().data(), self().size());
  }
  std::string str() const { return std::string(view()); }
  operator absl::string_view() const { return view(); }               // NOLINT
  operator std::string() const { return str(); }                      // NOLINT
  operator absl::AlphaNum() const { return absl::AlphaNum(view()); }  // NOLINT
  bool empty() const { return self().size() == 0; }
  const char* begin() const { return self().data(); }
  const char* end() const { return self().data() + self().size(); }
  char operator[](size_t i) const { return self().data()[i]; }
  size_t find(absl::string_view s, size_t pos = 0) const {
    return view().find(s, pos);
  }
  std::string substr(size_t pos, size_t n = std::string::npos) const {
    return std::string(view().substr(pos, n));
  }

  friend bool operator==(const Derived& a, const Derived& b) {
    // Copies of a SharedString share their bytes: no need to read them.
    return (a.data() == b.data() && a.size() == b.size()) ||
           a.view() == b.view();
  }
  friend bool operator==(const Derived& a, absl::string_view b) {
    return a.view() == b;
  }
  friend bool operator==(const Derived& a, const char* b) {
    return a.view() == absl::string_view(b);
  }
  friend bool operator==(const Derived& a, const std::string& b) {
    return a.view() == absl::string_view(b);
  }
  friend std::strong_ordering operator<=>(const Derived& a, const Derived& b) {
    return a.view().compare(b.view()) <=> 0;
  }
  friend std::string operator+(const Derived& a, absl::string_view b) {
    return absl::StrCat(a.view(), b);
  }
  friend std::string operator+(const Derived& a, const char* b) {
    return absl::StrCat(a.view(), b);
  }
  friend std::string operator+(const Derived& a, const std::string& b) {
    return absl::StrCat(a.view(), b);
  }
  friend std::string operator+(absl::string_view a, const Derived& b) {
    return absl::StrCat(a, b.view());
  }
  friend std::string operator+(const char* a, const Derived& b) {
    return absl::StrCat(a, b.view());
  }
  friend std::string operator+(const std::string& a, const Derived& b) {
    return absl::StrCat(a, b.view());
  }
  friend std::ostream& operator<<(std::ostream& os, const Derived& s) {
    return os << s.view();
  }
  // absl::StrFormat("%s", s).
  friend absl::FormatConvertResult<absl::FormatConversionCharSet::kString>
  AbslFormatConvert(const Derived& s, const absl::FormatConversionSpec&,
                    absl::FormatSink* sink) {
    sink->Append(s.view());
    return {true};
  }
  template <typename H>
  friend H AbslHashValue(H h, const Derived& s) {
    return H::combine(std::move(h), s.view());
  }

 private:
  const Derived& self() const { return *static_cast<const Derived*>(this); }
};

// An immutable, reference-counted string: copies share one buffer (one
// allocation holding count, size and bytes), so the claims of one sentence
// and the evidence quoting them hold it once. Reads as an
// absl::string_view; converts to std::string by copy.
//
//   SharedString sentence = std::string(text);
//   claim_a.sentence = sentence;             // no copy of the text
//   claim_b.sentence = sentence;
class SharedString : public StringViewValue<SharedString> {
 public:
  SharedString() = default;
  SharedString(absl::string_view s);  // NOLINT
  SharedString(const std::string& s)
      : SharedString(absl::string_view(s)) {}                          // NOLINT
  SharedString(const char* s) : SharedString(absl::string_view(s)) {}  // NOLINT
  SharedString(const SharedString& o) : rep_(o.rep_) { Ref(); }
  SharedString(SharedString&& o) noexcept : rep_(o.rep_) { o.rep_ = nullptr; }
  SharedString& operator=(SharedString o) noexcept {
    std::swap(rep_, o.rep_);
    return *this;
  }
  ~SharedString() { Unref(); }

  size_t size() const { return rep_ ? rep_->size : 0; }
  const char* data() const { return rep_ ? rep_->data : ""; }

 private:
  struct Rep {
    std::atomic<uint32_t> refs;
    uint32_t size;
    char data[];  // NOLINT: flexible array member (GNU): one allocation
  };
  void Ref() const;
  void Unref();
  Rep* rep_ = nullptr;  // null: ""
};

// A string kept inside the object up to kInline bytes, longer ones on the
// heap; reads like SharedString. For finding fingerprints (16 hex digits):
// a std::string keeps at most 15 bytes inline, so a run of a million
// claims spent a small allocation on every finding's fingerprint.
//
//   InlineString fp = "00ff00ff00ff00ff";  // no allocation
class InlineString : public StringViewValue<InlineString> {
 public:
  static constexpr size_t kInline = 19;  // plus a terminating NUL

  InlineString() { buf_[0] = '\0'; }
  InlineString(absl::string_view s) { Set(s); }               // NOLINT
  InlineString(const std::string& s) { Set(s); }              // NOLINT
  InlineString(const char* s) { Set(absl::string_view(s)); }  // NOLINT
  InlineString(const InlineString& o) { Set(o.view()); }
  InlineString(InlineString&& o) noexcept { Take(&o); }
  InlineString& operator=(const InlineString& o) {
    if (this != &o) {
      InlineString copy(o);
      Free();
      Take(&copy);
    }
    return *this;
  }
  InlineString& operator=(InlineString&& o) noexcept {
    if (this != &o) {
      Free();
      Take(&o);
    }
    return *this;
  }
  ~InlineString() { Free(); }

  size_t size() const { return size_; }
  const char* data() const { return heap_ != nullptr ? heap_ : buf_; }
  const char* c_str() const { return data(); }

 private:
  void Set(absl::string_view s);
  // Takes o's bytes (its heap buffer, if any); leaves o empty.
  void Take(InlineString* o) {
    heap_ = o->heap_;
    size_ = o->size_;
    std::memcpy(buf_, o->buf_, sizeof(buf_));
    o->heap_ = nullptr;
    o->size_ = 0;
    o->buf_[0] = '\0';
  }
  void Free() { delete[] heap_; }

  char* heap_ = nullptr;  // null: the bytes are in buf_
  uint32_t size_ = 0;
  char buf_[kInline + 1];
};

// nlohmann::json conversions (found by argument-dependent lookup), without
// making every user of this header include nlohmann.
template <typename Json>
void to_json(Json& j, const Symbol& s) {  // NOLINT(runtime/references)
  j = s.str();
}
template <typename Json>
void to_json(Json& j, const SharedString& s) {  // NOLINT
  j = s.str();
}
template <typename Json>
void to_json(Json& j, const InlineString& s) {  // NOLINT
  j = s.str();
}
template <typename Json>
void from_json(const Json& j, InlineString& s) {  // NOLINT
  s = InlineString(j.template get_ref<const std::string&>());
}
template <typename Json>
void from_json(const Json& j, Symbol& s) {  // NOLINT(runtime/references)
  s = Symbol(j.template get_ref<const std::string&>());
}
template <typename Json>
void from_json(const Json& j, SharedString& s) {  // NOLINT
  s = SharedString(j.template get<std::string>());
}

// ---------------------------------------------------------------------------
// Diagnostics: problems with the input or configuration. A diagnostic never
// stops the run; the document or rule concerned is skipped or degraded and
// the rest is processed (LevelDB's Reporter model).
enum class Severity { kInfo = 0, kWarning = 1, kError = 2 };
absl::string_view SeverityName(Severity s);  // "info", "warning", "error"
std::optional<Severity> ParseSeverity(absl::string_view name);

struct Diagnostic {
  Severity severity = Severity::kError;
  std::string code;     // stable id, e.g. "ingest.invalid-utf8"
  std::string path;     // file concerned ("" for corpus-wide)
  int line = 0;         // 1-based, 0 when unknown
  int column = 0;       // 1-based, 0 when unknown
  std::string message;  // one lowercase sentence naming the problem
};

// ---------------------------------------------------------------------------
// Documents.

// How a document's reference date ("now" for the article) was found.
struct ReferenceDate {
  std::optional<absl::CivilDay> day;  // unset when unknown
  std::string provenance;   // "metadata:published", "dateline", "text-cue",
                            // "latest-past-date", "corpus", "override", ""
  std::string evidence;     // the text it was read from, if any
  double confidence = 0.0;  // 0..1
  // Some documents are only placed in a window ("between November 2024 and
  // 20 January 2025"); `day` is then the window's start.
  std::optional<absl::CivilDay> latest;
};

// A structural unit produced by ingestion. HTML ingestion yields real
// structure; text formats yield one kLine block per physical line and leave
// structure to the segmenter.
enum class BlockKind {
  kLine,       // a physical line of a text file (may be blank)
  kTitle,      // <title> or front-matter title
  kHeading,    // <h1>-<h6>, markdown '#'
  kParagraph,  // <p>, or a run of text
  kListItem,   // <li>, '- ' / '* ' / '1. '
  kTableRow,   // <tr>, markdown '| a | b |'
  kOther,      // anything else kept (e.g. <div> text, <blockquote>)
};
absl::string_view BlockKindName(BlockKind k);

struct Block {
  BlockKind kind = BlockKind::kLine;
  MappedText text;  // normalized text; maps back to original offsets
  // For kTableRow: cell texts, each mapped. Header rows have is_header set.
  std::vector<MappedText> cells;
  bool is_header = false;
  // Names of enclosing structural hints from the source, e.g. "nav",
  // "related" (class/id names that ingestion kept), for boilerplate rules.
  std::string container_hint;
};

struct Document {
  std::string id;       // stable: file stem, or JSONL "id" field
  std::string path;     // as given on the command line (relative if so)
  int record_line = 0;  // JSONL: 1-based line of the record; else 0
  std::string format;   // "txt", "md", "html", "jsonl"
  std::string title;
  std::string source;  // publisher / site name
  std::string byline;
  std::string url;
  ReferenceDate reference_date;
  std::string original;      // original bytes (file, or decoded JSONL body)
  LineIndex original_index;  // line:col lookups into `original`
  std::vector<Block> blocks;
  std::string extra_json;  // JSONL: other fields, serialized; else ""

  // The original bytes of `span`, clamped to the text.
  absl::string_view Quote(Span span) const;
};

// ---------------------------------------------------------------------------
// Segments.
enum class SegmentKind {
  kTitle,
  kHeading,
  kParagraph,
  kListItem,
  kTableRow,
};
absl::string_view SegmentKindName(SegmentKind k);

struct Sentence {
  uint32_t begin = 0;  // offsets into Segment::text.text (normalized)
  uint32_t end = 0;
};

struct Segment {
  int index = 0;  // position in the document
  SegmentKind kind = SegmentKind::kParagraph;
  MappedText text;
  std::vector<Sentence> sentences;
  // kTableRow: each cell's offsets into `text`, and the header of each column
  // ("" when the table has none).
  std::vector<Sentence> cells;
  std::vector<std::string> column_headers;
  std::string heading;  // nearest heading above, for context
  bool boilerplate = false;
  std::string boilerplate_reason;  // rule id or "structure.<signal>"
};

// A document after segmentation: what extraction reads.
struct SegmentedDocument {
  const Document* doc = nullptr;
  std::vector<Segment> segments;
};

// ---------------------------------------------------------------------------
// Mentions and claims.
enum class MentionKind {
  kNumber,
  kMoney,
  kPercent,
  kQuantity,
  kDate,
  kDuration,
  kStatus,
  kEvent,
  kDisclaimer,
};
absl::string_view MentionKindName(MentionKind k);
// A kind that carries an Amount: numbers, money, percentages, quantities,
// durations.
inline bool IsNumericKind(MentionKind k) {
  return k == MentionKind::kNumber || k == MentionKind::kMoney ||
         k == MentionKind::kPercent || k == MentionKind::kQuantity ||
         k == MentionKind::kDuration;
}
std::optional<MentionKind> ParseMentionKind(absl::string_view name);

// Calendar granularity of a date value.
enum class Granularity { kDay, kWeek, kMonth, kQuarter, kHalf, kYear, kDecade };
absl::string_view GranularityName(Granularity g);

// A normalized date: the inclusive range of days it covers.
struct DateValue {
  absl::CivilDay begin;
  absl::CivilDay end;  // inclusive
  Symbol iso;          // "2026-02-08", "2024-Q3", "2025-H1", "2025", "201X"
  Granularity granularity = Granularity::kDay;
  bool relative = false;  // resolved from a relative expression / weekday
};

// A normalized amount. Exact figures have low == high == value; "about"
// widens the bounds, "more than" opens the top (high = +inf), ranges give
// low..high with value their midpoint.
struct Amount {
  double value = 0;
  double low = 0;
  double high = 0;
  Symbol unit;       // "USD", "JPY", "%", "pp", "km", "soldier", ""
  Symbol dimension;  // "currency", "percent", "percentage-points",
                     // "count", "distance", "duration", "ratio", ""
  Symbol qualifier;  // "about", "more-than", "at-least", "up-to", ""
};

struct Mention {
  MentionKind kind = MentionKind::kNumber;
  Symbol rule_id;            // e.g. "money.currency-amount"
  Span span;                 // original byte span, end exclusive
  uint32_t local_begin = 0;  // offsets into the segment's normalized text
  uint32_t local_end = 0;
  int segment = 0;
  int sentence = 0;
  std::string text;               // normalized matched text
  Amount amount;                  // numeric kinds
  std::optional<DateValue> date;  // kDate
  Symbol label;                   // kStatus: status value; kEvent: event noun;
                                  // kDisclaimer: "ai-generated"
  Symbol group;                   // kStatus: exclusive group id
};

enum class Measure {
  kLevel,
  kChange,
  kShare,
  kRank,
  kCount,
  kEventDate,
  kStatus,
};
absl::string_view MeasureName(Measure m);
std::optional<Measure> ParseMeasure(absl::string_view name);

enum class Modality { kPast, kPresent, kFuture, kHedged };
absl::string_view ModalityName(Modality m);
std::optional<Modality> ParseModality(absl::string_view name);

struct Subject {
  std::string text;  // as written, e.g. "tariffs on South Korean automobiles"
  Symbol head;       // canonical head lemma, e.g. "tariff"
  std::vector<Symbol> modifiers;  // canonical, sorted, e.g. {"automobile",
                                  // "korean", "south"}
  Symbol key;                     // canonical key used for grouping
};

// What a claim is about in time.
struct TimeScope {
  DateValue period;
  Symbol source;  // "explicit", "reference-date"
};

// The document facts a claim carries so that alignment can run on claims
// alone (crosscheck align CLAIMS.jsonl).
struct DocumentInfo {
  std::string id;
  std::string path;
  std::string title;
  std::string source;
  std::string format;
  ReferenceDate reference_date;
  bool ai_generated = false;
  std::string ai_evidence;
  uint64_t ai_span_begin = 0;
  uint64_t ai_span_end = 0;
  int ai_line = 0;
  int ai_column = 0;
  std::string syndication_key;    // equal keys: near-duplicate documents
  std::vector<uint64_t> minhash;  // document signature for duplicates
};

struct Claim {
  std::string id;  // "<doc id>#<n>", stable
  Symbol doc_id;
  Mention mention;
  Subject subject;
  Measure measure = Measure::kLevel;
  Modality modality = Modality::kPresent;
  TimeScope scope;
  Symbol speaker;
  Symbol event;  // event key for kEventDate, e.g. "election"
  // kChange from "from X to Y": X (the amount is Y, the new level).
  std::optional<double> change_from;
  // Normalized sentence text containing the mention; the claims of one
  // sentence may share it.
  SharedString sentence;
  Position position;  // line:col of mention.span.begin in the original
  std::string quote;  // original bytes of mention.span
};

// ---------------------------------------------------------------------------
// Findings.
struct Evidence {
  // Document facts are interned: hundreds of thousands of evidence entries
  // repeat a few thousand documents.
  Symbol doc_id;
  Symbol path;
  Symbol source;
  Position position;
  Span span;
  std::string quote;      // original text of the claim
  SharedString sentence;  // its sentence, for context
  // Normalized value as text ("4,800 worker", "2024-Q3"), interned: values
  // repeat across claims and documents, and a million evidence entries
  // then hold 8 bytes each instead of a string.
  Symbol value;
  std::string claim_id;
  Symbol reference_date;  // "YYYY-MM-DD" or ""
};

// The evidence of one finding: reads and grows like a std::vector<Evidence>
// (push_back, resize, indexing, iteration), but its entries may instead be
// a slice of a block shared by many lists. JudgeAll gives all the findings
// of a run one block for their evidence: a million entries then cost one
// allocation, on huge pages, instead of one per finding (fresh small
// allocations fault page by page, and freeing them is as costly again).
// Only one list sees a given slice, so entries can be changed in place;
// copying a list copies its entries into storage of its own, and growing a
// slice moves them there.
class EvidenceList {
 public:
  using value_type = Evidence;
  using iterator = Evidence*;
  using const_iterator = const Evidence*;
  using size_type = size_t;

  EvidenceList() = default;
  EvidenceList(std::initializer_list<Evidence> entries);
  EvidenceList(const EvidenceList& o);
  EvidenceList(EvidenceList&& o) noexcept;
  EvidenceList& operator=(const EvidenceList& o);
  EvidenceList& operator=(EvidenceList&& o) noexcept;
  ~EvidenceList() { Release(); }

  // The list of the `n` entries at `data`, which `block` keeps alive (and
  // destroys with itself). No other list may be given these entries.
  static EvidenceList Slice(std::shared_ptr<void> block, Evidence* data,
                            size_t n);

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  Evidence* data() { return data_; }
  const Evidence* data() const { return data_; }
  Evidence* begin() { return data_; }
  Evidence* end() { return data_ + size_; }
  const Evidence* begin() const { return data_; }
  const Evidence* end() const { return data_ + size_; }
  Evidence& operator[](size_t i) { return data_[i]; }
  const Evidence& operator[](size_t i) const { return data_[i]; }
  Evidence& at(size_t i);
  const Evidence& at(size_t i) const;
  Evidence& front() { return data_[0]; }
  const Evidence& front() const { return data_[0]; }
  Evidence& back() { return data_[size_ - 1]; }
  const Evidence& back() const { return data_[size_ - 1]; }

  void push_back(const Evidence& e);
  void push_back(Evidence&& e);
  void reserve(size_t n);
  void resize(size_t n);
  void clear();

 private:
  // Makes the entries owned, with room for at least `n`.
  void Grow(size_t n);
  // Destroys owned entries and frees their storage, or lets go of a slice.
  void Release();

  Evidence* data_ = nullptr;
  uint32_t size_ = 0;
  uint32_t capacity_ = 0;        // owned storage only
  std::shared_ptr<void> block_;  // set: data_ is a slice of it
};

struct Finding {
  Symbol rule_id;  // "judge.conflict", "judge.event-date-conflict", ...
  Symbol kind;     // "conflict", "agreement", "superseded", ...
  Severity severity = Severity::kInfo;
  bool suppressed = false;  // matched by a baseline / suppression
  double confidence = 0;
  std::string message;   // one sentence, quotes the values
  SharedString subject;  // subject text or event key (shared by a group's
                         // findings)
  EvidenceList evidence;
  InlineString fingerprint;  // stable across unrelated edits (16 hex digits)
  std::string suppression_reason;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_CORE_TYPES_H_
