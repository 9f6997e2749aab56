#!/usr/bin/python3
"""PyTorch peer of `pylon bench lm`: training tokens/s of nanoGPT's CPU "baby GPT" (4 layers, 4 heads, d 128,
context 64, vocabulary 65, no bias, no dropout) with batch 12, AdamW (lr 1e-3, betas 0.9/0.99, weight decay 0.1 on
matrices only, as nanoGPT's configure_optimizers) and gradient clipping at norm 1.0, on random token windows.

The model follows nanoGPT's model.py; Debian's torch 1.13 has no scaled_dot_product_attention, so attention takes
nanoGPT's own fallback path (masked softmax). Give it its best: install libopenblas0-pthread and run

    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/lm/peer_gpt.py --threads 2

(libtorch's OpenMP pool does the parallel work; OpenBLAS must not start its own threads on top).
"""
import argparse
import math
import time

import torch
import torch.nn as nn
from torch.nn import functional as F


class LayerNorm(nn.Module):
    def __init__(self, n, bias):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(n))
        self.bias = nn.Parameter(torch.zeros(n)) if bias else None

    def forward(self, x):
        return F.layer_norm(x, self.weight.shape, self.weight, self.bias, 1e-5)


class CausalSelfAttention(nn.Module):
    def __init__(self, d, heads, block, bias):
        super().__init__()
        self.c_attn = nn.Linear(d, 3 * d, bias=bias)
        self.c_proj = nn.Linear(d, d, bias=bias)
        self.heads = heads
        self.d = d
        self.register_buffer("mask", torch.tril(torch.ones(block, block)).view(1, 1, block, block))

    def forward(self, x):
        b, t, c = x.size()
        q, k, v = self.c_attn(x).split(self.d, dim=2)
        k = k.view(b, t, self.heads, c // self.heads).transpose(1, 2)
        q = q.view(b, t, self.heads, c // self.heads).transpose(1, 2)
        v = v.view(b, t, self.heads, c // self.heads).transpose(1, 2)
        att = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(k.size(-1)))
        att = att.masked_fill(self.mask[:, :, :t, :t] == 0, float("-inf"))
        att = F.softmax(att, dim=-1)
        y = (att @ v).transpose(1, 2).contiguous().view(b, t, c)
        return self.c_proj(y)


class Block(nn.Module):
    def __init__(self, d, heads, block, bias):
        super().__init__()
        self.ln_1 = LayerNorm(d, bias)
        self.attn = CausalSelfAttention(d, heads, block, bias)
        self.ln_2 = LayerNorm(d, bias)
        self.c_fc = nn.Linear(d, 4 * d, bias=bias)
        self.c_proj = nn.Linear(4 * d, d, bias=bias)

    def forward(self, x):
        x = x + self.attn(self.ln_1(x))
        return x + self.c_proj(F.gelu(self.c_fc(self.ln_2(x))))


class GPT(nn.Module):
    def __init__(self, vocab=65, block=64, layers=4, heads=4, d=128, bias=False):
        super().__init__()
        self.wte = nn.Embedding(vocab, d)
        self.wpe = nn.Embedding(block, d)
        self.h = nn.ModuleList([Block(d, heads, block, bias) for _ in range(layers)])
        self.ln_f = LayerNorm(d, bias)
        self.lm_head = nn.Linear(d, vocab, bias=False)
        self.wte.weight = self.lm_head.weight  # weight tying, as nanoGPT

    def forward(self, idx, targets):
        t = idx.size(1)
        x = self.wte(idx) + self.wpe(torch.arange(t, dtype=torch.long))
        for block in self.h:
            x = block(x)
        logits = self.lm_head(self.ln_f(x))
        return F.cross_entropy(logits.view(-1, logits.size(-1)), targets.view(-1))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--steps", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=12)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    block = 64
    tokens = torch.randint(65, (args.batch_size * args.steps, block + 1))
    x_all, y_all = tokens[:, :block].contiguous(), tokens[:, 1:].contiguous()

    def round_tokens_per_second(steps):
        model = GPT()
        decay = [p for p in model.parameters() if p.dim() >= 2]
        no_decay = [p for p in model.parameters() if p.dim() < 2]
        optimizer = torch.optim.AdamW([{"params": decay, "weight_decay": 0.1},
                                       {"params": no_decay, "weight_decay": 0.0}], lr=1e-3, betas=(0.9, 0.99))
        order = torch.randperm(x_all.size(0))
        begin = time.perf_counter()
        for step in range(steps):
            rows = order[step * args.batch_size:(step + 1) * args.batch_size]
            loss = model(x_all[rows], y_all[rows])
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            optimizer.zero_grad(set_to_none=True)
            loss.item()
        return steps * args.batch_size * block / (time.perf_counter() - begin)

    round_tokens_per_second(max(10, args.steps // 5))  # warm-up
    for r in range(args.rounds):
        print(f"round {r + 1}: pytorch {round_tokens_per_second(args.steps):.0f} tokens/s "
              f"(baby GPT, batch {args.batch_size} x {block}, torch {torch.__version__}, {args.threads} threads)")


if __name__ == "__main__":
    main()
