// Helpers shared by the renderers (internal to reports/).
#ifndef CROSSCHECK_REPORTS_REPORT_UTIL_H_
#define CROSSCHECK_REPORTS_REPORT_UTIL_H_

#include <array>
#include <cstddef>
#include <map>
#include <string>
#include <vector>

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

// Writes an indented JSON document (indent 2) a piece at a time, with the
// bytes Dump(tree, 2) prints for the tree it describes, so that a report's
// big arrays go out element by element instead of as one nlohmann tree.
// The caller writes an object's keys in byte order (nlohmann's objects are
// sorted maps). Values are small trees or compact JSON text (from the
// streaming writers of checker/core/json_codec.h), indented to their depth.
//
//   PrettyJsonWriter w(sink);
//   w.BeginObject();
//   w.Key("claims");
//   w.BeginArray();
//   for (const Claim& c : claims) w.Value(ClaimToJson(c));
//   w.EndArray();
//   w.EndObject();
class PrettyJsonWriter {
 public:
  explicit PrettyJsonWriter(ReportSink* sink)
      : sink_(sink), out_(sink->buffer()) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  // An object member's key; the next call writes its value.
  void Key(absl::string_view key);
  void Value(const nlohmann::json& value);
  // A value given as compact JSON text (no whitespace outside strings, as
  // dump() and JsonWriter print it).
  void CompactValue(absl::string_view json);

 private:
  void BeforeValue();
  void NewLine(size_t depth);
  void Open(char c);
  void Close(char c);

  ReportSink* sink_;
  std::string* out_;
  std::vector<size_t> members_;  // written so far, per open container
  bool after_key_ = false;
  std::string scratch_;
};

// The location text "path:line:col" (parts omitted when 0), as compilers
// print it.
std::string LocationText(absl::string_view path, int line, int column);

}  // namespace crosscheck::reports

#endif  // CROSSCHECK_REPORTS_REPORT_UTIL_H_
