// judge.not-comparable: one subject measured in different ways by different
// documents (a +15% change vs a 2%-of-GDP share; a level in USD vs one in
// JPY). Shown side by side so a reader does not compare 15 with 2; never a
// conflict.
#include <algorithm>
#include <string>
#include <vector>

#include "absl/container/node_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "checker/judge/judgment.h"

namespace crosscheck::judge {
namespace {

// "change|fraction" -> "a change in fraction", for messages.
std::string Describe(const std::string& key) {
  std::string measure = key.substr(0, key.find('|'));
  std::string unit = key.substr(key.find('|') + 1);
  if (unit == "fraction") unit = "percent";
  if (unit == "pp") unit = "percentage points";
  absl::StrReplaceAll({{":", " "}}, &unit);
  if (measure == "amount") return absl::StrCat("an amount in ", unit);
  return absl::StrCat("a ", measure, " in ", unit);
}

class NotComparableJudgment : public Judgment {
 public:
  absl::string_view kind() const override { return "not-comparable"; }

  void RunGroup(const Context& ctx, const GroupView& g,
                const JudgmentConfig& cfg, Findings* out) const override {
    const align::ClaimGroup& group = *g.group;
    const size_t cap = static_cast<size_t>(ctx.config().limits.max_partitions);
    const absl::Span<const Partition> parts = g.partitions;
    const size_t n = std::min(parts.size(), cap);
    for (size_t i = 0; i < n; ++i) {
      if (parts[i].measure == Measure::kStatus) continue;
      for (size_t j = i + 1; j < n; ++j) {
        int x, y;
        if (!ctx.FindPair(parts[i].claims, parts[j].claims, false, &x, &y)) {
          continue;
        }
        Finding f;
        f.subject = group.subject;
        std::string& m = ctx.Scratch();
        absl::StrAppend(&m, "figures for ", group.subject,
                        " measure different things and are not comparable: ");
        ctx.AppendCite(x, &m);
        absl::StrAppend(&m, " is ", Described(parts[i].key), ", ");
        ctx.AppendCite(y, &m);
        absl::StrAppend(&m, " is ", Described(parts[j].key));
        f.message = m;
        const int evidence[] = {x, y};
        ctx.Emit(kind(), cfg, {group.key, "|", parts[i].key, "|", parts[j].key},
                 {ctx.ValueText(x), ctx.ValueText(y)}, 1.0, std::move(f),
                 evidence, out);
      }
    }
  }

 private:
  // Describe(key), once per partition key: a run has a handful of keys and
  // tens of thousands of findings. Nodes: references stay valid.
  const std::string& Described(const Symbol& key) const {
    auto it = described_.find(key);
    if (it == described_.end()) {
      it = described_.emplace(key, Describe(key)).first;
    }
    return it->second;
  }
  mutable absl::node_hash_map<Symbol, std::string> described_;
};

}  // namespace

std::unique_ptr<Judgment> NewNotComparableJudgment() {
  return std::make_unique<NotComparableJudgment>();
}

}  // namespace crosscheck::judge
