#include "checker/core/mapped_text.h"

#include <algorithm>

namespace crosscheck {

void MappedText::Append(absl::string_view s, uint32_t origin) {
  text_.append(s.data(), s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    begin_.push_back(origin + static_cast<uint32_t>(i));
    end_.push_back(origin + static_cast<uint32_t>(i) + 1);
  }
}

void MappedText::AppendReplacement(absl::string_view s, uint32_t begin,
                                   uint32_t end) {
  text_.append(s.data(), s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    begin_.push_back(begin);
    end_.push_back(end);
  }
}

void MappedText::Append(const MappedText& other) {
  text_ += other.text_;
  begin_.insert(begin_.end(), other.begin_.begin(), other.begin_.end());
  end_.insert(end_.end(), other.end_.begin(), other.end_.end());
}

void MappedText::Reserve(size_t n) {
  text_.reserve(n);
  begin_.reserve(n);
  end_.reserve(n);
}

void MappedText::TrimRight() {
  while (!text_.empty() &&
         (text_.back() == ' ' || text_.back() == '\t' || text_.back() == '\n' ||
          text_.back() == '\r')) {
    text_.pop_back();
    begin_.pop_back();
    end_.pop_back();
  }
}

MappedText MappedText::Slice(size_t begin, size_t end) const {
  MappedText out;
  begin = std::min(begin, text_.size());
  end = std::clamp(end, begin, text_.size());
  out.text_ = text_.substr(begin, end - begin);
  out.begin_.assign(begin_.begin() + begin, begin_.begin() + end);
  out.end_.assign(end_.begin() + begin, end_.begin() + end);
  return out;
}

Span MappedText::OriginalSpan(size_t begin, size_t end) const {
  if (text_.empty()) return Span{};
  begin = std::min(begin, text_.size() - 1);
  end = std::clamp(end, begin + 1, text_.size());
  return Span{begin_[begin], end_[end - 1]};
}

uint32_t MappedText::OriginOf(size_t i) const {
  if (text_.empty()) return 0;
  if (i >= text_.size()) return end_.back();
  return begin_[i];
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
