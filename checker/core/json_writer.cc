#include "checker/core/json_writer.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstring>

#include "nlohmann/json.hpp"

namespace crosscheck {
namespace {

// For each ASCII byte: 0 when it is copied as is, else the character after
// the backslash ('u' for \u00xx).
constexpr std::array<char, 128> kEscape = [] {
  std::array<char, 128> t{};
  for (int c = 0; c < 0x20; ++c) t[c] = 'u';
  t['\b'] = 'b';
  t['\t'] = 't';
  t['\n'] = 'n';
  t['\f'] = 'f';
  t['\r'] = 'r';
  t['"'] = '"';
  t['\\'] = '\\';
  return t;
}();

// Whether any of the 8 bytes in `w` needs a look: below 0x20, '"', '\\' or
// non-ASCII. Word-at-a-time tests (exact for "any byte"), so that runs of
// plain text are skipped 8 bytes per step.
bool AnySpecial(uint64_t w) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  auto has_zero = [](uint64_t x) { return (x - kOnes) & ~x & kHigh; };
  const uint64_t below_space = (w - kOnes * 0x20) & ~w & kHigh;
  return (below_space | has_zero(w ^ (kOnes * '"')) |
          has_zero(w ^ (kOnes * '\\')) | (w & kHigh)) != 0;
}

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length of the well-formed UTF-8 sequence starting with the non-ASCII byte
// p[0], or 0 when it is not one. Accepts exactly what nlohmann's decoder
// accepts (RFC 3629: no overlong forms, surrogates or code points above
// U+10FFFF), so a string found valid here dumps without replacements.
size_t Utf8Length(const unsigned char* p, size_t avail) {
  const unsigned char c = p[0];
  if (c >= 0xC2 && c <= 0xDF) {
    return avail >= 2 && IsContinuation(p[1]) ? 2 : 0;
  }
  if (c >= 0xE0 && c <= 0xEF) {
    if (avail < 3 || !IsContinuation(p[1]) || !IsContinuation(p[2])) return 0;
    if (c == 0xE0 && p[1] < 0xA0) return 0;  // overlong
    if (c == 0xED && p[1] > 0x9F) return 0;  // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (avail < 4 || !IsContinuation(p[1]) || !IsContinuation(p[2]) ||
        !IsContinuation(p[3])) {
      return 0;
    }
    if (c == 0xF0 && p[1] < 0x90) return 0;  // overlong
    if (c == 0xF4 && p[1] > 0x8F) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

}  // namespace

void AppendJsonString(absl::string_view s, std::string* out) {
  const size_t start = out->size();
  out->push_back('"');
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t copied = 0;  // s[copied, i) is still to be copied verbatim
  size_t i = 0;
  while (i < n) {
    while (i + 8 <= n) {  // skip plain text a word at a time
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      if (AnySpecial(w)) break;
      i += 8;
    }
    if (i == n) break;
    const unsigned char c = p[i];
    if (c < 0x80) {
      const char e = kEscape[c];
      if (e == 0) {
        ++i;
        continue;
      }
      out->append(s.data() + copied, i - copied);
      if (e == 'u') {
        static constexpr char kHex[] = "0123456789abcdef";
        const char u[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
        out->append(u, 6);
      } else {
        const char esc[2] = {'\\', e};
        out->append(esc, 2);
      }
      copied = ++i;
      continue;
    }
    const size_t len = Utf8Length(p + i, n - i);
    if (len == 0) {
      // Invalid UTF-8 is rare (ingestion repairs it): let nlohmann apply its
      // own replacement rules rather than re-implementing them.
      out->resize(start);
      out->append(
          nlohmann::json(std::string(s))
              .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
      return;
    }
    i += len;
  }
  out->append(s.data() + copied, n - copied);
  out->push_back('"');
}

void JsonWriter::Key(absl::string_view key) {
  // Keys are mostly a schema's short literal names: when nothing needs
  // escaping, the separator, quotes and colon go out in one append.
  char buf[64];
  bool plain = key.size() <= sizeof(buf) - 4;
  for (size_t i = 0; plain && i < key.size(); ++i) {
    const auto c = static_cast<unsigned char>(key[i]);
    plain = c < 0x80 && kEscape[c] == 0;
  }
  if (!plain) {
    Separate();
    AppendJsonString(key, out_);
    out_->push_back(':');
    return;
  }
  char* p = buf;
  if (need_comma_) *p++ = ',';
  *p++ = '"';
  std::memcpy(p, key.data(), key.size());
  p += key.size();
  *p++ = '"';
  *p++ = ':';
  out_->append(buf, static_cast<size_t>(p - buf));
  need_comma_ = false;
}

void AppendJsonDouble(double d, std::string* out) {
  if (!std::isfinite(d)) {
    out->append("null");
    return;
  }
  // nlohmann's own Grisu2 formatter: std::to_chars is always shortest while
  // Grisu2 occasionally is not, and the bytes must not change.
  char buf[64];
  const char* end = nlohmann::detail::to_chars(buf, buf + sizeof(buf), d);
  out->append(buf, static_cast<size_t>(end - buf));
}

void AppendJsonInt(int64_t v, std::string* out) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof(buf), v);
  out->append(buf, static_cast<size_t>(r.ptr - buf));
}

void AppendJsonUint(uint64_t v, std::string* out) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof(buf), v);
  out->append(buf, static_cast<size_t>(r.ptr - buf));
}

}  // namespace crosscheck
