// Package mdtext renders Markdown as plain text for the editor's
// inspector: headings become their text (level one and two underlined),
// list items get a bullet or their number and a hanging indent, emphasis,
// links and HTML tags are stripped to their text, block quotes get a bar,
// code blocks are kept as they are (indented, never wrapped), and
// paragraphs are wrapped to a width in runes.
//
// It is pure: strings in, strings out, no I/O, and no input makes it
// panic. It covers the Markdown people write in notes (CommonMark's
// blocks and the usual inline marks), not every corner of the spec.
package mdtext
