import dev.nla.core.error.MalformedInputException;
import dev.nla.core.io.MatrixMarket;
import dev.nla.core.io.MatrixMarketReadOptions;
import dev.nla.core.io.MatrixMarketWriteOptions;
import dev.nla.core.io.Npy;
import dev.nla.core.io.NpyHeader;
import dev.nla.core.io.NpyWriteOptions;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.matrix.SparseMatrix;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;

public class IoExample {
    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("nla-io");

        // .npy: what np.save writes for the same array (float64, little-endian, C order, version 1.0).
        DenseMatrix a = DenseMatrix.of(new double[][] {{1.0, 2.5, -3.0}, {0.1, Math.PI, 1e-300}});
        Npy.write(a, dir.resolve("a.npy"));
        DenseMatrix back = Npy.read(dir.resolve("a.npy"));
        System.out.println("npy round trip exact: "
                + java.util.Arrays.equals(back.toColumnMajorArray(), a.toColumnMajorArray()));

        // A view (offset and leading dimension) as float32 in Fortran order.
        DenseMatrix block = a.view(0, 1, 2, 2);
        Npy.write(block, dir.resolve("block32.npy"),
                NpyWriteOptions.defaults().withDtype(Npy.Dtype.FLOAT32).withOrder(Npy.Order.FORTRAN));
        NpyHeader h = Npy.readHeader(dir.resolve("block32.npy"));
        System.out.println("block32.npy: descr " + h.descr() + ", order " + h.order() + ", shape " + h.shape()
                + ", data at byte " + h.dataOffset());

        // Matrix Market: a symmetric sparse matrix, lower triangle written, expanded on reading.
        SparseMatrix s = SparseMatrix.builder(3, 3)
                .add(0, 0, 4).add(1, 0, -1).add(0, 1, -1).add(2, 2, 0.5)
                .build(SparseMatrix.Format.CSR);
        MatrixMarket.write(s, dir.resolve("s.mtx"), MatrixMarketWriteOptions.defaults()
                .withSymmetry(MatrixMarket.Symmetry.SYMMETRIC)
                .withComment(" written by nla"));
        System.out.print(Files.readString(dir.resolve("s.mtx")));
        Matrix t = MatrixMarket.read(dir.resolve("s.mtx"),
                MatrixMarketReadOptions.defaults().withSparseFormat(SparseMatrix.Format.CSC));
        System.out.println("read back: " + t + " = " + t.toDense());

        // A damaged file is refused with the source, the position and what was found.
        try {
            MatrixMarket.read(new StringReader("%%MatrixMarket matrix coordinate real general\n2 2 1\n3 1 1.0\n"),
                    "damaged.mtx", MatrixMarketReadOptions.defaults());
        } catch (MalformedInputException e) {
            System.out.println("refused: " + e.getMessage());
        }
    }
}
