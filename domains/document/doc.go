// Package document is the document domain service: content-addressed
// documents served on the CQRS harness (package service) as domain
// "document", one aggregate per document.
//
// A version's identity is its CID (CIDv1, raw codec, sha2-256 multihash)
// over the body's bytes; a version names its parents' CIDs, so the
// versions of a document form a DAG (a merge has two parents). The
// document carries metadata (title, media type, tags, author: the
// X-Actor of the command that created it) and links from graph nodes and
// workflow steps.
//
// Commands, on cim.document.cmd.<command>, with their events on
// cim.document.evt.<document>.<event>:
//
//	create_document {title, media_type?, tags?, text | body}   -> document_created
//	add_version     {parents?, text | body, note?}             -> version_added
//	set_metadata    {title?, media_type?, tags?}               -> metadata_set
//	link            {graph, node | workflow, step, cid?}        -> document_linked
//	unlink          (the same target)                           -> document_unlinked
//
// text is UTF-8 text, body base64 bytes (one of them). A body of up to
// [InlineLimit] bytes travels in its event; a larger one is put in the
// JetStream object store [Bucket] under its CID and the event holds only
// the CID, size and "stored": "object". Reading fetches the body and
// checks its CID ([Blobs.Get]); a body that does not match is
// [ErrCorrupt]. add_version without parents takes the latest version as
// its parent; a parent the document lacks is a 404, a body the document
// already has a 409.
//
// Queries, with the document as aggregate ID: get (the latest version or
// the one named by cid, with its content), versions (the DAG: every
// version, its parents, the heads). Views from a [Catalog] that follows
// the store: documents (a summary of each) and links (the documents
// linked from a graph, a node of it, a workflow or a step).
//
// [ImportDir] imports a folder of Markdown files (`cimviz document import
// DIR`); package mdtext renders Markdown as plain text for the editor.
package document
