package dev.nla.tensor.problems.dg;

/**
 * How the SSP-RK3 time step follows the mesh.
 *
 * <p>Both rules scale a Courant number \(C\). Von Neumann analysis of the upwind modal DG operator
 * with SSP-RK3 (the spectrum of the Fourier symbol \(K_1 + K_2e^{-i\theta}\) inside the stability
 * region of \(1 + z + z^2/2 + z^3/6\)) gives the largest stable \(C\) in \(\Delta t = C\Delta x /
 * (a(2k + 1))\) as 1.229, 1.049, 0.911, 0.807, 0.727, 0.663, 0.611, 0.567 for \(k = 1, \dots, 8\)
 * (1.256 for \(k = 0\)), in line with the CFL numbers tabulated by [Cockburn and Shu 2001]; the default
 * \(C = 0.5\) is stable for every supported degree.
 */
public enum TimeStepRule {
    /**
     * \(\Delta t \le C\,\Delta x/(a(2k + 1))\): the hyperbolic CFL condition; the time error
     * \(O(\Delta t^3)\) limits the observed order to 3.
     */
    CFL,
    /**
     * \(\Delta t \le C\min(\Delta x, \Delta x^{(k+1)/3})/(a(2k + 1))\): the time error
     * \(O(\Delta t^3) = O(\Delta x^{k+1})\) matches the spatial error, so the full order \(k + 1\) is
     * observed for every \(k\) (the usual device for convergence studies of RKDG with \(k \ge 3\)).
     */
    ORDER_MATCHED
}
