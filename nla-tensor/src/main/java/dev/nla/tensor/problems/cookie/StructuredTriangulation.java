package dev.nla.tensor.problems.cookie;

import dev.nla.core.error.Require;

/**
 * A uniform triangulation of the square \([-1, 1]^2\): \(n_x \times n_x\) squares of side \(h = 2 /
 * n_x\), each cut into two triangles by its diagonal from the lower-left to the upper-right corner.
 *
 * <p><b>Numbering.</b> Node \((i, j)\), \(0 \le i, j \le n_x\), sits at \((x_i, y_j) = (-1 + ih, -1
 * + jh)\) and has index \(i + (n_x + 1)j\) (the \(x\)-index fastest), so there are \((n_x + 1)^2\)
 * nodes. Square \((i, j)\), \(0 \le i, j \lt n_x\), holds elements \(2(i + n_x j)\) with vertices
 * \((i, j), (i + 1, j), (i + 1, j + 1)\) and \(2(i + n_x j) + 1\) with vertices \((i, j), (i + 1, j +
 * 1), (i, j + 1)\), both listed counter-clockwise; there are \(2n_x^2\) elements of area \(h^2 /
 * 2\). Two nodes share an element only if their indices differ by at most \(n_x + 2\): the
 * half-bandwidth of every P1 matrix on this mesh (the mass matrix reaches it; the stiffness matrix,
 * whose hypotenuse couplings vanish, has the five-point pattern and half-bandwidth \(n_x + 1\)).
 *
 * <p>Instances are immutable.
 */
public final class StructuredTriangulation {
    /** The largest supported \(n_x\): \((n_x + 1)^2\) nodes must fit an {@code int} index comfortably. */
    public static final int MAX_CELLS_PER_SIDE = 20_000;

    private final int nx;
    private final double h;

    private StructuredTriangulation(int nx) {
        this.nx = nx;
        this.h = 2.0 / nx;
    }

    /**
     * The triangulation with \(n_x\) squares per side.
     *
     * @param nx number of squares per side, \(1 \le n_x \le\) {@link #MAX_CELLS_PER_SIDE}
     * @return the mesh
     * @throws IllegalArgumentException if {@code nx} is outside that range
     */
    public static StructuredTriangulation of(int nx) {
        Require.inRange("nx", nx, 1, MAX_CELLS_PER_SIDE);
        return new StructuredTriangulation(nx);
    }

    /**
     * Number of squares per side \(n_x\).
     *
     * @return \(n_x\)
     */
    public int cellsPerSide() {
        return nx;
    }

    /**
     * Mesh width \(h = 2 / n_x\) (the side of a square).
     *
     * @return \(h\)
     */
    public double meshWidth() {
        return h;
    }

    /**
     * Number of nodes \((n_x + 1)^2\).
     *
     * @return the node count
     */
    public int nodeCount() {
        return (nx + 1) * (nx + 1);
    }

    /**
     * Number of triangles \(2 n_x^2\).
     *
     * @return the element count
     */
    public int elementCount() {
        return 2 * nx * nx;
    }

    /**
     * The half-bandwidth \(n_x + 2\) of P1 matrices on this mesh: entry \((p, q)\) can be nonzero
     * only if \(|p - q| \le n_x + 2\).
     *
     * @return the half-bandwidth
     */
    public int halfBandwidth() {
        return nx + 2;
    }

    /**
     * Index of node \((i, j)\).
     *
     * @param i \(x\)-index, {@code 0 <= i <= nx}
     * @param j \(y\)-index, {@code 0 <= j <= nx}
     * @return \(i + (n_x + 1) j\)
     * @throws IndexOutOfBoundsException if an index is outside {@code [0, nx]}
     */
    public int node(int i, int j) {
        if (i < 0 || i > nx || j < 0 || j > nx) {
            throw new IndexOutOfBoundsException("node (" + i + ", " + j + ") is outside [0, " + nx + "]^2");
        }
        return i + (nx + 1) * j;
    }

    /**
     * The abscissa of a node.
     *
     * @param node node index in {@code [0, nodeCount())}
     * @return \(x = -1 + ih\)
     * @throws IndexOutOfBoundsException if {@code node} is out of range
     */
    public double x(int node) {
        checkNode(node);
        return -1.0 + (node % (nx + 1)) * h;
    }

    /**
     * The ordinate of a node.
     *
     * @param node node index in {@code [0, nodeCount())}
     * @return \(y = -1 + jh\)
     * @throws IndexOutOfBoundsException if {@code node} is out of range
     */
    public double y(int node) {
        checkNode(node);
        return -1.0 + (node / (nx + 1)) * h;
    }

    /**
     * Whether a node lies on \(\partial\Omega\).
     *
     * @param node node index in {@code [0, nodeCount())}
     * @return {@code true} if \(i \in \{0, n_x\}\) or \(j \in \{0, n_x\}\)
     * @throws IndexOutOfBoundsException if {@code node} is out of range
     */
    public boolean isBoundary(int node) {
        checkNode(node);
        int i = node % (nx + 1);
        int j = node / (nx + 1);
        return i == 0 || j == 0 || i == nx || j == nx;
    }

    /**
     * The boundary indicator of every node.
     *
     * @return a new array of length {@link #nodeCount()}, {@code true} on \(\partial\Omega\)
     */
    public boolean[] boundaryMask() {
        boolean[] mask = new boolean[nodeCount()];
        for (int p = 0; p < mask.length; p++) {
            mask[p] = isBoundary(p);
        }
        return mask;
    }

    /**
     * The three vertices of an element, counter-clockwise.
     *
     * @param element element index in {@code [0, elementCount())}
     * @return a new array of three node indices
     * @throws IndexOutOfBoundsException if {@code element} is out of range
     */
    public int[] vertices(int element) {
        int[] v = new int[3];
        vertices(element, v);
        return v;
    }

    /**
     * Writes the three vertices of an element, counter-clockwise, into {@code out}.
     *
     * @param element element index in {@code [0, elementCount())}
     * @param out     array of length at least 3; entries 0..2 are overwritten
     * @throws IndexOutOfBoundsException if {@code element} is out of range or {@code out} is too
     *     short
     */
    public void vertices(int element, int[] out) {
        if (element < 0 || element >= elementCount()) {
            throw new IndexOutOfBoundsException("element " + element + " is outside [0, " + elementCount() + ")");
        }
        if (out.length < 3) {
            throw new IndexOutOfBoundsException("out has length " + out.length + ", need 3");
        }
        int square = element / 2;
        int i = square % nx;
        int j = square / nx;
        int ll = i + (nx + 1) * j;
        out[0] = ll;
        if ((element & 1) == 0) {
            out[1] = ll + 1;
            out[2] = ll + nx + 2;
        } else {
            out[1] = ll + nx + 2;
            out[2] = ll + nx + 1;
        }
    }

    /**
     * The area of every element, \(h^2 / 2\).
     *
     * @return the element area
     */
    public double elementArea() {
        return 0.5 * h * h;
    }

    private void checkNode(int node) {
        if (node < 0 || node >= nodeCount()) {
            throw new IndexOutOfBoundsException("node " + node + " is outside [0, " + nodeCount() + ")");
        }
    }
}
