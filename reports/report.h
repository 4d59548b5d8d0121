// Reports: render a CheckResult as JSON, HTML, SARIF 2.1.0, Markdown or
// plain text.
//
// Every renderer is a pure function of (CheckResult, RenderOptions): the same
// input gives the same bytes (no clocks, no hash-map order), so reports can
// be diffed and cached. Article text is untrusted: every renderer escapes it
// for its format (HTML entities, Markdown metacharacters, JSON via
// nlohmann::json with invalid UTF-8 replaced by U+FFFD).
//
//   reports::RenderOptions options;
//   options.tool_version = CROSSCHECK_VERSION;
//   absl::StatusOr<std::string> html =
//       reports::RenderFormat("html", result, options);
//   if (!html.ok()) return html.status();
//   absl::Status written =
//       reports::WriteFileAtomically("out/crosscheck.html", *html);
//
// Reports of a large corpus are bigger than everything else the run holds,
// so the CLI never builds them whole: WriteReportFile and WriteReport stream
// them to their destination a record at a time through a ReportSink.
//
//   absl::Status s = reports::WriteReportFile("out/crosscheck.json", "json",
//                                             result, options);
//
// Formats ("json", "html", "sarif", "md", "text"):
//   json   the full result; schema in reports/schema/report.schema.json.
//   html   one self-contained page (inline CSS/JS, no network): summary,
//          claim matrix, findings with filters, per-document segments.
//   sarif  SARIF 2.1.0 for code-scanning UIs; suppressed findings are kept
//          with a `suppressions` entry.
//   md     a short summary for pull-request comments.
//   text   `path:line:col: severity: message [rule_id]`, one per line.
#ifndef CROSSCHECK_REPORTS_REPORT_H_
#define CROSSCHECK_REPORTS_REPORT_H_

#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "checker/core/result.h"
#include "checker/core/types.h"

namespace crosscheck::reports {

struct RenderOptions {
  // Shown as the tool version; empty means CheckResult::tool_version.
  std::string tool_version;
  // Findings at or above this severity fail the run (shown in reports; SARIF
  // maps it into executionSuccessful only through input errors).
  Severity fail_on = Severity::kError;
  // ANSI colors in text output. Off by default: files and pipes stay plain.
  bool color = false;
  // A baseline was applied (check --baseline): SARIF results then carry
  // baselineState "new" / "unchanged". Also assumed when the result lists
  // baseline_gone fingerprints.
  bool baseline_used = false;
  // Optional timestamp to print (HTML footer, JSON tool.generated_at). Empty
  // by default so output stays byte-identical across runs.
  std::string generated_at;
  // HTML claim matrix: rows are built and rendered in batches of about this
  // many bytes, one pass over the findings each. 0: 32 MiB for a spilled
  // result (CheckResult::store), else one batch.
  uint64_t matrix_batch_bytes = 0;
};

// Where a renderer puts its bytes. Renderers append to buffer() and call
// Flush() between records; a sink made with a writer hands the buffer to it
// whenever about a megabyte has gathered, so a report of any size never
// sits in memory whole. A sink without a writer keeps the whole report
// (Take() returns it).
class ReportSink {
 public:
  // Receives consecutive pieces of the report; an error stops the writing
  // (later pieces are dropped) and is returned by Finish().
  using Writer = std::function<absl::Status(absl::string_view)>;

  ReportSink() = default;
  explicit ReportSink(Writer writer) : writer_(std::move(writer)) {}
  ReportSink(const ReportSink&) = delete;
  ReportSink& operator=(const ReportSink&) = delete;

  std::string* buffer() { return &buffer_; }
  // Hands the buffer on if it is big enough; a no-op without a writer.
  void Flush() {
    if (writer_ && buffer_.size() >= kChunkBytes) Drain();
  }
  // Hands everything on; the first error of the writer, if any.
  absl::Status Finish();
  // The collected report (a sink without a writer).
  std::string Take() { return std::move(buffer_); }

 private:
  static constexpr size_t kChunkBytes = 1 << 20;
  void Drain();

  Writer writer_;
  std::string buffer_;
  absl::Status status_;
};

// One output format.
class Renderer {
 public:
  virtual ~Renderer() = default;
  // "json", "html", "sarif", "md", "text".
  virtual absl::string_view format() const = 0;
  // File extension for --out DIR ("json", "html", "sarif", "md", "txt").
  virtual absl::string_view extension() const = 0;
  // Writes the report into `sink` (flushing as it goes).
  virtual void Write(const CheckResult& result, const RenderOptions& options,
                     ReportSink* sink) const = 0;
  // The whole report as one string.
  std::string Render(const CheckResult& result,
                     const RenderOptions& options) const;
};

// The renderer for `format`, or nullptr. Renderers are stateless singletons.
const Renderer* FindRenderer(absl::string_view format);
// All format names, in a stable order.
std::vector<std::string> FormatNames();

// Renders `result` in `format`; InvalidArgument names an unknown format.
absl::StatusOr<std::string> RenderFormat(absl::string_view format,
                                         const CheckResult& result,
                                         const RenderOptions& options);

// One function per format (each lives in its own file), streaming...
void WriteJson(const CheckResult& result, const RenderOptions& options,
               ReportSink* sink);
void WriteHtml(const CheckResult& result, const RenderOptions& options,
               ReportSink* sink);
void WriteSarif(const CheckResult& result, const RenderOptions& options,
                ReportSink* sink);
void WriteMarkdown(const CheckResult& result, const RenderOptions& options,
                   ReportSink* sink);
void WriteText(const CheckResult& result, const RenderOptions& options,
               ReportSink* sink);
// ... and as one string.
std::string RenderJson(const CheckResult& result, const RenderOptions& options);
std::string RenderHtml(const CheckResult& result, const RenderOptions& options);
std::string RenderSarif(const CheckResult& result,
                        const RenderOptions& options);
std::string RenderMarkdown(const CheckResult& result,
                           const RenderOptions& options);
std::string RenderText(const CheckResult& result, const RenderOptions& options);

// Writes `content` to `path` so that readers see the old file or the whole
// new one, never a prefix: a temporary file in the same directory is
// written, fsync'ed and renamed over `path`. On failure nothing is left
// behind and the error names `path`.
absl::Status WriteFileAtomically(const std::string& path,
                                 absl::string_view content);
// The same for content produced piece by piece: `fill` writes into a sink
// that passes the bytes on to the temporary file as they come.
absl::Status WriteFileAtomically(const std::string& path,
                                 const std::function<void(ReportSink*)>& fill);

// Streams the report in `format` into the file `path` (atomically, as
// above) or onto `out`; InvalidArgument names an unknown format. The bytes
// equal RenderFormat's. When a spilled result's store fails to read back
// (ResultStore::status()), the report is incomplete: the file is not
// written (an older one stays) and the store's error is returned.
absl::Status WriteReportFile(const std::string& path, absl::string_view format,
                             const CheckResult& result,
                             const RenderOptions& options);
absl::Status WriteReport(std::ostream& out, absl::string_view format,
                         const CheckResult& result,
                         const RenderOptions& options);

}  // namespace crosscheck::reports

#endif  // CROSSCHECK_REPORTS_REPORT_H_
