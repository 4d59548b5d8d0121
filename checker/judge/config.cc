// JudgeConfig: rules/judge.json, validated, with errors that name the file
// and the JSON pointer of the bad value.
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "checker/judge/judge.h"
#include "checker/judge/judgment.h"
#include "nlohmann/json.hpp"

namespace crosscheck::judge {

using nlohmann::json;

namespace {

constexpr const char* kGranularities[] = {"day",  "week", "month", "quarter",
                                          "half", "year", "decade"};

// Reads one JSON object strictly: unknown keys and wrong types are errors.
class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  absl::Status Error(const std::string& pointer, absl::string_view what) {
    return absl::InvalidArgumentError(
        absl::StrCat(file_, ": ", pointer.empty() ? "/" : pointer, ": ", what));
  }

  absl::Status Keys(const json& obj, const std::string& pointer,
                    const std::vector<std::string>& allowed) {
    if (!obj.is_object()) return Error(pointer, "expected an object");
    for (const auto& [k, v] : obj.items()) {
      bool ok = false;
      for (const auto& a : allowed) ok = ok || a == k;
      if (!ok) {
        return Error(absl::StrCat(pointer, "/", k),
                     absl::StrCat("unknown key; expected one of ",
                                  absl::StrJoin(allowed, ", ")));
      }
    }
    return absl::OkStatus();
  }

  absl::Status Number(const json& obj, const std::string& pointer,
                      const char* key, double lo, double hi, double* out) {
    if (!obj.contains(key)) return absl::OkStatus();
    const json& v = obj[key];
    const std::string p = absl::StrCat(pointer, "/", key);
    if (!v.is_number()) return Error(p, "expected a number");
    double d = v.get<double>();
    if (!(d >= lo && d <= hi)) {
      return Error(p,
                   absl::StrCat("expected a number in [", lo, ", ", hi, "]"));
    }
    *out = d;
    return absl::OkStatus();
  }

  absl::Status Int(const json& obj, const std::string& pointer, const char* key,
                   int lo, int hi, int* out) {
    if (!obj.contains(key)) return absl::OkStatus();
    const json& v = obj[key];
    const std::string p = absl::StrCat(pointer, "/", key);
    if (!v.is_number_integer()) return Error(p, "expected an integer");
    int64_t d = v.get<int64_t>();
    if (d < lo || d > hi) {
      return Error(p,
                   absl::StrCat("expected an integer in [", lo, ", ", hi, "]"));
    }
    *out = static_cast<int>(d);
    return absl::OkStatus();
  }

  absl::Status Bool(const json& obj, const std::string& pointer,
                    const char* key, bool* out) {
    if (!obj.contains(key)) return absl::OkStatus();
    const json& v = obj[key];
    if (!v.is_boolean()) {
      return Error(absl::StrCat(pointer, "/", key), "expected true or false");
    }
    *out = v.get<bool>();
    return absl::OkStatus();
  }

  // An array of strings at `pointer` into `out`; `not_array` is the
  // message when `v` is not an array.
  absl::Status Strings(const json& v, const std::string& pointer,
                       absl::string_view not_array,
                       std::vector<std::string>* out) {
    if (!v.is_array()) return Error(pointer, not_array);
    out->clear();
    for (size_t i = 0; i < v.size(); ++i) {
      if (!v[i].is_string()) {
        return Error(absl::StrCat(pointer, "/", i), "expected a string");
      }
      out->push_back(v[i].get<std::string>());
    }
    return absl::OkStatus();
  }

  absl::Status Sev(const json& obj, const std::string& pointer, const char* key,
                   Severity* out) {
    if (!obj.contains(key)) return absl::OkStatus();
    const json& v = obj[key];
    const std::string p = absl::StrCat(pointer, "/", key);
    std::optional<Severity> s;
    if (v.is_string()) s = ParseSeverity(v.get<std::string>());
    if (!s) return Error(p, "expected \"info\", \"warning\" or \"error\"");
    *out = *s;
    return absl::OkStatus();
  }

 private:
  std::string file_;
};

#define CC_RETURN_IF_ERROR(expr)             \
  do {                                       \
    absl::Status cc_status_ = (expr);        \
    if (!cc_status_.ok()) return cc_status_; \
  } while (0)

}  // namespace

