// Ingestion: paths on the command line -> Documents.
//
// Directories are walked recursively in sorted byte order; files are read by
// extension (.txt, .md/.markdown, .html/.htm, .jsonl/.ndjson; anything else
// that is valid text is read as .txt, binary files are diagnosed). A file
// that cannot be read becomes a Diagnostic naming its path (and line for
// JSONL) and the rest of the corpus is still read: nothing is dropped
// silently.
//
//   std::vector<Diagnostic> diags;
//   std::vector<std::string> files = ListCorpus({"corpus/"}, &diags);
//   for (const auto& f : files) {
//     for (Document& d : ReadDocumentFile(f, IngestOptions{}, &diags)) ...
//   }
#ifndef CROSSCHECK_CHECKER_INGEST_INGEST_H_
#define CROSSCHECK_CHECKER_INGEST_INGEST_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "checker/core/types.h"

namespace crosscheck::ingest {

struct IngestOptions {
  // Files larger than this are diagnosed ("ingest.file-too-large") and skipped.
  uint64_t max_file_bytes = 512ull << 20;
  // Lines longer than this are cut (with a warning "ingest.line-too-long")
  // for matching; the original bytes stay addressable.
  uint64_t max_line_bytes = 1ull << 20;
};

// Expands `paths` into the sorted, de-duplicated list of files to read.
// Missing paths, unreadable directories, symlink loops and empty directories
// are diagnosed. Order is deterministic: each argument in turn, directory
// contents sorted by name.
std::vector<std::string> ListCorpus(const std::vector<std::string>& paths,
                                    std::vector<Diagnostic>* diagnostics);

// Reads one file. Returns zero documents (with a diagnostic) when the file is
// unusable, several for JSON Lines. `path` "-" reads standard input as text.
std::vector<Document> ReadDocumentFile(const std::string& path,
                                       const IngestOptions& options,
                                       std::vector<Diagnostic>* diagnostics);

// Parses bytes already in memory as `format` ("txt", "md", "html", "jsonl";
// "" guesses from `path`). Used by ReadDocumentFile, stdin and the fuzzers.
std::vector<Document> ParseDocuments(const std::string& path,
                                     absl::string_view bytes,
                                     absl::string_view format,
                                     const IngestOptions& options,
                                     std::vector<Diagnostic>* diagnostics);

}  // namespace crosscheck::ingest

#endif  // CROSSCHECK_CHECKER_INGEST_INGEST_H_
