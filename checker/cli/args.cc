#include "checker/cli/args.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace crosscheck::cli {

Args& Args::Value(const std::string& name) {
  value_flags_.insert(name);
  return *this;
}

Args& Args::Bool(const std::string& name) {
  bool_flags_.insert(name);
  return *this;
}

absl::Status Args::Parse(int argc, char** argv, int first) {
  bool only_positional = false;
  for (int i = first; i < argc; ++i) {
    std::string arg = argv[i];
    if (only_positional || arg == "-" || !absl::StartsWith(arg, "-")) {
      positional_.push_back(arg);
      continue;
    }
    if (arg == "--") {
      only_positional = true;
      continue;
    }
    std::string name = arg.substr(absl::StartsWith(arg, "--") ? 2 : 1);
    std::optional<std::string> inline_value;
    if (size_t eq = name.find('='); eq != std::string::npos) {
      inline_value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    if (name == "o") name = "output";
    if (name == "h") name = "help";
    if (bool_flags_.count(name)) {
      if (inline_value) {
        return absl::InvalidArgumentError(
            absl::StrCat("flag --", name, " takes no value"));
      }
      values_[name].push_back("true");
    } else if (value_flags_.count(name)) {
      if (inline_value) {
        values_[name].push_back(*inline_value);
      } else if (i + 1 < argc) {
        values_[name].push_back(argv[++i]);
      } else {
        return absl::InvalidArgumentError(
            absl::StrCat("flag --", name, " needs a value"));
      }
    } else {
      return absl::InvalidArgumentError(
          absl::StrCat("unknown flag '", arg, "'"));
    }
  }
  return absl::OkStatus();
}

bool Args::Has(const std::string& name) const { return values_.count(name); }

std::string Args::Get(const std::string& name,
                      const std::string& fallback) const {
  auto it = values_.find(name);
  if (it == values_.end() || it->second.empty()) return fallback;
  return it->second.back();
}

std::vector<std::string> Args::GetAll(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return {};
  return it->second;
}

}  // namespace crosscheck::cli
