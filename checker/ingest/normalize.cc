#include "checker/ingest/normalize.h"

#include <cstdint>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"

namespace crosscheck::ingest {
namespace {

constexpr absl::string_view kReplacement = "\xEF\xBF\xBD";

const absl::flat_hash_map<absl::string_view, uint32_t>& EntityTable() {
  static const auto* table = [] {
    auto* t = new absl::flat_hash_map<absl::string_view, uint32_t>{
        {"quot", 34},     {"amp", 38},      {"apos", 39},     {"lt", 60},
        {"gt", 62},       {"nbsp", 160},    {"iexcl", 161},   {"cent", 162},
        {"pound", 163},   {"curren", 164},  {"yen", 165},     {"brvbar", 166},
        {"sect", 167},    {"uml", 168},     {"copy", 169},    {"ordf", 170},
        {"laquo", 171},   {"not", 172},     {"shy", 173},     {"reg", 174},
        {"macr", 175},    {"deg", 176},     {"plusmn", 177},  {"sup2", 178},
        {"sup3", 179},    {"acute", 180},   {"micro", 181},   {"para", 182},
        {"middot", 183},  {"cedil", 184},   {"sup1", 185},    {"ordm", 186},
        {"raquo", 187},   {"frac14", 188},  {"frac12", 189},  {"frac34", 190},
        {"iquest", 191},  {"times", 215},   {"divide", 247},  {"OElig", 338},
        {"oelig", 339},   {"Scaron", 352},  {"scaron", 353},  {"Yuml", 376},
        {"fnof", 402},    {"circ", 710},    {"tilde", 732},   {"ensp", 8194},
        {"emsp", 8195},   {"thinsp", 8201}, {"zwnj", 8204},   {"zwj", 8205},
        {"lrm", 8206},    {"rlm", 8207},    {"hyphen", 8208}, {"dash", 8208},
        {"ndash", 8211},  {"mdash", 8212},  {"horbar", 8213}, {"lsquo", 8216},
        {"rsquo", 8217},  {"sbquo", 8218},  {"ldquo", 8220},  {"rdquo", 8221},
        {"bdquo", 8222},  {"dagger", 8224}, {"Dagger", 8225}, {"bull", 8226},
        {"hellip", 8230}, {"permil", 8240}, {"prime", 8242},  {"Prime", 8243},
        {"lsaquo", 8249}, {"rsaquo", 8250}, {"euro", 8364},   {"trade", 8482},
        {"larr", 8592},   {"rarr", 8594},   {"minus", 8722},  {"Tab", 9},
        {"NewLine", 10},  {"rsquor", 8217}, {"lsquor", 8218}};
    // Latin-1 letters U+00C0..U+00FF in code point order (times and divide
    // are listed above and skipped here).
    static constexpr absl::string_view kLatin1[] = {
        "Agrave", "Aacute", "Acirc",  "Atilde", "Auml",   "Aring",  "AElig",
        "Ccedil", "Egrave", "Eacute", "Ecirc",  "Euml",   "Igrave", "Iacute",
        "Icirc",  "Iuml",   "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",
        "Otilde", "Ouml",   "",       "Oslash", "Ugrave", "Uacute", "Ucirc",
        "Uuml",   "Yacute", "THORN",  "szlig",  "agrave", "aacute", "acirc",
        "atilde", "auml",   "aring",  "aelig",  "ccedil", "egrave", "eacute",
        "ecirc",  "euml",   "igrave", "iacute", "icirc",  "iuml",   "eth",
        "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "",
        "oslash", "ugrave", "uacute", "ucirc",  "uuml",   "yacute", "thorn",
        "yuml"};
    for (uint32_t i = 0; i < std::size(kLatin1); ++i) {
      if (!kLatin1[i].empty()) t->emplace(kLatin1[i], 0xC0 + i);
    }
    return t;
  }();
  return *table;
}

bool IsWordByte(char c) {
  const unsigned char u = static_cast<unsigned char>(c);
  // Non-ASCII bytes are letters of some script unless they start a
  // U+2000..U+2FFF punctuation/symbol sequence (lead byte 0xE2).
  return absl::ascii_isalnum(u) || (u >= 0x80 && u != 0xE2);
}

bool StartsWithSpace(absl::string_view rest) {
  if (rest.empty()) return false;
  const char c = rest[0];
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
         (rest.size() >= 2 && rest[0] == '\xC2' && rest[1] == '\xA0');
}

// Length of the valid UTF-8 sequence at the start of `s` and its code point,
// or 0 when the first byte does not start one (RFC 3629: no overlongs, no
// surrogates, nothing past U+10FFFF).
int DecodeUtf8(absl::string_view s, uint32_t* cp) {
  const auto b = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char c = b(0);
  int len;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
    *cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    *cp = c & 0x0F;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    *cp = c & 0x07;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (s.size() < static_cast<size_t>(len)) return 0;
  if (b(1) < lo || b(1) > hi) return 0;
  *cp = (*cp << 6) | (b(1) & 0x3F);
  for (int i = 2; i < len; ++i) {
    if ((b(i) & 0xC0) != 0x80) return 0;
    *cp = (*cp << 6) | (b(i) & 0x3F);
  }
  return len;
}

}  // namespace

void AppendUtf8(uint32_t cp, std::string* out) {
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::optional<uint32_t> DecodeEntity(absl::string_view s, size_t* length) {
  if (s.size() < 3 || s[0] != '&') return std::nullopt;
  if (s[1] == '#') {
    size_t i = 2;
    const bool hex = i < s.size() && (s[i] == 'x' || s[i] == 'X');
    if (hex) ++i;
    const size_t digits_begin = i;
    uint32_t cp = 0;
    while (i < s.size() && i - digits_begin < 8) {
      const char c = s[i];
      int d;
      if (c >= '0' && c <= '9') {
        d = c - '0';
      } else if (hex && c >= 'a' && c <= 'f') {
        d = c - 'a' + 10;
      } else if (hex && c >= 'A' && c <= 'F') {
        d = c - 'A' + 10;
      } else {
        break;
      }
      cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(d);
      ++i;
    }
    if (i == digits_begin || i >= s.size() || s[i] != ';') return std::nullopt;
    *length = i + 1;
    // HTML maps NUL, surrogates and out-of-range values to U+FFFD.
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      cp = 0xFFFD;
    }
    return cp;
  }
  size_t i = 1;
  while (i < s.size() && i <= 32 && absl::ascii_isalnum(s[i])) ++i;
  if (i == 1 || i >= s.size() || s[i] != ';') return std::nullopt;
  const auto& table = EntityTable();
  auto it = table.find(s.substr(1, i - 1));
  if (it == table.end()) return std::nullopt;
  *length = i + 1;
  return it->second;
}

void Normalizer::Emit(absl::string_view s, uint32_t begin, uint32_t end,
                      MappedText* out) {
  out->AppendReplacement(s, begin, end);
  last_ = s.back();
}

void Normalizer::EmitSpace(uint32_t begin, uint32_t end, MappedText* out) {
  if (options_.collapse_whitespace && (last_ == 0 || last_ == ' ')) return;
  Emit(" ", begin, end, out);
}

void Normalizer::EmitNewline(uint32_t begin, uint32_t end, MappedText* out) {
  if (options_.collapse_whitespace) {
    EmitSpace(begin, end, out);
  } else {
    Emit("\n", begin, end, out);
  }
}

void Normalizer::EmitDash(uint32_t begin, uint32_t end, absl::string_view rest,
                          MappedText* out) {
  // Spaced so a dash used as punctuation never glues two words into one
  // hyphenated token, without doubling spaces already there.
  if (last_ != 0 && last_ != ' ' && last_ != '\n') Emit(" ", begin, end, out);
  Emit("-", begin, end, out);
  if (!StartsWithSpace(rest)) Emit(" ", begin, end, out);
}

void Normalizer::EmitCodePoint(uint32_t cp, absl::string_view direct,
                               uint32_t begin, uint32_t end,
                               absl::string_view rest, MappedText* out) {
  switch (cp) {
    case 0xFEFF:
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x2060:
    case 0x2061:
    case 0x2062:
    case 0x2063:
    case 0x2064:
    case 0x00AD:
    case 0x180E:
    case 0x200E:
    case 0x200F:
    case 0x202A:
    case 0x202B:
    case 0x202C:
    case 0x202D:
    case 0x202E:
    case 0x2066:
    case 0x2067:
    case 0x2068:
    case 0x2069:
      return;  // invisible: zero-width, bidi controls, soft hyphen
    case '\n':
      EmitNewline(begin, end, out);
      return;
    case 0x00A0:
    case 0x1680:
    case 0x2000:
    case 0x2001:
    case 0x2002:
    case 0x2003:
    case 0x2004:
    case 0x2005:
    case 0x2006:
    case 0x2007:
    case 0x2008:
    case 0x2009:
    case 0x200A:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0x2028:
    case 0x2029:
      EmitSpace(begin, end, out);
      return;
    case 0x0091:
    case 0x0092:
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x2035:
    case 0x02BC:
    case 0xFF07:
    case 0x2039:
    case 0x203A:
      Emit("'", begin, end, out);
      return;
    case 0x0093:
    case 0x0094:
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
    case 0x2036:
    case 0x00AB:
    case 0x00BB:
    case 0xFF02:
    case 0x301D:
    case 0x301E:
      Emit("\"", begin, end, out);
      return;
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2043:
    case 0x2212:
    case 0xFE63:
    case 0xFF0D:
      Emit("-", begin, end, out);
      return;
    case 0x2013:
    case 0x0096:
      // "30–40", "1910–45", "Seoul–Tokyo": a range or a compound.
      if (IsWordByte(last_) && !rest.empty() && IsWordByte(rest[0])) {
        Emit("-", begin, end, out);
      } else {
        EmitDash(begin, end, rest, out);
      }
      return;
    case 0x2014:
    case 0x2015:
    case 0x0097:
    case 0x2E3A:
    case 0x2E3B:
    case 0xFE58:
    case 0xFE31:
      EmitDash(begin, end, rest, out);
      return;
    case 0x2026:
    case 0x0085:
      Emit("...", begin, end, out);
      return;
    default:
      break;
  }
  if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) {
    EmitSpace(begin, end, out);  // controls, including tab
    return;
  }
  if (!direct.empty()) {
    out->Append(direct, begin);
    last_ = direct.back();
    return;
  }
  std::string utf8;
  AppendUtf8(cp, &utf8);
  Emit(utf8, begin, end, out);
}

