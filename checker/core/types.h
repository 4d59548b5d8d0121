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

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "checker/core/mapped_text.h"

namespace crosscheck {

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
  std::string provenance;  // "metadata:published", "dateline", "text-cue",
                           // "latest-past-date", "corpus", "override", ""
  std::string evidence;    // the text it was read from, if any
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
  std::string id;      // stable: file stem, or JSONL "id" field
  std::string path;    // as given on the command line (relative if so)
  int record_line = 0;  // JSONL: 1-based line of the record; else 0
  std::string format;   // "txt", "md", "html", "jsonl"
  std::string title;
  std::string source;   // publisher / site name
  std::string byline;
  std::string url;
  ReferenceDate reference_date;
  std::string original;   // original bytes (file, or decoded JSONL body)
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
std::optional<MentionKind> ParseMentionKind(absl::string_view name);

// Calendar granularity of a date value.
enum class Granularity { kDay, kWeek, kMonth, kQuarter, kHalf, kYear, kDecade };
absl::string_view GranularityName(Granularity g);

// A normalized date: the inclusive range of days it covers.
struct DateValue {
  absl::CivilDay begin;
  absl::CivilDay end;  // inclusive
  Granularity granularity = Granularity::kDay;
  std::string iso;  // "2026-02-08", "2024-Q3", "2025-H1", "2025", "201X"
  bool relative = false;  // resolved from a relative expression / weekday
};

// A normalized amount. Exact figures have low == high == value; "about"
// widens the bounds, "more than" opens the top (high = +inf), ranges give
// low..high with value their midpoint.
struct Amount {
  double value = 0;
  double low = 0;
  double high = 0;
  std::string unit;       // "USD", "JPY", "%", "pp", "km", "soldier", ""
  std::string dimension;  // "currency", "percent", "percentage-points",
                          // "count", "distance", "duration", "ratio", ""
  std::string qualifier;  // "about", "more-than", "at-least", "up-to", ""
};

struct Mention {
  MentionKind kind = MentionKind::kNumber;
  std::string rule_id;  // e.g. "money.currency-amount"
  Span span;            // original byte span, end exclusive
  uint32_t local_begin = 0;  // offsets into the segment's normalized text
  uint32_t local_end = 0;
  int segment = 0;
  int sentence = 0;
  std::string text;  // normalized matched text
  Amount amount;     // numeric kinds
  std::optional<DateValue> date;  // kDate
  std::string label;  // kStatus: status value; kEvent: event noun;
                      // kDisclaimer: "ai-generated"
  std::string group;  // kStatus: exclusive group id
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
  std::string head;  // canonical head lemma, e.g. "tariff"
  std::vector<std::string> modifiers;  // canonical, sorted, e.g. {"automobile",
                                       // "korean", "south"}
  std::string key;   // canonical key used for grouping
};

// What a claim is about in time.
struct TimeScope {
  DateValue period;
  std::string source;  // "explicit", "reference-date"
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
  std::string syndication_key;  // equal keys: near-duplicate documents
  std::vector<uint64_t> minhash;  // document signature for duplicates
};

struct Claim {
  std::string id;      // "<doc id>#<n>", stable
  std::string doc_id;
  Mention mention;
  Subject subject;
  Measure measure = Measure::kLevel;
  TimeScope scope;
  Modality modality = Modality::kPresent;
  std::string speaker;
  std::string event;  // event key for kEventDate, e.g. "election"
  // kChange from "from X to Y": X (the amount is Y, the new level).
  std::optional<double> change_from;
  std::string sentence;  // normalized sentence text containing the mention
  Position position;     // line:col of mention.span.begin in the original
  std::string quote;     // original bytes of mention.span
};

// ---------------------------------------------------------------------------
// Findings.
struct Evidence {
  std::string doc_id;
  std::string path;
  std::string source;
  Position position;
  Span span;
  std::string quote;     // original text of the claim
  std::string sentence;  // its sentence, for context
  std::string value;     // normalized value as text
  std::string claim_id;
  std::string reference_date;  // "YYYY-MM-DD" or ""
};

struct Finding {
  std::string rule_id;  // "judge.conflict", "judge.event-date-conflict", ...
  std::string kind;     // "conflict", "agreement", "superseded", ...
  Severity severity = Severity::kInfo;
  double confidence = 0;
  std::string message;  // one sentence, quotes the values
  std::string subject;  // subject text or event key
  std::vector<Evidence> evidence;
  std::string fingerprint;  // stable across unrelated edits
  bool suppressed = false;  // matched by a baseline / suppression
  std::string suppression_reason;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_CORE_TYPES_H_
