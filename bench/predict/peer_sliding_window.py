#!/usr/bin/env python3
"""Plain-PyTorch peer for `pylon bench predict` (not part of the tests; needs python3-torch).

MONAI's sliding_window_inference algorithm (monai.inferers.utils) written out, since MONAI itself cannot be
installed here: windows start every floor(w * (1 - overlap)) voxels with the last one clamped to the border,
a volume smaller than the window is padded symmetrically, windows run `--batch` at a time, each output is
multiplied by the importance map (ones, or a Gaussian with sigma = 0.125 * w scaled to a maximum of 1) and
added into a full-volume accumulator next to the summed map; the result is their quotient, cropped back.

The model is the same 3D UNet as Pylon's `unet3d` (norm instance, relu, transposed up-sampling): per level two
3x3x3 convolutions without bias, each followed by instance norm and ReLU; 2x max-pooling; 2x2x2 transposed
convolutions; skip concatenation; a 1x1x1 head; softmax over classes. Weights are random (throughput only).

Usage: peer_sliding_window.py --shape 128,256,256 --window 64,64,64 --overlap 0.25 --blending gaussian
       --batch 2 --depth 3 --width 8 --classes 4 --rounds 2 --threads 2
"""
import argparse
import math
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class Block(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.conv1 = nn.Conv3d(cin, cout, 3, padding=1, bias=False)
        self.norm1 = nn.InstanceNorm3d(cout, affine=True)
        self.conv2 = nn.Conv3d(cout, cout, 3, padding=1, bias=False)
        self.norm2 = nn.InstanceNorm3d(cout, affine=True)

    def forward(self, x):
        return F.relu(self.norm2(self.conv2(F.relu(self.norm1(self.conv1(x))))))


class UNet(nn.Module):
    def __init__(self, depth, width, classes):
        super().__init__()
        chans = [width << level for level in range(depth + 1)]
        self.enc = nn.ModuleList()
        cin = 1
        for c in chans:
            self.enc.append(Block(cin, c))
            cin = c
        self.up = nn.ModuleList(nn.ConvTranspose3d(2 * chans[l], chans[l], 2, stride=2) for l in range(depth))
        self.dec = nn.ModuleList(Block(2 * chans[l], chans[l]) for l in range(depth))
        self.head = nn.Conv3d(chans[0], classes, 1)

    def forward(self, x):
        skips = []
        for l, block in enumerate(self.enc):
            if l > 0:
                x = F.max_pool3d(x, 2)
            x = block(x)
            skips.append(x)
        for l in reversed(range(len(self.dec))):
            x = self.dec[l](torch.cat([skips[l], self.up[l](x)], 1))
        return self.head(x)


def starts(length, window, overlap):
    if length <= window:
        return [0]
    interval = max(1, int(math.floor(window * (1 - overlap))))
    count = -(-(length - window) // interval) + 1
    out = []
    for i in range(count):
        s = min(i * interval, length - window)
        if not out or out[-1] != s:
            out.append(s)
    return out


def importance(window, blending):
    if blending == 'constant':
        return torch.ones(window)
    profiles = []
    for w in window:
        centre = (w - 1) / 2.0
        x = (torch.arange(w, dtype=torch.float64) - centre) / (0.125 * w)
        p = torch.exp(-0.5 * x * x)
        profiles.append(p / p.max())
    g = profiles[0][:, None, None] * profiles[1][None, :, None] * profiles[2][None, None, :]
    return g.float().clamp_min(1e-6)


def sliding_window(volume, window, overlap, blending, batch, predict):
    spatial = volume.shape[1:]
    padded = [max(s, w) for s, w in zip(spatial, window)]
    before = [(p - s) // 2 for p, s in zip(padded, spatial)]
    pads = []
    for a in reversed(range(3)):
        pads += [before[a], padded[a] - spatial[a] - before[a]]
    x = F.pad(volume, pads) if any(pads) else volume
    corners = [(a, b, c) for a in starts(padded[0], window[0], overlap)
               for b in starts(padded[1], window[1], overlap) for c in starts(padded[2], window[2], overlap)]
    imp = importance(window, blending)
    acc = None
    weight = torch.zeros(padded)
    for a, b, c in corners:
        weight[a:a + window[0], b:b + window[1], c:c + window[2]] += imp
    for i in range(0, len(corners), batch):
        chunk = corners[i:i + batch]
        windows = torch.stack([x[:, a:a + window[0], b:b + window[1], c:c + window[2]] for a, b, c in chunk])
        out = predict(windows) * imp
        if acc is None:
            acc = torch.zeros((out.shape[1], *padded))
        for k, (a, b, c) in enumerate(chunk):
            acc[:, a:a + window[0], b:b + window[1], c:c + window[2]] += out[k]
    result = acc / weight
    return result[:, before[0]:before[0] + spatial[0], before[1]:before[1] + spatial[1],
                  before[2]:before[2] + spatial[2]].contiguous()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--shape', default='128,256,256')
    ap.add_argument('--window', default='64,64,64')
    ap.add_argument('--overlap', type=float, default=0.25)
    ap.add_argument('--blending', default='gaussian')
    ap.add_argument('--batch', type=int, default=2)
    ap.add_argument('--depth', type=int, default=3)
    ap.add_argument('--width', type=int, default=8)
    ap.add_argument('--classes', type=int, default=4)
    ap.add_argument('--rounds', type=int, default=2)
    ap.add_argument('--threads', type=int, default=2)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    shape = [int(v) for v in args.shape.split(',')]
    window = [int(v) for v in args.window.split(',')]
    torch.manual_seed(0)
    model = UNet(args.depth, args.width, args.classes).eval()
    volume = torch.randn([1] + shape)
    voxels = shape[0] * shape[1] * shape[2]
    times = []
    with torch.no_grad():
        for r in range(-1, args.rounds):
            start = time.perf_counter()
            sliding_window(volume, window, args.overlap, args.blending, args.batch,
                           lambda w: torch.softmax(model(w), 1))
            s = time.perf_counter() - start
            if r >= 0:
                times.append(s)
                print(f'round {r + 1}: {s:.2f} s, {voxels / s:.0f} voxels/s')
    times.sort()
    median = times[len(times) // 2]
    print(f'peer (PyTorch {torch.__version__}): volume {shape}, window {window}, overlap {args.overlap:.2f}, '
          f'{args.blending}, batch {args.batch}, UNet depth {args.depth} width {args.width}, {args.threads} threads: '
          f'{voxels / median:.0f} voxels/s (median {median:.2f} s)')


if __name__ == '__main__':
    main()
