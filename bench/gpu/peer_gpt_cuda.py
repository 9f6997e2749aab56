#!/usr/bin/env python3
"""PyTorch peer for bench/gpu/check.sh: training tokens/s of the seed GPT on one CUDA GPU.

Seed GPT: d_model 128, 6 layers, 8 heads, d_ff 512, context 256, vocabulary 65, batch 64, dropout 0, biases on,
AdamW lr 1e-3, on random token windows (throughput does not depend on the text). Modes: eager, or
torch.compile(mode="reduce-overhead") (CUDA graphs); precisions fp32 or bf16 autocast.

    python3 bench/gpu/peer_gpt_cuda.py --mode eager --precision fp32
"""
import argparse
import time

import torch
import torch.nn as nn
from torch.nn import functional as F


class Block(nn.Module):
    def __init__(self, d, heads, d_ff):
        super().__init__()
        self.ln_1 = nn.LayerNorm(d)
        self.c_attn = nn.Linear(d, 3 * d)
        self.c_proj = nn.Linear(d, d)
        self.ln_2 = nn.LayerNorm(d)
        self.fc = nn.Linear(d, d_ff)
        self.proj = nn.Linear(d_ff, d)
        self.heads = heads

    def forward(self, x):
        b, t, d = x.shape
        q, k, v = self.c_attn(self.ln_1(x)).split(d, dim=2)
        q, k, v = (z.view(b, t, self.heads, d // self.heads).transpose(1, 2) for z in (q, k, v))
        y = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        x = x + self.c_proj(y.transpose(1, 2).contiguous().view(b, t, d))
        return x + self.proj(F.gelu(self.fc(self.ln_2(x))))


class Gpt(nn.Module):
    def __init__(self, vocab, d, layers, heads, d_ff, context):
        super().__init__()
        self.wte = nn.Embedding(vocab, d)
        self.wpe = nn.Embedding(context, d)
        self.blocks = nn.ModuleList(Block(d, heads, d_ff) for _ in range(layers))
        self.ln_f = nn.LayerNorm(d)

    def forward(self, ids):
        pos = torch.arange(ids.shape[1], device=ids.device)
        x = self.wte(ids) + self.wpe(pos)
        for block in self.blocks:
            x = block(x)
        return F.linear(self.ln_f(x), self.wte.weight)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--mode", choices=["eager", "compile"], default="eager")
    p.add_argument("--precision", choices=["fp32", "bf16"], default="fp32")
    p.add_argument("--steps", type=int, default=100)
    p.add_argument("--warmup", type=int, default=20)
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--context", type=int, default=256)
    a = p.parse_args()
    torch.manual_seed(0)
    dev = "cuda"
    model = Gpt(65, 128, 6, 8, 512, a.context).to(dev)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3, fused=True)
    ids = torch.randint(65, (a.batch, a.context + 1), device=dev)
    x, y = ids[:, :-1].contiguous(), ids[:, 1:].contiguous()

    def step():
        with torch.autocast("cuda", dtype=torch.bfloat16, enabled=a.precision == "bf16"):
            loss = F.cross_entropy(model(x).view(-1, 65), y.view(-1))
        loss.backward()
        opt.step()
        opt.zero_grad(set_to_none=False)
        return loss

    if a.mode == "compile":
        step = torch.compile(step, mode="reduce-overhead")
    for _ in range(a.warmup):
        step()
    torch.cuda.synchronize()
    t = time.perf_counter()
    for _ in range(a.steps):
        step()
    torch.cuda.synchronize()
    seconds = time.perf_counter() - t
    tokens = a.steps * a.batch * a.context / seconds
    print(f"peer torch {torch.__version__} {torch.cuda.get_device_name()} {a.mode} {a.precision}: "
          f"{tokens:,.0f} tokens/s ({seconds / a.steps * 1000:.2f} ms/step)")


if __name__ == "__main__":
    main()
