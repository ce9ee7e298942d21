#!/usr/bin/env bash
# Installs another Node.js from the npm registry (the `node` package ships the binary and its
# headers) into DIR, and prints the two lines that make this shell use it, for `eval`:
#
#   eval "$(scripts/install-node.sh 24 /tmp/node24)"
#   npm rebuild better-sqlite3      # or npm ci: the one native module built for one Node ABI
#   npm test
#
# better-sqlite3 is then compiled from source against headers on disk (npm_config_nodedir), with
# no download: prebuild-install is told to build from source, so no binary built elsewhere (perhaps
# against the headers below) slips in. Every other native part of the tree is Node-API, which works
# on any Node.
#
# Node 24: the headers come from 24.18.1, the last 24.x whose node_object_wrap.h does not register
# a cleanup hook per object. Built against 24.19 or later, better-sqlite3 aborts the process
# whenever the garbage collector frees one of its statements ("Assertion failed: (env) != nullptr"
# in RemoveEnvironmentCleanupHook, nodejs/node#65446): the seed, servers and test workers died.
# The ABI (NODE_MODULE_VERSION 137) is the same across 24.x. tests/repository/native-sqlite-gc.test.ts
# catches such a build. Decision 0052.
set -euo pipefail

major="${1:?usage: scripts/install-node.sh MAJOR DIR (e.g. 24 /tmp/node24)}"
dir="${2:?usage: scripts/install-node.sh MAJOR DIR (e.g. 24 /tmp/node24)}"
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"

# Progress goes to stderr: stdout is only the lines for eval.
npm install --prefix "$dir" --no-audit --no-fund --no-save --loglevel=error "node@$major" >&2
bin="$dir/node_modules/node/bin"
version="$("$bin/node" -p 'process.versions.node')"
platform_package="$("$bin/node" -p '`node-${process.platform}-${process.arch}`')"

headers_version="$version"
if [ "$major" = "24" ]; then headers_version="24.18.1"; fi
if [ "$headers_version" = "$version" ]; then
  nodedir="$dir/node_modules/node/node_modules/$platform_package"
else
  npm install --prefix "$dir/headers" --no-audit --no-fund --no-save --loglevel=error "$platform_package@$headers_version" >&2
  nodedir="$dir/headers/node_modules/$platform_package"
fi
if [ ! -f "$nodedir/include/node/node.h" ]; then
  echo "install-node: no headers in $nodedir" >&2
  exit 1
fi
echo "install-node: Node $version in $bin, native modules built against the headers of $headers_version" >&2

printf 'export PATH=%q:"$PATH"\n' "$bin"
printf 'export npm_config_nodedir=%q npm_config_build_from_source=true\n' "$nodedir"
