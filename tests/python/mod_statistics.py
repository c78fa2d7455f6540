# gc-stress: 200
# statistics: mean, fmean, geometric/harmonic mean, median variants, mode,
# multimode, quantiles, variance/stdev (sample and population), with ints,
# floats, Fractions and Decimals; NormalDist; correlation, regression;
# StatisticsError.
import statistics as st
from fractions import Fraction
from decimal import Decimal

data = [2, 4, 4, 4, 5, 5, 7, 9]
print(st.mean(data), st.fmean(data), st.median(data), st.median_low(data), st.median_high(data))
print(st.mode(data), st.multimode("aabbbccdd"), st.multimode([1, 1, 2, 2]))
print(st.pvariance(data), st.pstdev(data), st.variance(data), round(st.stdev(data), 12))
print(st.mean([Fraction(1, 3), Fraction(2, 3), Fraction(1, 2)]), st.variance([Fraction(1, 2), Fraction(3, 2), Fraction(5, 2)]))
print(st.mean([Decimal("1.5"), Decimal("2.25")]), st.median([Decimal("3.1"), Decimal("1.2"), Decimal("2.0")]))
print(round(st.geometric_mean([1, 2, 4, 8]), 10), st.harmonic_mean([40, 60]), st.harmonic_mean([1, 2, 4], weights=[1, 2, 4]))
print(st.median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5]), st.median_grouped([52, 52, 53, 54], interval=2))
print(st.quantiles(range(1, 101), n=4), st.quantiles([1, 2, 3, 4, 5, 6, 7], n=3, method="inclusive"))
print(st.quantiles(data, n=10))
print(st.mean([1.5, 2.5, 3.0]), st.mean([True, False, True]), st.variance([1.0, 2.0, 4.0], xbar=7 / 3))
x = [1, 2, 3, 4, 5]
y = [2, 4, 5, 4, 5]
print(round(st.correlation(x, y), 12), round(st.covariance(x, y), 12))
print(st.linear_regression(x, y))
for bad in [lambda: st.mean([]), lambda: st.variance([1]), lambda: st.median([]), lambda: st.mode([]),
            lambda: st.geometric_mean([0, 1]), lambda: st.harmonic_mean([-1, 2]), lambda: st.quantiles([1], n=4),
            lambda: st.correlation([1, 1], [2, 3]), lambda: st.mean(["a"])]:
    try:
        print(bad())
    except (st.StatisticsError, TypeError) as e:
        print(type(e).__name__, e)
nd = st.NormalDist(100, 15)
print(nd, nd.mean, nd.stdev, nd.variance, round(nd.cdf(115), 10), round(nd.pdf(100), 12))
print(round(nd.inv_cdf(0.975), 8), [round(q, 6) for q in nd.quantiles(4)], round(nd.zscore(130), 6))
print(round(nd.overlap(st.NormalDist(110, 15)), 10), nd + 10, nd * 2, nd == st.NormalDist(100, 15))
print(st.NormalDist.from_samples([1.0, 2.0, 3.0, 4.0]))
print(st.mean(range(10 ** 6, 10 ** 6 + 10)), st.pvariance([10 ** 20, 10 ** 20 + 2]))
