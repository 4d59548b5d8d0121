// judge.ai-generated: one finding per document that labels itself as
// AI-generated, pointing at the label. Such documents also stop counting as
// independent corroboration (agreement.cc).
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "checker/judge/judgment.h"

namespace crosscheck::judge {
namespace {

// At most `n` bytes of `s`, cut at a UTF-8 character boundary.
std::string Clip(const std::string& s, size_t n) {
  if (s.size() <= n) return s;
  size_t end = n;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return absl::StrCat(s.substr(0, end), "...");
}

class AiGeneratedJudgment : public Judgment {
 public:
  absl::string_view kind() const override { return "ai-generated"; }

  void Run(const Context& ctx, const JudgmentConfig& cfg,
           Findings* out) const override {
    for (int slot = 0; slot < ctx.num_docs(); ++slot) {
      const DocumentInfo& d = ctx.doc(slot);
      if (!d.ai_generated) continue;
      Evidence e = ctx.DocumentEvidence(slot);
      e.position = Position{d.ai_line, d.ai_column};
      e.span = Span{static_cast<uint32_t>(d.ai_span_begin),
                    static_cast<uint32_t>(d.ai_span_end)};
      e.quote = d.ai_evidence;
      e.value = "ai-generated";
      Finding f;
      f.subject = d.id;
      f.message = d.ai_evidence.empty()
                      ? absl::StrCat(d.id, " is labelled as ai-generated")
                      : absl::StrCat(d.id, " is labelled as ai-generated: \"",
                                     Clip(d.ai_evidence, 80), "\"");
      f.evidence.push_back(std::move(e));
      ctx.Emit(kind(), cfg, {d.id}, {}, 1.0, std::move(f), {}, out);
    }
  }
};

}  // namespace

std::unique_ptr<Judgment> NewAiGeneratedJudgment() {
  return std::make_unique<AiGeneratedJudgment>();
}

}  // namespace crosscheck::judge
