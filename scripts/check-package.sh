#!/usr/bin/env bash
# Installs the packed tarball the way a user would, next to ESLint 9 and next to ESLint 10, and checks
# that (1) the install holds exactly one ESLint and (2) the bundled demo app, linted with the plugin's
# recommended config under that ESLint, gives exactly its expected findings (eslint is a peer dependency, so the user's copy is the only one).
# Needs the npm registry (the test command's other installs need it too). Exit 0 on success.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

npm pack --silent --ignore-scripts --pack-destination "$work" >/dev/null
tarball=$(ls "$work"/keyhygiene-*.tgz)

for major in 9 10; do
  dir="$work/eslint$major"
  mkdir -p "$dir"
  cd "$dir"
  printf '{ "name": "eslint%s-user", "private": true, "type": "module" }\n' "$major" >package.json
  npm install --silent --no-audit --no-fund --prefer-offline "eslint@^$major.0.0" "$tarball" >/dev/null
  # The bundled demo app, linted by the user's ESLint through the demo's own eslint.config.mjs (which
  # imports 'keyhygiene' as a user would), must give exactly the findings in its expected/*.json.
  cp -r "$root/fixtures/demo-app" app
  version=$(node -p "require('eslint/package.json').version")
  [ "${version%%.*}" = "$major" ] || { echo "expected ESLint $major, got $version"; exit 1; }
  copies=$(npm ls eslint --all --parseable 2>/dev/null | grep -c '/node_modules/eslint$' || true)
  [ "$copies" = 1 ] || { echo "ESLint $major: $copies copies of eslint installed (expected 1)"; npm ls eslint --all; exit 1; }
  (cd app && npx eslint --format json . >"$dir/report.json") || true
  node -e '
    const fs = require("fs"), path = require("path");
    const [report, app] = process.argv.slice(1);
    const results = JSON.parse(fs.readFileSync(report, "utf8"));
    const fatal = results.flatMap((r) => r.messages.filter((m) => m.fatal).map((m) => r.filePath + ": " + m.message));
    if (fatal.length) { console.error(fatal.join("\n")); process.exit(1); }
    const key = (e) => `${e.file}:${e.line}:${e.ruleId}`;
    const actual = results.flatMap((r) => r.messages.map((m) => key({ file: path.relative(app, r.filePath), line: m.line, ruleId: m.ruleId })));
    const dir = path.join(app, "expected");
    const expected = fs.readdirSync(dir).filter((f) => f.endsWith(".json") && f !== "audit-extra.json")
      .flatMap((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")).map(key));
    const missing = expected.filter((k) => !actual.includes(k)), extra = actual.filter((k) => !expected.includes(k));
    if (expected.length < 5 || missing.length || extra.length) {
      console.error(`missing: ${missing.join(" ")}\nextra: ${extra.join(" ")}`);
      process.exit(1);
    }
    console.log(`${actual.length} findings, as expected`);
  ' "$dir/report.json" "$dir/app" | sed "s/^/ESLint $version: demo app: /"
  echo "ESLint $version: one eslint in the tree"
  cd "$root"
done
