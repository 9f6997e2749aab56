#!/usr/bin/python3
"""Moves weights between Pylon and PyTorch through safetensors, without the `safetensors` package.

Debian's python3-torch (1.13) ships no safetensors reader, so the format is read and written here
directly: an 8-byte little-endian header length, a JSON header {name: {dtype, shape, data_offsets}}
plus an optional "__metadata__" string map, then the raw little-endian tensor bytes.

  fixtures OUT_DIR       write the test fixtures Pylon imports: from_python.safetensors (state dict of a
                         2-layer MLP named like Pylon's mlp: fc0.*, out.*), mlp_script.pt (the same MLP
                         as TorchScript) and expected.json (input and the outputs PyTorch computed)
  check FILE EXPECTED    load a weights file Pylon wrote, compare its tensors and the MLP's outputs with
                         the JSON Pylon printed (tensors + input + outputs), then write FILE.from_python
                         .safetensors with the same tensors (the other direction)

Run with Debian's interpreter: /usr/bin/python3 bench/weights/check_safetensors.py ...
"""
import json
import struct
import sys

import torch

DTYPES = {"F32": torch.float32, "F64": torch.float64, "I64": torch.int64, "I32": torch.int32,
          "F16": torch.float16, "BF16": torch.bfloat16, "U8": torch.uint8, "I8": torch.int8, "BOOL": torch.bool}
NAMES = {v: k for k, v in DTYPES.items()}


def read_safetensors(path):
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n])
    meta = header.pop("__metadata__", {})
    data = raw[8 + n:]
    tensors = {}
    for name, e in header.items():
        begin, end = e["data_offsets"]
        buf = bytearray(data[begin:end])
        t = torch.frombuffer(buf, dtype=DTYPES[e["dtype"]]) if end > begin else torch.empty(0, dtype=DTYPES[e["dtype"]])
        tensors[name] = t.reshape(e["shape"]).clone()
    return tensors, meta


def write_safetensors(path, tensors, meta):
    header, blobs, offset = {}, [], 0
    if meta:
        header["__metadata__"] = meta
    for name, t in tensors.items():
        b = t.detach().contiguous().cpu().numpy().tobytes()
        header[name] = {"dtype": NAMES[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + len(b)]}
        blobs.append(b)
        offset += len(b)
    h = json.dumps(header).encode()
    h += b" " * ((8 - len(h) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        for b in blobs:
            f.write(b)


class Mlp(torch.nn.Module):
    """Pylon's mlp with one hidden layer and no dropout: flatten, fc0, relu, out."""

    def __init__(self, inputs, hidden, classes):
        super().__init__()
        self.fc0 = torch.nn.Linear(inputs, hidden)
        self.out = torch.nn.Linear(hidden, classes)

    def forward(self, x):
        return self.out(torch.relu(self.fc0(torch.flatten(x, 1))))


def fixtures(out_dir):
    torch.manual_seed(1234)
    model = Mlp(4, 3, 2)
    with torch.no_grad():  # exactly representable values so Java can assert them
        for i, p in enumerate(model.parameters()):
            p.copy_(torch.arange(p.numel(), dtype=torch.float32).reshape(p.shape) * 0.125 - 0.25 * i)
    x = torch.tensor([[1.0, -2.0, 0.5, 3.0], [0.0, 1.5, -1.0, 2.0], [-1.0, 0.25, 2.0, -0.5]])
    y = model(x)
    write_safetensors(f"{out_dir}/from_python.safetensors", model.state_dict(), {"producer": "torch " + torch.__version__})
    torch.jit.script(model).save(f"{out_dir}/mlp_script.pt")
    with open(f"{out_dir}/expected.json", "w") as f:
        json.dump({"model": "mlp", "hidden": [3], "input_shape": [4], "classes": 2,
                   "state": {k: v.flatten().tolist() for k, v in model.state_dict().items()},
                   "input": x.tolist(), "output": y.tolist(), "torch": torch.__version__}, f, indent=1)
    print("wrote", out_dir, "outputs", y.tolist())


def check(path, expected_path):
    tensors, meta = read_safetensors(path)
    with open(expected_path) as f:
        expected = json.load(f)
    print("metadata", meta)
    for name, values in expected["state"].items():
        got = tensors[name].flatten().tolist()
        assert len(got) == len(values) and all(abs(a - b) < 1e-6 for a, b in zip(got, values)), name
    model = Mlp(expected["input_shape"][0], expected["hidden"][0], expected["classes"])
    model.load_state_dict(tensors)
    y = model(torch.tensor(expected["input"])).tolist()
    worst = max(abs(a - b) for r, s in zip(y, expected["output"]) for a, b in zip(r, s))
    assert worst < 1e-5, f"outputs differ by {worst}"
    write_safetensors(path + ".from_python.safetensors", model.state_dict(), {"producer": "torch " + torch.__version__})
    print(f"OK: {len(tensors)} tensors equal, outputs match PyTorch (max diff {worst:.2e}); wrote {path}.from_python.safetensors")


if __name__ == "__main__":
    if sys.argv[1] == "fixtures":
        fixtures(sys.argv[2])
    elif sys.argv[1] == "check":
        check(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
