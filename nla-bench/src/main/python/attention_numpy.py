#!/usr/bin/python3
"""NumPy reference timing for exact softmax attention, O = softmax(Q K^T / sqrt(d)) V, float64.

The peer figure of the attention-exact JMH suite (docs/attention.md, "Speed"): Debian's NumPy
(python3-numpy, OpenBLAS) under /usr/bin/python3, its BLAS limited to --threads threads with
threadpoolctl. The softmax is the stable one (row maximum subtracted) and works in place, which is
the fastest plain-NumPy formulation:

    S = Q @ K.T; S *= 1/sqrt(d); S -= S.max(axis=1, keepdims=True); np.exp(S, out=S)
    O = (S @ V) / S.sum(axis=1, keepdims=True)

Inputs are i.i.d. standard normal from a fixed seed (timings do not depend on the values). Each size
runs --warmup untimed calls, then --repeat timed calls; the median is printed, in seconds, one line
per size:

    n=4096 d=64 threads=2 median_s=0.1234 runs=[...]

Usage: /usr/bin/python3 attention_numpy.py [--sizes 4096] [--d 64] [--threads 2] [--repeat 5]
"""

import argparse
import statistics
import time

import numpy as np
from threadpoolctl import threadpool_limits


def attention(q, k, v):
    s = q @ k.T
    s *= 1.0 / np.sqrt(q.shape[1])
    s -= s.max(axis=1, keepdims=True)
    np.exp(s, out=s)
    out = s @ v
    out /= s.sum(axis=1, keepdims=True)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[4096])
    parser.add_argument("--d", type=int, default=64)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    rng = np.random.default_rng(20260401)
    with threadpool_limits(limits=args.threads):
        for n in args.sizes:
            q = rng.standard_normal((n, args.d))
            k = rng.standard_normal((n, args.d))
            v = rng.standard_normal((n, args.d)) + 1.0
            for _ in range(args.warmup):
                attention(q, k, v)
            runs = []
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                attention(q, k, v)
                runs.append(time.perf_counter() - t0)
            print(f"n={n} d={args.d} threads={args.threads} median_s={statistics.median(runs):.6f} "
                  f"runs=[{', '.join(f'{r:.4f}' for r in runs)}]", flush=True)


if __name__ == "__main__":
    main()
