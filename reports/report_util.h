// Helpers shared by the renderers (internal to reports/).
#ifndef CROSSCHECK_REPORTS_REPORT_UTIL_H_
#define CROSSCHECK_REPORTS_REPORT_UTIL_H_

#include <array>
#include <cstddef>
#include <map>
#include <string>

#include "absl/strings/string_view.h"
#include "checker/core/result.h"
#include "nlohmann/json.hpp"
#include "reports/report.h"

namespace crosscheck::reports {

// Where SARIF viewers link the tool name.
inline constexpr absl::string_view kInformationUri =
    "https://github.com/crosscheck/crosscheck";

// Counts shown in every format's summary. Maps are ordered: deterministic.
struct Summary {
  size_t documents = 0;
  size_t claims = 0;
  size_t findings = 0;
  size_t suppressed = 0;
  std::map<std::string, size_t> by_kind;       // all findings
  std::array<size_t, 3> by_severity{};         // indexed by Severity
  std::array<size_t, 3> active_by_severity{};  // not suppressed
  std::array<size_t, 3> diagnostics_by_severity{};
  size_t diagnostics = 0;
  size_t ai_flagged = 0;  // documents with ai_generated
};
Summary Summarize(const CheckResult& result);

// options.tool_version, else result.tool_version, else "0".
std::string ToolVersion(const CheckResult& result,
                        const RenderOptions& options);

// options.baseline_used, or the result lists baseline_gone fingerprints.
bool BaselineUsed(const CheckResult& result, const RenderOptions& options);

// A short, human description of a finding kind ("conflict" -> "sources
// disagree on a value"), for rule tables and legends. Unknown kinds get a
// generic text naming the kind.
std::string KindDescription(absl::string_view kind);

// Serializes deterministically, replacing invalid UTF-8 with U+FFFD (article
// text is untrusted and must never make dump() throw). indent < 0: compact.
std::string Dump(const nlohmann::json& j, int indent);

// The location text "path:line:col" (parts omitted when 0), as compilers
// print it.
std::string LocationText(absl::string_view path, int line, int column);

}  // namespace crosscheck::reports

#endif  // CROSSCHECK_REPORTS_REPORT_UTIL_H_
