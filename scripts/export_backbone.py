#!/usr/bin/env python3
"""Export a torchvision ResNet as a TailedCore backbone: an ONNX file plus its JSON manifest.

The ONNX model has one input and the four outputs the plugin reads:

    image      float32 [N, 3, 224, 224], N dynamic: RGB, x/255, then ImageNet mean/std
    layer2     output of ResNet stage 2 (stride 8;  512 channels for wide_resnet50_2 and resnet50)
    layer3     output of ResNet stage 3 (stride 16; 1024 channels for wide_resnet50_2 and resnet50)
    embedding  global average pool of stage 4 (torchvision's avgpool), flattened
    logits     the ImageNet classifier on the embedding (for sanity checks)

These are the taps of the official TailedCore code (layer2 + layer3 for patch features,
avgpool for the image embedding of the tail sampler). The manifest beside it records the
file's SHA-256, the input normalisation and the channel counts, read back from a test run.

usage:
    python3 export_backbone.py [--arch wide_resnet50_2|resnet18|resnet50]
                               [--weights imagenet|none] [--out DIR] [--name NAME]
                               [--url URL] [--opset 13]

--weights imagenet downloads torchvision's ImageNet weights (IMAGENET1K_V1, the weights
the paper used) through torch's own cache; --weights none exports random weights, which is
only useful for tests. Copy both written files into a TailedCore models folder, e.g.
~/.tailedcore/models or Fiji.app/models/TailedCore.
"""
import argparse
import hashlib
import json
import os
import sys

import torch
import torchvision

ARCHS = ("wide_resnet50_2", "resnet18", "resnet50")
MEAN = [0.485, 0.456, 0.406]
STD = [0.229, 0.224, 0.225]
SIZE, RESIZE = 224, 256


class Taps(torch.nn.Module):
    """A ResNet whose forward returns layer2, layer3, the avgpool embedding and the logits."""

    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, image):
        n = self.net
        x = n.maxpool(n.relu(n.bn1(n.conv1(image))))
        layer2 = n.layer2(n.layer1(x))
        layer3 = n.layer3(layer2)
        embedding = torch.flatten(n.avgpool(n.layer4(layer3)), 1)
        return layer2, layer3, embedding, n.fc(embedding)


def build(arch, weights):
    """The torchvision network in eval mode, with ImageNet V1 weights or random ones."""
    constructor = getattr(torchvision.models, arch)
    if weights == "none":
        return constructor(weights=None).eval()
    return constructor(weights="IMAGENET1K_V1").eval()


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def export(arch, weights, out_dir, name=None, url=None, opset=13):
    """Writes NAME.onnx and NAME.json into out_dir and returns the manifest path."""
    if arch not in ARCHS:
        raise SystemExit(f"Unknown architecture {arch!r}: use one of {', '.join(ARCHS)}.")
    if opset < 13:
        raise SystemExit(f"The opset must be at least 13, got {opset}.")
    name = name or f"{arch}_{'imagenet' if weights == 'imagenet' else 'random'}"
    os.makedirs(out_dir, exist_ok=True)
    onnx_path = os.path.join(out_dir, name + ".onnx")
    model = Taps(build(arch, weights)).eval()
    example = torch.rand(2, 3, SIZE, SIZE)
    with torch.no_grad():
        layer2, layer3, embedding, logits = model(example)
        torch.onnx.export(
            model, example, onnx_path, opset_version=opset,
            input_names=["image"], output_names=["layer2", "layer3", "embedding", "logits"],
            dynamic_axes={k: {0: "n"} for k in ("image", "layer2", "layer3", "embedding", "logits")})
    manifest = {
        "name": name,
        "file": name + ".onnx",
        "sha256": sha256(onnx_path),
        "source": f"torchvision {arch}, weights "
                  f"{'IMAGENET1K_V1' if weights == 'imagenet' else 'random (tests only)'}, "
                  f"exported by scripts/export_backbone.py",
        "input": {"name": "image", "layout": "NCHW", "size": SIZE, "resize": RESIZE,
                  "channel_order": "RGB", "scale": 1.0 / 255, "mean": MEAN, "std": STD},
        "outputs": {
            "layer2": {"stride": SIZE // layer2.shape[-1], "channels": layer2.shape[1]},
            "layer3": {"stride": SIZE // layer3.shape[-1], "channels": layer3.shape[1]},
            "embedding": {"dims": embedding.shape[1]},
            "logits": {"classes": logits.shape[1]},
        },
    }
    if url:
        manifest["url"] = url
    json_path = os.path.join(out_dir, name + ".json")
    with open(json_path, "w") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")
    return json_path


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--arch", default="wide_resnet50_2", choices=ARCHS)
    parser.add_argument("--weights", default="imagenet", choices=("imagenet", "none"))
    parser.add_argument("--out", default=".", help="folder for NAME.onnx and NAME.json")
    parser.add_argument("--name", help="backbone name (default ARCH_imagenet or ARCH_random)")
    parser.add_argument("--url", help="download address to record in the manifest")
    parser.add_argument("--opset", type=int, default=13)
    args = parser.parse_args(argv)
    path = export(args.arch, args.weights, args.out, args.name, args.url, args.opset)
    print(path)


if __name__ == "__main__":
    sys.exit(main())
