#!/usr/bin/env bash
# Runs one register command for the composite action: annotations on the
# lines at fault (--format github), SARIF for code scanning, and the text
# report in the run's summary. The step's exit code is the command's.
set -uo pipefail
root=${REGISTER_ROOT:-register}
summary=${GITHUB_STEP_SUMMARY:-/dev/null}
code=0

# report adds a command's text output to the run's summary.
report() {
  {
    echo "## register $1"
    echo
    echo '```'
    cat "$2"
    echo '```'
  } >> "$summary"
}

case "${REGISTER_COMMAND:-check}" in
  check | validate)
    cmd=${REGISTER_COMMAND:-check}
    args=(--root "$root")
    if [ "$cmd" = check ]; then
      args+=(--fail-on "${REGISTER_FAIL_ON:-error}")
    fi
    register "$cmd" "${args[@]}" --format github || code=$?
    if [ -n "${REGISTER_SARIF:-}" ]; then
      # Exit 1 means findings, which is what the file is for.
      register "$cmd" "${args[@]}" --format sarif > "$REGISTER_SARIF" || [ "$?" -eq 1 ] || code=2
      echo "sarif=$REGISTER_SARIF" >> "${GITHUB_OUTPUT:-/dev/null}"
    fi
    text=$(mktemp)
    register "$cmd" "${args[@]}" --format text > "$text" 2>&1
    report "$cmd" "$text"
    ;;
  due)
    text=$(mktemp)
    register due --root "$root" --format text > "$text" || code=$?
    cat "$text"
    report due "$text"
    ;;
  build)
    text=$(mktemp)
    register build --root "$root" --out "${REGISTER_OUT:-_site}" > "$text" 2>&1 || code=$?
    cat "$text"
    report build "$text"
    ;;
  *)
    echo "::error::command must be check, validate, due or build; got '${REGISTER_COMMAND}'"
    exit 2
    ;;
esac
exit "$code"
