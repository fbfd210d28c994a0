#!/usr/bin/env bash
# Turns the version the action was given into an exact one (latest becomes
# the newest release), so the cache key names what is installed.
set -euo pipefail
module=github.com/voorbeeldstad/register
version=${REGISTER_VERSION:-latest}
case "$version" in
  latest) version=$(go list -m -f '{{.Version}}' "$module@latest") ;;
  v[0-9]*) ;;
  *) echo "::error::version must be a release such as v1.2.0, or latest; got '$version'"; exit 2 ;;
esac
echo "version=$version" >> "$GITHUB_OUTPUT"
echo "register $version"
