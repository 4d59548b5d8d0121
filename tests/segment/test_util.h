// Builds Documents by hand, the way text ingestion would: one kLine block per
// physical line, mapped one-for-one to the file's bytes.
#ifndef CROSSCHECK_TESTS_SEGMENT_TEST_UTIL_H_
#define CROSSCHECK_TESTS_SEGMENT_TEST_UTIL_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "checker/core/types.h"
#include "checker/segment/segment.h"

namespace crosscheck::segment::testing {

inline Document MakeTextDoc(std::string text, std::string id = "doc") {
  Document doc;
  doc.id = std::move(id);
  doc.format = "txt";
  doc.original = std::move(text);
  absl::string_view t = doc.original;
  size_t pos = 0;
  while (pos <= t.size()) {
    size_t nl = t.find('\n', pos);
    size_t end = nl == absl::string_view::npos ? t.size() : nl;
    size_t content_end = end;
    if (content_end > pos && t[content_end - 1] == '\r') --content_end;
    Block b;
    b.kind = BlockKind::kLine;
    b.text.Append(t.substr(pos, content_end - pos), static_cast<uint32_t>(pos));
    doc.blocks.push_back(std::move(b));
    if (nl == absl::string_view::npos) break;
    pos = nl + 1;
  }
  doc.original_index = LineIndex(doc.original);
  return doc;
}

// The shipped rule file.
inline std::string RulesPath() {
  return std::string(CROSSCHECK_SOURCE_DIR) + "/rules/boilerplate.json";
}

inline const BoilerplateRules& ShippedRules() {
  static const BoilerplateRules* rules = [] {
    auto r = BoilerplateRules::Load(RulesPath());
    if (!r.ok()) {
      auto empty = BoilerplateRules::Parse("<empty>", R"({"rules": []})");
      return new BoilerplateRules(std::move(*empty));
    }
    return new BoilerplateRules(std::move(*r));
  }();
  return *rules;
}

inline std::string SegText(const Segment& s) { return s.text.text(); }

}  // namespace crosscheck::segment::testing

#endif  // CROSSCHECK_TESTS_SEGMENT_TEST_UTIL_H_