JudgeConfig::JudgeConfig() {
  for (const RegistryEntry& e : Registry()) {
    JudgmentConfig jc;
    jc.severity = e.default_severity;
    judgments_.emplace_back(e.kind, jc);
  }
  status_compatible = {{"majority", "supermajority", "landslide", "victory"}};
  status_continuity = {"still", "remains",   "remain",  "stays",
                       "stay",  "continues", "continue"};
  align.vague_heads = {"person", "individual", "other"};
}

JudgeConfig JudgeConfig::Defaults() { return JudgeConfig(); }

const std::vector<std::string>& JudgeConfig::Kinds() {
  static const std::vector<std::string>* const kKinds = [] {
    auto* v = new std::vector<std::string>;
    for (const RegistryEntry& e : Registry()) v->push_back(e.kind);
    return v;
  }();
  return *kKinds;
}

const JudgmentConfig& JudgeConfig::judgment(absl::string_view kind) const {
  for (const auto& [k, v] : judgments_) {
    if (k == kind) return v;
  }
  static const JudgmentConfig kDisabled = [] {
    JudgmentConfig c;
    c.enabled = false;
    return c;
  }();
  return kDisabled;
}

JudgmentConfig* JudgeConfig::mutable_judgment(absl::string_view kind) {
  for (auto& [k, v] : judgments_) {
    if (k == kind) return &v;
  }
  return nullptr;
}

absl::StatusOr<JudgeConfig> JudgeConfig::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(absl::StrCat(path, ": cannot open"));
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return Parse(path, ss.str());
}

