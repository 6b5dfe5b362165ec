// Package space is the pure model of conceptual spaces after Gärdenfors:
// quality dimensions, concepts as convex regions around prototypes, items
// as points, and the geometry that relates them. It knows nothing of NATS;
// the concept domain service (package concept) serves it.
//
// # Dimensions and normalisation
//
// A [Dimension] is continuous (a range Min..Max), circular (a Period, like
// hue 0..360), ordinal (ordered Levels) or categorical (a set of Values).
// Every dimension's difference is normalised to 0..1 before weighting, so
// that a hue and a size can be compared:
//
//   - continuous: |a-b| / (Max-Min)
//   - circular:   min(|a-b|, Period-|a-b|) / (Period/2), so opposite hues are 1 apart
//   - ordinal:    |i-j| / (levels-1) on level indexes
//   - categorical: 0 when equal, 1 otherwise
//
// Dimensions are grouped into domains (Dimension.Domain, by default the
// dimension's own name). A weight set per context ("default", "cooking")
// gives each domain a salience w >= 0 (1 when not named). The distance is
// the weighted Minkowski metric of the space's [Norm]:
//
//	manhattan (p=1):  sum w_i*d_i
//	euclidean (p=2):  sqrt(sum w_i*d_i^2)
//	chebyshev (p=inf): max w_i*d_i
//
// which is a metric (non-negative, symmetric, triangle inequality) for any
// weights >= 0; with a zero weight it is a pseudometric.
//
// # Fast paths
//
// A [Metric] is a space compiled for one context: per dimension a
// coefficient (normalisation times the weight's p-th root) and, for
// circular ones, the scaled period. Points are flat []float64 arrays
// (dimension-major per point; ordinal and categorical values as indexes),
// so [Metric.Categorize] and [Metric.KNearest] scan without allocation and
// stop summing a candidate once it is worse than the best so far (per
// dimension in the general kernels; every 16 dimensions in Categorize's
// Euclidean kernel, where a per-dimension branch cost more than it saved,
// see fast.go). A dimension's difference is branch-free: the circular
// wrap and the categorical cap are minimums ([Metric.Distance]).
//
// # Views
//
// [Space.View] projects a space on two or three chosen dimensions for a
// 2D/3D view ([Metric.Project] and [ProjectPoints] underneath).
// [Metric.Voronoi] gives the prototypes' cells in a 2D projection as
// convex polygons: the view rectangle clipped by bisector half-planes,
// neighbours found through a grid, stopping at the security radius (see
// voronoi.go). A circular axis is handled exactly by adding the
// prototypes' copies shifted by the period, so a cell crossing the seam
// comes back in two pieces ([Cell]). The cells are exact for the
// weighted Euclidean norm on continuous, ordinal and circular axes; for
// the Manhattan and Chebyshev norms, or a categorical axis, they are the
// weighted-Euclidean approximation ([Metric.ExactCells] says which) and
// [Metric.Raster] gives the exact nearest-prototype map per pixel.
//
// # Benchmarks
//
// Plain functions for `cimviz bench`: Unit(8, Euclidean).Categorize(points,
// protos) (1M x 100), Unit(8, Euclidean).KNearest(q, items, 10) (100k),
// Unit(2, Euclidean).Voronoi(protos, view) (1k), with [Uniform] data.
package space
