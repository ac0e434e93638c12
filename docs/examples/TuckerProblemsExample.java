import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.tensor.problems.cookie.CookieOptions;
import dev.nla.tensor.problems.cookie.CookieProblem;
import dev.nla.tensor.problems.cookie.ParametricCookieOperator;
import dev.nla.tensor.problems.dg.DgAdvectionOperator;
import dev.nla.tensor.problems.dg.DgOptions;
import dev.nla.tensor.problems.dg.DgTuckerResult;
import dev.nla.tensor.problems.dg.DgTuckerSolver;
import dev.nla.tensor.problems.dg.QuantizedDgOperator;
import dev.nla.tensor.problems.dg.SspRk3;
import dev.nla.tensor.problems.dg.TimeGrid;
import dev.nla.tensor.problems.dg.TimeStepRule;
import dev.nla.tensor.solve.TuckerGmres;
import dev.nla.tensor.solve.TuckerGmresOptions;
import dev.nla.tensor.solve.TuckerGmresResult;
import dev.nla.tensor.sum.SummationStrategy;
import dev.nla.tensor.sum.TuckerSummation;
import java.util.Arrays;

public class TuckerProblemsExample {
    public static void main(String[] args) {
        // Cookie problem, 4 cookies, 13 x 13 nodes, rho_mu at 5 points of [1, 10]: a tensor of order 5.
        CookieProblem problem = CookieProblem.assemble(CookieOptions.defaults().withCellsPerSide(12));
        ParametricCookieOperator op = ParametricCookieOperator.uniform(problem, 5, 1.0, 10.0);
        TuckerGmres gmres = new TuckerGmres(
                TuckerSummation.of(SummationStrategy.ADAPTIVE), TuckerGmresOptions.defaults(1e-8));
        TuckerGmresResult r = gmres.solve(op, op.rightHandSide(), op.meanPreconditioner(), RngState.seed(7));
        System.out.printf("GMRES: converged = %b after %d iterations, true residual %.1e%n",
                r.converged(), r.iterations(), r.finalTrueResidual());
        System.out.println("solution ranks " + Arrays.toString(r.solution().ranks()));
        // One fibre (rho = (1, 5.5, 10, 3.25)) against the direct sparse solve.
        int[] index = {0, 2, 4, 1};
        DenseMatrix fibre = op.fibre(r.solution(), index);
        DenseMatrix exact = problem.solve(op.parameterPoint(index));
        System.out.printf("fibre error %.1e%n", relativeDifference(fibre, exact));

        // DG transport, k = 2, N_e = 64 = 8 x 8 elements: coefficients as a 3 x 8 x 8 Tucker tensor.
        DgOptions options = new DgOptions(2, 64, 1.0);
        DgAdvectionOperator dg = DgAdvectionOperator.of(options);
        QuantizedDgOperator q = QuantizedDgOperator.of(dg, 8, 8);
        DenseMatrix u0 = dg.project(x -> Math.sin(2 * Math.PI * x));
        TimeGrid grid = TimeGrid.of(options, 1.0, 0.5, TimeStepRule.CFL);
        DgTuckerResult d = new DgTuckerSolver(q, TuckerSummation.of(SummationStrategy.FORMAL_QR_ROUNDING), 1e-10, 0)
                .solve(u0, grid, RngState.seed(8));
        DenseMatrix full = SspRk3.solve(dg, u0, grid);
        System.out.printf("DG: %d steps, ranks %s, difference to the full grid %.1e%n",
                d.steps(), Arrays.toString(d.solution().ranks()), relativeDifference(q.toMatrix(d.solution()), full));
    }

    private static double relativeDifference(DenseMatrix a, DenseMatrix b) {
        double num = 0;
        double den = 0;
        for (int j = 0; j < b.cols(); j++) {
            for (int i = 0; i < b.rows(); i++) {
                num += Math.pow(a.get(i, j) - b.get(i, j), 2);
                den += b.get(i, j) * b.get(i, j);
            }
        }
        return Math.sqrt(num / den);
    }
}