absl::StatusOr<JudgeConfig> JudgeConfig::Parse(const std::string& path,
                                               absl::string_view text) {
  json root = json::parse(text.begin(), text.end(), nullptr, false);
  Reader r(path);
  if (root.is_discarded()) return r.Error("", "not valid JSON");
  JudgeConfig c;
  CC_RETURN_IF_ERROR(
      r.Keys(root, "",
             {"family", "description", "judgments", "tolerances", "minhash",
              "align", "limits", "status_compatible", "status_continuity"}));
  if (root.contains("family") &&
      (!root["family"].is_string() || root["family"] != "judge")) {
    return r.Error("/family", "expected \"judge\"");
  }
  if (root.contains("judgments")) {
    const json& js = root["judgments"];
    CC_RETURN_IF_ERROR(r.Keys(js, "/judgments", Kinds()));
    for (const auto& [kind, v] : js.items()) {
      const std::string p = absl::StrCat("/judgments/", kind);
      CC_RETURN_IF_ERROR(r.Keys(v, p,
                                {"enabled", "severity", "severity_if_relative",
                                 "confidence", "description"}));
      JudgmentConfig* jc = c.mutable_judgment(kind);
      CC_RETURN_IF_ERROR(r.Bool(v, p, "enabled", &jc->enabled));
      CC_RETURN_IF_ERROR(r.Sev(v, p, "severity", &jc->severity));
      CC_RETURN_IF_ERROR(
          r.Sev(v, p, "severity_if_relative", &jc->severity_if_relative));
      CC_RETURN_IF_ERROR(r.Number(v, p, "confidence", 0, 1, &jc->confidence));
    }
  }
  if (root.contains("tolerances")) {
    const json& t = root["tolerances"];
    const std::string p = "/tolerances";
    CC_RETURN_IF_ERROR(
        r.Keys(t, p,
               {"relative", "approximate", "rounding_min_digits",
                "present_scope_days", "date_days", "event_instance_days",
                "anachronism_min_days", "continuity_days"}));
    Tolerances& o = c.tolerances;
    CC_RETURN_IF_ERROR(r.Number(t, p, "relative", 0, 1, &o.relative));
    CC_RETURN_IF_ERROR(r.Number(t, p, "approximate", 0, 1, &o.approximate));
    CC_RETURN_IF_ERROR(
        r.Int(t, p, "rounding_min_digits", 1, 20, &o.rounding_min_digits));
    CC_RETURN_IF_ERROR(
        r.Int(t, p, "present_scope_days", 0, 3660, &o.present_scope_days));
    CC_RETURN_IF_ERROR(
        r.Int(t, p, "event_instance_days", 0, 36600, &o.event_instance_days));
    CC_RETURN_IF_ERROR(
        r.Int(t, p, "anachronism_min_days", 0, 36600, &o.anachronism_min_days));
    CC_RETURN_IF_ERROR(
        r.Int(t, p, "continuity_days", 0, 36600, &o.continuity_days));
    if (t.contains("date_days")) {
      const json& d = t["date_days"];
      const std::string dp = p + "/date_days";
      std::vector<std::string> names(std::begin(kGranularities),
                                     std::end(kGranularities));
      CC_RETURN_IF_ERROR(r.Keys(d, dp, names));
      for (size_t i = 0; i < names.size(); ++i) {
        CC_RETURN_IF_ERROR(
            r.Int(d, dp, names[i].c_str(), 0, 36600, &o.date_days[i]));
      }
    }
  }
  if (root.contains("minhash")) {
    const json& m = root["minhash"];
    const std::string p = "/minhash";
    CC_RETURN_IF_ERROR(r.Keys(
        m, p,
        {"num_hashes", "shingle_words", "bands", "rows", "threshold", "seed"}));
    MinHash& o = c.minhash;
    CC_RETURN_IF_ERROR(r.Int(m, p, "num_hashes", 1, 1024, &o.num_hashes));
    CC_RETURN_IF_ERROR(r.Int(m, p, "shingle_words", 1, 64, &o.shingle_words));
    CC_RETURN_IF_ERROR(r.Int(m, p, "bands", 1, 1024, &o.bands));
    CC_RETURN_IF_ERROR(r.Int(m, p, "rows", 1, 1024, &o.rows));
    CC_RETURN_IF_ERROR(r.Number(m, p, "threshold", 0, 1, &o.threshold));
    if (m.contains("seed")) {
      if (!m["seed"].is_number_unsigned()) {
        return r.Error("/minhash/seed", "expected a non-negative integer");
      }
      o.seed = m["seed"].get<uint64_t>();
    }
    if (o.bands * o.rows != o.num_hashes) {
      return r.Error(p, "bands * rows must equal num_hashes");
    }
  }
  if (root.contains("align")) {
    const json& a = root["align"];
    const std::string p = "/align";
    CC_RETURN_IF_ERROR(r.Keys(a, p,
                              {"min_modifier_overlap", "max_candidates",
                               "status_by_subject", "vague_heads"}));
    if (a.contains("vague_heads")) {
      CC_RETURN_IF_ERROR(r.Strings(a["vague_heads"], p + "/vague_heads",
                                   "expected an array", &c.align.vague_heads));
    }
    CC_RETURN_IF_ERROR(r.Number(a, p, "min_modifier_overlap", 0, 1,
                                &c.align.min_modifier_overlap));
    CC_RETURN_IF_ERROR(
        r.Int(a, p, "max_candidates", 1, 1 << 20, &c.align.max_candidates));
    CC_RETURN_IF_ERROR(
        r.Bool(a, p, "status_by_subject", &c.align.status_by_subject));
  }
  if (root.contains("limits")) {
    const json& l = root["limits"];
    const std::string p = "/limits";
    CC_RETURN_IF_ERROR(
        r.Keys(l, p, {"max_evidence", "max_value_clusters", "max_partitions"}));
    CC_RETURN_IF_ERROR(
        r.Int(l, p, "max_evidence", 2, 1 << 20, &c.limits.max_evidence));
    CC_RETURN_IF_ERROR(r.Int(l, p, "max_value_clusters", 2, 1 << 16,
                             &c.limits.max_value_clusters));
    CC_RETURN_IF_ERROR(
        r.Int(l, p, "max_partitions", 2, 1 << 16, &c.limits.max_partitions));
  }
  if (root.contains("status_compatible")) {
    const json& s = root["status_compatible"];
    if (!s.is_array()) {
      return r.Error("/status_compatible", "expected an array of arrays");
    }
    c.status_compatible.clear();
    for (size_t i = 0; i < s.size(); ++i) {
      std::vector<std::string> set;
      CC_RETURN_IF_ERROR(r.Strings(s[i], absl::StrCat("/status_compatible/", i),
                                   "expected an array of labels", &set));
      c.status_compatible.push_back(std::move(set));
    }
  }
  if (root.contains("status_continuity")) {
    // Compared case-insensitively (Context::AssertsContinuity).
    CC_RETURN_IF_ERROR(
        r.Strings(root["status_continuity"], "/status_continuity",
                  "expected an array of words", &c.status_continuity));
  }
  return c;
}

}  // namespace crosscheck::judge