void Normalizer::Append(absl::string_view bytes, uint32_t origin,
                        MappedText* out) {
  const size_t n = bytes.size();
  size_t i = 0;
  const bool collapse = options_.collapse_whitespace;
  const bool entities = options_.decode_entities;
  while (i < n) {
    // Fast path: a run of printable ASCII that needs no change.
    size_t j = i;
    while (j < n) {
      const unsigned char c = static_cast<unsigned char>(bytes[j]);
      if (c < 0x20 || c >= 0x7F || (c == '&' && entities)) break;
      if (c == ' ' && collapse &&
          (j == i ? (last_ == 0 || last_ == ' ') : bytes[j - 1] == ' ')) {
        break;
      }
      ++j;
    }
    if (j > i) {
      out->Append(bytes.substr(i, j - i), origin + static_cast<uint32_t>(i));
      last_ = bytes[j - 1];
      i = j;
      continue;
    }
    const uint32_t at = origin + static_cast<uint32_t>(i);
    const unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c == ' ') {  // only reached when collapsing a run
      ++i;
      continue;
    }
    if (c == '&') {
      size_t len = 0;
      if (auto cp = DecodeEntity(bytes.substr(i), &len)) {
        EmitCodePoint(*cp, "", at, at + static_cast<uint32_t>(len),
                      bytes.substr(i + len), out);
        i += len;
      } else {
        Emit("&", at, at + 1, out);
        ++i;
      }
      continue;
    }
    if (c == '\r') {
      const size_t len = (i + 1 < n && bytes[i + 1] == '\n') ? 2 : 1;
      EmitNewline(at, at + static_cast<uint32_t>(len), out);
      i += len;
      continue;
    }
    if (c < 0x80) {  // '\n', tab, other controls, DEL
      EmitCodePoint(c, "", at, at + 1, bytes.substr(i + 1), out);
      ++i;
      continue;
    }
    uint32_t cp = 0;
    const int len = DecodeUtf8(bytes.substr(i), &cp);
    if (len == 0) {
      if (issues_.invalid_bytes++ == 0) {
        issues_.first_offset = at;
        issues_.first_byte = c;
      }
      Emit(kReplacement, at, at + 1, out);
      ++i;
      continue;
    }
    EmitCodePoint(cp, bytes.substr(i, len), at, at + static_cast<uint32_t>(len),
                  bytes.substr(i + len), out);
    i += len;
  }
}

MappedText NormalizeText(absl::string_view bytes,
                         const NormalizeOptions& options, Utf8Issues* issues) {
  Normalizer n(options);
  MappedText out;
  n.Append(bytes, 0, &out);
  if (issues != nullptr) *issues = n.utf8_issues();
  return out;
}

std::string CleanString(absl::string_view bytes, bool decode_entities) {
  NormalizeOptions options;
  options.collapse_whitespace = true;
  options.decode_entities = decode_entities;
  Normalizer n(options);
  MappedText out;
  n.Append(bytes, 0, &out);
  out.TrimRight();
  return out.text();
}

}  // namespace crosscheck::ingest
