#!/usr/bin/env python3
"""PyTorch DataLoader peer for `pylon bench data` (not part of the tests; needs python3-torch + numpy).

Runs the same two pipelines as the Java benchmark with torch ops inside Dataset.__getitem__, at the given
worker counts, and prints one line per (pipeline, workers): samples/s over the measured batches.

  fashion: Fashion-MNIST uint8 28x28 -> [0,1] -> random crop 28 with 4 px zero padding -> horizontal flip
           (p 0.5) -> affine (rotate +-15 deg, scale 0.9-1.1, translate 10 %, bilinear) -> z-score
  volume:  64^3 random crop of a 128^3 float32 volume (+ uint8 labels) memory-mapped from .npy -> flips on
           each axis (p 0.5) -> elastic (random displacement on an 8^3 control grid, magnitude 4 voxels,
           trilinear upsampling, trilinear image / nearest labels) -> Gaussian noise (std 0.1)

Usage: peer_dataloader.py --fashion DIR --volume V.npy --labels L.npy --workers 1 2 4
"""
import argparse
import gzip
import math
import os
import time

import numpy as np
import torch
import torch.nn.functional as F

MEAN, STD = 0.2860, 0.3530


def read_idx_images(path):
    opener = gzip.open if open(path, 'rb').read(2) == b'\x1f\x8b' else open
    with opener(path, 'rb') as f:
        data = f.read()
    n, h, w = (int.from_bytes(data[4 + 4 * i:8 + 4 * i], 'big') for i in range(3))
    return np.frombuffer(data, dtype=np.uint8, offset=16).reshape(n, h, w)


class Fashion(torch.utils.data.Dataset):
    def __init__(self, images, count):
        self.images, self.count = images, count

    def __len__(self):
        return self.count

    def __getitem__(self, i):
        g = torch.Generator().manual_seed(i)
        x = torch.from_numpy(self.images[i % len(self.images)].astype(np.float32) / 255.0)[None]
        x = F.pad(x, (4, 4, 4, 4))
        top, left = (int(v) for v in torch.randint(0, 9, (2,), generator=g))
        x = x[:, top:top + 28, left:left + 28]
        if torch.rand(1, generator=g).item() < 0.5:
            x = x.flip(-1)
        angle = math.radians((torch.rand(1, generator=g).item() * 2 - 1) * 15)
        scale = 0.9 + 0.2 * torch.rand(1, generator=g).item()
        tx, ty = ((torch.rand(2, generator=g) * 2 - 1) * 0.2).tolist()  # 10 % of the size, in [-1, 1] units
        c, s = math.cos(angle) / scale, math.sin(angle) / scale
        theta = torch.tensor([[c, -s, tx], [s, c, ty]], dtype=torch.float32)[None]
        grid = F.affine_grid(theta, (1, 1, 28, 28), align_corners=False)
        x = F.grid_sample(x[None], grid, mode='bilinear', padding_mode='zeros', align_corners=False)[0]
        return (x - MEAN) / STD, i % 10


class Volume(torch.utils.data.Dataset):
    def __init__(self, volume_path, labels_path, count):
        self.volume = np.load(volume_path, mmap_mode='r')
        self.labels = np.load(labels_path, mmap_mode='r')
        self.count = count

    def __len__(self):
        return self.count

    def __getitem__(self, i):
        g = torch.Generator().manual_seed(i)
        d, h, w = self.volume.shape[-3:]
        z, y, x0 = (int(torch.randint(0, n - 64 + 1, (1,), generator=g)) for n in (d, h, w))
        img = torch.from_numpy(np.array(self.volume[..., z:z + 64, y:y + 64, x0:x0 + 64], dtype=np.float32))
        lab = torch.from_numpy(np.array(self.labels[z:z + 64, y:y + 64, x0:x0 + 64], dtype=np.int64))
        img = img.reshape(1, 64, 64, 64)
        for axis in (1, 2, 3):
            if torch.rand(1, generator=g).item() < 0.5:
                img, lab = img.flip(axis), lab.flip(axis - 1)
        # elastic: coarse random displacement (voxels), trilinear upsampling, resampling
        coarse = (torch.rand(1, 3, 8, 8, 8, generator=g) * 2 - 1) * 4.0
        disp = F.interpolate(coarse, size=(64, 64, 64), mode='trilinear', align_corners=True)[0]
        base = torch.stack(torch.meshgrid(*(torch.arange(64, dtype=torch.float32),) * 3, indexing='ij'))
        coords = base + disp  # (3, D, H, W) in voxels, order z, y, x
        norm = coords / 63 * 2 - 1
        grid = norm.flip(0).permute(1, 2, 3, 0)[None]  # grid_sample wants x, y, z last
        img = F.grid_sample(img[None], grid, mode='bilinear', padding_mode='border', align_corners=True)[0]
        lab = F.grid_sample(lab[None, None].float(), grid, mode='nearest', padding_mode='border',
                            align_corners=True)[0, 0].long()
        img = img + torch.randn(img.shape, generator=g) * 0.1
        return img, lab


def measure(dataset, batch_size, workers, warmup_batches):
    loader = torch.utils.data.DataLoader(dataset, batch_size=batch_size, shuffle=False, num_workers=workers,
                                         prefetch_factor=2 if workers > 0 else None, persistent_workers=False)
    it = iter(loader)
    for _ in range(warmup_batches):
        next(it)
    start, samples = time.perf_counter(), 0
    for x, _ in it:
        samples += x.shape[0]
    return samples / (time.perf_counter() - start)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--fashion', default='/usr/share/datasets/fashion-mnist')
    parser.add_argument('--volume', required=True)
    parser.add_argument('--labels', required=True)
    parser.add_argument('--workers', type=int, nargs='+', default=[1, 2])
    parser.add_argument('--fashion-samples', type=int, default=12800)
    parser.add_argument('--volume-samples', type=int, default=160)
    args = parser.parse_args()
    torch.set_num_threads(1)
    images = read_idx_images(next(os.path.join(args.fashion, f) for f in sorted(os.listdir(args.fashion))
                                  if f.startswith('train-images')))
    for workers in args.workers:
        rate = measure(Fashion(images, args.fashion_samples), 128, workers, 4)
        print(f'peer fashion workers={workers} samples/s={rate:.1f}', flush=True)
    for workers in args.workers:
        rate = measure(Volume(args.volume, args.labels, args.volume_samples), 4, workers, 4)
        print(f'peer volume workers={workers} samples/s={rate:.1f}', flush=True)


if __name__ == '__main__':
    main()
