#include "checker/core/mapped_text.h"

#include <algorithm>

namespace crosscheck {

size_t MappedText::RunOf(size_t i) const {
  auto it =
      std::upper_bound(runs_.begin(), runs_.end(), i,
                       [](size_t v, const Run& r) { return v < r.text_begin; });
  return static_cast<size_t>(it - runs_.begin()) - 1;
}

uint32_t MappedText::ByteBegin(size_t i) const {
  const Run& r = runs_[RunOf(i)];
  return r.identity ? r.orig_begin + static_cast<uint32_t>(i - r.text_begin)
                    : r.orig_begin;
}

uint32_t MappedText::ByteEnd(size_t i) const {
  const Run& r = runs_[RunOf(i)];
  return r.identity ? r.orig_begin + static_cast<uint32_t>(i - r.text_begin) + 1
                    : r.orig_end;
}

void MappedText::PushRun(const Run& run, size_t n) {
  if (n == 0) return;
  if (!runs_.empty()) {
    const Run& last = runs_.back();
    if (last.identity && run.identity &&
        last.orig_begin + (run.text_begin - last.text_begin) ==
            run.orig_begin) {
      return;  // the copied stretch continues
    }
    if (!last.identity && !run.identity && last.orig_begin == run.orig_begin &&
        last.orig_end == run.orig_end) {
      return;  // more bytes of the same replacement
    }
  }
  runs_.push_back(run);
}

void MappedText::Append(absl::string_view s, uint32_t origin) {
  PushRun(Run{static_cast<uint32_t>(text_.size()), origin, 0, true}, s.size());
  text_.append(s.data(), s.size());
}

void MappedText::AppendReplacement(absl::string_view s, uint32_t begin,
                                   uint32_t end) {
  // One byte replacing one byte maps exactly like a copied byte.
  const bool identity = s.size() == 1 && end == begin + 1;
  PushRun(Run{static_cast<uint32_t>(text_.size()), begin, end, identity},
          s.size());
  text_.append(s.data(), s.size());
}

void MappedText::Append(const MappedText& other) {
  const size_t base = text_.size();
  for (size_t k = 0; k < other.runs_.size(); ++k) {
    Run r = other.runs_[k];
    size_t next = k + 1 < other.runs_.size() ? other.runs_[k + 1].text_begin
                                             : other.text_.size();
    size_t n = next - r.text_begin;
    r.text_begin = static_cast<uint32_t>(base + r.text_begin);
    PushRun(r, n);
  }
  text_ += other.text_;
}

void MappedText::Reserve(size_t n) { text_.reserve(n); }

void MappedText::TrimRight() {
  while (!text_.empty() && (text_.back() == ' ' || text_.back() == '\t' ||
                            text_.back() == '\n' || text_.back() == '\r')) {
    text_.pop_back();
  }
  while (!runs_.empty() && runs_.back().text_begin >= text_.size()) {
    runs_.pop_back();
  }
}

MappedText MappedText::Slice(size_t begin, size_t end) const {
  MappedText out;
  begin = std::min(begin, text_.size());
  end = std::clamp(end, begin, text_.size());
  if (end == begin) return out;
  out.text_ = text_.substr(begin, end - begin);
  for (size_t k = RunOf(begin); k < runs_.size() && runs_[k].text_begin < end;
       ++k) {
    Run r = runs_[k];
    if (r.text_begin < begin) {
      if (r.identity)
        r.orig_begin += static_cast<uint32_t>(begin - r.text_begin);
      r.text_begin = static_cast<uint32_t>(begin);
    }
    r.text_begin -= static_cast<uint32_t>(begin);
    out.runs_.push_back(r);
  }
  return out;
}

Span MappedText::OriginalSpan(size_t begin, size_t end) const {
  if (text_.empty()) return Span{};
  begin = std::min(begin, text_.size() - 1);
  end = std::clamp(end, begin + 1, text_.size());
  return Span{ByteBegin(begin), ByteEnd(end - 1)};
}

uint32_t MappedText::OriginOf(size_t i) const {
  if (text_.empty()) return 0;
  if (i >= text_.size()) return ByteEnd(text_.size() - 1);
  return ByteBegin(i);
}

LineIndex::LineIndex(absl::string_view text) {
  starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts_.push_back(static_cast<uint32_t>(i + 1));
  }
}

Position LineIndex::PositionOf(uint32_t offset) const {
  if (starts_.empty()) return Position{1, static_cast<int>(offset) + 1};
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  size_t line = static_cast<size_t>(it - starts_.begin());  // 1-based
  return Position{static_cast<int>(line),
                  static_cast<int>(offset - starts_[line - 1]) + 1};
}

}  // namespace crosscheck
