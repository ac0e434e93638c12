package dev.nla.core.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Philox4x32Test {
    private static final String KAT_RESOURCE = "philox4x32_10_kat.txt";

    /** One Random123 known-answer line: counter words, key words, output words. */
    record Kat(int[] counter, int[] key, int[] expected) {
        long counterLow() {
            return (counter[0] & 0xFFFFFFFFL) | ((long) counter[1] << 32);
        }

        long counterHigh() {
            return (counter[2] & 0xFFFFFFFFL) | ((long) counter[3] << 32);
        }

        long key64() {
            return (key[0] & 0xFFFFFFFFL) | ((long) key[1] << 32);
        }

        @Override
        public String toString() {
            return Integer.toHexString(counter[0]) + ".." + Integer.toHexString(key[1]);
        }
    }

    static Stream<Arguments> knownAnswers() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(Philox4x32Test.class.getResourceAsStream(KAT_RESOURCE));
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.trim();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\\s+");
                int[] w = new int[10];
                for (int t = 0; t < 10; t++) {
                    w[t] = Integer.parseUnsignedInt(f[2 + t], 16);
                }
                cases.add(Arguments.of(new Kat(
                        new int[] {w[0], w[1], w[2], w[3]}, new int[] {w[4], w[5]}, new int[] {w[6], w[7], w[8], w[9]
                        })));
            }
        }
        return cases.stream();
    }

    @Test
    void resourceHoldsTheThreePublishedVectors() throws IOException {
        assertThat(knownAnswers()).hasSize(3);
    }

    @ParameterizedTest
    @MethodSource("knownAnswers")
    void matchesRandom123FromWords(Kat kat) {
        int[] out = new int[6];
        Philox4x32.block(
                kat.counter()[0],
                kat.counter()[1],
                kat.counter()[2],
                kat.counter()[3],
                kat.key()[0],
                kat.key()[1],
                out,
                1);
        assertThat(out)
                .containsExactly(0, kat.expected()[0], kat.expected()[1], kat.expected()[2], kat.expected()[3], 0);
    }

    @ParameterizedTest
    @MethodSource("knownAnswers")
    void matchesRandom123FromLongLayout(Kat kat) {
        int[] out = new int[4];
        Philox4x32.block(kat.key64(), kat.counterHigh(), kat.counterLow(), out, 0);
        assertThat(out).containsExactly(kat.expected());
    }

    @ParameterizedTest
    @MethodSource("knownAnswers")
    void packsOutputWordsLowHalfFirst(Kat kat) {
        long[] out = new long[2];
        Philox4x32.block(new RngState(kat.key64(), kat.counterHigh(), kat.counterLow()), out, 0);
        int[] x = kat.expected();
        assertThat(out)
                .containsExactly(
                        (x[0] & 0xFFFFFFFFL) | ((long) x[1] << 32), (x[2] & 0xFFFFFFFFL) | ((long) x[3] << 32));
    }

    @Test
    void rejectsTooShortOutput() {
        assertThatThrownBy(() -> Philox4x32.block(1L, 2L, 3L, new long[2], 1))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void rejectsNullOutput() {
        assertThatThrownBy(() -> Philox4x32.block(1L, 2L, 3L, (int[]) null, 0))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("out");
    }

    @Test
    void agreesWithCommonsRngAcrossTheLowWordCarry() {
        // Counter low word = 2^64 - 3: the stretch of 8 blocks crosses into counterHigh + 1.
        assertThat(ourStream(0x0123456789ABCDEFL, 7L, -3L, 8))
                .containsExactly(oracleStream(0x0123456789ABCDEFL, 7L, -3L, 8));
    }

    @Test
    void agreesWithCommonsRngAcrossTheFull128BitWrap() {
        assertThat(ourStream(-1L, -1L, -2L, 4)).containsExactly(oracleStream(-1L, -1L, -2L, 4));
    }

    /** Long stretches of both streams agree for arbitrary keys and counters. */
    @Property(tries = 1000, seed = "7340925301")
    void agreesWithCommonsRngStream(@ForAll long key, @ForAll long counterHigh, @ForAll long counterLow) {
        int blocks = 64;
        assertThat(ourStream(key, counterHigh, counterLow, blocks))
                .containsExactly(oracleStream(key, counterHigh, counterLow, blocks));
    }

    /** Our blocks at counters C, C+1, ..., C+blocks-1, as 32-bit words in Random123 order. */
    private static int[] ourStream(long key, long counterHigh, long counterLow, int blocks) {
        int[] out = new int[4 * blocks];
        RngState s = new RngState(key, counterHigh, counterLow);
        for (int b = 0; b < blocks; b++) {
            Philox4x32.block(s.key(), s.counterHigh(), s.counterLow(), out, 4 * b);
            s = s.advance(1);
        }
        return out;
    }

    /**
     * The same words from commons-rng 1.7, which is seeded {k0, k1, c0, c1, c2, c3} and increments
     * its counter before each block: seeding it with C - 1 makes its first block the one at C.
     */
    private static int[] oracleStream(long key, long counterHigh, long counterLow, int blocks) {
        long low = counterLow - 1;
        long high = counterLow == 0 ? counterHigh - 1 : counterHigh;
        org.apache.commons.rng.core.source32.Philox4x32 oracle = new org.apache.commons.rng.core.source32.Philox4x32(
                new int[] {(int) key, (int) (key >>> 32), (int) low, (int) (low >>> 32), (int) high, (int) (high >>> 32)
                });
        int[] out = new int[4 * blocks];
        for (int t = 0; t < out.length; t++) {
            out[t] = oracle.nextInt();
        }
        return out;
    }
}
