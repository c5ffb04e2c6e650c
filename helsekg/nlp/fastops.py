"""Route thinc's CPU matrix products through numpy instead of the bundled BLIS.

The BLIS wheel that thinc uses picks a generic (non-vectorised) kernel on this machine's CPU, so
``NumpyOps.gemm`` is several times slower than ``numpy.matmul`` (numpy's OpenBLAS) on the shapes a
spaCy CPU pipeline multiplies; see ``MODEL.md`` for the measurement and ``benchmarks/model_speed.py``.

``NumpyOps.gemm`` (and so ``Ops.affine``, ``Linear``, ``Maxout``, spaCy's ``PrecomputableAffine`` and
everything else calling ``model.ops.gemm``) ends in a call-time lookup of ``blis.py.gemm``;
:func:`use_numpy_gemm` replaces that one function with :func:`numpy_gemm`, which has the same
signature and semantics (``trans1``/``trans2``/``out``/``alpha``/``beta``). Models already built are
covered too, because nothing caches the function. Not covered: the parser's and NER's per-state
output layer during greedy decoding, a C function pointer (``thinc.backends.cblas.CBlas.sgemm``)
that Python cannot reach.

>>> import numpy
>>> from thinc.api import NumpyOps
>>> use_numpy_gemm()
True
>>> use_numpy_gemm()          # idempotent
True
>>> x = numpy.ones((2, 3), dtype="f"); y = numpy.ones((4, 3), dtype="f")
>>> NumpyOps().gemm(x, y, trans2=True).tolist()
[[3.0, 3.0, 3.0, 3.0], [3.0, 3.0, 3.0, 3.0]]
>>> restore_blis_gemm()
False
"""

from __future__ import annotations

import numpy

__all__ = ["numpy_gemm", "use_numpy_gemm", "restore_blis_gemm", "numpy_gemm_active"]

_BLIS_GEMM = None


def numpy_gemm(A, B, out=None, trans1=False, trans2=False, alpha=1.0, beta=1.0):
    """``out = alpha * op(A) @ op(B) + beta * out`` with numpy; a drop-in for ``blis.py.gemm``.

    Like BLIS, a fresh result is returned when ``out`` is None (``beta`` then has no effect), and
    ``out`` is written in place and returned otherwise.

    >>> a = numpy.arange(6, dtype="f").reshape(2, 3)
    >>> numpy_gemm(a, a, trans2=True).tolist()
    [[5.0, 14.0], [14.0, 50.0]]
    >>> out = numpy.ones((3, 3), dtype="f")
    >>> numpy_gemm(a, a, out=out, trans1=True, alpha=2.0, beta=1.0)[0].tolist()
    [19.0, 25.0, 31.0]
    """
    a = A.T if trans1 else A
    b = B.T if trans2 else B
    if a.shape[1] != b.shape[0]:
        raise ValueError(f"Shape mismatch for gemm: {a.shape} x {b.shape} (trans1={trans1}, trans2={trans2})")
    if out is None:
        result = numpy.matmul(a, b)
        if alpha != 1.0:
            result *= alpha
        return result
    if beta == 0.0:
        numpy.matmul(a, b, out=out)
        if alpha != 1.0:
            out *= alpha
        return out
    product = numpy.matmul(a, b)
    if beta != 1.0:
        out *= beta
    if alpha != 1.0:
        product *= alpha
    out += product
    return out


def use_numpy_gemm() -> bool:
    """Make every thinc ``NumpyOps.gemm`` call use :func:`numpy_gemm`. Idempotent; returns True."""
    global _BLIS_GEMM
    import blis.py

    if blis.py.gemm is not numpy_gemm:
        _BLIS_GEMM = blis.py.gemm
        blis.py.gemm = numpy_gemm
    return True


def restore_blis_gemm() -> bool:
    """Undo :func:`use_numpy_gemm` (for benchmarks and tests); returns whether numpy gemm is still active."""
    import blis.py

    if _BLIS_GEMM is not None and blis.py.gemm is numpy_gemm:
        blis.py.gemm = _BLIS_GEMM
    return numpy_gemm_active()


def numpy_gemm_active() -> bool:
    """Whether :func:`use_numpy_gemm` is in effect."""
    import blis.py

    return blis.py.gemm is numpy_gemm


#: Symbols that set OpenBLAS's thread count, by build (plain, 64-bit ints, numpy's scipy-openblas wheels).
_SET_THREADS = ("scipy_openblas_set_num_threads64_", "scipy_openblas_set_num_threads",
                "openblas_set_num_threads64_", "openblas_set_num_threads")


def pin_blas_threads(threads: int = 1) -> bool:
    """Limit numpy's BLAS to ``threads`` threads in this process (issue 18); returns whether it was set.

    A spaCy pipeline multiplies small matrices, one document at a time: a second BLAS thread only spins
    (about 30 % of a core measured) and competes with the other worker. Uses ``threadpoolctl`` when
    installed, else the ``openblas_set_num_threads`` of the OpenBLAS library numpy loaded.

    >>> pin_blas_threads(1) in (True, False)
    True
    """
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        pass
    else:
        threadpool_limits(limits=threads, user_api="blas")
        return True
    import ctypes

    numpy.ones(1) @ numpy.ones(1)  # numpy loads its BLAS lazily on some builds
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            libraries = {line.split()[-1] for line in maps if "openblas" in line.lower() and ".so" in line}
    except OSError:  # not Linux: leave it to OPENBLAS_NUM_THREADS
        return False
    for path in sorted(libraries):
        try:
            library = ctypes.CDLL(path)
        except OSError:
            continue
        for name in _SET_THREADS:
            setter = getattr(library, name, None)
            if setter is not None:
                setter(ctypes.c_int(threads))
                return True
    return False
