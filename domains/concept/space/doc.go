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
// so [Metric.Categorize] and [Metric.Nearest] scan without allocation and
// stop summing a candidate once it is worse than the best so far.
//
// # Views
//
// [Metric.Project] keeps two or three chosen dimensions for a 2D/3D view;
// [Metric.Voronoi] gives the prototypes' cells in a 2D projection as convex
// polygons (half-plane clipping of the view rectangle, neighbours from a
// grid, see voronoi.go), exact for the weighted Euclidean norm on linear
// dimensions. For other norms or circular/categorical axes the polygons are
// the weighted-Euclidean approximation ([Metric.ExactCells] says which) and
// [Metric.Raster] gives the exact nearest-prototype map per pixel.
package space
