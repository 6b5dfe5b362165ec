// Package assets embeds what cimviz ships with: fonts, sample graphs,
// workflow templates and conceptual spaces.
package assets
