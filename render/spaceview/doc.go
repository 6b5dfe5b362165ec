// Package spaceview is the editor's window on one conceptual space: an
// ebiten game that shows a 2D view (Voronoi cells of the prototypes,
// items coloured by category) or a 3D view (orbit camera), lets the user
// drag points, weight domains and switch contexts, and sends each
// finished gesture as one command to the concept service. The pure logic
// (projection, hit testing, gestures, cells, meshes) is package model;
// this package reads input, talks to the service off the game loop and
// draws the model's meshes.
package spaceview
