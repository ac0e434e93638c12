import dev.nla.core.matrix.DenseMatrix;
import dev.nla.tensor.problems.dg.DgAdvectionOperator;
import dev.nla.tensor.problems.dg.DgOptions;
import dev.nla.tensor.problems.dg.SspRk3;
import dev.nla.tensor.problems.dg.TimeGrid;
import dev.nla.tensor.problems.dg.TimeStepRule;

public class DgTransportExample {
    public static void main(String[] args) {
        // u_t + u_x = 0 on [0, 1), periodic, u(x, 0) = sin(2 pi x); exact solution at T = 1 is u(x, 0).
        for (int k = 1; k <= 4; k++) {
            double previous = Double.NaN;
            for (int ne : new int[] {8, 16, 32}) {
                DgOptions options = new DgOptions(k, ne, 1.0);
                DgAdvectionOperator op = DgAdvectionOperator.of(options);
                DenseMatrix u0 = op.project(x -> Math.sin(2 * Math.PI * x));
                TimeGrid grid = TimeGrid.of(options, 1.0, 0.5, TimeStepRule.ORDER_MATCHED);
                DenseMatrix u = SspRk3.solve(op, u0, grid);
                double error = op.l2Error(u, x -> Math.sin(2 * Math.PI * x));
                String order = Double.isNaN(previous) ? "   -" : String.format("%.2f", Math.log(previous / error) / Math.log(2));
                System.out.printf("k = %d  N_e = %2d  steps = %5d  L2 error = %.3e  order = %s  mass drift = %.1e%n",
                        k, ne, grid.steps(), error, order, op.integral(u) - op.integral(u0));
                previous = error;
            }
        }
    }
}
