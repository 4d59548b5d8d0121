// A streaming JSON writer: appends compact JSON text to a std::string.
//
// Building an nlohmann::json tree only to dump it costs several allocations
// per value; bulk output (`crosscheck extract` writes a record of ~60 values
// per claim) appends straight into one buffer instead. The bytes are exactly
// those of nlohmann::json::dump(-1, ' ', false, error_handler_t::replace), so
// both paths can be mixed and compared (tests/core/json_writer_test.cc):
//   - strings: '"' and '\\' escaped, \b \t \n \f \r, other bytes below 0x20
//     as \u00xx (lowercase hex); everything else, DEL and U+2028 included,
//     passes through. Invalid UTF-8 becomes U+FFFD the way nlohmann does it.
//   - doubles: nlohmann's own Grisu2 round-trip form (12000.0, 0.15,
//     1e+20, -0.0); NaN and infinities are null (JSON has neither).
//   - integers: plain decimal.
//
// The writer does not sort keys: nlohmann's objects are std::maps, so to
// match a dump the caller writes keys in byte order. It inserts commas and
// does no other validation (a Key must be followed by one value).
//
// Example:
//   std::string out;
//   JsonWriter w(&out);
//   w.BeginObject();
//   w.Key("begin"); w.Uint(3);
//   w.Key("text");  w.String("say \"hi\"");
//   w.EndObject();  // out == R"({"begin":3,"text":"say \"hi\""})"
#ifndef CROSSCHECK_CHECKER_CORE_JSON_WRITER_H_
#define CROSSCHECK_CHECKER_CORE_JSON_WRITER_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace crosscheck {

// Appends `s` as a quoted, escaped JSON string.
void AppendJsonString(absl::string_view s, std::string* out);
// Appends `d` as nlohmann prints it; null when NaN or infinite.
void AppendJsonDouble(double d, std::string* out);
void AppendJsonInt(int64_t v, std::string* out);
void AppendJsonUint(uint64_t v, std::string* out);

// An object key fixed at compile time and checked then to need no escaping
// (schema names such as "doc_id"), so that writing it needs no scan:
//   w.FixedKey("doc_id");
class JsonKey {
 public:
  template <size_t N>
  consteval JsonKey(const char (&name)[N])  // NOLINT: literals only
      : name_(name, N - 1) {
    for (size_t i = 0; i + 1 < N; ++i) {
      const auto c = static_cast<unsigned char>(name[i]);
      // Not a constant expression: a name that needs escaping does not
      // compile.
      if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) {
        throw "JsonKey: the name needs escaping; use JsonWriter::Key";
      }
    }
  }
  absl::string_view name() const { return name_; }

 private:
  absl::string_view name_;
};

class JsonWriter {
 public:
  // Appends to *out (not cleared), which must outlive the writer.
  explicit JsonWriter(std::string* out) : out_(out) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }

  // An object member's key; the next call writes its value.
  void Key(absl::string_view key);
  // The same for a name checked at compile time: no scan.
  void FixedKey(JsonKey key) {
    const absl::string_view name = key.name();
    if (need_comma_) out_->push_back(',');
    need_comma_ = false;
    out_->push_back('"');
    out_->append(name.data(), name.size());
    out_->append("\":", 2);
  }

  void String(absl::string_view s) {
    Separate();
    AppendJsonString(s, out_);
    need_comma_ = true;
  }
  void Int(int64_t v) {
    Separate();
    AppendJsonInt(v, out_);
    need_comma_ = true;
  }
  void Uint(uint64_t v) {
    Separate();
    AppendJsonUint(v, out_);
    need_comma_ = true;
  }
  void Double(double d) {
    Separate();
    AppendJsonDouble(d, out_);
    need_comma_ = true;
  }
  void Bool(bool b) { Raw(b ? "true" : "false"); }
  void Null() { Raw("null"); }
  // A value that is already JSON text, spliced verbatim (e.g. a member
  // serialized once and repeated in many records).
  void Raw(absl::string_view json) {
    Separate();
    out_->append(json.data(), json.size());
    need_comma_ = true;
  }

  std::string* out() const { return out_; }

 private:
  // A comma is due before a value or key that follows a complete value; a
  // Key clears it so its value follows the colon directly. No stack is
  // needed: closing a container always completes a value of its parent.
  void Separate() {
    if (need_comma_) out_->push_back(',');
    need_comma_ = false;
  }
  void Open(char c) {
    Separate();
    out_->push_back(c);
  }
  void Close(char c) {
    out_->push_back(c);
    need_comma_ = true;
  }

  std::string* out_;
  bool need_comma_ = false;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_CHECKER_CORE_JSON_WRITER_H_
