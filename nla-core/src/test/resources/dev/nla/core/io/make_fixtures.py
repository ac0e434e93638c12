#!/usr/bin/python3
"""Writes the .npy and Matrix Market fixtures of dev.nla.core.io's tests with NumPy and SciPy.

Run from anywhere with Debian's Python (which has python3-numpy and python3-scipy):

    /usr/bin/python3 nla-core/src/test/resources/dev/nla/core/io/make_fixtures.py

The fixtures were produced with NumPy 1.24.2 and SciPy 1.10.1. Each directory gets a
manifest.txt that the Java tests parse; expected values are float.hex() strings in row-major
order, so they are exact.

npy/manifest.txt columns:
    file version descr order rows cols same-bytes values...
  version/descr/order describe the file header; rows x cols is the matrix the file reads as
  (1-D (n,) -> n x 1, 0-D () -> 1 x 1); same-bytes is 'yes' when Npy.write with the same
  dtype, byte order, element order and version must reproduce the file byte for byte.
npy/rejected.txt columns:
    file expected-message-fragment
  files NumPy writes that Npy.read must refuse (other dtypes, 3-D arrays).
mm/manifest.txt columns:
    file rows cols kind values...
  kind is 'sparse' or 'dense' (the type MatrixMarket.read must return); values are the full
  matrix, row-major.
"""

import io
import os

import numpy as np
import scipy.io
import scipy.sparse

HERE = os.path.dirname(os.path.abspath(__file__))
NPY = os.path.join(HERE, "npy")
MM = os.path.join(HERE, "mm")


def hexes(a):
    return " ".join(float(x).hex() for x in np.asarray(a, dtype=np.float64).reshape(-1))


def save(name, array, version=None):
    path = os.path.join(NPY, name)
    with open(path, "wb") as f:
        if version is None:
            np.save(f, array)
        else:
            np.lib.format.write_array(f, array, version=version)
    return path


def npy_fixtures():
    os.makedirs(NPY, exist_ok=True)
    # Entries chosen to exercise the encoding: signed zero, subnormals, extremes, inexact decimals.
    a64 = np.array([[np.pi, -0.0, 1e-310, 1e300],
                    [-2.5, 0.1, 2.0 ** -1074, -1.7976931348623157e308],
                    [1.0, np.e, -1e-5, 12345.678]], dtype=np.float64)
    a32 = np.array([[np.pi, -0.0, 1e-40, 3e38],
                    [-2.5, 0.1, 2.0 ** -149, -3.4028234663852886e38],
                    [1.0, np.e, -1e-5, 12345.678]], dtype=np.float32)
    rows = []

    def add(name, array, version, same, write_version=None):
        path = save(name, array, write_version)
        with open(path, "rb") as f:
            magic = f.read(8)
        file_version = "%d.%d" % (magic[6], magic[7])
        assert file_version == version, (name, file_version)
        order = "F" if (array.ndim == 2 and array.flags.f_contiguous and not array.flags.c_contiguous) else "C"
        if array.ndim == 2:
            m, n = array.shape
        elif array.ndim == 1:
            m, n = array.shape[0], 1
        else:
            m, n = 1, 1
        values = np.asarray(array, dtype=np.float64).reshape(m, n)
        rows.append(" ".join([name, version, array.dtype.str, order, str(m), str(n),
                              "yes" if same else "no", hexes(values)]).rstrip())

    add("f8_c_3x4.npy", a64, "1.0", True)
    add("f8_f_3x4.npy", np.asfortranarray(a64), "1.0", True)
    add("f8_be_c_3x4.npy", a64.astype(">f8"), "1.0", True)
    add("f8_be_f_3x4.npy", np.asfortranarray(a64.astype(">f8")), "1.0", True)
    add("f4_c_3x4.npy", a32, "1.0", True)
    add("f4_f_3x4.npy", np.asfortranarray(a32), "1.0", True)
    add("f4_be_c_3x4.npy", a32.astype(">f4"), "1.0", True)
    add("f4_be_f_3x4.npy", np.asfortranarray(a32.astype(">f4")), "1.0", True)
    add("f8_c_1x7.npy", np.arange(7.0).reshape(1, 7) - 3.25, "1.0", True)
    add("f8_c_7x1.npy", np.arange(7.0).reshape(7, 1) * 0.5, "1.0", True)
    add("f8_c_1x1.npy", np.array([[42.0]]), "1.0", True)
    add("f8_c_0x3.npy", np.zeros((0, 3)), "1.0", True)
    add("f8_c_3x0.npy", np.zeros((3, 0)), "1.0", True)
    add("f8_c_0x0.npy", np.zeros((0, 0)), "1.0", True)
    # Many digits in the growth axis: the spare spaces shrink.
    add("f8_c_1234567x0.npy", np.zeros((1234567, 0)), "1.0", True)
    # An empty array is C- and Fortran-contiguous, so NumPy writes it in C order.
    add("f8_c_0x1234567.npy", np.asfortranarray(np.zeros((0, 1234567))), "1.0", True)
    # Fortran order: the growth axis is the last one (3 digits here).
    add("f4_f_2x100.npy", np.asfortranarray((np.arange(200.0).reshape(2, 100) / 9).astype("<f4")), "1.0", True)
    add("f8_c_12x11.npy", np.arange(132.0).reshape(12, 11) / 7.0, "1.0", True)
    add("f8_1d_5.npy", np.array([1.5, -2.0, 0.0, 1e-3, 7.0]), "1.0", False)
    add("f4_1d_3.npy", np.array([0.1, 0.2, 0.3], dtype=np.float32), "1.0", False)
    add("f8_1d_0.npy", np.zeros(0), "1.0", False)
    add("f8_0d.npy", np.array(-6.25), "1.0", False)
    add("f8_v2_2x3.npy", np.arange(6.0).reshape(2, 3) + 0.5, "2.0", True, (2, 0))
    add("f8_v3_2x3.npy", np.arange(6.0).reshape(2, 3) - 0.5, "3.0", True, (3, 0))
    add("f4_v2_be_f_2x3.npy", np.asfortranarray((np.arange(6.0).reshape(2, 3) / 3).astype(">f4")), "2.0", True,
        (2, 0))
    with open(os.path.join(NPY, "manifest.txt"), "w") as f:
        f.write("# written by make_fixtures.py; see its docstring for the columns\n")
        f.write("\n".join(rows) + "\n")

    rejected = []

    def reject(name, array, fragment):
        save(name, array)
        rejected.append(name + " " + fragment)

    reject("i8_2x2.npy", np.array([[1, 2], [3, 4]], dtype="<i8"), "'<i8'")
    reject("c16_2x2.npy", np.eye(2, dtype=np.complex128), "'<c16'")
    reject("b1_2x2.npy", np.eye(2, dtype=bool), "'|b1'")
    reject("f2_2x2.npy", np.eye(2, dtype=np.float16), "'<f2'")
    reject("structured_2.npy", np.zeros(2, dtype=[("x", "<f8"), ("y", "<f8")]), "structured")
    reject("f8_2x2x2.npy", np.zeros((2, 2, 2)), "3-dimensional")
    with open(os.path.join(NPY, "rejected.txt"), "w") as f:
        f.write("# written by make_fixtures.py; file, then a fragment the error message must contain\n")
        f.write("\n".join(rejected) + "\n")


