// A small command-line parser for crosscheck's subcommands.
//
// Flags are `--name value`, `--name=value` or boolean `--name`; everything
// else is a positional argument ("-" included: it means standard input).
// Unknown flags are errors, so typos never pass silently.
//
//   Args a;
//   a.Value("out").Value("format").Bool("quiet");
//   if (absl::Status s = a.Parse(argc, argv, 2); !s.ok()) ...
//   a.Get("out"), a.Has("quiet"), a.positional()
#ifndef CROSSCHECK_CHECKER_CLI_ARGS_H_
#define CROSSCHECK_CHECKER_CLI_ARGS_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "absl/status/status.h"

namespace crosscheck::cli {

class Args {
 public:
  // Declares a flag that takes a value; repeated flags accumulate.
  Args& Value(const std::string& name);
  // Declares a boolean flag.
  Args& Bool(const std::string& name);

  // Parses argv[first..argc).
  absl::Status Parse(int argc, char** argv, int first);

  bool Has(const std::string& name) const;
  // The last value given for `name`, or `fallback`.
  std::string Get(const std::string& name,
                  const std::string& fallback = "") const;
  // Every value given for `name`, in order.
  std::vector<std::string> GetAll(const std::string& name) const;
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  std::set<std::string> value_flags_;
  std::set<std::string> bool_flags_;
  std::map<std::string, std::vector<std::string>> values_;
  std::vector<std::string> positional_;
};

}  // namespace crosscheck::cli

#endif  // CROSSCHECK_CHECKER_CLI_ARGS_H_
