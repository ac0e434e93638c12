import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.SparseMatrix;
import dev.nla.tensor.problems.cookie.BandedCholesky;
import dev.nla.tensor.problems.cookie.CookieLayout;
import dev.nla.tensor.problems.cookie.CookieOptions;
import dev.nla.tensor.problems.cookie.CookieProblem;

public class CookieExample {
    public static void main(String[] args) {
        // P1 on a 40 x 40 grid of squares (1681 nodes), four cookies, centroid assignment.
        CookieProblem problem = CookieProblem.assemble(CookieOptions.defaults());
        System.out.println("N_h = " + problem.size() + ", cookies = " + problem.cookieCount()
                + ", nnz(A0) = " + problem.a0().nonZeroCount());

        // One parameter point: sigma = rho_mu on cookie mu, 1 elsewhere.
        double[] rho = {2.0, 10.0, 0.5, 1.0};
        SparseMatrix a = problem.operator(rho); // A0 + sum_mu rho_mu A_mu, SPD
        DenseMatrix u = problem.solve(rho); // banded Cholesky reference solve
        System.out.printf("max u = %.6f at rho = (2, 10, 0.5, 1)%n", max(u));

        // The mean-based preconditioner P = A0 + sum_mu A_mu, factored once.
        BandedCholesky p = problem.meanPreconditioner();
        System.out.println("half-bandwidth of P = " + p.halfBandwidth() + ", nnz(A(rho)) = " + a.nonZeroCount());

        // The nine-cookie pattern on a finer mesh.
        CookieProblem nine = CookieProblem.assemble(
                CookieOptions.defaults().withLayout(CookieLayout.NINE).withCellsPerSide(100));
        System.out.println("nine cookies: N_h = " + nine.size());

        // Parameters that make the operator indefinite are refused.
        try {
            problem.operator(1.0, -1.0, 1.0, 1.0);
        } catch (IllegalArgumentException e) {
            System.out.println("refused: " + e.getMessage());
        }
    }

    private static double max(DenseMatrix u) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < u.rows(); i++) {
            m = Math.max(m, u.get(i, 0));
        }
        return m;
    }
}
