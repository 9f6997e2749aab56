#!/bin/sh
# Stands in for `pylon train` in launcher tests: same arguments, same run-directory files, no libtorch.
# FAKE_STEPS steps of FAKE_STEP_SECONDS each; a checkpoint after every step; `--resume` continues from it.
# FAKE_FAIL_ONCE_DIR: fail (exit 1) once per job on its first attempt, marking that folder.
steps=${FAKE_STEPS:-3}
pause=${FAKE_STEP_SECONDS:-0.05}
[ "$1" = train ] || { echo "usage: train CONFIG [overrides] | train --resume RUN_DIR" >&2; exit 2; }
shift
if [ "$1" = --resume ]; then
  run=$2
  start=$(cat "$run/checkpoints/last.ckpt")
  echo "resumed $run at step $start"
else
  config=$1; shift
  [ -f "$config" ] || { echo "error: no config $config" >&2; exit 2; }
  runs=runs; experiment=default; name=
  for override in "$@"; do
    case $override in
      experiment.run_name=*) name=${override#*=} ;;
      experiment.runs_dir=*) runs=${override#*=} ;;
      experiment.name=*) experiment=${override#*=} ;;
    esac
  done
  run=$runs/$experiment/$name
  [ -e "$run" ] && { echo "error: run directory $run already exists" >&2; exit 2; }
  mkdir -p "$run/checkpoints"
  printf '%s\n' "$@" > "$run/config.yaml"
  start=0
fi
step=$start
while [ "$step" -lt "$steps" ]; do
  sleep "$pause"
  step=$((step + 1))
  echo "{\"step\": $step, \"pid\": $$}" >> "$run/metrics.jsonl"
  echo "$step" > "$run/checkpoints/last.ckpt.tmp" && mv "$run/checkpoints/last.ckpt.tmp" "$run/checkpoints/last.ckpt"
  if [ -n "${FAKE_FAIL_ONCE_DIR:-}" ] && [ "$step" = 1 ] && mkdir "$FAKE_FAIL_ONCE_DIR/$(basename "$run")" 2>/dev/null; then
    echo "failing once at step 1" >&2
    exit 1
  fi
done
echo "finished at step $step"
echo done > "$run/done"
