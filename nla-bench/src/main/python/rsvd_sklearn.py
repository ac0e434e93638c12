#!/usr/bin/env python3
"""Time scikit-learn's randomized SVD on the nla issue-4 speed benchmark.

The peer measurement of dev.nla.bench.jmh.sketch.RandomizedSvdBenchmark (docs/lowrank.md, "Speed"):
a dense n x n matrix with entries uniform in [0, 1) (numpy RandomState(0)), rank 50, 10 oversamples,
4 power iterations with LU normalization, 2 BLAS threads, median of 5 timed calls after one warm-up
call. Run it with Debian's python3-sklearn, on an otherwise idle machine, right before or after the
JMH run:

    /usr/bin/python3 nla-bench/src/main/python/rsvd_sklearn.py            # defaults of the issue
    /usr/bin/python3 nla-bench/src/main/python/rsvd_sklearn.py --n 2000 --threads 1

It prints one JSON object with the parameters, the BLAS threadpools in use, every timing and the
median (seconds). Needs numpy, scikit-learn and threadpoolctl (Debian: python3-sklearn pulls them in).
"""

import argparse
import json
import statistics
import time

import numpy as np
import sklearn
from sklearn.utils.extmath import randomized_svd
from threadpoolctl import threadpool_info, threadpool_limits


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=4000, help="order of the square input (default 4000)")
    parser.add_argument("--rank", type=int, default=50, help="n_components (default 50)")
    parser.add_argument("--oversamples", type=int, default=10, help="n_oversamples (default 10)")
    parser.add_argument("--iterations", type=int, default=4, help="n_iter (default 4)")
    parser.add_argument("--normalizer", default="LU", help="power_iteration_normalizer (default LU)")
    parser.add_argument("--threads", type=int, default=2, help="BLAS threads (default 2)")
    parser.add_argument("--repeats", type=int, default=5, help="timed calls after the warm-up (default 5)")
    args = parser.parse_args()

    matrix = np.random.RandomState(0).uniform(size=(args.n, args.n))

    def run():
        return randomized_svd(
            matrix,
            args.rank,
            n_oversamples=args.oversamples,
            n_iter=args.iterations,
            power_iteration_normalizer=args.normalizer,
            random_state=0,
        )

    with threadpool_limits(limits=args.threads):
        pools = threadpool_info()
        _, s, _ = run()  # warm-up
        times = []
        for _ in range(args.repeats):
            start = time.perf_counter()
            run()
            times.append(time.perf_counter() - start)

    print(
        json.dumps(
            {
                "library": "scikit-learn " + sklearn.__version__ + ", numpy " + np.__version__,
                "n": args.n,
                "rank": args.rank,
                "oversamples": args.oversamples,
                "iterations": args.iterations,
                "normalizer": args.normalizer,
                "threads": args.threads,
                "blas": [{k: p.get(k) for k in ("internal_api", "version", "num_threads", "architecture")} for p in pools],
                "sigma1": float(s[0]),
                "seconds": times,
                "median_seconds": statistics.median(times),
            }
        )
    )


if __name__ == "__main__":
    main()
