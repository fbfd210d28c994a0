#!/usr/bin/env bash
# Writes internal/site/assets/vendor/json-schema.js, the JSON Schema
# validator of the site's notification form, from @cfworker/json-schema in
# e2e/node_modules (the version package.json pins): its ES modules joined into
# one classic script, because browsers refuse modules on a site opened from
# disk (file://). The validator uses no eval, so the site's CSP holds.
# notify.test.mjs fails when the file differs from what this script writes.
set -euo pipefail
cd "$(dirname "$0")"
pkg=node_modules/@cfworker/json-schema
version=$(node -p "require('./$pkg/package.json').version")
out=${1:-../internal/site/assets/vendor/json-schema.js}
{
  echo "/*! @cfworker/json-schema $version, joined into one script by e2e/vendor-json-schema.sh."
  echo " * MIT License. Copyright (c) Jeremy Danyow."
  echo " * Permission is hereby granted, free of charge, to any person obtaining a copy of this software and"
  echo " * associated documentation files (the \"Software\"), to deal in the Software without restriction,"
  echo " * including without limitation the rights to use, copy, modify, merge, publish, distribute,"
  echo " * sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is"
  echo " * furnished to do so, subject to the following conditions: The above copyright notice and this"
  echo " * permission notice shall be included in all copies or substantial portions of the Software."
  echo " * THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED. */"
  echo "(function () {"
  echo "\"use strict\";"
  for f in deep-compare-strict pointer ucs2-length format types dereference validate validator; do
    sed -e '/^import .* from /d' -e 's/^export //' -e '/^\/\/# sourceMappingURL=/d' "$pkg/dist/esm/$f.js"
    echo
  done
  echo "window.RegisterJSONSchema = { Validator: Validator };"
  echo "})();"
} >"$out"