def mm_fixtures():
    os.makedirs(MM, exist_ok=True)
    rows = []

    def write(name, matrix, kind, **kwargs):
        path = os.path.join(MM, name)
        buf = io.BytesIO()
        scipy.io.mmwrite(buf, matrix, **kwargs)
        with open(path, "wb") as f:
            f.write(buf.getvalue())
        dense = matrix.toarray() if scipy.sparse.issparse(matrix) else np.asarray(matrix)
        if kwargs.get("field") == "pattern":
            dense = (dense != 0).astype(np.float64)
        m, n = dense.shape
        rows.append(" ".join([name, str(m), str(n), kind, hexes(dense)]))

    general = scipy.sparse.coo_matrix(
        ([1.5, -2.25, np.pi, 1e-300, 6.0, -7e10], ([0, 1, 3, 2, 0, 3], [0, 4, 1, 2, 3, 4])), shape=(4, 5))
    write("real_general.mtx", general, "sparse", comment="coordinate real general from scipy")
    sym = np.array([[4.0, 1.0, 0.0], [1.0, 0.0, -2.5], [0.0, -2.5, 3.0]])
    write("real_symmetric.mtx", scipy.sparse.coo_matrix(sym), "sparse", symmetry="symmetric")
    skew = np.array([[0.0, 2.0, -1.0], [-2.0, 0.0, 0.5], [1.0, -0.5, 0.0]])
    write("real_skew.mtx", scipy.sparse.coo_matrix(skew), "sparse", symmetry="skew-symmetric")
    ints = scipy.sparse.coo_matrix(np.array([[3, 0, -4], [0, 9007199254740993, 0]], dtype=np.int64))
    write("integer_general.mtx", ints, "sparse")
    pat = scipy.sparse.coo_matrix(np.array([[1.0, 0, 0, 2.0], [0, 0, 3.0, 0], [0, 5.0, 0, 0]]))
    write("pattern_general.mtx", pat, "sparse", field="pattern")
    patsym = scipy.sparse.coo_matrix(np.array([[1.0, 1.0, 0], [1.0, 0, 1.0], [0, 1.0, 0]]))
    write("pattern_symmetric.mtx", patsym, "sparse", field="pattern", symmetry="symmetric")
    write("array_real_general.mtx", np.array([[1.0, -0.5, 1e-7, 2.0], [np.pi, 0.0, -3.0, 1e22], [7.0, 8.0, 9.0, 0.1]]),
          "dense")
    write("array_real_symmetric.mtx", sym, "dense", symmetry="symmetric")
    write("array_real_skew.mtx", skew, "dense", symmetry="skew-symmetric")
    write("array_integer_general.mtx", np.array([[1, -2], [3, 4], [-5, 6]], dtype=np.int64), "dense")
    write("array_real_0x3.mtx", np.zeros((0, 3)), "dense")
    with open(os.path.join(MM, "manifest.txt"), "w") as f:
        f.write("# written by make_fixtures.py; see its docstring for the columns\n")
        f.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    npy_fixtures()
    mm_fixtures()
