#include "checker/pipeline/baseline.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "nlohmann/json.hpp"

namespace crosscheck::pipeline {

using nlohmann::json;

namespace {

std::string StringField(const json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end() || !it->is_string()) return "";
  return it->get<std::string>();
}

}  // namespace

absl::StatusOr<Baseline> ParseBaseline(const std::string& path,
                                       absl::string_view text,
                                       bool require_reason) {
  json doc = json::parse(text.begin(), text.end(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    return absl::InvalidArgumentError(absl::StrCat(
        path, ": not a JSON object (expected {\"findings\": [...]})"));
  }
  auto it = doc.find("findings");
  if (it == doc.end()) it = doc.find("suppressions");
  if (it == doc.end() || !it->is_array()) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": missing array \"findings\""));
  }
  const std::string array_name =
      doc.contains("findings") ? "findings" : "suppressions";
  Baseline out;
  for (size_t i = 0; i < it->size(); ++i) {
    const json& e = (*it)[i];
    std::string pointer = absl::StrCat("/", array_name, "/", i);
    if (!e.is_object()) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ": ", pointer, ": entry is not an object"));
    }
    BaselineEntry entry;
    entry.fingerprint = StringField(e, "fingerprint");
    entry.rule_id = StringField(e, "rule_id");
    entry.subject = StringField(e, "subject");
    entry.message = StringField(e, "message");
    entry.reason = StringField(e, "reason");
    if (entry.fingerprint.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          path, ": ", pointer, "/fingerprint: missing or not a string"));
    }
    if (require_reason && entry.reason.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          path, ": ", pointer, "/reason: a suppression needs a reason"));
    }
    out.entries.push_back(std::move(entry));
  }
  return out;
}

absl::StatusOr<Baseline> LoadBaseline(const std::string& path,
                                      bool require_reason) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(absl::StrCat(path, ": cannot read file"));
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return ParseBaseline(path, ss.str(), require_reason);
}

std::string RenderBaseline(const CheckResult& result) {
  // Only the fields a baseline records, so that spilled findings are not
  // all read back whole.
  struct Entry {
    std::string fingerprint, rule_id, subject, message;
  };
  std::vector<Entry> findings;
  ForEachFinding(result, [&](const Finding& f) {
    findings.push_back({f.fingerprint, f.rule_id, f.subject, f.message});
  });
  std::stable_sort(findings.begin(), findings.end(),
                   [](const Entry& a, const Entry& b) {
                     return a.fingerprint < b.fingerprint;
                   });
  json arr = json::array();
  std::string last;
  for (const Entry& f : findings) {
    if (f.fingerprint == last) continue;
    last = f.fingerprint;
    arr.push_back(json{{"fingerprint", f.fingerprint},
                       {"rule_id", f.rule_id},
                       {"subject", f.subject},
                       {"message", f.message}});
  }
  json doc{{"version", 1}, {"tool", "crosscheck"}, {"findings", arr}};
  return doc.dump(2) + "\n";
}

void ApplyBaseline(const Baseline& baseline, const std::string& default_reason,
                   bool track_gone, CheckResult* result) {
  // Fingerprint -> reason; the first entry of a fingerprint wins. Copied,
  // so that a store's adjustment does not point into `baseline`.
  absl::flat_hash_map<std::string, std::string> by_fp;
  for (const auto& e : baseline.entries) {
    by_fp.emplace(e.fingerprint, e.reason.empty() ? default_reason : e.reason);
  }
  absl::flat_hash_set<std::string> matched;
  auto apply = [by_fp](Finding* f) {
    auto it = by_fp.find(f->fingerprint);
    if (it == by_fp.end() || f->suppressed) return;
    f->suppressed = true;
    f->suppression_reason = it->second;
  };
  if (result->store) {
    // Spilled findings are changed as they are read back.
    result->store->ForEachFinding([&](const Finding& f) {
      if (by_fp.contains(f.fingerprint)) matched.insert(f.fingerprint);
    });
    result->store->Adjust(apply);
  } else {
    for (Finding& f : result->findings) {
      if (by_fp.contains(f.fingerprint)) matched.insert(f.fingerprint);
      apply(&f);
    }
  }
  if (!track_gone) return;
  for (const auto& e : baseline.entries) {
    if (!matched.count(e.fingerprint)) {
      result->baseline_gone.push_back(e.fingerprint);
    }
  }
  std::sort(result->baseline_gone.begin(), result->baseline_gone.end());
  result->baseline_gone.erase(
      std::unique(result->baseline_gone.begin(), result->baseline_gone.end()),
      result->baseline_gone.end());
}

}  // namespace crosscheck::pipeline
