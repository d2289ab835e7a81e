package vn.hcmc.kpi.etl.generate;

import java.util.SplittableRandom;

/**
 * Seed derivation and the few distributions the generator needs, written out here so that the
 * output depends only on {@link SplittableRandom}'s specified bit stream and not on JDK-internal
 * algorithms (e.g. a particular {@code nextGaussian}).
 */
final class Rng {
  private Rng() {}

  /** SplitMix64 finaliser. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** A stable 64-bit hash of a string (independent of {@code String.hashCode} collisions). */
  static long hash(String s) {
    long h = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < s.length(); i++) h = mix(h ^ s.charAt(i)) + 0x9E3779B97F4A7C15L;
    return mix(h);
  }

  /** A seed derived from the run seed and any number of keys. */
  static long derive(long seed, long... keys) {
    long h = mix(seed ^ 0x5DEECE66DL);
    for (long k : keys) h = mix(h ^ mix(k + 0x9E3779B97F4A7C15L));
    return h;
  }

  static SplittableRandom of(long seed, long... keys) { return new SplittableRandom(derive(seed, keys)); }

  /** Standard normal variate (Box–Muller, one value per call). */
  static double gaussian(SplittableRandom r) {
    double u1 = r.nextDouble();
    double u2 = r.nextDouble();
    return Math.sqrt(-2.0 * Math.log(1.0 - u1)) * Math.cos(2.0 * Math.PI * u2);
  }

  /** exp(N(mu, sigma)). */
  static double logNormal(SplittableRandom r, double median, double sigma) {
    return median * Math.exp(sigma * gaussian(r));
  }

  /** Poisson variate; exact for small means, normal approximation above 40. */
  static int poisson(SplittableRandom r, double lambda) {
    if (lambda <= 0) return 0;
    if (lambda > 40) {
      long v = Math.round(lambda + Math.sqrt(lambda) * gaussian(r));
      return (int) Math.max(0, v);
    }
    double l = Math.exp(-lambda);
    int k = 0;
    double p = 1.0;
    do {
      k++;
      p *= r.nextDouble();
    } while (p > l);
    return k - 1;
  }

  /** Number of failures before the first success, success probability p (mean (1-p)/p). */
  static int geometric(SplittableRandom r, double p) {
    if (p >= 1) return 0;
    return (int) Math.floor(Math.log(1.0 - r.nextDouble()) / Math.log(1.0 - p));
  }

  static double uniform(SplittableRandom r, double lo, double hi) { return lo + (hi - lo) * r.nextDouble(); }

  static boolean chance(SplittableRandom r, double p) { return r.nextDouble() < p; }

  /** Index drawn from cumulative weights (last element = total). */
  static int pick(SplittableRandom r, double[] cumulative) {
    double x = r.nextDouble() * cumulative[cumulative.length - 1];
    int lo = 0, hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] > x) hi = mid; else lo = mid + 1;
    }
    return lo;
  }

  static double[] cumulative(double[] weights) {
    double[] c = new double[weights.length];
    double s = 0;
    for (int i = 0; i < weights.length; i++) { s += Math.max(0, weights[i]); c[i] = s; }
    return c;
  }
}
