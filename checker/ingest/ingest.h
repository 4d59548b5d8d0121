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
//
// What each format yields:
//   txt, md   one BlockKind::kLine block per physical line (blank lines too),
//             normalized (checker/ingest/normalize.h) and mapped to the
//             file's bytes. Front-matter lines ("---" ... "---") carry
//             container_hint "front-matter". Title: front-matter "title:",
//             else the first "# " heading, else a short first line that is
//             not a sentence.
//   html      parsed with gumbo (HTML5); chrome elements (script, style,
//             nav, header outside <article>, footer, aside, form, ...) and
//             hidden elements dropped; h1-h6 -> kHeading, p -> kParagraph,
//             li/dd/dt -> kListItem, tr -> kTableRow (cells; text = cells
//             joined by " | "), <title> -> kTitle, other text runs ->
//             kParagraph (div, section, blockquote, ...) or kOther
//             (figcaption, caption, address, summary). container_hint lists
//             the chrome-like class/id words of ancestors ("related share").
//             Metadata: og:title/<title>, og:site_name, author, canonical
//             url, published date (meta tags, JSON-LD, first <time>).
//   jsonl     one document per line: id, title, source, url,
//             published|date|published_at, byline|author, body|text|content;
//             other fields kept in extra_json (sorted keys). `original` is
//             the decoded body; bodies with HTML tags are parsed as HTML.
//
// Reference date: metadata first ("metadata:<field>"), else a dateline in
// the first lines ("dateline" / "dateline-no-year"; see dateline.h).
//
// Diagnostic codes (stable):
//   ingest.missing-path      error    path does not exist
//   ingest.unreadable        error    cannot open / list
//   ingest.empty-directory   warning  a directory argument holds no articles
//   ingest.symlink-loop      warning  a symlink leads back to an ancestor
//   ingest.broken-symlink    warning  a symlink in a walked directory dangles
//   ingest.not-a-file        error    a device, socket or fifo
//   ingest.skipped-file      info     a walked file with a non-article
//                                     extension, or corpus documentation
//                                     (README.*, EXPECTED.*, LICENSE.*,
//                                     CHANGELOG.*). *.json is skipped
//                                     silently: corpora keep expected.json
//                                     beside their articles. Files named
//                                     explicitly are always read.
//   ingest.binary            error    NUL / control bytes; skipped
//   ingest.file-too-large    error    over max_file_bytes; skipped
//   ingest.empty-file        warning  empty or whitespace only; no document
//   ingest.invalid-utf8      warning  once per file, at the first bad byte
//   ingest.utf16             warning  UTF-16 with BOM, transcoded
//   ingest.line-too-long     warning  line cut to max_line_bytes
//   ingest.bad-date          warning  a metadata date that cannot be read
//   ingest.html-too-deep     warning  nesting too deep for the tree parser;
//                                     text read without structure
//   ingest.jsonl-malformed   error    a line that is not a JSON object
//   ingest.jsonl-missing-body error   a record without a string body
//   ingest.jsonl-duplicate-id warning the later record becomes "<id>~<line>"
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
// contents sorted by name (byte order), hidden entries (".name") skipped.
// A file reached twice (named twice, or through a symlink) is listed once,
// under the first name it was reached by. "-" (stdin) passes through.
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

// ListCorpus, then ReadDocumentFile for each file, in list order.
std::vector<Document> ReadCorpus(const std::vector<std::string>& paths,
                                 const IngestOptions& options,
                                 std::vector<Diagnostic>* diagnostics);

}  // namespace crosscheck::ingest

#endif  // CROSSCHECK_CHECKER_INGEST_INGEST_H_
