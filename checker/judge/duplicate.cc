// judge.duplicate: near-duplicate documents (syndicated copies, reposts),
// found by MinHash + LSH (minhash.cc) and grouped by syndication key. One
// finding per cluster; its members count as one source everywhere else.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "checker/judge/judgment.h"

namespace crosscheck::judge {
namespace {

class DuplicateJudgment : public Judgment {
 public:
  absl::string_view kind() const override { return "duplicate"; }

  void Run(const Context& ctx, const JudgmentConfig& cfg,
           Findings* out) const override {
    // Ordered map: output order must not depend on hashing.
    std::map<std::string, std::vector<int>> clusters;
    for (int slot = 0; slot < ctx.num_docs(); ++slot) {
      clusters[ctx.SourceUnit(slot)].push_back(slot);
    }
    for (auto& [key, slots] : clusters) {
      if (slots.size() < 2) continue;
      std::sort(slots.begin(), slots.end(),
                [&](int a, int b) { return ctx.doc(a).id < ctx.doc(b).id; });
      const DocumentInfo& first = ctx.doc(slots.front());
      double jaccard = 1.0;
      std::vector<std::string> ids;
      Finding f;
      for (int s : slots) {
        const DocumentInfo& d = ctx.doc(s);
        ids.push_back(d.id);
        if (s != slots.front()) {
          jaccard =
              std::min(jaccard, EstimateJaccard(first.minhash, d.minhash));
        }
        Evidence e = ctx.DocumentEvidence(s);
        e.value = key;
        f.evidence.push_back(std::move(e));
      }
      f.subject = key;
      f.message = absl::StrFormat(
          "documents %s are near-duplicates (estimated jaccard %.2f) and "
          "count as one source",
          JoinNames(ids), jaccard);
      ctx.Emit(kind(), cfg, {key}, {}, 1.0, std::move(f), {}, out);
    }
  }
};

}  // namespace

std::unique_ptr<Judgment> NewDuplicateJudgment() {
  return std::make_unique<DuplicateJudgment>();
}

}  // namespace crosscheck::judge
