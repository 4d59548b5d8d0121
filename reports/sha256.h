// SHA-256 (FIPS 180-4), for the HTML report's Content-Security-Policy
// hashes of its inline script and style. Small and unoptimized: it hashes a
// few kilobytes per report.
//
//   std::string digest = reports::Sha256("abc");   // 32 raw bytes
//   absl::Base64Escape(digest)  //
//   "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="
#ifndef CROSSCHECK_REPORTS_SHA256_H_
#define CROSSCHECK_REPORTS_SHA256_H_

#include <string>

#include "absl/strings/string_view.h"

namespace crosscheck::reports {

// The 32-byte binary digest of `data`.
std::string Sha256(absl::string_view data);

}  // namespace crosscheck::reports

#endif  // CROSSCHECK_REPORTS_SHA256_H_
