#!/usr/bin/env bash
# The GPU check of issue 15, in two halves.
#
#   bench/gpu/check.sh pack          here (with Java and Maven): build, write the run + test classpath, and pack
#                                    .gpu/bundle.tar.xz with ../shared/gpu/pack.sh (fetches the GPU natives jar once)
#   bash bench/gpu/check.sh device   on the GPU machine (device tool: carry [".gpu", "bench"]): prints everything
#
# Device half, in order: the gpu test group (io.pylon.testing.GpuTests: CUDA training in 32 / bf16-mixed /
# 16-mixed, exact resume with the CUDA RNG), `pylon bench step` (Fashion-MNIST CNN, trainer vs bare loop) on cuda,
# `pylon bench lm` on cuda (the lm helper's command) and the PyTorch peer of the seed GPT (d_model 128, 6 layers,
# 8 heads, d_ff 512, context 256, batch 64, vocabulary 65) in eager and torch.compile(reduce-overhead), fp32 and
# bf16. Not yet here: a 3D UNet step (no `pylon bench` command trains one; add it when one exists).
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)

pack() {
  cd "$root"
  export JAVA_HOME=${JAVA_HOME:-$(bin/find-jdk)}
  ./mvnw -q -o -DskipTests package || exit 1
  ./mvnw -q -o -pl pylon-core dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/gpu-cp.txt \
    || exit 1
  cp_file=$root/target/gpu-classpath.txt
  mkdir -p "$root/target"
  printf '%s:%s:%s:%s' "$root/pylon-cli/target/classes" "$root/pylon-core/target/classes" \
    "$root/pylon-core/target/test-classes" "$(cat pylon-cli/target/classpath.txt):$(cat pylon-core/target/gpu-cp.txt)" \
    > "$cp_file"
  "${PYLON_SHARED:-/work/shared}/gpu/pack.sh" "$cp_file"
}

device() {
  cd "$root"
  nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader
  python3 -c 'import torch; print("device PyTorch", torch.__version__, "CUDA", torch.version.cuda)'
  run() { timeout "${STEP_TIMEOUT:-240}" bash .gpu/run.sh "$@"; echo "[exit $?] $*"; }
  echo "== gpu test group"
  run io.pylon.testing.GpuTests
  echo "== Fashion-MNIST CNN step, trainer vs bare libtorch loop"
  run io.pylon.cli.Main bench step --device cuda --steps 100 --rounds 3
  echo "== seed GPT: pylon bench lm (cuda) vs PyTorch peer"
  run io.pylon.cli.Main bench lm --device cuda --batch-size 64 --skip-generation
  for mode in eager compile; do
    for precision in fp32 bf16; do
      timeout 300 python3 "$here/peer_gpt_cuda.py" --mode $mode --precision $precision
    done
  done
}

case "${1:-}" in
  pack) pack ;;
  device) device ;;
  *) echo "usage: bench/gpu/check.sh pack | device" >&2; exit 2 ;;
esac
