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
};

// One output format.
class Renderer {
 public:
  virtual ~Renderer() = default;
  // "json", "html", "sarif", "md", "text".
  virtual absl::string_view format() const = 0;
  // File extension for --out DIR ("json", "html", "sarif", "md", "txt").
  virtual absl::string_view extension() const = 0;
  virtual std::string Render(const CheckResult& result,
                             const RenderOptions& options) const = 0;
};

// The renderer for `format`, or nullptr. Renderers are stateless singletons.
const Renderer* FindRenderer(absl::string_view format);
// All format names, in a stable order.
std::vector<std::string> FormatNames();

// Renders `result` in `format`; InvalidArgument names an unknown format.
absl::StatusOr<std::string> RenderFormat(absl::string_view format,
                                         const CheckResult& result,
                                         const RenderOptions& options);

// One function per format (each lives in its own file).
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

}  // namespace crosscheck::reports

#endif  // CROSSCHECK_REPORTS_REPORT_H_
