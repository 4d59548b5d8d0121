// Format readers behind ingest::ParseDocuments (internal to ingest; use
// checker/ingest/ingest.h).
//
// Each reader fills a Document whose `original` (and `original_index`) the
// caller has already set: `text` is the UTF-8 to parse and offsets in the
// blocks it emits are offsets into `text`. The caller remaps them when
// `text` is a transcoding of `original` (UTF-16 input).
#ifndef CROSSCHECK_CHECKER_INGEST_FORMATS_H_
#define CROSSCHECK_CHECKER_INGEST_FORMATS_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "checker/core/types.h"
#include "checker/ingest/ingest.h"
#include "checker/ingest/normalize.h"

namespace crosscheck::ingest::internal {

// Where diagnostics about a document point. JSON Lines bodies point at
// their record's line; files at the line within `index`.
struct DiagContext {
  std::string path;
  int record_line = 0;               // > 0: every diagnostic uses this line
  const LineIndex* index = nullptr;  // else positions come from here
  Position At(uint32_t offset) const;
};

// txt / md: one kLine block per physical line, title, front matter,
// dateline. Returns the invalid UTF-8 seen.
Utf8Issues ParseTextInto(absl::string_view text, const IngestOptions& options,
                         const DiagContext& where, Document* doc,
                         std::vector<Diagnostic>* diagnostics);

// html: blocks from the parsed tree, metadata, dateline fallback.
Utf8Issues ParseHtmlInto(absl::string_view text, const IngestOptions& options,
                         const DiagContext& where, Document* doc,
                         std::vector<Diagnostic>* diagnostics);

// jsonl / ndjson: one document per record.
std::vector<Document> ParseJsonl(const std::string& path,
                                 absl::string_view bytes,
                                 const IngestOptions& options,
                                 std::vector<Diagnostic>* diagnostics);

// Whether a JSON Lines body looks like HTML (has block or inline tags).
bool LooksLikeHtml(absl::string_view text);

// Sets doc->reference_date from a metadata value (ISO timestamp or a
// written date). An unusable value is diagnosed ("ingest.bad-date") and
// ignored. Returns whether the date was set.
bool SetMetadataDate(absl::string_view field, absl::string_view value,
                     const DiagContext& where, Document* doc,
                     std::vector<Diagnostic>* diagnostics);

// The document id for a single-document file: the file stem ("stdin" for
// "-").
std::string FileStem(const std::string& path);

void AddDiagnostic(std::vector<Diagnostic>* diagnostics, Severity severity,
                   std::string code, std::string path, Position pos,
                   std::string message);

}  // namespace crosscheck::ingest::internal

#endif  // CROSSCHECK_CHECKER_INGEST_FORMATS_H_
