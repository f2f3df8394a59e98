#!/usr/bin/env bash
# The one test command: `npm test` runs this, and `.ci/run` runs `npm test` from a clean clone.
# It installs what the tests need (system packages when run as root, node_modules), builds, checks the
# generated files, formatting, the packed package under ESLint 9 and 10, types, lint and unused exports,
# runs every vitest test, and ends with the plain line
# "N passed, N failed" that CI reads.
set -uo pipefail
cd "$(dirname "$0")/.."

# 1. System packages: SoftHSM (PKCS#11 tests), OpenSC (pkcs11-tool), Chromium (HTML report screenshot), git,
#    script(1) from bsdutils (the keys CLI's prompt test).
need=()
[ -e /usr/lib/softhsm/libsofthsm2.so ] && command -v softhsm2-util >/dev/null || need+=(softhsm2)
command -v pkcs11-tool >/dev/null || need+=(opensc)
command -v chromium >/dev/null || need+=(chromium)
command -v git >/dev/null || need+=(git)
command -v script >/dev/null || need+=(bsdutils) # script(1): the pseudo-terminal of test/keys/cli-binary.test.ts
if [ ${#need[@]} -gt 0 ]; then
  echo "installing system packages: ${need[*]}"
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  elif command -v sudo >/dev/null; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "keyhygiene tests need the Debian packages: ${need[*]} (run: apt-get install ${need[*]})"
    echo "0 passed, 1 failed"
    exit 2
  fi
fi

# 2. node_modules, when missing or older than the lock file.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund || { echo "0 passed, 1 failed"; exit 2; }
fi

# 3. Checks that are not vitest tests count as one test each in the closing line.
passed=0
failed=0
check() {
  local name=$1
  shift
  echo "== $name"
  if "$@"; then passed=$((passed + 1)); else echo "check failed: $name"; failed=$((failed + 1)); fi
}
check build npm run --silent build
check generated-files node scripts/generate.mjs --check
check format npx prettier --check --log-level warn .
check package-eslint-9-and-10 bash scripts/check-package.sh
check typecheck npx tsc -p tsconfig.json --noEmit
check lint npx eslint .
check unused-exports npx knip --no-progress

# 4. Every vitest test; the JSON reporter gives the counts.
# A /dev/null that is a regular file (a rename over it as root leaves one) feeds its text to every program that
# reads the null device; git then fails in ways that look like flaky tests. Say so before the tests run.
[ -c /dev/null ] || echo "warning: /dev/null is not a character device ($(ls -l /dev/null)); tests that run git may fail"
results=$(mktemp -d)/vitest.json
npx vitest run --reporter=default --reporter=json --outputFile="$results"
if [ -s "$results" ]; then
  read -r vp vf < <(node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); const suiteFails = r.testResults.filter((t) => t.status === "failed" && t.assertionResults.length === 0).length; console.log(r.numPassedTests, r.numFailedTests + suiteFails)' "$results")
else
  vp=0
  vf=1
  echo "vitest wrote no results"
fi
passed=$((passed + vp))
failed=$((failed + vf))
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
